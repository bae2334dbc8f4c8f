// The secret key must never surface in an error, a stack, a serialised error, or a log line.
import { inspect } from 'node:util';
import type { LavaError, LavaLogEntry } from '@lava-sdk/core';
import { createCustomer, retrieveCustomer } from '@lava-sdk/customers';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();

function surfaces(error: LavaError, logs: LavaLogEntry[]): string[] {
  return [
    error.message,
    String(error.stack),
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(logs),
    String(error),
  ];
}

describe('no secret in any error surface', () => {
  const cases: [string, () => Response][] = [
    [
      'a 401 that echoes the key',
      () => HttpResponse.json({ error: `Invalid key ${SECRET_KEY}` }, { status: 401 }),
    ],
    [
      'a 400 that echoes the Authorization header',
      () =>
        HttpResponse.json(
          { error: { message: `bad header Bearer ${SECRET_KEY}`, code: 'x' } },
          { status: 400 },
        ),
    ],
    ['an HTML page with the key', () => new HttpResponse(`<p>${SECRET_KEY}</p>`, { status: 500 })],
    ['a dropped connection', () => HttpResponse.error()],
    ['a 2xx body that fails validation', () => HttpResponse.json({ customer_id: SECRET_KEY })],
  ];

  it.each(cases)('%s', async (_name, respond) => {
    mockApi(() => respond());
    const logs: LavaLogEntry[] = [];
    const lava = testLava({ maxRetries: 1, logger: (e) => logs.push(e) });
    const error = (await retrieveCustomer(lava, 'con_1'))._unsafeUnwrapErr();
    for (const text of surfaces(error, logs)) expect(text).not.toContain(SECRET_KEY);
    expect(JSON.stringify((error as { body?: unknown }).body ?? null)).not.toContain(SECRET_KEY);
  });

  it('an invalid_params error', async () => {
    const logs: LavaLogEntry[] = [];
    const error = (
      await createCustomer(testLava({ logger: (e) => logs.push(e) }), { email: SECRET_KEY })
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    for (const text of surfaces(error, logs)) expect(text).not.toContain(SECRET_KEY);
  });
});
