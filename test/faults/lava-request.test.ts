// Lava.request(), the official SDK's escape hatch, runs on core's one REST pipeline (issue 17, item 18):
// no redirect is followed (a 307 would re-send the body, to another host), the key passes the checks
// every REST call makes, and the path cannot point the key at anything but the base URL.
import { Lava, type LavaError } from 'lava-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, type FaultServer, leakIn, SECRET_KEY, startFaultServer, Tally } from './harness';

let server: FaultServer;
const tally = new Tally();

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  tally.print('lava-request.test.ts');
});

/** The LavaError a call rejects with (a resolved call fails the test). */
async function rejection(call: Promise<unknown>): Promise<LavaError> {
  try {
    await call;
  } catch (e) {
    return e as LavaError;
  }
  throw new Error('expected the call to reject');
}

describe('Lava.request()', () => {
  it('never follows a redirect: 301/302/303/307/308 to another host are api errors', async () => {
    for (const code of [301, 302, 303, 307, 308]) {
      const mark = `/landed-request-${code}`;
      const { baseUrl, seen } = server.scenario([`redirect:${code}:${server.targetOrigin}${mark}` as Fault]);
      const lava = new Lava(SECRET_KEY, { baseUrl, maxRetries: 0 });
      const error = await rejection(
        lava.request('POST', 'customers', { data: { email: 'ada@example.com' } }),
      );
      expect(error).toMatchObject({ kind: 'api', status: code });
      expect(seen).toHaveLength(1);
      expect(server.targetSeen.filter((hit) => hit.path.startsWith(mark))).toEqual([]);
      expect(leakIn(error, [], [SECRET_KEY])).toBeUndefined();
      tally.add('redirects', 1, 1);
    }
  });

  it('makes the key checks of every REST call: a key with a newline is config, nothing sent', async () => {
    const { baseUrl, seen } = server.scenario(['ok']);
    const lava = new Lava(`${SECRET_KEY}\r\nx-injected: 1`, { baseUrl });
    const error = await rejection(lava.request('GET', 'customers/con_1'));
    expect(error).toMatchObject({ kind: 'config' });
    expect(error.message).not.toContain(SECRET_KEY);
    expect(seen).toHaveLength(0);
    tally.add('key checks', 1);
  });

  it('refuses a method that is not one: missing, empty, with CR/LF or a space, nothing sent', async () => {
    const { baseUrl, seen } = server.scenario(['ok']);
    const lava = new Lava(SECRET_KEY, { baseUrl });
    const methods: unknown[] = [undefined, null, 42, '', 'GET\r\nx-injected: 1', 'GET /', 'PO ST'];
    for (const method of methods) {
      const error = await rejection(lava.request(method as string, 'customers/con_1'));
      expect(error).toMatchObject({ kind: 'invalid_params', issues: [{ path: 'method' }] });
      tally.add('invalid methods', 1);
    }
    expect(seen).toHaveLength(0);
  });

  it('keeps the key under the base URL: absolute URLs, rooted paths and ".." are invalid_params', async () => {
    const { baseUrl, seen } = server.scenario(['ok']);
    const lava = new Lava(SECRET_KEY, { baseUrl, maxRetries: 0 });
    const escapes = [
      `${server.targetOrigin}/steal`,
      `//${new URL(server.targetOrigin).host}/steal`,
      '/v1/customers',
      '../customers',
      'customers/../../other',
    ];
    for (const path of escapes) {
      const error = await rejection(lava.request('GET', path));
      expect(error, path).toMatchObject({ kind: 'invalid_params', issues: [{ path: 'path' }] });
      tally.add('paths outside the base URL', 1);
    }
    expect(seen).toHaveLength(0);
    expect(server.targetSeen.filter((hit) => hit.path.startsWith('/steal'))).toEqual([]);
  });

  it('still sends what the official SDK sends: the path as given, query pairs, a JSON body', async () => {
    const { baseUrl, seen } = server.scenario(['ok']);
    const lava = new Lava(SECRET_KEY, { baseUrl, maxRetries: 0 });
    const value = await lava.request('post', 'customers/con_1?x=1', { data: { a: 1 }, query: { limit: 5 } });
    expect(value).toMatchObject({ customer_id: 'con_fault_1' });
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['POST', '/v1/customers/con_1?x=1&limit=5', '{"a":1}'],
    ]);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    tally.add('same wire request', 1);
  });
});
