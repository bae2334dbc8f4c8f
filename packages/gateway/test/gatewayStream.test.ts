import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLava, type LavaClient } from '@lava-sdk/core';
import { gatewayStream, type ServerSentEvent } from '@lava-sdk/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../../test/helpers/lava';

// A real HTTP server on loopback: it sees exactly what goes over the wire, including a closed connection.
interface Seen {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  res: ServerResponse;
  closed: Promise<void>;
}
type Route = (seen: Seen) => void | Promise<void>;

let server: Server;
let lava: LavaClient;
const routes = new Map<string, Route>();
const requests: Seen[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url!, 'http://127.0.0.1');
    const seen: Seen = {
      method: req.method!,
      url,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      res,
      closed: once(res, 'close').then(() => {}),
    };
    requests.push(seen);
    const route = routes.get(new URL(url.searchParams.get('u') ?? 'http://none/').pathname);
    if (route) await route(seen);
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  lava = createLava({ secretKey: SECRET_KEY, baseUrl: `http://127.0.0.1:${port}/v1/`, retryDelayMs: 1 });
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const sse = (res: ServerResponse, headers: Record<string, string> = {}) => {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'x-lava-request-id': 'req_stream_1',
    ...headers,
  });
  res.flushHeaders();
};
const url = (path: string) => `https://provider.test${path}`;
const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
const last = () => requests[requests.length - 1]!;

describe('gatewayStream against a real server', () => {
  it('sends stream: true and no Accept of its own, and yields every event until [DONE]', async () => {
    routes.set('/chat', ({ res }) => {
      sse(res);
      res.write(': keep-alive\n\n');
      res.write('data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n');
      res.write('data: {"choices":[{"delta":{"content":"lo"}}]}\r\n\r\n');
      res.end('data: [DONE]\n\n');
    });
    const stream = (await gatewayStream(lava, url('/chat'), { body: chat, meter_slug: 'm' }))._unsafeUnwrap();
    expect(stream.status).toBe(200);
    expect(stream.requestId).toBe('req_stream_1');
    const events: ServerSentEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.map((e) => e.json)).toEqual([
      { choices: [{ delta: { content: 'Hel' } }] },
      { choices: [{ delta: { content: 'lo' } }] },
    ]);
    const seen = last();
    expect(seen.method).toBe('POST');
    expect(seen.url.pathname).toBe('/v1/forward');
    expect(JSON.parse(seen.body)).toEqual({ ...chat, stream: true });
    // The platform fetch's own: the gateway adds no Accept (headers.test.ts asserts every header exactly).
    expect(seen.headers.accept).toBe('*/*');
    expect(seen.headers['content-type']).toBe('application/json');
    const token = JSON.parse(Buffer.from(seen.headers.authorization!.slice(7), 'base64').toString('utf8'));
    expect(token).toEqual({ secret_key: SECRET_KEY, customer_id: null, meter_slug: 'm' });
  });

  it('leaves the body alone with streamFlag: false (Gemini streams by URL)', async () => {
    routes.set('/gemini', ({ res }) => {
      sse(res);
      res.end('data: {"candidates":[]}\n\n');
    });
    const body = { contents: [{ parts: [{ text: 'Hi' }] }] };
    const stream = (await gatewayStream(lava, url('/gemini'), { body, streamFlag: false }))._unsafeUnwrap();
    for await (const _ of stream);
    expect(JSON.parse(last().body)).toEqual(body);
  });

  it('yields the first event while the server is still holding the rest back', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    routes.set('/held', async ({ res }) => {
      sse(res);
      res.write('data: first\n\n');
      await released;
      res.end('data: second\n\n');
    });
    const stream = (await gatewayStream(lava, url('/held'), { body: chat }))._unsafeUnwrap();
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ data: 'first' });
    release();
    expect((await iterator.next()).value).toMatchObject({ data: 'second' });
    expect((await iterator.next()).done).toBe(true);
  });

  it('closes the connection when the consumer breaks out early', async () => {
    let written = 0;
    routes.set('/endless', async ({ res }) => {
      sse(res);
      while (!res.destroyed && written < 10_000) {
        res.write(`data: {"n":${written++}}\n\n`);
        await sleep(5);
      }
    });
    const stream = (await gatewayStream(lava, url('/endless'), { body: chat }))._unsafeUnwrap();
    const received: unknown[] = [];
    for await (const event of stream) {
      received.push(event.json);
      if (received.length === 3) break;
    }
    expect(received).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    const seen = last();
    await Promise.race([
      seen.closed,
      sleep(3000).then(() => Promise.reject(new Error('connection still open'))),
    ]);
    expect(seen.res.destroyed).toBe(true);
    const after = written;
    await sleep(50);
    expect(written - after).toBeLessThanOrEqual(1);
    expect(written).toBeLessThan(1000);
  });

  it('closes the connection on cancel() without iterating', async () => {
    routes.set('/never-read', ({ res }) => {
      sse(res);
      res.write('data: 1\n\n');
    });
    const stream = (await gatewayStream(lava, url('/never-read'), { body: chat }))._unsafeUnwrap();
    await stream.cancel();
    await stream.cancel();
    await Promise.race([
      last().closed,
      sleep(3000).then(() => Promise.reject(new Error('connection still open'))),
    ]);
  });

  it('applies the timeout to the headers only, not to a long stream', async () => {
    routes.set('/slow-body', async ({ res }) => {
      sse(res);
      for (let i = 0; i < 4; i++) {
        await sleep(60);
        res.write(`data: ${i}\n\n`);
      }
      res.end();
    });
    const stream = (
      await gatewayStream(lava, url('/slow-body'), { body: chat, timeoutMs: 100 })
    )._unsafeUnwrap();
    const data: string[] = [];
    for await (const e of stream) data.push(e.data);
    expect(data).toEqual(['0', '1', '2', '3']);

    routes.set('/slow-headers', async ({ res }) => {
      await sleep(400);
      if (!res.destroyed) sse(res);
      res.end();
    });
    const error = (
      await gatewayStream(lava, url('/slow-headers'), { body: chat, timeoutMs: 100 })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 100, attempts: 1 });
  });

  it('ends the iteration with an aborted error when the signal fires mid-stream, closing the connection', async () => {
    routes.set('/abort', ({ res }) => {
      sse(res);
      res.write('data: 1\n\n');
    });
    const controller = new AbortController();
    const stream = (
      await gatewayStream(lava, url('/abort'), { body: chat, signal: controller.signal })
    )._unsafeUnwrap();
    const consume = (async () => {
      for await (const _ of stream) controller.abort();
    })();
    await expect(consume).rejects.toMatchObject({ kind: 'aborted', name: 'LavaError' });
    await Promise.race([
      last().closed,
      sleep(3000).then(() => Promise.reject(new Error('connection still open'))),
    ]);
  });

  it('throws a network error when the connection drops mid-stream', async () => {
    routes.set('/drop', async ({ res }) => {
      sse(res);
      res.write('data: 1\n\n');
      await sleep(20);
      res.destroy();
    });
    const stream = (await gatewayStream(lava, url('/drop'), { body: chat }))._unsafeUnwrap();
    const data: string[] = [];
    await expect(
      (async () => {
        for await (const e of stream) data.push(e.data);
      })(),
    ).rejects.toMatchObject({ kind: 'network' });
    expect(data).toEqual(['1']);
  });

  it('returns a provider error as an api error, without retrying the POST', async () => {
    let calls = 0;
    routes.set('/limited', ({ res }) => {
      calls++;
      res.writeHead(429, { 'content-type': 'application/json', 'x-lava-request-id': 'req_429' });
      res.end(JSON.stringify({ error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }));
    });
    const error = (await gatewayStream(lava, url('/limited'), { body: chat }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'api',
      status: 429,
      requestId: 'req_429',
      code: 'rate_limit_exceeded',
      body: { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } },
    });
    expect(calls).toBe(1);
  });

  it('returns invalid_response when the provider answers JSON instead of a stream', async () => {
    routes.set('/json', ({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"chatcmpl_1"}');
    });
    const error = (await gatewayStream(lava, url('/json'), { body: chat }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
  });

  it('returns invalid_params before connecting', async () => {
    const before = requests.length;
    const error = (
      await gatewayStream(lava, url('/chat'), { body: chat, customer_id: 'c' })
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(requests.length).toBe(before);
  });
});
