// Issue 17: credentials never surface in any form, error bodies are bounded, caller input that cannot be
// sent is refused before any request, and budgets and loggers never change what a call does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import type { CallOptions, LavaLogEntry, LavaOptions } from '@lava-sdk/core';
import { createCustomer, retrieveCustomer, updateCustomer } from '@lava-sdk/customers';
import { gateway, gatewayStream, generateForwardToken } from '@lava-sdk/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client as suiteClient } from './calls';
import { leakIn, SECRET_KEY, Tally, TRANSPORT, typedOutcome, watchUnhandled } from './harness';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

let server: Server;
let origin = '';
const handlers = new Map<number, { handle: Handler; seen: Hit[] }>();
let nextId = 1;
const tally = new Tally();
const unhandled = watchUnhandled();

beforeAll(async () => {
  server = createServer((req, res) => {
    const id = Number(/^\/s\/(\d+)\//.exec(req.url ?? '')?.[1]);
    const scenario = handlers.get(id);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!scenario) return void res.writeHead(418).end();
      scenario.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      scenario.handle(req, res, Buffer.concat(chunks).toString());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  unhandled.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  tally.print('security.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

/** A scenario of its own: its base URL, the requests it saw. */
function serve(handle: Handler): { baseUrl: string; seen: Hit[] } {
  const id = nextId++;
  const seen: Hit[] = [];
  handlers.set(id, { handle, seen });
  return { baseUrl: `${origin}/s/${id}/v1/`, seen };
}

function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

/** The suite's client on the chosen transport, sending once unless told otherwise. */
const client = (baseUrl: string, options: LavaOptions = {}) =>
  suiteClient(baseUrl, { timeoutMs: 2_000, maxRetries: 0, ...options });

/** Every character as a JSON `\uXXXX` escape: what a server may legally send for any string. */
const jsonEscaped = (s: string) =>
  [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** The forms a server may echo a credential in. */
const echoForms = (secret: string): [string, string][] => [
  ['raw', secret],
  ['JSON-escaped', jsonEscaped(secret)],
  ['\\u005f only', secret.replaceAll('_', '\\u005f')],
  ['URL-encoded', encodeURIComponent(secret)],
];

/** Every surface of an error, getters and hidden properties included, through the whole cause chain. */
const deepInspect = (error: unknown) =>
  inspect(error, { getters: true, showHidden: true, depth: Number.POSITIVE_INFINITY });

const GATEWAY_URL = 'https://api.openai.com/v1/chat/completions';
const gw = { body: { model: 'm', messages: [] }, customer_id: 'con_1', meter_slug: 'ai' };

describe('item 2: the forward token never reaches a log line, message or body', () => {
  it.each([false, true])('in any echoed form (stream: %s)', async (stream) => {
    let cases = 0;
    for (const form of ['raw', 'JSON-escaped', 'URL-encoded', 'Bearer', 'in the request id'] as const) {
      const { baseUrl } = serve((req, res) => {
        const token = String(req.headers.authorization).slice(7);
        const echo =
          form === 'JSON-escaped'
            ? jsonEscaped(token)
            : form === 'URL-encoded'
              ? encodeURIComponent(token)
              : form === 'Bearer'
                ? `Bearer ${token}`
                : token;
        reply(res, 400, `{"error":{"message":"bad token ${echo}"},"echo":"${echo}"}`, {
          'x-lava-request-id': form === 'in the request id' ? `req_${token}` : 'req_1',
        });
      });
      const { lava, logs } = client(baseUrl);
      const token = generateForwardToken(lava, gw);
      const result = stream
        ? await gatewayStream(lava, GATEWAY_URL, gw)
        : await gateway(lava, GATEWAY_URL, gw);
      const { error } = typedOutcome(result);
      expect(error?.kind, form).toBe('api');
      const secrets = [token, encodeURIComponent(token), token.slice(20, 60), SECRET_KEY];
      expect(leakIn(error, logs, secrets), form).toBeUndefined();
      expect(deepInspect(error)).not.toContain(token.slice(20, 60));
      cases++;
    }
    tally.add('forward token echoed (raw, JSON, URL-encoded, request id) in gateway errors and logs', cases);
  });
});

describe('item 10: the client key is redacted by value, whatever its format', () => {
  const KEYS = [
    'aks_test_abc.def+ghi/jkl=mno0123456789',
    'sk-proj-PROJECTKEY0123456789abcdefXYZ',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsYXZhIn0.c2lnbmF0dXJlMDEyMzQ1Njc4OQ',
    'UNPREFIXEDkey0123456789abcdefghijkl',
    'whsec_WEBHOOKSECRET0123456789abcdef',
    'aks_live_under_score_key_0123456789',
  ];
  it('raw, JSON-escaped, URL-encoded, in body, message and request id', async () => {
    let cases = 0;
    for (const key of KEYS) {
      for (const [form, echo] of echoForms(key)) {
        for (const where of ['body', 'request id', 'html'] as const) {
          const { baseUrl } = serve((_req, res) =>
            where === 'html'
              ? reply(res, 500, `<html><body><p>key: ${echo}</p></body></html>`, {
                  'content-type': 'text/html',
                })
              : reply(res, 401, `{"error":{"message":"Invalid key ${echo}","code":"x"},"key":"${echo}"}`, {
                  'x-lava-request-id': where === 'request id' ? `req_${echo}` : 'req_1',
                }),
          );
          const { lava, logs } = client(baseUrl, { secretKey: key });
          const { error } = typedOutcome(await retrieveCustomer(lava, 'con_1'));
          const label = `${key} ${form} in ${where}`;
          expect(error?.kind, label).toBe('api');
          // The distinctive tail too: shape rules used to stop at `.`, `+`, `/` or `=`.
          const secrets = [key, encodeURIComponent(key), key.slice(-16)];
          expect(leakIn(error, logs, secrets), label).toBeUndefined();
          expect(deepInspect(error), label).not.toContain(key.slice(-16));
          cases++;
        }
      }
    }
    tally.add('client key of 6 formats echoed in 4 forms (body, HTML, request id)', cases);
  });

  it('a 2xx body whose mistyped fields echo the key: the invalid_response issues do not', async () => {
    let cases = 0;
    for (const key of KEYS) {
      const { baseUrl } = serve((_req, res) =>
        reply(res, 200, JSON.stringify({ customer_id: 'con_1', contact: key, created_at: [key] })),
      );
      const { lava, logs } = client(baseUrl, { secretKey: key });
      const { error } = typedOutcome(await retrieveCustomer(lava, 'con_1'));
      expect(error?.kind, key).toBe('invalid_response');
      expect(leakIn(error, logs, [key, key.slice(-16)]), key).toBeUndefined();
      cases++;
    }
    tally.add('2xx body echoing the key into mistyped fields', cases);
  });

  it('a 2xx request id that echoes the key is redacted too', async () => {
    const { baseUrl } = serve((_req, res) =>
      reply(res, 200, JSON.stringify({ customer_id: 'con_1' }), { 'x-lava-request-id': `req_${KEYS[0]}` }),
    );
    const { lava, logs } = client(baseUrl, { secretKey: KEYS[0] });
    await retrieveCustomer(lava, 'con_1');
    expect(JSON.stringify(logs)).not.toContain(KEYS[0]!.slice(-16));
    tally.add('request id of a 2xx echoing the key', 1);
  });
});

describe('item 3 and unbounded: an error keeps a bounded body and never throws', () => {
  // 25 kB each: the 4,000 objects deep, and 12,000 arrays deep (past any stack JSON.stringify has).
  const DEEP = [
    `${'{"a":'.repeat(4_000)}1${'}'.repeat(4_000)}`,
    `{"error":${'['.repeat(12_000)}${']'.repeat(12_000)}}`,
  ];
  it.each(DEEP.map((body) => [body.length, body]))(
    'a %s-byte body nested thousands deep: gateway and gatewayStream return Err; the error serialises',
    async (_length, deep) => {
      let cases = 0;
      for (const call of ['gateway', 'gatewayStream', 'rest'] as const) {
        const { baseUrl } = serve((_req, res) => reply(res, 400, deep));
        const { lava } = client(baseUrl);
        let result: unknown;
        const run = async () => {
          result =
            call === 'gateway'
              ? await gateway(lava, GATEWAY_URL, gw)
              : call === 'gatewayStream'
                ? await gatewayStream(lava, GATEWAY_URL, gw)
                : await retrieveCustomer(lava, 'con_1');
        };
        await expect(run(), call).resolves.toBeUndefined();
        const { error } = typedOutcome(result);
        expect(error?.kind, call).toBe('api');
        expect(() => JSON.stringify(error), call).not.toThrow();
        expect(() => inspect(error, { depth: Number.POSITIVE_INFINITY }), call).not.toThrow();
        cases++;
      }
      tally.add('error body nested 4,000 to 12,000 deep (gateway, stream, REST)', cases);
    },
  );

  it('a multi-megabyte error body is cut to a bounded size, without blocking the event loop', async () => {
    let cases = 0;
    const junk = `${'aks_x Bearer y '.repeat(40_000)}${SECRET_KEY} `.repeat(8); // ~4.8 MB
    for (const type of ['application/json', 'text/html']) {
      const { baseUrl } = serve((_req, res) => reply(res, 500, junk, { 'content-type': type }));
      const { lava, logs } = client(baseUrl, { timeoutMs: 10_000 });
      const { error } = typedOutcome(await retrieveCustomer(lava, 'con_1'));
      expect(error?.kind).toBe('api');
      expect(JSON.stringify(error).length).toBeLessThan(100_000);
      expect(leakIn(error, logs, [SECRET_KEY])).toBeUndefined();
      cases++;
    }
    // The SDK's work on one such body, measured without the network: the event loop stays responsive.
    const { baseUrl } = serve((_req, res) => reply(res, 500, junk));
    const { lava } = client(baseUrl, { timeoutMs: 10_000 });
    const started = performance.now();
    await retrieveCustomer(lava, 'con_1');
    expect(performance.now() - started).toBeLessThan(1_000);
    tally.add('multi-megabyte error body kept bounded', cases + 1);
  });
});

describe('item 5: nothing reachable from an error holds the key or a token', () => {
  // What undici and node:http errors have done: a getter on the error that returns the request headers.
  const leakyFetch: typeof fetch = async (_input, init) => {
    const error = new TypeError('fetch failed');
    const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    Object.defineProperty(cause, 'request', { get: () => ({ headers: init?.headers }), enumerable: false });
    Object.defineProperty(error, 'cause', { value: cause });
    throw error;
  };
  it.each([
    ['a cause whose getter returns the request headers', leakyFetch],
    ['a real reset connection', undefined],
  ] as const)('%s', async (_name, fetch) => {
    let cases = 0;
    for (const call of ['rest', 'gateway'] as const) {
      const { baseUrl } = serve((req) => req.socket.destroy());
      const { lava, logs } = client(baseUrl, fetch ? { fetch } : {});
      const token = generateForwardToken(lava, gw);
      const result =
        call === 'rest' ? await retrieveCustomer(lava, 'con_1') : await gateway(lava, GATEWAY_URL, gw);
      const { error } = typedOutcome(result);
      expect(error?.kind).toBe('network');
      expect(error?.cause).toBeDefined();
      const text = deepInspect(error);
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(token.slice(20, 60));
      expect(leakIn(error, logs, [SECRET_KEY, token])).toBeUndefined();
      cases++;
    }
    tally.add('cause chains inspected with getters (REST, gateway)', cases);
  });
});

describe('item 6: credential query parameters are redacted in messages and logged URLs', () => {
  const PROVIDER_KEY = 'AIzaSyPROVIDERKEY0123456789';
  it.each(['key', 'api_key', 'apikey', 'token', 'access_token', 'signature'])(
    '?%s= in the gateway target, logged and in a message naming the URL',
    async (param) => {
      const url = `https://generativelanguage.googleapis.com/v1beta/models/m:generateContent?alt=sse&${param}=${PROVIDER_KEY}`;
      // A fetch that names the URL in its error, as node-fetch does.
      const namingFetch: typeof fetch = async (input) => {
        throw new TypeError(`request to ${String(input)} failed, reason: socket hang up`);
      };
      for (const fetch of [undefined, namingFetch]) {
        const { baseUrl } = serve((req) => req.socket.destroy());
        const { lava, logs } = client(baseUrl, fetch ? { fetch } : {});
        const { error } = typedOutcome(await gateway(lava, url, { ...gw, method: 'GET', body: undefined }));
        expect(error?.kind).toBe('network');
        expect(logs.length).toBeGreaterThan(0);
        expect(leakIn(error, logs, [PROVIDER_KEY])).toBeUndefined();
      }
      tally.add('credential query parameter in the gateway target (logs, messages)', 2);
    },
  );
});

describe('item 14: the logger masks every credential header, by name and by value', () => {
  it('api-key, openai-api-key, x-api-key, x-goog-api-key, x-auth-token and any header holding the key', async () => {
    const headers = {
      'api-key': 'azure-KEY-0001',
      'openai-api-key': 'sk-openai-KEY-0002',
      'x-api-key': 'anthropic-KEY-0003',
      'x-goog-api-key': 'google-KEY-0004',
      'x-auth-token': 'auth-TOKEN-0005',
      'x-custom': `copy of ${SECRET_KEY}`,
    };
    let cases = 0;
    for (const call of ['rest', 'gateway'] as const) {
      const { baseUrl } = serve((_req, res) => reply(res, 400, '{"error":"no"}'));
      const { lava, logs } = client(baseUrl);
      const options = { headers, idempotencyKey: 'idem-1' };
      await (call === 'rest'
        ? retrieveCustomer(lava, 'con_1', options)
        : gateway(lava, GATEWAY_URL, { ...gw, ...options }));
      const logged = logs.find((e) => e.event === 'request')!.headers!;
      for (const name of Object.keys(headers)) expect(logged[name], `${call} ${name}`).toBe('[redacted]');
      expect(logged['idempotency-key']).toBe('idem-1');
      expect(JSON.stringify(logs)).not.toMatch(/KEY-000|TOKEN-000/);
      cases += Object.keys(headers).length;
    }
    tally.add('credential headers masked in log entries', cases);
  });
});

describe('item 13: a blank idempotency key is invalid_params, nothing sent', () => {
  it.each<[string, CallOptions]>([
    ['an empty option', { idempotencyKey: '' }],
    ['a whitespace option', { idempotencyKey: '   ' }],
    ['a tab option', { idempotencyKey: '\t' }],
    ['a whitespace header', { headers: { 'Idempotency-Key': '  ' } }],
  ])('%s', async (_name, options) => {
    for (const call of ['update', 'gateway'] as const) {
      const { baseUrl, seen } = serve((_req, res) => reply(res, 503, '{"error":"down"}'));
      const { lava } = client(baseUrl, { maxRetries: 2 });
      const result =
        call === 'update'
          ? await updateCustomer(lava, 'con_1', { name: 'x' }, options)
          : await gateway(lava, GATEWAY_URL, { ...gw, ...options });
      expect(typedOutcome(result).error?.kind, call).toBe('invalid_params');
      expect(seen, call).toHaveLength(0);
    }
    tally.add('blank idempotency keys refused', 2);
  });
});

describe('item 15: a header that cannot be sent is invalid_params, naming it but not its value', () => {
  it.each<[string, Record<string, string>, string]>([
    ['CR/LF in a value', { 'x-trace': 'SECRETVALUE\r\nX-Injected: 1' }, 'x-trace'],
    ['LF in a value', { 'x-trace': 'SECRETVALUE\nmore' }, 'x-trace'],
    ['NUL in a value', { 'x-trace': 'SECRETVALUE\u0000' }, 'x-trace'],
    ['a non-Latin-1 value', { 'x-trace': 'SECRETVALUE🙂' }, 'x-trace'],
    ['a bad name', { 'bad name': 'SECRETVALUE' }, 'bad name'],
    ['an empty name', { '': 'SECRETVALUE' }, 'headers'],
  ])('%s', async (_name, headers, named) => {
    for (const where of ['call', 'client', 'gateway'] as const) {
      const { baseUrl, seen } = serve((_req, res) => reply(res, 200, '{}'));
      const { lava, logs } = client(baseUrl, { maxRetries: 2, ...(where === 'client' ? { headers } : {}) });
      const result =
        where === 'gateway'
          ? await gateway(lava, GATEWAY_URL, { ...gw, headers })
          : await retrieveCustomer(lava, 'con_1', where === 'call' ? { headers } : {});
      const { error } = typedOutcome(result);
      expect(error?.kind, where).toBe('invalid_params');
      expect(error?.message, where).toContain(named);
      expect(leakIn(error, logs, ['SECRETVALUE'])).toBeUndefined();
      expect(seen, where).toHaveLength(0);
      expect(logs, where).toHaveLength(0);
    }
    tally.add('unsendable headers refused before sending', 3);
  });
});

describe('item 4: a timeout past the timer range is a config error', () => {
  it.each([2 ** 31, 2 ** 32, Number.POSITIVE_INFINITY, -1, Number.NaN])('timeoutMs %s', async (timeoutMs) => {
    for (const where of ['client', 'call'] as const) {
      const { baseUrl, seen } = serve((_req, res) => reply(res, 200, '{}'));
      const { lava } = client(baseUrl, where === 'client' ? { timeoutMs } : {});
      const result = await retrieveCustomer(lava, 'con_1', where === 'call' ? { timeoutMs } : {});
      expect(typedOutcome(result).error?.kind, where).toBe('config');
      expect(seen, where).toHaveLength(0);
    }
    tally.add('timeoutMs outside the timer range', 2);
  });
});

describe('item 7: a throwing logger never changes what a call does', () => {
  const CUSTOMER = {
    customer_id: 'con_1',
    reference_id: null,
    contact: {},
    subscription: null,
    metadata: {},
    created_at: '2025-01-01T00:00:00Z',
  };
  it.each(['request', 'response', 'error', 'retry', 'every'] as const)('throwing on %s', async (event) => {
    // 200 and 400 are one POST each; a 503 is retried (POSTs carry a generated key): three POSTs.
    for (const status of [200, 400, 503] as const) {
      const { baseUrl, seen } = serve((_req, res) =>
        reply(res, status, status === 200 ? JSON.stringify(CUSTOMER) : '{"error":"no"}'),
      );
      const logger = (entry: LavaLogEntry) => {
        if (event === 'every' || entry.event === event) throw new Error('logger broke');
      };
      const { lava } = client(baseUrl, { logger, maxRetries: 2 });
      const result = createCustomer(lava, { email: 'ada@example.com' });
      const outcome = typedOutcome(await result);
      const label = `${event} ${status}`;
      expect(outcome.problem, label).toBeUndefined();
      expect(outcome.ok, label).toBe(status === 200);
      if (status !== 200) expect(outcome.error, label).toMatchObject({ kind: 'api', status });
      const posts = seen.filter((s) => s.method === 'POST');
      expect(posts, label).toHaveLength(status === 503 ? 3 : 1);
      expect(new Set(posts.map((s) => s.headers['idempotency-key'])).size, label).toBe(1);
    }
    tally.add('throwing logger (same requests, same outcome)', 3);
  });
});

describe('item 8: REST params JSON cannot serialise are invalid_params, nothing sent', () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  let deep: Record<string, unknown> = {};
  for (let i = 0; i < 10_000; i++) deep = { d: deep };
  it.each<[string, unknown]>([
    ['a BigInt', { n: 1n }],
    ['a cycle', circular],
    [
      'a throwing toJSON',
      {
        toJSON: () => {
          throw new Error('no');
        },
      },
    ],
    ['10,000-deep nesting', deep],
  ])('%s in metadata', async (_name, metadata) => {
    const { baseUrl, seen } = serve((_req, res) => reply(res, 200, '{}'));
    const { lava } = client(baseUrl);
    let result: unknown;
    expect(() => {
      result = createCustomer(lava, { email: 'ada@example.com', metadata: metadata as never });
    }).not.toThrow();
    expect(typedOutcome(await result).error?.kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
    tally.add('unserialisable REST params', 1);
  });
});

describe('item 16: a custom fetch that ignores its signal still ends in timeout', () => {
  it('when the budget runs out', async () => {
    const { baseUrl, seen } = serve(() => {}); // never answers
    // Sends for real, but without the signal, so only the SDK's own budget can end the wait.
    const deaf: typeof fetch = (input, init) => globalThis.fetch(input, { ...init, signal: null });
    const { lava } = client(baseUrl, { fetch: deaf, timeoutMs: 200 });
    const started = Date.now();
    const { error } = typedOutcome(await retrieveCustomer(lava, 'con_1'));
    expect(error?.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(seen).toHaveLength(1);
    const never: typeof fetch = () => new Promise(() => {});
    const other = client(baseUrl, { fetch: never, timeoutMs: 100 });
    expect(typedOutcome(await retrieveCustomer(other.lava, 'con_1')).error?.kind).toBe('timeout');
    tally.add(`custom fetch ignoring its signal (${TRANSPORT} suite)`, 2);
  });
});
