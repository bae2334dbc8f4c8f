// msw handlers that route every request for the emulator's origin to it, for in-process tests.
import { http, type RequestHandler } from 'msw';
import type { Emulator } from './emulator';

/**
 * msw handlers serving `emulator` at `baseUrl`'s origin (the emulator's base path, `/v1/` by default, must
 * match `baseUrl`'s path).
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
  const origin = new URL(baseUrl).origin;
  return [http.all(`${origin}/*`, ({ request }) => emulator.handle(request))];
}
