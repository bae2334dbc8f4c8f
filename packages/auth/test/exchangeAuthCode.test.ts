import { DEFAULT_APP_URL, exchangeAuthCode, resolveApiBaseUrl } from '@lava-sdk/auth';
import { requestIdOf } from '@lava-sdk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { credentials, startApi } from './helpers/servers';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('exchangeAuthCode', () => {
  it('POSTs {code} as JSON to auth/callback with no Authorization, even when LAVA_SECRET_KEY is set', async () => {
    vi.stubEnv('LAVA_SECRET_KEY', 'aks_live_fromTheEnvironment123');
    vi.stubEnv('LAVA_BASE_URL', 'http://127.0.0.1:1/v1/');
    const api = await startApi(() => ({ body: credentials, headers: { 'x-lava-request-id': 'req_1' } }));
    const result = await exchangeAuthCode({ code: 'abc123', baseUrl: api.baseUrl });
    const value = result._unsafeUnwrap();
    expect(value).toEqual(credentials);
    expect(requestIdOf(value)).toBe('req_1');
    expect(api.seen).toHaveLength(1);
    const seen = api.seen[0]!;
    expect(seen).toMatchObject({ method: 'POST', path: '/v1/auth/callback' });
    expect(JSON.parse(seen.body)).toEqual({ code: 'abc123' });
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers.authorization).toBeUndefined();
    expect(JSON.stringify(seen.headers)).not.toContain('fromTheEnvironment');
  });

  it('adds the trailing slash to baseUrl', async () => {
    const api = await startApi();
    const result = await exchangeAuthCode({ code: 'c', baseUrl: api.baseUrl.replace(/\/$/, '') });
    expect(result.isOk()).toBe(true);
    expect(api.seen[0]!.path).toBe('/v1/auth/callback');
  });

  it('defaults to https://api.lava.so/v1/ and ignores LAVA_BASE_URL', async () => {
    vi.stubEnv('LAVA_BASE_URL', 'https://elsewhere.example/v1/');
    const urls: string[] = [];
    const fakeFetch = (async (input: RequestInfo | URL) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return new Response(JSON.stringify(credentials), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const result = await exchangeAuthCode({ code: 'c' }, { fetch: fakeFetch });
    expect(result.isOk()).toBe(true);
    expect(urls).toEqual(['https://api.lava.so/v1/auth/callback']);
  });

  it('keeps fields the API adds', async () => {
    const api = await startApi(() => ({ body: { ...credentials, wallet_key: 'lava_wk_x', extra: 1 } }));
    const value = (await exchangeAuthCode({ code: 'c', baseUrl: api.baseUrl }))._unsafeUnwrap();
    expect(value).toMatchObject({ ...credentials, extra: 1 });
  });

  it.each(['wallet_id', 'secret_key_id', 'secret_key', 'merchant_id', 'account_id'])(
    'rejects a response without %s as invalid_response, never quoting the secret key',
    async (field) => {
      const body: Record<string, unknown> = { ...credentials, secret_key: 'supersecretvalue-not-aks-shaped' };
      delete body[field];
      const api = await startApi(() => ({ status: 201, body }));
      const error = (await exchangeAuthCode({ code: 'c', baseUrl: api.baseUrl }))._unsafeUnwrapErr();
      expect(error.kind).toBe('invalid_response');
      if (error.kind === 'invalid_response') {
        expect(error.status).toBe(201);
        expect(error.issues.map((i) => i.path)).toEqual([field]);
      }
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain('supersecretvalue');
    },
  );

  it('rejects mistyped fields without quoting the values', async () => {
    const api = await startApi(() => ({ body: { ...credentials, secret_key: 987654321, wallet_id: '' } }));
    const error = (await exchangeAuthCode({ code: 'c', baseUrl: api.baseUrl }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') {
      expect(error.issues.map((i) => i.path).sort()).toEqual(['secret_key', 'wallet_id']);
    }
    expect(JSON.stringify(error)).not.toContain('987654321');
  });

  it('rejects a body that is not JSON', async () => {
    const api = await startApi(() => ({
      body: '<html>oops</html>',
      headers: { 'content-type': 'text/html' },
    }));
    const error = (await exchangeAuthCode({ code: 'c', baseUrl: api.baseUrl }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
  });

  it('maps {"error":"text"} to an api error', async () => {
    const api = await startApi(() => ({ status: 401, body: { error: 'Invalid or expired code' } }));
    const error = (await exchangeAuthCode({ code: 'c', baseUrl: api.baseUrl }))._unsafeUnwrapErr();
    expect(error.kind).toBe('api');
    if (error.kind === 'api') expect(error.status).toBe(401);
    expect(error.message).toBe('Lava API error 401: Invalid or expired code');
  });

  it('maps {"error":{message,code,status}} to an api error and masks an echoed code everywhere', async () => {
    const api = await startApi(() => ({
      status: 400,
      body: {
        error: { message: 'Code xyz-789 has expired', code: 'code_expired', status: 400 },
        code: 'xyz-789',
      },
      headers: { 'x-lava-request-id': 'req_9' },
    }));
    const error = (
      await exchangeAuthCode({ code: 'xyz-789', baseUrl: api.baseUrl }, { maxRetries: 0 })
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('api');
    if (error.kind === 'api') {
      expect(error).toMatchObject({ status: 400, code: 'code_expired', requestId: 'req_9' });
      expect(error.body).toEqual({
        error: { message: 'Code [redacted] has expired', code: 'code_expired', status: 400 },
        code: '[redacted]',
      });
    }
    expect(error.message).toBe('Lava API error 400: Code [redacted] has expired');
    expect(`${error.stack} ${JSON.stringify(error)}`).not.toContain('xyz-789');
    expect(error.name).toBe('LavaError');
  });

  it.each([[''], [undefined], [42]])('rejects code %j as invalid_params without sending', async (code) => {
    const api = await startApi();
    const error = (await exchangeAuthCode({ code: code as string, baseUrl: api.baseUrl }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(api.seen).toHaveLength(0);
  });

  it('rejects an invalid baseUrl as config', async () => {
    const error = (await exchangeAuthCode({ code: 'c', baseUrl: 'api.lava.so' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('config');
  });

  // Issue 22, item 8: Lava consumes the code on the first attempt; a retry after a lost answer would get
  // "invalid code" and the credentials the first attempt minted would be gone.
  describe.each([
    ['node:http', undefined],
    ['fetch', (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)],
  ])('a one-time code is sent once (%s)', (_transport, transport) => {
    const consumed = () => {
      const used = new Set<string>();
      return startApi(({ body }) => {
        const { code } = JSON.parse(body);
        if (used.has(code)) return { status: 400, body: { error: 'Invalid or expired code' } };
        used.add(code);
        return { lost: true };
      });
    };

    it('a lost answer is not re-sent by default', async () => {
      const api = await consumed();
      const result = await exchangeAuthCode({ code: 'once', baseUrl: api.baseUrl }, { fetch: transport });
      expect(result._unsafeUnwrapErr().kind).toBe('network');
      expect(api.seen).toHaveLength(1);
    });

    it('a 503 is not retried by default either', async () => {
      const api = await startApi(() => ({ status: 503, body: { error: 'unavailable' } }));
      const result = await exchangeAuthCode({ code: 'once', baseUrl: api.baseUrl }, { fetch: transport });
      expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'api', status: 503 });
      expect(api.seen).toHaveLength(1);
    });

    it('retries when the caller opts in with maxRetries', async () => {
      const api = await consumed();
      const result = await exchangeAuthCode(
        { code: 'once', baseUrl: api.baseUrl },
        { fetch: transport, maxRetries: 1 },
      );
      expect(api.seen).toHaveLength(2);
      expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'api', status: 400 });
    });
  });

  it('is a network error when nothing listens', async () => {
    const error = (
      await exchangeAuthCode({ code: 'c', baseUrl: 'http://127.0.0.1:1/v1/' }, { maxRetries: 0 })
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('network');
  });
});

describe('resolveApiBaseUrl', () => {
  it.each([
    [DEFAULT_APP_URL, 'https://api.lava.so/v1/'],
    ['https://www.lava.so/', 'https://api.lava.so/v1/'],
    ['http://localhost:3000', 'http://localhost:3000/v1/'],
    ['http://127.0.0.1:8080/some/path', 'http://127.0.0.1:8080/v1/'],
    ['https://sandbox.lava.so', 'https://sandbox-api.lava.so/v1/'],
    ['https://app-sandbox.example.com', 'https://sandbox-api.lava.so/v1/'],
    ['https://staging.lava.so', 'https://api.lava.so/v1/'],
  ])('%s → %s', (app, api) => {
    expect(resolveApiBaseUrl(app)).toBe(api);
  });
});
