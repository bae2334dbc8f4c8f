import { requestIdOf } from '@lava-sdk/core';
import { forwardUrl, type GatewayOptions, gateway, type RewriteFormat, rewriteUrl } from '@lava-sdk/gateway';
import { providerUrl } from '@lava-sdk/providers';
import { Lava } from '@lavapayments/nodejs';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  BASE_URL,
  mockApi,
  SECRET_KEY,
  type Seen,
  server,
  testLava,
  useMsw,
} from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const official = new Lava(SECRET_KEY, { baseUrl: BASE_URL });
const OPENAI = 'https://api.openai.com/v1/chat/completions';
const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello!' }] };

const tokenOf = (seen: Seen) => {
  const [scheme, token] = seen.headers.authorization!.split(' ');
  expect(scheme).toBe('Bearer');
  return JSON.parse(Buffer.from(token!, 'base64').toString('utf8'));
};

/** Sends the same call through the official SDK and through ours; returns what the server saw of each. */
async function both(url: string, options: GatewayOptions) {
  const seen = mockApi(() => ({ ok: true }));
  await official.gateway(url, options as never);
  (await gateway(lava, url, options))._unsafeUnwrap();
  expect(seen).toHaveLength(2);
  return { theirs: seen[0]!, ours: seen[1]! };
}

describe('gateway: same wire request as the official SDK', () => {
  it.each<[string, GatewayOptions]>([
    ['a JSON object body', { body: chat }],
    ['a JSON array body', { body: [1, 'two', { three: 3 }] }],
    ['a string body', { body: 'plain text, ünïcode' }],
    [
      'a string body with its own content type',
      { body: '{"a":1}', headers: { 'Content-Type': 'application/json' } },
    ],
    [
      'an object body with its own content type',
      { body: { a: 1 }, headers: { 'content-type': 'text/x-json' } },
    ],
    ['no body', { method: 'GET' }],
    ['a PUT', { method: 'PUT', body: { a: 1 } }],
    ['customer billing', { body: chat, customer_id: 'con_1', meter_slug: 'ai' }],
    ['billing disabled', { body: chat, customer_id: 'con_1', meter_slug: 'ai', disable_billing: true }],
    ['meter-only', { body: chat, meter_slug: 'ai', disable_billing: true }],
    ['bring your own key', { body: chat, provider_key: 'sk-own' }],
    ['provider headers', { body: chat, headers: { 'anthropic-version': '2023-06-01', 'X-Custom': 'yes' } }],
    ['a caller Authorization (any case)', { body: chat, headers: { AUTHORIZATION: 'Bearer sk-mine' } }],
    ['the rewrite proxy', { body: chat, format: 'openai' }],
  ])('%s', async (_name, options) => {
    const url = options.format ? 'https://api.anthropic.com/v1/messages' : `${OPENAI}?x=1&y=2`;
    const { theirs, ours } = await both(url, options);
    expect(ours.method).toBe(theirs.method);
    expect(ours.path).toBe(theirs.path);
    expect(ours.query).toEqual(theirs.query);
    expect(ours.rawBody).toBe(theirs.rawBody);
    expect(ours.headers['content-type']).toBe(theirs.headers['content-type']);
    expect(tokenOf(ours)).toEqual(tokenOf(theirs));
    for (const name of ['anthropic-version', 'x-custom'])
      expect(ours.headers[name]).toBe(theirs.headers[name]);
  });

  it('sends JSON with the inferred content type, the forward URL and the merchant token', async () => {
    const seen = mockApi(() => ({ id: 'chatcmpl_1' }));
    const result = await gateway(lava, OPENAI, { body: chat });
    expect(result._unsafeUnwrap()).toEqual({ id: 'chatcmpl_1' });
    expect(requestIdOf(result._unsafeUnwrap())).toBe('req_test_1');
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/forward', query: { u: OPENAI }, body: chat });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(tokenOf(seen[0]!)).toEqual({ secret_key: SECRET_KEY });
  });

  it('encodes the provider URL, so its query stays inside u', () => {
    expect(forwardUrl(lava, 'https://x.test/a?b=1&c=2')).toBe(
      `${BASE_URL}forward?u=https%3A%2F%2Fx.test%2Fa%3Fb%3D1%26c%3D2`,
    );
  });

  // Issue 22, item 6: the URL helpers take a hand-made `{ baseUrl }`, which may lack the slash createLava adds.
  it('adds the slash a hand-made base URL lacks, as providerUrl does', () => {
    const base = { baseUrl: 'https://api.lava.so/v1' };
    expect(forwardUrl(base, OPENAI)).toBe(`https://api.lava.so/v1/forward?u=${encodeURIComponent(OPENAI)}`);
    expect(rewriteUrl(base, 'openai', OPENAI)).toBe(`https://api.lava.so/v1/rewrite/openai/${OPENAI}`);
    expect(forwardUrl(base, OPENAI).split('?')[0]).toBe(providerUrl(base, 'openai').split('?')[0]);
    expect(forwardUrl({ baseUrl: 'https://api.lava.so/v1/' }, OPENAI)).toBe(forwardUrl(base, OPENAI));
  });

  it('replaces a caller Authorization in any case with the forward token', async () => {
    const seen = mockApi(() => ({}));
    const headers = { Authorization: 'Bearer a', authorization: 'Bearer b', AuThOrIzAtIoN: 'Bearer c' };
    await gateway(lava, OPENAI, { body: chat, headers });
    expect(tokenOf(seen[0]!)).toEqual({ secret_key: SECRET_KEY });
  });

  it('sends binary bodies unchanged, without a content type', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 128]);
    const received: { bytes: number[]; type: string | null }[] = [];
    server.use(
      http.post(`${BASE_URL}forward`, async ({ request }) => {
        received.push({
          bytes: [...new Uint8Array(await request.arrayBuffer())],
          type: request.headers.get('content-type'),
        });
        return HttpResponse.json({});
      }),
    );
    (await gateway(lava, 'https://api.elevenlabs.io/v1/x', { body: bytes }))._unsafeUnwrap();
    (await gateway(lava, 'https://api.elevenlabs.io/v1/x', { body: bytes.buffer }))._unsafeUnwrap();
    (
      await gateway(lava, 'https://api.elevenlabs.io/v1/x', { body: new DataView(bytes.buffer) })
    )._unsafeUnwrap();
    await official.gateway('https://api.elevenlabs.io/v1/x', { body: bytes });
    for (const r of received) expect(r).toEqual({ bytes: [...bytes], type: null });
  });

  it('streams a ReadableStream body through, and never retries it', async () => {
    let calls = 0;
    let text = '';
    server.use(
      http.post(`${BASE_URL}forward`, async ({ request }) => {
        calls++;
        text = await request.text();
        return HttpResponse.json({ error: 'busy' }, { status: 503 });
      }),
    );
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('part one, '));
        c.enqueue(new TextEncoder().encode('part two'));
        c.close();
      },
    });
    const error = (
      await gateway(lava, OPENAI, { body, idempotencyKey: 'k', maxRetries: 3 })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 503 });
    expect(text).toBe('part one, part two');
    expect(calls).toBe(1);
  });

  it.each<[RewriteFormat, string]>([
    ['openai', 'https://api.anthropic.com/v1/messages'],
    ['anthropic', 'https://api.openai.com/v1/chat/completions'],
    ['google', 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent'],
    ['bedrock', 'https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse'],
  ])('format %s goes to the rewrite proxy with the raw provider URL', async (format, url) => {
    expect(rewriteUrl(lava, format, url)).toBe(`${BASE_URL}rewrite/${format}/${url}`);
    const seen: string[] = [];
    server.use(
      http.all(`${BASE_URL}*`, ({ request }) => {
        seen.push(request.url);
        return HttpResponse.json({});
      }),
    );
    await official.gateway(url, { format, body: chat });
    (await gateway(lava, url, { format, body: chat }))._unsafeUnwrap();
    expect(seen[1]).toBe(seen[0]);
    expect(seen[1]).toBe(`${BASE_URL}rewrite/${format}/${url}`);
  });
});

describe('gateway: billing fields', () => {
  it.each<[string, GatewayOptions, object]>([
    ['neither', { provider_key: 'k' }, { provider_key: 'k' }],
    [
      'meter only → customer_id null',
      { meter_slug: 'm', provider_key: 'k' },
      { customer_id: null, meter_slug: 'm', provider_key: 'k' },
    ],
    [
      'both',
      { customer_id: 'c', meter_slug: 'm', disable_billing: true },
      { customer_id: 'c', meter_slug: 'm', disable_billing: true },
    ],
  ])('%s', async (_name, options, expected) => {
    const seen = mockApi(() => ({}));
    await gateway(lava, OPENAI, { body: chat, ...options });
    expect(tokenOf(seen[0]!)).toEqual({ secret_key: SECRET_KEY, ...expected });
  });

  it('returns invalid_params for customer_id without meter_slug, sending nothing (the official SDK throws)', async () => {
    const seen = mockApi(() => ({}));
    const error = (await gateway(lava, OPENAI, { body: chat, customer_id: 'con_1' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toEqual(['customer_id']);
    await expect(official.gateway(OPENAI, { body: chat, customer_id: 'con_1' })).rejects.toThrow(
      /requires meter_slug/,
    );
    expect(seen).toHaveLength(0);
  });

  it('returns a config error without a secret key', async () => {
    const saved = process.env.LAVA_SECRET_KEY;
    delete process.env.LAVA_SECRET_KEY;
    try {
      const error = (await gateway(testLava({ secretKey: '' }), OPENAI, { body: chat }))._unsafeUnwrapErr();
      expect(error.kind).toBe('config');
    } finally {
      if (saved !== undefined) process.env.LAVA_SECRET_KEY = saved;
    }
  });
});

describe('gateway: metadata', () => {
  it('sends metadata as the x-lava-metadata JSON header, non-ASCII escaped', async () => {
    const seen = mockApi(() => ({}));
    const metadata = { feature: 'chat', user_id: 'u_42', note: 'naïve 日本 😀' };
    (await gateway(lava, OPENAI, { body: chat, metadata }))._unsafeUnwrap();
    const header = seen[0]!.headers['x-lava-metadata']!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(header)).toEqual(metadata);
  });

  it.each<[string, unknown, string]>([
    ['a key with a dash', { 'my-key': 'v' }, 'metadata.my-key'],
    ['an empty key', { '': 'v' }, 'metadata.'],
    ['an empty value', { k: '' }, 'metadata.k'],
    ['a 256-char value', { k: 'x'.repeat(256) }, 'metadata.k'],
    ['a 256-char key', { ['k'.repeat(256)]: 'v' }, `metadata.${'k'.repeat(256)}`],
    ['a number value', { k: 1 }, 'metadata.k'],
    ['101 pairs', Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])), 'metadata'],
    ['an array', ['a'], 'metadata'],
  ])('rejects %s before sending', async (_name, metadata, path) => {
    const seen = mockApi(() => ({}));
    const error = (
      await gateway(lava, OPENAI, { body: chat, metadata: metadata as never })
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(path);
    expect(seen).toHaveLength(0);
  });

  it('accepts exactly 100 pairs of 255-char keys and values', async () => {
    const seen = mockApi(() => ({}));
    const metadata = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`${i}`.padEnd(255, '_'), 'v'.repeat(255)]),
    );
    (await gateway(lava, OPENAI, { body: chat, metadata }))._unsafeUnwrap();
    expect(Object.keys(JSON.parse(seen[0]!.headers['x-lava-metadata']!))).toHaveLength(100);
  });
});

describe('gateway: errors, retries, timeout, abort', () => {
  it('returns a provider error as an api error with status, body and request id', async () => {
    const providerError = {
      error: {
        message: 'Incorrect API key provided',
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    };
    mockApi(() =>
      HttpResponse.json(providerError, { status: 401, headers: { 'x-lava-request-id': 'req_abc' } }),
    );
    const error = (await gateway(lava, OPENAI, { body: chat }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'api',
      status: 401,
      requestId: 'req_abc',
      body: providerError,
      code: 'invalid_api_key',
    });
    expect(error.message).toContain('Incorrect API key provided');
  });

  it('does not retry a POST without an idempotency key', async () => {
    const seen = mockApi(() => HttpResponse.json({ error: 'overloaded' }, { status: 529 }));
    expect((await gateway(lava, OPENAI, { body: chat }))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 529,
    });
    expect(seen).toHaveLength(1);
  });

  it('retries a POST with the caller idempotency key, reusing it', async () => {
    const seen = mockApi((_s, n) => (n < 3 ? HttpResponse.json({ error: 'x' }, { status: 503 }) : { ok: 1 }));
    expect((await gateway(lava, OPENAI, { body: chat, idempotencyKey: 'idem_1' }))._unsafeUnwrap()).toEqual({
      ok: 1,
    });
    expect(seen.map((s) => s.headers['idempotency-key'])).toEqual(['idem_1', 'idem_1', 'idem_1']);
  });

  it('retries a POST with an Idempotency-Key header, or an explicit maxRetries', async () => {
    let seen = mockApi((_s, n) => (n < 2 ? HttpResponse.json({}, { status: 500 }) : {}));
    (await gateway(lava, OPENAI, { body: chat, headers: { 'Idempotency-Key': 'h1' } }))._unsafeUnwrap();
    expect(seen).toHaveLength(2);
    server.resetHandlers();
    seen = mockApi((_s, n) => (n < 2 ? HttpResponse.json({}, { status: 500 }) : {}));
    (await gateway(lava, OPENAI, { body: chat, maxRetries: 1 }))._unsafeUnwrap();
    expect(seen).toHaveLength(2);
  });

  it('retries a GET with the client retries', async () => {
    const seen = mockApi((_s, n) => (n < 3 ? HttpResponse.json({}, { status: 502 }) : { data: [] }));
    expect(
      (await gateway(lava, 'https://api.openai.com/v1/models', { method: 'get' }))._unsafeUnwrap(),
    ).toEqual({ data: [] });
    expect(seen.map((s) => s.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('rejects a GET with a body, a relative URL and an unknown format before sending', async () => {
    const seen = mockApi(() => ({}));
    const paths = async (url: string, options: GatewayOptions) => {
      const error = (await gateway(lava, url, options))._unsafeUnwrapErr();
      return error.kind === 'invalid_params' ? error.issues.map((i) => i.path) : error.kind;
    };
    expect(await paths(OPENAI, { method: 'GET', body: { a: 1 } })).toEqual(['body']);
    expect(await paths('/v1/chat/completions', {})).toEqual(['url']);
    expect(await paths(OPENAI, { format: 'cohere' as never })).toEqual(['format']);
    expect(seen).toHaveLength(0);
  });

  it('times out per call', async () => {
    server.use(http.post(`${BASE_URL}forward`, () => new Promise<Response>(() => {})));
    const error = (await gateway(lava, OPENAI, { body: chat, timeoutMs: 50 }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 50, attempts: 1 });
  });

  it('is aborted by the caller signal', async () => {
    server.use(http.post(`${BASE_URL}forward`, () => new Promise<Response>(() => {})));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = (await gateway(lava, OPENAI, { body: chat, signal: controller.signal }))._unsafeUnwrapErr();
    expect(error.kind).toBe('aborted');
  });

  it('returns invalid_response for a 2xx body that is not JSON, and null for an empty one', async () => {
    mockApi(
      () => new HttpResponse('<html>hi</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    expect((await gateway(lava, OPENAI, { body: chat }))._unsafeUnwrapErr()).toMatchObject({
      kind: 'invalid_response',
      status: 200,
    });
    server.resetHandlers();
    mockApi(() => new HttpResponse(null, { status: 204 }));
    expect((await gateway(lava, OPENAI, { body: chat }))._unsafeUnwrap()).toBeNull();
  });

  it('never leaks the secret key or a forward token echoed into an error', async () => {
    let token = '';
    mockApi((seen) => {
      token = seen.headers.authorization!.slice(7);
      return HttpResponse.json(
        { error: { message: `bad token ${token}`, echo: seen.headers.authorization, raw: token } },
        { status: 400 },
      );
    });
    const error = (
      await gateway(lava, OPENAI, { body: chat, customer_id: 'c', meter_slug: 'm' })
    )._unsafeUnwrapErr();
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
    expect(token).not.toBe('');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(SECRET_KEY);
    expect(everything).toContain('[redacted]');
  });
});
