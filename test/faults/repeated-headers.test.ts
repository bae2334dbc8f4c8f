// A header a server sends twice reads the same on both transports. Both join a request id with `, `; a
// repeated `Retry-After` Node keeps the first of, while fetch's `Headers.get` joins it (`7, 7`), which
// `Date.parse` read as a day in 2001, so the fetch path retried at once. It is now its first value on both.
// Runs on both transports against a real server on loopback.
import { requestIdOf } from '@lava-sdk/core';
import { retrieveCustomer } from '@lava-sdk/customers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER, TRANSPORT } from './harness';
import { type Loopback, startLoopback } from './loopback';

let loop: Loopback;
/** What the next answer carries: its status and its header lines, repeated names included. */
let answer: { status: number; headers: [string, string][] };

beforeAll(async () => {
  loop = await startLoopback((req, res) => {
    req.resume();
    const lines = [['content-type', 'application/json'], ...answer.headers].flat();
    res.writeHead(answer.status, lines);
    res.end(answer.status === 200 ? JSON.stringify(CUSTOMER) : '{"error":"slow down"}');
  });
});
afterAll(() => loop.close());

describe(`repeated response headers (${TRANSPORT})`, () => {
  it('a request id sent twice reads both, joined', async () => {
    answer = {
      status: 200,
      headers: [
        ['x-lava-request-id', 'req_a'],
        ['x-lava-request-id', 'req_b'],
      ],
    };
    const result = await retrieveCustomer(loop.lava(), 'con_1');
    expect(requestIdOf(result._unsafeUnwrap())).toBe('req_a, req_b');
  });

  it.each([
    [
      'sent twice',
      [
        ['retry-after', '7'],
        ['retry-after', '7'],
      ],
    ],
    ['as a list', [['retry-after', '7, 9']]],
    ['once', [['retry-after', '7']]],
  ] as [string, [string, string][]][])(
    'a Retry-After %s is its first value in seconds',
    async (_name, headers) => {
      answer = { status: 429, headers };
      const error = (await retrieveCustomer(loop.lava(), 'con_1'))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'api', status: 429, retryAfterMs: 7000 });
    },
  );

  it.each(['soon', '7 7', 'Wed, 99 Foo 2015'])(
    'a Retry-After that is neither is ignored (%s)',
    async (value) => {
      answer = { status: 429, headers: [['retry-after', value]] };
      const error = (await retrieveCustomer(loop.lava(), 'con_1'))._unsafeUnwrapErr();
      expect(error.kind).toBe('api');
      expect((error as { retryAfterMs?: number }).retryAfterMs).toBeUndefined();
    },
  );

  it('an HTTP date still counts from now', async () => {
    answer = { status: 503, headers: [['retry-after', new Date(Date.now() + 60_000).toUTCString()]] };
    const error = (await retrieveCustomer(loop.lava(), 'con_1'))._unsafeUnwrapErr();
    const ms = (error as { retryAfterMs?: number }).retryAfterMs!;
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });
});
