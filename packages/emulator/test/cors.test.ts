// CORS over the real HTTP server: what a browser sends (Origin, preflight) and needs back. Node's fetch
// does not enforce CORS, so each test reads the headers a browser would check.
import { describe, expect, it } from 'vitest';
import { corsPolicy, isLoopback } from '../src/cors';
import { EMULATOR_SECRET_KEY } from '../src/index';
import { startEmulator } from '../src/server';
import { useEmulator } from './helpers';

const DEV = 'http://localhost:5173';
const auth = { authorization: `Bearer ${EMULATOR_SECRET_KEY}` };
const preflight = (url: string, origin: string, extra: Record<string, string> = {}) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotency-key',
      ...extra,
    },
  });

describe('CORS on loopback, by default any origin', () => {
  const served = useEmulator();

  it('covers the API only: the inspector state and pages stay unreadable to another origin', async () => {
    const root = served.baseUrl.replace(/v1\/$/, '');
    for (const path of ['_emulator/state', '', 'embed/checkout/none']) {
      const res = await fetch(`${root}${path}`, { headers: { origin: 'https://evil.example' } });
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
      await res.body?.cancel();
    }
    const res = await preflight(`${root}_emulator/state`, 'https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    await res.body?.cancel();
  });

  it('answers a preflight with 204, the origin echoed, credentials, methods and the asked headers', async () => {
    const res = await preflight(`${served.baseUrl}customers`, DEV);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(DEV);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')?.split(', ')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']),
    );
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type,idempotency-key',
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toContain('Origin');
    // The `*` default never opens the private network to public pages.
    expect(res.headers.get('access-control-allow-private-network')).toBeNull();
    expect(await res.text()).toBe('');
  });

  it('adds the CORS headers to the real answer, errors included, and exposes the request id', async () => {
    const created = await fetch(`${served.baseUrl}customers`, {
      method: 'POST',
      headers: { ...auth, origin: DEV, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com' }),
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('access-control-allow-origin')).toBe(DEV);
    expect(created.headers.get('access-control-allow-credentials')).toBe('true');
    expect(created.headers.get('access-control-expose-headers')).toContain('x-lava-request-id');
    expect(created.headers.get('x-lava-request-id')).toMatch(/^req_/);
    expect(created.headers.get('vary')).toContain('Origin');
    expect((await created.json()).contact.email).toBe('ada@example.com');
    // A browser can read why a call failed, not just see "CORS error".
    const unauthorized = await fetch(`${served.baseUrl}customers`, { headers: { origin: DEV } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe(DEV);
    expect((await unauthorized.json()).error.code).toBe('auth_header_missing');
  });

  it('leaves same-origin and non-browser requests as they were: no Origin, no CORS headers', async () => {
    const res = await fetch(`${served.baseUrl}wallet`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
  });

  it('routes an OPTIONS that is not a preflight as before', async () => {
    const res = await fetch(`${served.baseUrl}customers`, { method: 'OPTIONS', headers: auth });
    expect(res.status).toBe(405);
    expect((await res.json()).error.code).toBe('method_not_allowed');
  });
});

describe('CORS with configured origins', () => {
  it('allows only the listed origins; another gets a 403 preflight that says how to allow it', async () => {
    const running = await startEmulator({ cors: [DEV] });
    try {
      expect((await preflight(`${running.baseUrl}customers`, DEV)).status).toBe(204);
      const refused = await preflight(`${running.baseUrl}customers`, 'https://evil.example');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const body = await refused.json();
      expect(body.error).toMatchObject({ code: 'cors_origin_not_allowed', status: 403 });
      expect(body.error.message).toContain('--cors-origin https://evil.example');
      // The request itself is still served (a non-browser client), without headers a browser would honour.
      const direct = await fetch(`${running.baseUrl}wallet`, {
        headers: { ...auth, origin: 'https://evil.example' },
      });
      expect(direct.status).toBe(200);
      expect(direct.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await running.stop();
    }
  });

  it('grants Private Network Access to an origin named explicitly', async () => {
    const running = await startEmulator({ cors: (origin) => origin.endsWith('.example.com') });
    try {
      const res = await preflight(`${running.baseUrl}customers`, 'https://staging.example.com', {
        'access-control-request-private-network': 'true',
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-private-network')).toBe('true');
    } finally {
      await running.stop();
    }
  });

  it('cors: false refuses every cross-origin preflight', async () => {
    const running = await startEmulator({ cors: false });
    try {
      expect((await preflight(`${running.baseUrl}customers`, DEV)).status).toBe(403);
    } finally {
      await running.stop();
    }
  });

  it('defaults to no origin on a host other machines can reach', () => {
    const policy = corsPolicy(undefined, '0.0.0.0');
    const request = new Request('http://10.0.0.2:4010/v1/customers', {
      method: 'OPTIONS',
      headers: { origin: DEV, 'access-control-request-method': 'GET' },
    });
    expect(policy.preflight(request)?.status).toBe(403);
    expect(
      policy.headers(new Request('http://10.0.0.2:4010/v1/wallet', { headers: { origin: DEV } })),
    ).toEqual({});
    expect(corsPolicy(undefined, '::1').preflight(request)?.status).toBe(204);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['128.0.0.1', false],
  ])('isLoopback(%s) is %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
