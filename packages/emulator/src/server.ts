// Serves an emulator over node:http on 127.0.0.1. The only module of the package that imports node:*.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CorsOrigins, corsPolicy } from './cors';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator';
import { errorResponse } from './http';

/** The options of `startEmulator()`: the emulator's own, and where and how to serve it. */
export interface StartEmulatorOptions extends EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`, so the emulator is never reachable from the network. */
  host?: string;
  /** Serve an existing emulator instead of creating one. */
  emulator?: Emulator;
  /**
   * Browser origins allowed to call the emulator (CORS): `'*'`, a list such as
   * `['http://localhost:5173']`, a predicate, or `false`. Default: any origin on a loopback host
   * (127.0.0.1, ::1, localhost), none on any other. Same-origin pages never need it.
   */
  cors?: CorsOrigins | undefined;
}

/** An emulator served over HTTP, from `startEmulator()`. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/v1/`, the `baseUrl` to give `createLava()`. */
  readonly baseUrl: string;
  /** The TCP port it listens on. */
  readonly port: number;
  /** The emulator it serves: its `state`, `seed`, `settled()`, `completeCheckout()`. */
  readonly emulator: Emulator;
  /**
   * Stops listening and closes every connection at once, idle keep-alive sockets and requests in flight
   * alike, so it resolves in milliseconds. Calling it again returns the same promise.
   */
  stop(): Promise<void>;
}

/**
 * The most bytes the server reads of a REST request body: 10 MiB, far above any documented Lava body
 * (a hosted page's HTML is at most 1 MB). A larger body gets 413 in Lava's error shape.
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** The most bytes of a `/forward` or `/rewrite` body: 32 MiB, the request limit of Anthropic's API. */
export const MAX_GATEWAY_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The body's bytes, or undefined once it is past `limit` (declared or counted): from then on the rest is
 * read and dropped, so the connection stays usable and nothing more is held.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(req.headers['content-length'] ?? 0);
    if (size > limit) {
      req.resume();
      return resolve(undefined);
    }
    size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      resolve(undefined);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The request as a fetch `Request`; past the body limit, without its body and with Lava's 413 answer. */
async function toRequest(
  req: IncomingMessage,
  origin: string,
): Promise<Request | { request: Request; tooLarge: Response }> {
  const url = req.url?.startsWith('http') ? req.url : `${origin}${req.url ?? '/'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const limit = /^[^?]*\/(forward|rewrite)([/?]|$)/.test(req.url ?? '')
    ? MAX_GATEWAY_BODY_BYTES
    : MAX_BODY_BYTES;
  const joined = await readBody(req, limit);
  if (!joined) {
    const tooLarge = errorResponse(413, 'payload_too_large', `Request body is larger than ${limit} bytes`);
    return { request: new Request(url, { method, headers }), tooLarge };
  }
  const body = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
  return new Request(url, { method, headers, body });
}

async function writeResponse(
  response: Response,
  res: ServerResponse,
  extra: Record<string, string>,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  for (const [name, value] of Object.entries(extra)) headers[name] = value;
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => {
    reader.cancel().catch(() => undefined);
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/**
 * Starts an emulator on `http://127.0.0.1:PORT`.
 *
 * @param options - Port (default: a free one), host (default 127.0.0.1), and every `createEmulator` option.
 * @returns `{ url, baseUrl, port, emulator, stop }`.
 * @example
 * ```ts
 * const { baseUrl, stop } = await startEmulator();
 * const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl });
 * // …
 * await stop();
 * ```
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', emulator: given, cors, ...emulatorOptions } = options;
  const emulator = given ?? createEmulator(emulatorOptions);
  const policy = corsPolicy(cors, host);
  let origin = '';
  const answer = async (
    received: Request | { request: Request; tooLarge: Response },
  ): Promise<[Response, Record<string, string>]> => {
    const { request, tooLarge } = received instanceof Request ? { request: received } : received;
    // CORS covers the API only: the inspector's state (with links to open checkouts) and the pages stay
    // unreadable to other origins, whatever the policy allows.
    const api = new URL(request.url).pathname.startsWith('/v1/');
    const preflight = api ? policy.preflight(request) : undefined;
    if (preflight) return [preflight, {}];
    // A 413 carries the CORS headers too, so a browser app can read why its upload was refused.
    const response = tooLarge ?? (await emulator.handle(request));
    const headers = api ? policy.headers(request) : {};
    if (request.headers.has('origin')) {
      const vary = response.headers.get('vary');
      headers.vary = vary ? `${vary}, Origin` : 'Origin';
    }
    return [response, headers];
  };
  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then(answer)
      .then(([response, headers]) => writeResponse(response, res, headers))
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { message: `Internal emulator error: ${message}`, code: 'internal_error', status: 500 },
          }),
        );
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostPart}:${address.port}`;
  let stopped: Promise<void> | undefined;
  return {
    url: origin,
    baseUrl: `${origin}/v1/`,
    port: address.port,
    emulator,
    stop: () => {
      stopped ??= new Promise<void>((resolve, reject) => {
        // close() alone would wait for every keep-alive socket to time out (5 s) and for requests in
        // flight; closeAllConnections() ends them now, so the callback runs on the next turns of the loop.
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}

export type { CorsOrigins } from './cors';
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator';
