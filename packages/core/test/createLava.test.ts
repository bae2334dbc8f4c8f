import { createLava, PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '@lava-sdk/core';
import { retrieveCustomer } from '@lava-sdk/customers';
import { afterEach, describe, expect, it, vi } from 'vitest';

const LIVE = 'aks_live_LIVEKEYnotreal0123456789abcdef';
const TEST = 'aks_test_TESTKEYnotreal0123456789abcdef';

afterEach(() => vi.unstubAllEnvs());

function _thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('createLava', () => {
  it('picks the production host for live keys and the sandbox for test keys', () => {
    expect(createLava({ secretKey: LIVE }).baseUrl).toBe(PRODUCTION_BASE_URL);
    expect(createLava({ secretKey: TEST }).baseUrl).toBe(SANDBOX_BASE_URL);
    expect(PRODUCTION_BASE_URL).toBe('https://api.lava.so/v1/');
    expect(SANDBOX_BASE_URL).toBe('https://sandbox-api.lava.so/v1/');
  });

  it('reads LAVA_SECRET_KEY and LAVA_BASE_URL from the environment', () => {
    vi.stubEnv('LAVA_SECRET_KEY', TEST);
    vi.stubEnv('LAVA_BASE_URL', 'http://127.0.0.1:4010/v1');
    const lava = createLava();
    expect(lava.secretKey).toBe(TEST);
    expect(lava.baseUrl).toBe('http://127.0.0.1:4010/v1/');
  });

  it('prefers options over the environment', () => {
    vi.stubEnv('LAVA_SECRET_KEY', TEST);
    const lava = createLava({ secretKey: LIVE, baseUrl: 'https://example.test/v1/' });
    expect(lava.secretKey).toBe(LIVE);
    expect(lava.baseUrl).toBe('https://example.test/v1/');
  });

  it('has defaults of 60 s, 2 retries and is frozen', () => {
    const lava = createLava({ secretKey: LIVE });
    expect(lava).toMatchObject({ timeoutMs: 60_000, maxRetries: 2 });
    expect(Object.isFrozen(lava)).toBe(true);
  });

  it('keeps the key out of JSON and inspection', async () => {
    const lava = createLava({ secretKey: LIVE });
    const { inspect } = await import('node:util');
    expect(JSON.stringify(lava)).not.toContain(LIVE);
    expect(inspect(lava)).not.toContain(LIVE);
    expect(String(lava)).not.toContain(LIVE);
  });

  it('never throws, whatever the options', () => {
    expect(() =>
      createLava({ baseUrl: 'ftp://x', timeoutMs: -1, secretKey: 42 as unknown as string }),
    ).not.toThrow();
  });

  // Numbers and fetch are checked when a call is made, so createLava stays small for token-only bundles.
  it.each([
    [{ timeoutMs: -1 }, 'timeoutMs'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ retryDelayMs: Number.POSITIVE_INFINITY }, 'retryDelayMs'],
    [{ fetch: 'nope' as unknown as typeof fetch }, 'fetch'],
    [{ baseUrl: 'ftp://x' }, 'baseUrl'],
    [{ baseUrl: 'api.lava.so' }, 'baseUrl'],
    // http(s) at the start, yet no URL: a config error too, never a TypeError thrown at the caller.
    [{ baseUrl: 'http://[bad/v1/' }, 'baseUrl'],
    [{ baseUrl: 'https://exa mple.test/v1/' }, 'baseUrl'],
  ])('returns a config error for %j at the first call, sending nothing', async (options, field) => {
    const lava = createLava({ secretKey: LIVE, baseUrl: 'http://127.0.0.1:9/v1/', ...options });
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('config');
    expect(error.message).toContain(field);
    expect(error.message).not.toContain(LIVE);
  });

  it('rejects a bad per-call timeout the same way', async () => {
    const lava = createLava({ secretKey: LIVE, baseUrl: 'http://127.0.0.1:9/v1/' });
    expect((await retrieveCustomer(lava, 'con_1', { timeoutMs: -5 }))._unsafeUnwrapErr().kind).toBe('config');
  });

  it('refuses to use a secret key in a browser unless told to allow it', async () => {
    vi.stubGlobal('document', {});
    try {
      const lava = createLava({ secretKey: LIVE, baseUrl: 'http://127.0.0.1:9/v1/', maxRetries: 0 });
      const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
      expect(error.kind).toBe('config');
      expect(error.message).toContain('browser');
      expect(error.message).not.toContain(LIVE);
      const allowed = createLava({
        secretKey: LIVE,
        baseUrl: 'http://127.0.0.1:9/v1/',
        maxRetries: 0,
        dangerouslyAllowBrowser: true,
      });
      // Allowed: the call goes out (and fails to connect to the closed loopback port).
      expect((await retrieveCustomer(allowed, 'con_1'))._unsafeUnwrapErr().kind).toBe('network');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
