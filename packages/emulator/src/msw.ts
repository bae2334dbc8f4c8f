// msw handlers that route every request for the emulator's origin to it, for in-process tests.
import { http, type RequestHandler } from 'msw';
import type { Emulator } from './emulator';

/**
 * msw handlers serving `emulator` at `baseUrl`'s origin: every request to that origin goes through the
 * emulator's pipeline, as over HTTP (body limit, CORS, request ids; the pages too). The emulator's base path
 * (`/v1/` by default) must be `baseUrl`'s path.
 *
 * @param emulator - From `createEmulator()`.
 * @param baseUrl - The base URL the SDK is pointed at. Default `https://api.lava.so/v1/`.
 * @returns Handlers for `setupServer(...)` or `server.use(...)`.
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 *
 * const emulator = createEmulator();
 * const server = setupServer(...emulatorHandlers(emulator, 'https://api.lava.so/v1/'));
 * ```
 */
export function emulatorHandlers(emulator: Emulator, baseUrl = 'https://api.lava.so/v1/'): RequestHandler[] {
  const url = new URL(baseUrl);
  if (url.pathname !== emulator.basePath) {
    throw new TypeError(
      `emulatorHandlers: baseUrl's path ${url.pathname} is not the emulator's basePath ${emulator.basePath}`,
    );
  }
  return [http.all(`${url.origin}/*`, ({ request }) => emulator.handle(request))];
}
