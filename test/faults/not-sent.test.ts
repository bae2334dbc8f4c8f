// Issue 22, item 2: a request that cannot even be built (the platform refuses its URL, method or body before a
// byte leaves) is not a network failure. It never reads "Could not reach Lava", is never retried, and gets a
// kind that says whose input is wrong: `config` for the client's base URL, `invalid_params` for the call's.
// Runs on both transports; a real server on loopback counts what arrived.
import { createLava, type LavaError } from '@lava-sdk/core';
import { retrieveCustomer } from '@lava-sdk/customers';
import { gateway, gatewayStream } from '@lava-sdk/gateway';
import { Lava } from 'lava-sdk';
import type { ResultAsync } from 'neverthrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER, SECRET_KEY, Tally, transportOptions, typedOutcome, watchUnhandled } from './harness';
import { type Loopback, startLoopback } from './loopback';

const OPENAI = 'https://api.openai.com/v1/chat/completions';
let loop: Loopback;
let arrived = 0;
const tally = new Tally();
const unhandled = watchUnhandled();

beforeAll(async () => {
  loop = await startLoopback((req, res) => {
    arrived++;
    req.resume();
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end('{"error":"unavailable"}');
  });
});
afterAll(async () => {
  unhandled.stop();
  await loop.close();
  tally.print('not-sent.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

/** A client that would retry twice, on the suite's transport. */
const client = (baseUrl = `${loop.origin}/v1/`) =>
  createLava({ ...transportOptions, secretKey: SECRET_KEY, baseUrl, maxRetries: 2, retryDelayMs: 1 });

/** The error of a call that must fail before sending: typed, not thrown, not a network error. */
async function refused(call: () => ResultAsync<unknown, LavaError>): Promise<LavaError> {
  const before = arrived;
  const { problem, error } = typedOutcome(await call());
  expect(problem).toBeUndefined();
  expect(error).toBeDefined();
  expect(error!.message).not.toMatch(/Could not reach Lava/);
  expect(error!.kind).not.toBe('network');
  expect(arrived - before).toBe(0);
  return error!;
}

describe('a gateway method the platform cannot send is invalid_params', () => {
  it.each(['GE T', 'GET\r\nX-Injected: 1', 'TRACE', 'connect', '', 'PÖST'])('%j', async (method) => {
    const lava = client();
    for (const call of [gateway, gatewayStream]) {
      const error = await refused(() =>
        call(lava, OPENAI, { method, body: undefined, idempotencyKey: 'k-1', maxRetries: 2 }),
      );
      expect(error).toMatchObject({ kind: 'invalid_params', issues: [{ path: 'method' }] });
    }
    tally.add('gateway methods refused before sending', 2);
  });

  it('a method that is not a string', async () => {
    const error = await refused(() => gateway(client(), OPENAI, { method: 42 as never }));
    expect(error).toMatchObject({ kind: 'invalid_params', issues: [{ path: 'method' }] });
  });
});

describe('a header the platform refuses to send is invalid_params, not retried', () => {
  // undici refuses these as it builds the request, before connecting; its "fetch failed" looks like a lost
  // connection. (Gateway calls always go through fetch; node:http sends such headers on REST calls.)
  it.each([
    { expect: '100-continue' },
    { connection: 'upgrade' },
    { upgrade: 'websocket' },
    { 'transfer-encoding': 'chunked' },
    { 'keep-alive': 'timeout=5' },
  ])('%j', async (headers) => {
    const error = await refused(() =>
      gateway(client(), OPENAI, { body: { a: 1 }, headers, idempotencyKey: 'k-h', maxRetries: 2 }),
    );
    expect(error.kind).toBe('invalid_params');
    expect(error.message).toMatch(/nothing was sent/);
    tally.add('headers the platform refuses', 1);
  });
});

describe('Lava.request(): what fetch cannot build is refused by name, before sending', () => {
  const lava = () =>
    new Lava(SECRET_KEY, { ...transportOptions, baseUrl: `${loop.origin}/v1/`, maxRetries: 2 });
  /** The LavaError the call rejected with; nothing may have arrived. */
  async function rejected(call: () => Promise<unknown>): Promise<LavaError> {
    const before = arrived;
    const error = await call().then(
      () => undefined,
      (e: unknown) => e as LavaError,
    );
    expect(arrived - before).toBe(0);
    expect(error?.message).not.toMatch(/Could not reach Lava/);
    return error!;
  }

  it.each(['TRACE', 'connect', 'Track'])('method %s', async (method) => {
    const error = await rejected(() => lava().request(method, 'customers'));
    expect(error).toMatchObject({ kind: 'invalid_params', issues: [{ path: 'method' }] });
  });

  it.each(['GET', 'head'])('a body on %s', async (method) => {
    const error = await rejected(() => lava().request(method, 'customers', { data: { name: 'Ada' } }));
    expect(error).toMatchObject({ kind: 'invalid_params', issues: [{ path: 'data' }] });
  });
});

describe('a base URL the platform cannot use is config, for REST and gateway calls', () => {
  // Each passes createLava's and request()'s `http(s)://host` check, and fails only where the URL is parsed.
  it.each([
    ['a port out of range', (origin: string) => `${origin.replace(/:\d+$/, ':99999')}/v1/`],
    ['a host with a space', () => 'http://exa mple.com/v1/'],
  ])('%s', async (_name, base) => {
    const lava = client(base(loop.origin));
    for (const call of [
      () => retrieveCustomer(lava, 'con_1'),
      () => gateway(lava, OPENAI, { body: { a: 1 }, idempotencyKey: 'k-2' }),
    ]) {
      const error = await refused(call);
      expect(error.kind).toBe('config');
      expect(error.message).toMatch(/^Invalid baseUrl/);
    }
    tally.add('unusable base URL is config (REST, gateway)', 2);
  });

  it('a base URL with credentials in it: the gateway (always fetch) refuses it, and never quotes them', async () => {
    const lava = client(`${loop.origin.replace('//', '//user:hunter2secret@')}/v1/`);
    const error = await refused(() => gateway(lava, OPENAI, { body: { a: 1 }, idempotencyKey: 'k-3' }));
    expect(error.kind).toBe('config');
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain('hunter2secret');
  });
});

describe('a header given as undefined or null is no header, on both transports', () => {
  // node:http refused the value (reported as "Could not reach Lava", and retried); fetch sent `undefined`.
  it('REST and gateway calls', async () => {
    const seen: (string | string[] | undefined)[] = [];
    const ok = await startLoopback((req, res) => {
      seen.push(req.headers['x-trace']);
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...CUSTOMER, ok: true }));
    });
    try {
      const lava = createLava({
        ...transportOptions,
        secretKey: SECRET_KEY,
        baseUrl: `${ok.origin}/v1/`,
        headers: { 'x-trace': 'from-client' },
      });
      for (const value of [undefined, null]) {
        const headers = { 'x-trace': value } as unknown as Record<string, string>;
        expect(typedOutcome(await retrieveCustomer(lava, 'con_1', { headers })).error).toBeUndefined();
        expect(typedOutcome(await gateway(lava, OPENAI, { body: { a: 1 }, headers })).error).toBeUndefined();
        const bare = createLava({ ...transportOptions, secretKey: SECRET_KEY, baseUrl: `${ok.origin}/v1/` });
        expect(typedOutcome(await retrieveCustomer(bare, 'con_1', { headers })).error).toBeUndefined();
      }
      expect(seen).toEqual([
        'from-client',
        'from-client',
        undefined,
        'from-client',
        'from-client',
        undefined,
      ]);
    } finally {
      await ok.close();
    }
  });
});

describe('a failure while sending is still a network error, retried (the control)', () => {
  it('a reset connection', async () => {
    const reset = await startLoopback((req) => req.socket.destroy());
    try {
      const lava = client(`${reset.origin}/v1/`);
      const { error } = typedOutcome(await retrieveCustomer(lava, 'con_1'));
      expect(error).toMatchObject({ kind: 'network', attempts: 3 });
      expect(error?.message).toMatch(/^Could not reach Lava/);
    } finally {
      await reset.close();
    }
  });
});
