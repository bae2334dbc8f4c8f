// One pipeline, three entry points: startEmulator()'s HTTP server, the msw handlers and emulator.handle()
// answer the same way (body limit, CORS, request ids, idempotency), whichever a test uses. Then the base
// path, served by all three and by the CLI.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createLava } from '@lava-sdk/core';
import { createCustomer, listCustomers } from '@lava-sdk/customers';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmulator,
  EMULATOR_SECRET_KEY,
  type Emulator,
  MAX_BODY_BYTES,
  MAX_GATEWAY_BODY_BYTES,
  REPLAYED_HEADER,
} from '../src/index';
import { emulatorHandlers } from '../src/msw';
import { startEmulator } from '../src/server';

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());
let hosts = 0;

interface Entry {
  emulator: Emulator;
  /** The API base URL the entry serves. */
  baseUrl: string;
  /** A request to the emulator, `url` absolute under `baseUrl`'s origin. */
  send(url: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/** Each way in, serving a fresh emulator at the given base path. */
const ENTRIES: Record<string, (basePath?: string) => Promise<Entry>> = {
  async server(basePath) {
    const running = await startEmulator(basePath ? { basePath } : {});
    return {
      emulator: running.emulator,
      baseUrl: running.baseUrl,
      send: (url, init) => fetch(url, init),
      stop: running.stop,
    };
  },
  async msw(basePath = '/v1/') {
    const emulator = createEmulator({ basePath });
    const baseUrl = `https://lava-${++hosts}.test${emulator.basePath}`;
    msw.use(...emulatorHandlers(emulator, baseUrl));
    return { emulator, baseUrl, send: (url, init) => fetch(url, init), stop: async () => undefined };
  },
  async handle(basePath) {
    const emulator = createEmulator(basePath ? { basePath } : {});
    return {
      emulator,
      baseUrl: `http://lava.local${emulator.basePath}`,
      send: (url, init) => emulator.handle(new Request(url, init)),
      stop: async () => undefined,
    };
  },
};

const DEV = 'http://localhost:5173';
const auth = { authorization: `Bearer ${EMULATOR_SECRET_KEY}` };
const REQUEST_ID = /^req_[0-9A-Z]{26}$/;

describe.each(Object.keys(ENTRIES))('the pipeline through %s', (name) => {
  let entry: Entry;
  beforeAll(async () => {
    entry = await (ENTRIES[name] as () => Promise<Entry>)();
  });
  afterAll(() => entry.stop());

  it('answers 413 past the body limit, in Lava shape, with a request id and the CORS headers', async () => {
    const res = await entry.send(`${entry.baseUrl}customers`, {
      method: 'POST',
      headers: { ...auth, origin: DEV, 'content-type': 'application/json' },
      body: ' '.repeat(MAX_BODY_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: {
        message: expect.stringContaining(String(MAX_BODY_BYTES)),
        code: 'payload_too_large',
        status: 413,
      },
    });
    expect(res.headers.get('x-lava-request-id')).toMatch(REQUEST_ID);
    expect(res.headers.get('access-control-allow-origin')).toBe(DEV);
    expect(entry.emulator.state.customers.size).toBe(0);
    // The gateway's limit is larger: the same body is read (and refused for what it is, not its size).
    const gateway = await entry.send(
      `${entry.baseUrl}forward?u=${encodeURIComponent('https://api.openai.com/v1/chat/completions')}`,
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: ' '.repeat(MAX_BODY_BYTES + 1),
      },
    );
    expect(gateway.status).not.toBe(413);
    await gateway.text();
    expect(MAX_GATEWAY_BODY_BYTES).toBeGreaterThan(MAX_BODY_BYTES);
  });

  it('answers a CORS preflight: 204, the origin echoed, the asked headers allowed, a request id', async () => {
    const res = await entry.send(`${entry.baseUrl}customers`, {
      method: 'OPTIONS',
      headers: {
        origin: DEV,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(DEV);
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type,idempotency-key',
    );
    expect(res.headers.get('x-lava-request-id')).toMatch(REQUEST_ID);
  });

  it('sends x-lava-request-id on every answer, exposed to browsers', async () => {
    const cases: [string, RequestInit, number][] = [
      ['wallet', { headers: { ...auth, origin: DEV } }, 200],
      ['wallet', { headers: { origin: DEV } }, 401],
      ['nothing/here', { headers: auth }, 404],
      ['customers', { method: 'PUT', headers: auth }, 405],
      [
        'customers',
        { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{' },
        400,
      ],
    ];
    for (const [path, init, status] of cases) {
      const res = await entry.send(`${entry.baseUrl}${path}`, init);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.headers.get('x-lava-request-id'), path).toMatch(REQUEST_ID);
      await res.text();
    }
    const res = await entry.send(`${entry.baseUrl}wallet`, { headers: { ...auth, origin: DEV } });
    expect(res.headers.get('access-control-expose-headers')).toContain('x-lava-request-id');
    expect(res.headers.get('access-control-expose-headers')).toContain(REPLAYED_HEADER);
    const page = await entry.send(new URL('/_emulator/state', entry.baseUrl).href, {
      headers: { origin: DEV },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBeNull(); // the pages stay same-origin
    expect(page.headers.get('x-lava-request-id')).toMatch(REQUEST_ID);
  });

  it('10 concurrent POSTs with one Idempotency-Key create one customer; the others are 409 or replays', async () => {
    entry.emulator.reset();
    const post = () =>
      entry.send(`${entry.baseUrl}customers`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'concurrent-1' },
        body: JSON.stringify({ email: 'once@example.com' }),
      });
    const answers = await Promise.all(Array.from({ length: 10 }, post));
    // One ran; each other one came while it ran (409) or after (its replay).
    const kinds = answers.map((a) =>
      a.status === 200 ? (a.headers.get(REPLAYED_HEADER) ?? 'first') : a.status,
    );
    expect(kinds.filter((k) => k === 'first')).toHaveLength(1);
    expect(kinds.every((k) => k === 'first' || k === 'true' || k === 409)).toBe(true);
    for (const conflict of answers.filter((a) => a.status === 409)) {
      expect((await conflict.json()).error.code).toBe('idempotency_key_in_use');
    }
    expect(entry.emulator.state.customers.size).toBe(1);
    // handle() and msw run all ten at once: nine find the first still running.
    if (name !== 'server') expect(kinds.filter((k) => k === 409)).toHaveLength(9);
    // Once the first is answered, a retry is its replay.
    const retry = await post();
    expect(retry.headers.get(REPLAYED_HEADER)).toBe('true');
    const first = answers[kinds.indexOf('first')] as Response;
    expect((await retry.json()).customer_id).toBe((await first.json()).customer_id);
  });
});

describe('a base path other than /v1/', () => {
  it.each(Object.keys(ENTRIES))(
    '%s serves the API there, CORS included, and nothing at /v1/',
    async (name) => {
      const entry = await (ENTRIES[name] as (basePath: string) => Promise<Entry>)('/api/');
      try {
        expect(entry.baseUrl).toMatch(/\/api\/$/);
        const preflight = await entry.send(`${entry.baseUrl}customers`, {
          method: 'OPTIONS',
          headers: { origin: DEV, 'access-control-request-method': 'POST' },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBe(DEV);
        const wallet = await entry.send(`${entry.baseUrl}wallet`, { headers: { ...auth, origin: DEV } });
        expect(wallet.status).toBe(200);
        expect(wallet.headers.get('access-control-allow-origin')).toBe(DEV);
        const old = await entry.send(new URL('/v1/wallet', entry.baseUrl).href, { headers: auth });
        expect(old.status).toBe(404);
        const state = await entry.send(new URL('/_emulator/state', entry.baseUrl).href);
        expect((await state.json()).api_base_path).toBe('/api/');
      } finally {
        await entry.stop();
      }
    },
  );

  it('the SDK works against startEmulator({ basePath: "/api/" })', async () => {
    const running = await startEmulator({ basePath: 'api' });
    try {
      expect(running.baseUrl).toBe(`${running.url}/api/`);
      const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: running.baseUrl });
      const created = (await createCustomer(lava, { email: 'ada@example.com' }))._unsafeUnwrap();
      expect((await listCustomers(lava))._unsafeUnwrap().data.map((c) => c.customer_id)).toEqual([
        created.customer_id,
      ]);
    } finally {
      await running.stop();
    }
  });

  it('emulatorHandlers refuses a baseUrl whose path is not the base path', () => {
    expect(() => emulatorHandlers(createEmulator(), 'https://lava.test/api/')).toThrow(/basePath \/v1\//);
  });

  it('lava-emulator --base-path serves the API there', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--base-path', '/api/'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const baseUrl = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /LAVA_BASE_URL=(\S+)/.exec(out);
          if (found) resolve(found[1] as string);
        });
        child.once('exit', (code) => reject(new Error(`lava-emulator exited (${code}): ${out}`)));
      });
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
      expect((await fetch(`${baseUrl}wallet`, { headers: auth })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
