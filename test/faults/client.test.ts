// The client context itself (issue 17, items 11 and 17): no inspection or copy of it shows the secret key,
// and `createLava(null)` is `createLava()`. Each client then makes a real call, so the key still reaches
// the wire as `Authorization`, and only there.
import { inspect } from 'node:util';
import { createLava, type LavaClient } from '@lava-sdk/core';
import { retrieveCustomer } from '@lava-sdk/customers';
import { Lava } from 'lava-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, SECRET_KEY, startFaultServer, Tally, transportOptions } from './harness';

let server: FaultServer;
const tally = new Tally();

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  tally.print('client.test.ts');
});

/** Every way a user or a library might look at a client object. */
function inspections(value: object): Record<string, string> {
  return {
    inspect: inspect(value),
    'inspect showHidden getters': inspect(value, { showHidden: true, getters: true, depth: Infinity }),
    'inspect no custom': inspect(value, { showHidden: true, customInspect: false, depth: Infinity }),
    JSON: JSON.stringify(value) ?? '',
    String: String(value),
    descriptors: inspect(Object.getOwnPropertyDescriptors(value), { showHidden: true, depth: Infinity }),
    'own keys': Reflect.ownKeys(value).map(String).join(','),
    spread: inspect({ ...value }, { showHidden: true, getters: true, depth: Infinity }),
  };
}

/** A client made for a fresh scenario still sends its key, as `Authorization` only. */
async function keyReachesTheWire(make: (baseUrl: string) => LavaClient): Promise<void> {
  const { baseUrl, seen } = server.scenario(['ok']);
  const lava = make(baseUrl);
  const result = await retrieveCustomer(lava, 'con_fault_1');
  expect(result.isOk()).toBe(true);
  expect(seen[0]?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
}

describe('the client context', () => {
  it('no inspection of createLava() or new Lava() shows the secret key', async () => {
    const { baseUrl } = server.scenario(['ok']);
    const lava = createLava({ secretKey: SECRET_KEY, baseUrl, ...transportOptions });
    const official = new Lava(SECRET_KEY, { baseUrl, ...transportOptions });
    let cases = 0;
    for (const [subject, value] of Object.entries({ lava, 'new Lava()': official })) {
      for (const [how, text] of Object.entries(inspections(value))) {
        expect(text, `${subject}: ${how}`).not.toContain(SECRET_KEY);
        expect(text, `${subject}: ${how}`).not.toContain('FAULTSUITE');
        cases++;
      }
    }
    // Still readable where code asks for it, and still sent.
    expect(lava.secretKey).toBe(SECRET_KEY);
    expect(Object.isFrozen(lava)).toBe(true);
    await keyReachesTheWire((baseUrl) => createLava({ secretKey: SECRET_KEY, baseUrl, ...transportOptions }));
    tally.add('client inspections hide the key', cases);
  });

  it('createLava(null) is createLava(), and never throws', async () => {
    const saved = { key: process.env.LAVA_SECRET_KEY, base: process.env.LAVA_BASE_URL };
    try {
      delete process.env.LAVA_SECRET_KEY;
      delete process.env.LAVA_BASE_URL;
      const fromNull = createLava(null);
      expect({ ...fromNull }).toEqual({ ...createLava() });
      expect(fromNull.baseUrl).toBe('https://api.lava.so/v1/');
      expect(fromNull.secretKey).toBeUndefined();

      // From the environment, as with no options at all.
      process.env.LAVA_SECRET_KEY = SECRET_KEY;
      await keyReachesTheWire((baseUrl) => {
        process.env.LAVA_BASE_URL = baseUrl;
        const lava = createLava(null);
        expect(lava.baseUrl).toBe(baseUrl);
        return transportOptions.fetch ? createLava({ ...transportOptions }) : lava;
      });
      tally.add('createLava(null)', 2);
    } finally {
      for (const [name, value] of [
        ['LAVA_SECRET_KEY', saved.key],
        ['LAVA_BASE_URL', saved.base],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('every optional option accepts an explicit undefined (createLava and new Lava), as README promises', async () => {
    // `{ ...defaults, ...options }` would spread these undefineds over the defaults, and every call would
    // then fail with `config: Invalid timeoutMs` (issue 22, item 3).
    const optional = [
      'timeoutMs',
      'maxRetries',
      'retryDelayMs',
      'headers',
      'logger',
      'dangerouslyAllowBrowser',
    ];
    const cases = [
      ...optional.map((name) => ({ [name]: undefined })),
      Object.fromEntries(optional.map((n) => [n, undefined])),
    ];
    for (const extra of cases) {
      const label = Object.keys(extra).join(', ');
      await keyReachesTheWire((baseUrl) => {
        const lava = createLava({ secretKey: SECRET_KEY, baseUrl, ...transportOptions, ...extra });
        expect(lava, label).toMatchObject({
          timeoutMs: 60_000,
          maxRetries: 2,
          retryDelayMs: 500,
          headers: {},
        });
        return lava;
      });
      const { baseUrl, seen } = server.scenario(['ok']);
      const official = new Lava(SECRET_KEY, { baseUrl, ...transportOptions, ...extra });
      expect(official.client, label).toMatchObject({ timeoutMs: 60_000, maxRetries: 2, retryDelayMs: 500 });
      await expect(official.customers.retrieve('con_fault_1'), label).resolves.toMatchObject({
        customer_id: 'con_fault_1',
      });
      expect(seen).toHaveLength(1);
    }
    tally.add('explicit undefined options', cases.length * 2);
  });
});
