// Serves an emulator over node:http on 127.0.0.1. The only module of the package that imports node:*.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CorsOrigins, corsPolicy } from './cors';
import { createEmulator, type Emulator, type EmulatorOptions, handlerWithCors } from './emulator';
import { errorResponse } from './http';

/** The options of `startEmulator()`: the emulator's own, and where and how to serve it. */
export interface StartEmulatorOptions extends EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`, so the emulator is never reachable from the network. */
  host?: string;
  /** Serve an existing emulator instead of creating one (its `basePath` then is the one served). */
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
  /** `http://127.0.0.1:PORT/v1/` (the emulator's base path), the `baseUrl` to give `createLava()`. */
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
 * The request's body as a web stream, read only when the pipeline reads it (it enforces the body limit).
 * Cancelling it drains the rest of the upload instead of destroying the socket, so the answer (a 413)
 * still reaches the client and the connection stays usable.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let reading = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!reading) {
          reading = true;
          req.on('data', (chunk: Buffer) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) req.pause();
          });
          req.once('end', () => controller.close());
          req.once('error', (error) => controller.error(error));
        }
        req.resume();
      },
      cancel() {
        req.removeAllListeners('data');
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The request as a fetch `Request`, its body streamed. */
function toRequest(req: IncomingMessage, origin: string): Request {
  const url = req.url?.startsWith('http') ? req.url : `${origin}${req.url ?? '/'}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  return new Request(url, { method, headers, body: bodyOf(req), duplex: 'half' } as RequestInit);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
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
  // The emulator's pipeline, with the CORS policy of this server's host.
  const handle = handlerWithCors(emulator, corsPolicy(cors, host));
  let origin = '';
  const server = createServer((req, res) => {
    handle(toRequest(req, origin))
      .then((response) => writeResponse(response, res))
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        const answer = errorResponse(500, 'internal_error', `Internal emulator error: ${message}`);
        res.writeHead(500, { 'content-type': 'application/json' });
        answer.text().then((text) => res.end(text));
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
    baseUrl: `${origin}${emulator.basePath}`,
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
export { MAX_BODY_BYTES, MAX_GATEWAY_BODY_BYTES } from './limits';
