import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answer } from './fixtures';

/** One request as the server saw it. */
export interface Recorded {
  method: string;
  /** The request target's path, exactly as sent (not decoded). */
  path: string;
  /** The query pairs, in the order sent. */
  query: [string, string][];
  /** Header names lower-cased. */
  headers: Record<string, string>;
  rawBody: string;
  /** The body parsed as JSON; undefined when there is none. */
  body: unknown;
}

export interface Recorder {
  /** `http://127.0.0.1:<port>/v1/` */
  readonly baseUrl: string;
  readonly origin: string;
  readonly requests: Recorded[];
  /** Answers instead of the fixtures while set: `{ status, body }`, or undefined to fall through. */
  override?: ((method: string, path: string) => { status: number; body: unknown } | undefined) | undefined;
  /** Runs `fn` and returns the requests it made (and what it resolved or threw). */
  capture(fn: () => unknown): Promise<{ requests: Recorded[]; value?: unknown; error?: unknown }>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (a free port) that records every request and answers it with the
 * documented JSON body of its path (`answer()`), or a Lava-shaped 404.
 */
export async function startRecorder(): Promise<Recorder> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const target = req.url ?? '/';
      const queryAt = target.indexOf('?');
      const path = queryAt < 0 ? target : target.slice(0, queryAt);
      const query = [...new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1))];
      let body: unknown;
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = rawBody;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
      requests.push({ method: req.method ?? '', path, query, headers, rawBody, body });
      const relative = decodeURIComponent(path.replace(/^\/v1\//, ''));
      res.setHeader('x-lava-request-id', `req_rec_${requests.length}`);
      const custom = recorder.override?.(req.method ?? '', relative);
      if (custom) {
        res.writeHead(custom.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(custom.body));
        return;
      }
      const json = answer(req.method ?? '', relative);
      if (json === undefined) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Not found', code: 'not_found', status: 404 } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const recorder: Recorder = {
    baseUrl: `${origin}/v1/`,
    origin,
    requests,
    async capture(fn) {
      const start = requests.length;
      try {
        const value = await fn();
        return { requests: requests.slice(start), value };
      } catch (error) {
        return { requests: requests.slice(start), error };
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return recorder;
}
