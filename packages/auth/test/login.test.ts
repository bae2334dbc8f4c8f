import { connect } from 'node:net';
import { login } from '@lava-sdk/auth';
import { describe, expect, it, vi } from 'vitest';
import { credentials, parseAuthUrl, probe, startApi } from './helpers/servers';

/** A simulated browser: records the URL it was asked to open, then walks the callback with fetch. */
function browser(walk: (auth: ReturnType<typeof parseAuthUrl>) => Promise<void> = async () => {}) {
  const opened: string[] = [];
  const responses: { status: number; text: string; headers: Headers }[] = [];
  const get = async (url: string, init?: RequestInit) => {
    const res = await fetch(url, init);
    const entry = { status: res.status, text: await res.text(), headers: res.headers };
    responses.push(entry);
    return entry;
  };
  const open = async (url: string) => {
    opened.push(url);
    await walk(parseAuthUrl(url));
  };
  return { open, opened, responses, get, port: () => parseAuthUrl(opened[0]!).port };
}

/** Sends raw bytes (a request fetch would refuse to build) and resolves with the response's first line. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.setEncoding('utf8');
    socket.once('data', (data: string) => {
      socket.destroy();
      resolve(data.split('\r\n')[0] ?? '');
    });
    socket.once('error', reject);
  });
}

describe('login', () => {
  it('opens the connect URL, takes the callback, exchanges the code and closes the server', async () => {
    const api = await startApi();
    const b = browser(async ({ callback, state }) => {
      const page = await b.get(`${callback}?code=one-time-code&state=${state}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('Authenticated');
    });
    const result = await login({
      appBaseUrl: 'https://app.example',
      apiBaseUrl: api.baseUrl,
      openBrowser: b.open,
    });

    expect(result._unsafeUnwrap()).toEqual(credentials);
    const { parsed, state, port } = parseAuthUrl(b.opened[0]!);
    expect(`${parsed.origin}${parsed.pathname}`).toBe('https://app.example/auth/connect');
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    expect(port).toBeGreaterThan(0);
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]).toMatchObject({ method: 'POST', path: '/v1/auth/callback' });
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ code: 'one-time-code' });
    expect(api.seen[0]!.headers.authorization).toBeUndefined();
    expect(await probe(port)).toBe('ECONNREFUSED');
  });

  it('uses a fresh random state on every login', async () => {
    const api = await startApi();
    const states: string[] = [];
    for (let i = 0; i < 2; i++) {
      const b = browser(async ({ callback, state }) => {
        states.push(state);
        await b.get(`${callback}?code=c&state=${state}`);
      });
      expect((await login({ apiBaseUrl: api.baseUrl, openBrowser: b.open })).isOk()).toBe(true);
    }
    expect(states[0]).not.toBe(states[1]);
  });

  it('derives the API base from a local app URL (its own /v1/) and strips trailing slashes', async () => {
    const api = await startApi();
    const b = browser(async ({ callback, state }) => {
      await b.get(`${callback}?code=c&state=${state}`);
    });
    const result = await login({ appBaseUrl: `${api.origin}/`, openBrowser: b.open });
    expect(result.isOk()).toBe(true);
    expect(b.opened[0]).toMatch(new RegExp(`^${api.origin}/auth/connect\\?state=[0-9a-f]{32}&port=\\d+$`));
    expect(api.seen[0]!.path).toBe('/v1/auth/callback');
  });

  it('answers 404 to other paths and 405 to other methods without ending the flow', async () => {
    const api = await startApi();
    const b = browser(async ({ callback, state, port }) => {
      expect((await b.get(`http://127.0.0.1:${port}/favicon.ico`)).status).toBe(404);
      expect((await b.get(`http://127.0.0.1:${port}/?code=c&state=${state}`)).status).toBe(404);
      const post = await b.get(`${callback}?code=c&state=${state}`, { method: 'POST', body: 'x' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET');
      expect((await b.get(`${callback}?code=c&state=${state}`, { method: 'HEAD' })).status).toBe(405);
      expect(await rawRequest(port, 'GET http://[bad HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 400/,
      );
      expect(api.seen).toHaveLength(0);
      expect((await b.get(`${callback}?code=real&state=${state}`)).status).toBe(200);
    });
    const result = await login({ apiBaseUrl: api.baseUrl, openBrowser: b.open });
    expect(result._unsafeUnwrap()).toEqual(credentials);
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ code: 'real' });
    expect(await probe(b.port())).toBe('ECONNREFUSED');
  });

  it('fails safely on a wrong state: 400, no exchange, the server closed', async () => {
    const api = await startApi();
    const b = browser(async ({ callback, state }) => {
      const res = await b.get(
        `${callback}?code=stolen&state=${state.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}`,
      );
      expect(res).toMatchObject({ status: 400, text: 'State mismatch' });
    });
    const error = (await login({ apiBaseUrl: api.baseUrl, openBrowser: b.open }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues[0]!.path).toBe('callback.state');
    expect(error.message).toMatch(/state mismatch/i);
    expect(error.message).not.toContain('stolen');
    expect(api.seen).toHaveLength(0);
    expect(await probe(b.port())).toBe('ECONNREFUSED');
  });

  it('treats a callback without state as a mismatch', async () => {
    const api = await startApi();
    const b = browser(async ({ callback }) => {
      expect((await b.get(`${callback}?code=c`)).status).toBe(400);
    });
    const error = (await login({ apiBaseUrl: api.baseUrl, openBrowser: b.open }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(api.seen).toHaveLength(0);
  });

  it('fails on a missing code: 400, no exchange, the server closed', async () => {
    const api = await startApi();
    const b = browser(async ({ callback, state }) => {
      expect(await b.get(`${callback}?state=${state}&code=`)).toMatchObject({
        status: 400,
        text: 'Missing code',
      });
    });
    const error = (await login({ apiBaseUrl: api.baseUrl, openBrowser: b.open }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues[0]!.path).toBe('callback.code');
    expect(api.seen).toHaveLength(0);
    expect(await probe(b.port())).toBe('ECONNREFUSED');
  });

  it('times out with a timeout error and closes the server, even with a connection left open', async () => {
    const b = browser(async ({ port }) => {
      // A stray request leaves an idle keep-alive connection behind.
      expect((await b.get(`http://127.0.0.1:${port}/favicon.ico`)).status).toBe(404);
    });
    const started = Date.now();
    const error = (await login({ timeoutMs: 200, openBrowser: b.open }))._unsafeUnwrapErr();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.kind).toBe('timeout');
    if (error.kind === 'timeout') expect(error.timeoutMs).toBe(200);
    expect(error.message).toMatch(/timed out/);
    expect(await probe(b.port())).toBe('ECONNREFUSED');
  });

  it('aborts when the signal fires and closes the server', async () => {
    const controller = new AbortController();
    const b = browser(async () => {
      setTimeout(() => controller.abort(), 20);
    });
    const error = (await login({ signal: controller.signal, openBrowser: b.open }))._unsafeUnwrapErr();
    expect(error.kind).toBe('aborted');
    expect(await probe(b.port())).toBe('ECONNREFUSED');
  });

  it('aborts the exchange too', async () => {
    const controller = new AbortController();
    const api = await startApi(() => {
      controller.abort();
      return { body: credentials };
    });
    const b = browser(async ({ callback, state }) => {
      await b.get(`${callback}?code=c&state=${state}`);
    });
    const result = await login({ signal: controller.signal, apiBaseUrl: api.baseUrl, openBrowser: b.open });
    expect(result._unsafeUnwrapErr().kind).toBe('aborted');
  });

  it('returns aborted at once for an already aborted signal, opening nothing', async () => {
    const b = browser();
    const error = (await login({ signal: AbortSignal.abort(), openBrowser: b.open }))._unsafeUnwrapErr();
    expect(error.kind).toBe('aborted');
    expect(b.opened).toHaveLength(0);
  });

  it('hands the URL to onUrl when the browser cannot be opened, and keeps waiting', async () => {
    const api = await startApi();
    const b = browser();
    const onUrl = vi.fn(async (url: string) => {
      const { callback, state } = parseAuthUrl(url);
      await b.get(`${callback}?code=c&state=${state}`);
    });
    const result = await login({
      apiBaseUrl: api.baseUrl,
      openBrowser: () => {
        throw new Error('no display');
      },
      onUrl,
    });
    expect(result._unsafeUnwrap()).toEqual(credentials);
    expect(onUrl).toHaveBeenCalledTimes(1);
    expect(onUrl.mock.calls[0]![0]).toMatch(
      /^https:\/\/www\.lava\.so\/auth\/connect\?state=[0-9a-f]{32}&port=\d+$/,
    );
    expect((onUrl.mock.calls[0] as unknown[])[1]).toBeInstanceOf(Error);
  });

  it('returns the exchange error without the code, after closing the server', async () => {
    const api = await startApi(() => ({
      status: 400,
      body: {
        error: { message: 'Invalid or expired code: one-time-code', code: 'invalid_code', status: 400 },
      },
    }));
    const b = browser(async ({ callback, state }) => {
      await b.get(`${callback}?code=one-time-code&state=${state}`);
    });
    const error = (await login({ apiBaseUrl: api.baseUrl, openBrowser: b.open }))._unsafeUnwrapErr();
    expect(error.kind).toBe('api');
    if (error.kind === 'api') expect(error).toMatchObject({ status: 400, code: 'invalid_code' });
    expect(error.message).toContain('Invalid or expired code');
    expect(JSON.stringify(error)).not.toContain('one-time-code');
    expect(error.stack).not.toContain('one-time-code');
    expect(await probe(b.port())).toBe('ECONNREFUSED');
  });

  it.each([
    [{ appBaseUrl: 'not a url' }],
    [{ appBaseUrl: 'ftp://www.lava.so' }],
    [{ apiBaseUrl: 'nope' }],
    [{ timeoutMs: 0 }],
    [{ timeoutMs: Number.NaN }],
    [{ timeoutMs: 2 ** 32 }],
  ])('rejects %j as config before starting anything', async (options) => {
    const b = browser();
    const error = (await login({ ...options, openBrowser: b.open }))._unsafeUnwrapErr();
    expect(error.kind).toBe('config');
    expect(b.opened).toHaveLength(0);
  });
});
