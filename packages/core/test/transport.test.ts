import { getEventListeners } from 'node:events';
import { isLavaError, LavaError, type LavaLogEntry } from '@lava-sdk/core';
import { request, send } from '@lava-sdk/core/internal';
import { createCustomer, retrieveCustomer, updateCustomer } from '@lava-sdk/customers';
import { HttpResponse } from 'msw';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { customer } from '../../../test/helpers/fixtures';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();

describe('retries', () => {
  it('retries a 429 after its Retry-After (seconds) and succeeds', async () => {
    const seen = mockApi((_s, n) =>
      n === 1
        ? HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '0' } })
        : customer,
    );
    const result = await retrieveCustomer(lava, 'con_1');
    expect(result.isOk()).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const when = new Date(Date.now() + 1000).toUTCString();
    const seen = mockApi((_s, n) =>
      n === 1
        ? HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': when } })
        : customer,
    );
    const started = Date.now();
    expect((await retrieveCustomer(lava, 'con_1')).isOk()).toBe(true);
    expect(seen).toHaveLength(2);
    // An HTTP date has one-second resolution: the wait is positive and bounded by the date.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('does not wait for a Retry-After beyond the cap and reports it', async () => {
    const seen = mockApi(() =>
      HttpResponse.json({ error: 'later' }, { status: 429, headers: { 'retry-after': '3600' } }),
    );
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 429, retryAfterMs: 3_600_000, attempts: 1 });
    expect(seen).toHaveLength(1);
  });

  it('retries a 503 up to maxRetries and reports the attempts', async () => {
    const seen = mockApi(() => lavaErrorResponse(503, 'down'));
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 503, attempts: 3 });
    expect(seen).toHaveLength(3);
  });

  it('retries a dropped connection, then succeeds', async () => {
    const seen = mockApi((_s, n) => (n === 1 ? HttpResponse.error() : customer));
    expect((await retrieveCustomer(lava, 'con_1')).isOk()).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('returns a network error once retries run out', async () => {
    mockApi(() => HttpResponse.error());
    const error = (await retrieveCustomer(testLava({ maxRetries: 1 }), 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'network', attempts: 2 });
    expect(error.cause).toBeDefined();
  });

  it('never retries a 400', async () => {
    const seen = mockApi(() => lavaErrorResponse(400, 'bad'));
    expect((await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 400,
    });
    expect(seen).toHaveLength(1);
  });

  it('retries a POST with one Idempotency-Key reused on every attempt', async () => {
    const seen = mockApi((_s, n) => (n < 3 ? lavaErrorResponse(503, 'down') : customer));
    expect((await createCustomer(lava, { name: 'Ada' })).isOk()).toBe(true);
    const keys = seen.map((s) => s.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses the caller’s Idempotency-Key, and a fresh one for each call', async () => {
    const seen = mockApi(() => customer);
    await createCustomer(lava, { name: 'A' }, { idempotencyKey: 'mine-1' });
    await createCustomer(lava, { name: 'A' });
    await createCustomer(lava, { name: 'A' });
    expect(seen[0]!.headers['idempotency-key']).toBe('mine-1');
    expect(seen[1]!.headers['idempotency-key']).not.toBe(seen[2]!.headers['idempotency-key']);
  });

  it('does not retry a PATCH without an Idempotency-Key, and does with one', async () => {
    let seen = mockApi(() => lavaErrorResponse(503, 'down'));
    await updateCustomer(lava, 'con_1', { name: 'x' });
    expect(seen).toHaveLength(1);
    seen = mockApi(() => lavaErrorResponse(503, 'down'));
    await updateCustomer(lava, 'con_1', { name: 'x' }, { idempotencyKey: 'k1' });
    expect(seen).toHaveLength(3);
    expect(seen.every((s) => s.headers['idempotency-key'] === 'k1')).toBe(true);
  });

  it('stops promptly when the caller aborts during the backoff sleep', async () => {
    mockApi(() => lavaErrorResponse(503, 'down'));
    const slow = testLava({ retryDelayMs: 5_000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = (await retrieveCustomer(slow, 'con_1', { signal: controller.signal }))._unsafeUnwrapErr();
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('returns aborted at once for an already-aborted signal, sending nothing', async () => {
    const seen = mockApi(() => customer);
    const error = (await retrieveCustomer(lava, 'con_1', { signal: AbortSignal.abort() }))._unsafeUnwrapErr();
    expect(error.kind).toBe('aborted');
    expect(seen).toHaveLength(0);
  });
});

describe('path parameters', () => {
  it.each(['a/b', 'a?b=1', 'a#frag', '50%', '../secret_keys', 'con_1/../../x', ' spaced '])(
    'keeps %j inside one path segment',
    async (id) => {
      const seen = mockApi(() => customer);
      await retrieveCustomer(lava, id);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.path).toBe(`/v1/customers/${encodeURIComponent(id)}`);
      expect(seen[0]!.query).toEqual({});
    },
  );

  it.each(['', '.', '..', 42 as unknown as string, undefined as unknown as string])(
    'rejects %j without a request',
    async (id) => {
      const seen = mockApi(() => customer);
      const error = (await retrieveCustomer(lava, id))._unsafeUnwrapErr();
      expect(error.kind).toBe('invalid_params');
      expect(seen).toHaveLength(0);
    },
  );
});

describe('errors', () => {
  it('turns an HTML error page into a readable api error', async () => {
    mockApi(
      () =>
        new HttpResponse(
          '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
          {
            status: 502,
            headers: { 'content-type': 'text/html' },
          },
        ),
    );
    const error = (await retrieveCustomer(testLava({ maxRetries: 0 }), 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 502 });
    expect(error.message).toContain('502 Bad Gateway');
    expect(error.message).not.toContain('<');
  });

  it('reports a 2xx that is not JSON as invalid_response', async () => {
    mockApi(() => new HttpResponse('OK', { status: 200 }));
    expect((await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });

  it('is recognised across copies by isLavaError and is an Error with a kind', async () => {
    mockApi(() => lavaErrorResponse(404, 'nope'));
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error).toBeInstanceOf(Error);
    expect(isLavaError(error)).toBe(true);
    expect(isLavaError(new Error('x'))).toBe(false);
    expect(isLavaError({ kind: 'api' })).toBe(false);
  });

  it('is an instance of the exported LavaError class, by brand, so another copy of core agrees', async () => {
    mockApi(() => lavaErrorResponse(404, 'nope'));
    const error: unknown = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error instanceof LavaError).toBe(true);
    if (error instanceof LavaError) expect(error.kind).toBe('api'); // narrows to the union
    expect(error).toHaveProperty('name', 'LavaError');
    // What another installed copy's error looks like: a plain Error carrying the global brand.
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('lava-sdk.error'), { value: true });
    expect(foreign instanceof LavaError).toBe(true);
    expect(new Error('x') instanceof LavaError).toBe(false);
    expect((null as unknown) instanceof LavaError).toBe(false);
  });

  it('narrows on kind', async () => {
    mockApi(() => lavaErrorResponse(404, 'nope'));
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    switch (error.kind) {
      case 'api':
        expect(error.status).toBe(404);
        break;
      default:
        throw new Error(`unexpected ${error.kind}`);
    }
  });
});

describe('request()', () => {
  it('sends GET params as the query, skipping undefined and null', async () => {
    const seen = mockApi(() => ({ ok: true }));
    const result = await request(lava, {
      wire: 'GET /things',
      params: { a: 'x', b: 2, c: undefined, d: null },
      output: v.looseObject({ ok: v.boolean() }),
    });
    expect(result.isOk()).toBe(true);
    expect(seen[0]!.query).toEqual({ a: 'x', b: '2' });
  });

  it('skips Authorization for auth: false even with a key', async () => {
    const seen = mockApi(() => ({ ok: true }));
    await request(lava, { wire: 'GET /models', auth: false, output: v.looseObject({}) });
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('lets no per-call header replace Authorization', async () => {
    const seen = mockApi(() => customer);
    await retrieveCustomer(lava, 'con_1', { headers: { AUTHORIZATION: 'Bearer stolen', 'x-trace': '1' } });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(seen[0]!.headers['x-trace']).toBe('1');
  });

  it('sends the client’s default headers', async () => {
    const seen = mockApi(() => customer);
    await retrieveCustomer(testLava({ headers: { 'x-app': 'demo' } }), 'con_1');
    expect(seen[0]!.headers['x-app']).toBe('demo');
  });
});

describe('logger', () => {
  it('logs each request, retry and response with credentials masked', async () => {
    const entries: LavaLogEntry[] = [];
    mockApi((_s, n) => (n === 1 ? lavaErrorResponse(503, 'down') : customer));
    await retrieveCustomer(testLava({ logger: (e) => entries.push(e) }), 'con_1');
    expect(entries.map((e) => e.event)).toEqual([
      'request',
      'response',
      'error',
      'retry',
      'request',
      'response',
    ]);
    expect(entries[0]!.headers?.authorization).toBe('[redacted]');
    expect(JSON.stringify(entries)).not.toContain(SECRET_KEY);
  });
});

describe('optional auth', () => {
  it('sends the key when there is one and nothing otherwise', async () => {
    const seen = mockApi(() => ({ ok: true }));
    const spec = { wire: 'GET /models', auth: 'optional', output: v.looseObject({}) } as const;
    expect((await request(lava, spec)).isOk()).toBe(true);
    const previous = process.env.LAVA_SECRET_KEY;
    delete process.env.LAVA_SECRET_KEY;
    try {
      expect((await request(testLava({ secretKey: '' }), spec)).isOk()).toBe(true);
    } finally {
      if (previous !== undefined) process.env.LAVA_SECRET_KEY = previous;
    }
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(seen[1]!.headers.authorization).toBeUndefined();
  });
});

describe('a long-lived caller signal', () => {
  it('gains no abort listener per call, streamed or not', async () => {
    mockApi(() => customer);
    const signal = new AbortController().signal;
    for (let i = 0; i < 20; i++) {
      await retrieveCustomer(lava, 'con_1', { signal });
      const streamed = await send(
        lava,
        { method: 'GET', url: 'http://127.0.0.1:9/v1/customers/x', stream: true },
        { signal },
      );
      await streamed._unsafeUnwrap().response!.text();
    }
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});
