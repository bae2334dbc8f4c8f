// Issue 22, item 1: stream bodies through the gateway. A web ReadableStream, a Node Readable and an async
// iterable of bytes or strings reach the server byte for byte, chunk by chunk (nothing buffers the whole
// body first), and are sent once, whatever maxRetries and idempotencyKey say: a stream cannot be replayed.
// A real server on loopback records what it received and when.
import { Readable } from 'node:stream';
import { type LavaClient, requestIdOf } from '@lava-sdk/core';
import { gateway, gatewayFetch, gatewayStream } from '@lava-sdk/gateway';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tally, typedOutcome, watchUnhandled } from './harness';
import { type Loopback, startLoopback } from './loopback';

const OPENAI = 'https://api.openai.com/v1/chat/completions';
const encoder = new TextEncoder();

interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let loop: Loopback;
const received: Received[] = [];
/** What the server answers next; 'sse' streams two events. */
let answer: { status: number; sse?: boolean } = { status: 200 };
/** Resolves each waiter once the server has read at least `bytes` bytes of the current request body. */
let waiters: { bytes: number; resolve: () => void }[] = [];
const tally = new Tally();
const unhandled = watchUnhandled();

beforeAll(async () => {
  loop = await startLoopback((req, res) => {
    const chunks: Buffer[] = [];
    let got = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      got += chunk.length;
      waiters = waiters.filter((w) => (got >= w.bytes ? void w.resolve() : true));
    });
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      if (answer.sse) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'x-lava-request-id': 'req_sse' });
        return res.end('data: {"n":1}\n\ndata: {"n":2}\n\n');
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', 'x-lava-request-id': 'req_body' });
      res.end(JSON.stringify({ bytes: got, status: answer.status }));
    });
  });
});
afterAll(async () => {
  unhandled.stop();
  await loop.close();
  tally.print('gateway-bodies.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

/** Resolves once the server holds `bytes` bytes of the body; rejects after 5 s (a body buffered first). */
function serverHas(bytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server never got ${bytes} bytes mid-body`)), 5_000);
    waiters.push({
      bytes,
      resolve: () => {
        clearTimeout(timer);
        resolve();
      },
    });
  });
}

const PARTS = ['{"model":"gpt-4o-mini",', '"messages":[{"role":"user","content":"héllo ✓"}]}'];
const WHOLE = Buffer.from(PARTS.join(''));
const FIRST = Buffer.byteLength(PARTS[0]!);

/**
 * The body kinds under test, each yielding PARTS[0], then waiting until the server has it (so a body read
 * to the end before sending would never finish), then PARTS[1].
 */
const BODIES: [name: string, make: () => unknown][] = [
  [
    'a web ReadableStream of bytes',
    () => {
      let step = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (step === 0) controller.enqueue(encoder.encode(PARTS[0]));
          else if (step === 1) {
            await serverHas(FIRST);
            controller.enqueue(encoder.encode(PARTS[1]));
          } else controller.close();
          step++;
        },
      });
    },
  ],
  [
    'a Node Readable of Buffers',
    () =>
      Readable.from(
        (async function* () {
          yield Buffer.from(PARTS[0]!);
          await serverHas(FIRST);
          yield Buffer.from(PARTS[1]!);
        })(),
        { objectMode: false },
      ),
  ],
  [
    'an async iterable of strings',
    () =>
      (async function* () {
        yield PARTS[0]!;
        await serverHas(FIRST);
        yield PARTS[1]!;
      })(),
  ],
  [
    'an async iterable of Uint8Array and ArrayBuffer chunks',
    () => ({
      async *[Symbol.asyncIterator]() {
        yield encoder.encode(PARTS[0]);
        await serverHas(FIRST);
        yield encoder.encode(PARTS[1]).buffer;
      },
    }),
  ],
];

const client = (): LavaClient => loop.lava();

describe('gateway() stream bodies pass through unbuffered, byte for byte', () => {
  it.each(BODIES)('%s', async (_name, make) => {
    answer = { status: 200 };
    const before = received.length;
    const result = await gateway<{ bytes: number }>(client(), OPENAI, {
      body: make(),
      headers: { 'content-type': 'application/json' },
      customer_id: 'con_1',
      meter_slug: 'chat',
    });
    const { problem, error } = typedOutcome(result);
    expect(problem).toBeUndefined();
    expect(error).toBeUndefined();
    expect(result._unsafeUnwrap().bytes).toBe(WHOLE.length);
    expect(requestIdOf(result._unsafeUnwrap() as object)).toBe('req_body');
    const [seen] = received.slice(before);
    expect(received.length - before).toBe(1);
    expect(seen!.body.equals(WHOLE)).toBe(true);
    expect(seen!.url).toBe(`/v1/forward?u=${encodeURIComponent(OPENAI)}`);
    expect(seen!.headers['content-type']).toBe('application/json');
    // Streamed, so its length is not known up front.
    expect(seen!.headers['content-length']).toBeUndefined();
    tally.add('stream bodies arrive intact, unbuffered', 1);
  });

  it('a stream body without a content type is sent without one', async () => {
    answer = { status: 200 };
    const before = received.length;
    const body = Readable.from([Buffer.from([0, 1, 2, 255])]);
    (await gateway(client(), OPENAI, { body }))._unsafeUnwrap();
    expect(received[before]!.body).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(received[before]!.headers['content-type']).toBeUndefined();
  });

  it('gatewayStream sends a stream body and reads the events', async () => {
    answer = { status: 200, sse: true };
    const before = received.length;
    const stream = (await gatewayStream(client(), OPENAI, { body: BODIES[2]![1]() }))._unsafeUnwrap();
    const events: unknown[] = [];
    for await (const event of stream) events.push(event.json);
    expect(events).toEqual([{ n: 1 }, { n: 2 }]);
    expect(received[before]!.body.equals(WHOLE)).toBe(true);
  });
});

describe('what is not a stream is still JSON', () => {
  it('an object with pipe, getReader or Symbol.asyncIterator fields that are not methods', async () => {
    answer = { status: 200 };
    const before = received.length;
    const body = { pipe: 'a|b', getReader: null, model: 'm' };
    (await gateway(client(), OPENAI, { body: { ...body, [Symbol.asyncIterator]: 1 } }))._unsafeUnwrap();
    expect(JSON.parse(received[before]!.body.toString())).toEqual(body);
    expect(received[before]!.headers['content-type']).toBe('application/json');
  });
});

describe('a stream body is sent once, whatever maxRetries and idempotencyKey say', () => {
  it.each(BODIES)('%s, answered 503', async (_name, make) => {
    answer = { status: 503 };
    const before = received.length;
    const result = await gateway(client(), OPENAI, {
      body: make(),
      maxRetries: 3,
      idempotencyKey: 'stream-1',
    });
    const { error } = typedOutcome(result);
    expect(error).toMatchObject({ kind: 'api', status: 503, attempts: 1 });
    expect(received.length - before).toBe(1);
    expect(received[before]!.body.equals(WHOLE)).toBe(true);
    expect(received[before]!.headers['idempotency-key']).toBe('stream-1');
    tally.add('stream bodies never retried (503, maxRetries 3, idempotencyKey)', 1, 1);
  });

  it('a JSON body with an idempotencyKey is still retried (the control)', async () => {
    answer = { status: 503 };
    const before = received.length;
    const lava = client();
    const result = await gateway(lava, OPENAI, { body: { a: 1 }, maxRetries: 1, idempotencyKey: 'json-1' });
    expect(typedOutcome(result).error).toMatchObject({ kind: 'api', status: 503, attempts: 2 });
    expect(received.length - before).toBe(2);
  });
});

describe('stream bodies a call cannot send are invalid_params, and nothing is sent', () => {
  it('a locked web stream', async () => {
    const before = received.length;
    const body = new ReadableStream();
    body.getReader();
    const { error } = typedOutcome(await gateway(client(), OPENAI, { body }));
    expect(error).toMatchObject({ kind: 'invalid_params' });
    expect(error?.message).toMatch(/body: .*locked/);
    expect(received.length).toBe(before);
  });

  it('a stream body on a GET', async () => {
    const before = received.length;
    const { error } = typedOutcome(
      await gateway(client(), OPENAI, { method: 'GET', body: Readable.from(['x']) }),
    );
    expect(error).toMatchObject({ kind: 'invalid_params' });
    expect(received.length).toBe(before);
  });

  it('a chunk that is neither bytes nor a string ends the call with invalid_params', async () => {
    answer = { status: 200 };
    const body = (async function* () {
      yield 'ok';
      yield { not: 'bytes' };
    })();
    const { error } = typedOutcome(await gateway(client(), OPENAI, { body }));
    expect(error).toMatchObject({ kind: 'invalid_params' });
    expect(error?.message).toMatch(/body: .*chunk/);
  });
});

describe('gatewayFetch passes a provider SDK stream body through', () => {
  it.each(BODIES.slice(0, 2))('%s, with no duplex in the init', async (_name, make) => {
    answer = { status: 200 };
    const before = received.length;
    const viaLava = gatewayFetch(client(), { customer_id: 'con_1', meter_slug: 'chat' });
    const response = await viaLava('https://api.openai.com/v1/files', {
      method: 'POST',
      body: make() as BodyInit,
    });
    expect(response.status).toBe(200);
    expect(received[before]!.body.equals(WHOLE)).toBe(true);
  });

  it("openai's own streamed request body (client.post with a ReadableStream)", async () => {
    answer = { status: 200 };
    const before = received.length;
    const openai = new OpenAI({
      apiKey: 'sk-unused',
      maxRetries: 0,
      fetch: gatewayFetch(client(), { customer_id: 'con_1', meter_slug: 'chat' }),
    });
    const body = BODIES[0]![1]() as ReadableStream;
    const answered = await openai.post<{ bytes: number }>('/files', { body });
    expect(answered.bytes).toBe(WHOLE.length);
    expect(received[before]!.body.equals(WHOLE)).toBe(true);
    expect(received[before]!.url).toBe(
      `/v1/forward?u=${encodeURIComponent('https://api.openai.com/v1/files')}`,
    );
  });
});
