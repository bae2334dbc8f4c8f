// Node's REST transport against real servers on loopback: base URLs (IPv6, a user in the base URL, paths and
// queries as sent), and one deadline timer per client serving every request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLava } from '@lava-sdk/core';
import { listCustomers, retrieveCustomer } from '@lava-sdk/customers';
import { afterEach, describe, expect, it } from 'vitest';
import { customer, page } from '../../../test/helpers/fixtures';
import { SECRET_KEY } from '../../../test/helpers/lava';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A server on `host` that records each request and answers after `delayOf(request)` ms. */
async function serve(host: string, delayOf: (req: IncomingMessage) => number = () => 0) {
  const seen: Record<'url' | 'host' | 'authorization', string | undefined>[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url, host: req.headers.host, authorization: req.headers.authorization });
    setTimeout(
      () => res.end(JSON.stringify(req.url?.includes('?') ? page([customer]) : customer)),
      delayOf(req),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

describe('the base URL: an IPv6 host, a user, paths and queries as built', () => {
  it('reaches an IPv6 host, with each path and query as built', async () => {
    const { port, seen } = await serve('::1');
    const lava = createLava({ secretKey: SECRET_KEY, baseUrl: `http://[::1]:${port}/v1/` });
    expect((await retrieveCustomer(lava, 'con 1/é')).isOk()).toBe(true);
    expect((await listCustomers(lava, { limit: 5, cursor: 'a b&c' })).isOk()).toBe(true);
    expect(seen).toEqual([
      { url: '/v1/customers/con%201%2F%C3%A9', host: `[::1]:${port}`, authorization: `Bearer ${SECRET_KEY}` },
      {
        url: '/v1/customers?cursor=a+b%26c&limit=5',
        host: `[::1]:${port}`,
        authorization: `Bearer ${SECRET_KEY}`,
      },
    ]);
  });

  it('keeps a user in the base URL out of the way of the secret key', async () => {
    const { port, seen } = await serve('127.0.0.1');
    const lava = createLava({ secretKey: SECRET_KEY, baseUrl: `http://user:p%40ss@127.0.0.1:${port}/v1/` });
    expect((await retrieveCustomer(lava, 'con_1')).isOk()).toBe(true);
    expect(seen[0]).toMatchObject({ url: '/v1/customers/con_1', authorization: `Bearer ${SECRET_KEY}` });
  });

  it('each client reaches its own base URL', async () => {
    const a = await serve('127.0.0.1');
    const b = await serve('127.0.0.1');
    for (const { port } of [a, b, a]) {
      const lava = createLava({ secretKey: SECRET_KEY, baseUrl: `http://127.0.0.1:${port}/v1/` });
      expect((await retrieveCustomer(lava, 'con_1')).isOk()).toBe(true);
    }
    expect([a.seen.length, b.seen.length]).toEqual([2, 1]);
  });
});

describe('one deadline timer per client', () => {
  it('times out each request at its own budget, however they overlap', async () => {
    // con_slow answers after 5 s; con_fast at once.
    const { port } = await serve('127.0.0.1', (req) => (req.url?.includes('slow') ? 5_000 : 0));
    const lava = createLava({
      secretKey: SECRET_KEY,
      baseUrl: `http://127.0.0.1:${port}/v1/`,
      maxRetries: 0,
    });
    const started = Date.now();
    const at = async (p: PromiseLike<unknown> | ReturnType<typeof retrieveCustomer>) => {
      await p;
      return Date.now() - started;
    };
    // A long budget first, then a shorter one (the timer must move earlier), then one that finishes in time.
    const long = retrieveCustomer(lava, 'con_slow', { timeoutMs: 600 });
    const short = retrieveCustomer(lava, 'con_slow', { timeoutMs: 150 });
    const fast = retrieveCustomer(lava, 'con_fast', { timeoutMs: 100 });
    const [longAt, shortAt, fastAt] = await Promise.all([at(long), at(short), at(fast)]);
    expect((await long)._unsafeUnwrapErr()).toMatchObject({ kind: 'timeout', timeoutMs: 600 });
    expect((await short)._unsafeUnwrapErr()).toMatchObject({ kind: 'timeout', timeoutMs: 150 });
    expect((await fast).isOk()).toBe(true);
    expect(shortAt).toBeGreaterThanOrEqual(140);
    expect(shortAt).toBeLessThan(500);
    expect(longAt).toBeGreaterThanOrEqual(590);
    expect(longAt).toBeLessThan(2_000);
    expect(fastAt).toBeLessThan(shortAt);
    // And a later call with the same client is timed afresh.
    const again = Date.now();
    expect((await retrieveCustomer(lava, 'con_slow', { timeoutMs: 100 }))._unsafeUnwrapErr().kind).toBe(
      'timeout',
    );
    expect(Date.now() - again).toBeGreaterThanOrEqual(90);
  });
});
