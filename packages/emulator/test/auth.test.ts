// The CLI login flow end to end: connect → redirect to the local callback → code exchange.
import { exchangeAuthCode, login } from '@lava-sdk/auth';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../src/index';
import { startEmulator } from '../src/server';
import { api, useEmulator } from './helpers';

const served = useEmulator();

describe('auth', () => {
  it('login() from @lava-sdk/auth completes against the emulator', async () => {
    const credentials = (
      await login({
        appBaseUrl: served.running.url,
        timeoutMs: 10_000,
        // Stands in for the browser: follow /auth/connect's redirect to the CLI's callback server.
        openBrowser: async (url) => {
          await fetch(url);
        },
      })
    )._unsafeUnwrap();
    expect(credentials).toMatchObject({
      wallet_id: served.running.emulator.seed.walletId,
      merchant_id: served.running.emulator.seed.merchantId,
      account_id: served.running.emulator.seed.accountId,
      secret_key_id: expect.stringMatching(/^sk_/),
      secret_key: expect.stringMatching(/^aks_test_/),
    });
    // The new key works.
    const wallet = await api(served.baseUrl, 'GET', 'wallet', undefined, {
      authorization: `Bearer ${credentials.secret_key}`,
    });
    expect(wallet.status).toBe(200);
  });

  it('redirects with the state, and the code is single use', async () => {
    const connect = await fetch(`${served.running.url}/auth/connect?state=abc123&port=4567`, {
      redirect: 'manual',
    });
    expect(connect.status).toBe(302);
    const location = new URL(connect.headers.get('location') ?? '');
    expect(location.origin).toBe('http://127.0.0.1:4567');
    expect(location.pathname).toBe('/callback');
    expect(location.searchParams.get('state')).toBe('abc123');
    const code = location.searchParams.get('code') ?? '';
    const first = await exchangeAuthCode({ code, baseUrl: served.baseUrl });
    expect(first.isOk()).toBe(true);
    const second = await api(served.baseUrl, 'POST', 'auth/callback', { code }, {});
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe('invalid_code');
  });

  it('rejects a connect without state or port', async () => {
    const connect = (query: string) =>
      fetch(`${served.running.url}/auth/connect?${query}`, { redirect: 'manual' });
    expect((await connect('port=1')).status).toBe(400);
    expect((await connect('state=s&port=99999')).status).toBe(400);
  });

  it('serves /auth/connect as a page of the app host, not under the API', async () => {
    const res = await fetch(`${served.baseUrl}auth/connect?state=s&port=5000`, { redirect: 'manual' });
    expect(res.status).toBe(404);
  });

  it('expires codes after 60 seconds', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const running = await startEmulator({ emulator: createEmulator({ now: () => new Date(now) }) });
    try {
      const connect = await fetch(`${running.url}/auth/connect?state=s&port=5000`, { redirect: 'manual' });
      const code = new URL(connect.headers.get('location') ?? '').searchParams.get('code');
      now += 61_000;
      const res = await api(running.baseUrl, 'POST', 'auth/callback', { code }, {});
      expect(res.status).toBe(400);
    } finally {
      await running.stop();
    }
  });
});
