import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach } from 'vitest';

export const credentials = {
  wallet_id: 'wal_123',
  secret_key_id: 'sk_123',
  secret_key: 'aks_test_0123456789abcdefSECRET',
  merchant_id: 'mer_123',
  account_id: 'acc_123',
};

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  /** Close the connection without answering: the request arrived, its answer is lost. */
  lost?: boolean;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});

/** A real HTTP server on 127.0.0.1 standing in for the Lava API; records every request. */
export async function startApi(handler: (req: SeenRequest) => Reply = () => ({ body: credentials })) {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      const reply = handler(request);
      if (reply.lost) return void req.socket.destroy();
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { origin: `http://127.0.0.1:${port}`, baseUrl: `http://127.0.0.1:${port}/v1/`, seen };
}

/** The parts of an authorization URL a browser would act on. */
export function parseAuthUrl(url: string) {
  const parsed = new URL(url);
  const state = parsed.searchParams.get('state') ?? '';
  const port = Number(parsed.searchParams.get('port'));
  return { parsed, state, port, callback: `http://127.0.0.1:${port}/callback` };
}

/** Resolves with the error code of a TCP connection attempt to 127.0.0.1:port ('connected' if it worked). */
export function probe(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}
