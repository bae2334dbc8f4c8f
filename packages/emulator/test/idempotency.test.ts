// Idempotency-Key as Stripe runs it: one answer per key, replayed (and marked so) to a retry of the same
// request; another request with the key is a 400, one while the first runs a 409; a 400 is not kept; keys
// expire on the emulator's clock and are capped. Through handle() (the pipeline every entry point runs)
// and through the SDK, whose retries meet the 409.
import { createLava } from '@lava-sdk/core';
import { createCustomer } from '@lava-sdk/customers';
import { describe, expect, it } from 'vitest';
import { idempotencyStore } from '../src/idempotency';
import {
  createEmulator,
  EMULATOR_SECRET_KEY,
  type Emulator,
  IDEMPOTENCY_TTL_MS,
  REPLAYED_HEADER,
} from '../src/index';
import { startEmulator } from '../src/server';

const BASE = 'http://lava.local/v1/';

function post(emulator: Emulator, path: string, body: string, key: string, secretKey = EMULATOR_SECRET_KEY) {
  return emulator.handle(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secretKey}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body,
    }),
  );
}

describe('Idempotency-Key', () => {
  it('replays the first answer, byte for byte, with its request id and Idempotent-Replayed: true', async () => {
    const emulator = createEmulator();
    const first = await post(emulator, 'customers', '{"email":"a@example.com","name":"Ada"}', 'k1');
    expect(first.headers.get(REPLAYED_HEADER)).toBeNull();
    // The same parameters in another key order, with other whitespace: the same request.
    const again = await post(emulator, 'customers', '{ "name": "Ada", "email": "a@example.com" }', 'k1');
    expect(again.status).toBe(200);
    expect(again.headers.get(REPLAYED_HEADER)).toBe('true');
    expect(again.headers.get('x-lava-request-id')).toBe(first.headers.get('x-lava-request-id'));
    expect(await again.text()).toBe(await first.text());
    expect(emulator.state.customers.size).toBe(1);
  });

  it('refuses the key with other parameters (400), and keeps the first answer', async () => {
    const emulator = createEmulator();
    await post(emulator, 'customers', '{"name":"Ada"}', 'k2');
    const other = await post(emulator, 'customers', '{"name":"Grace"}', 'k2');
    expect(other.status).toBe(400);
    expect((await other.json()).error.code).toBe('idempotency_key_reused');
    const path = await post(emulator, 'meters', '{"name":"Ada"}', 'k2');
    expect((await path.json()).error.code).toBe('idempotency_key_reused');
    expect((await post(emulator, 'customers', '{"name":"Ada"}', 'k2')).headers.get(REPLAYED_HEADER)).toBe(
      'true',
    );
    expect(emulator.state.customers.size).toBe(1);
  });

  it('does not keep a 400: the corrected request runs under the same key', async () => {
    const emulator = createEmulator();
    const invalid = await post(emulator, 'customers', '{"email":"not an email"}', 'k3');
    expect(invalid.status).toBe(400);
    const corrected = await post(emulator, 'customers', '{"email":"ada@example.com"}', 'k3');
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get(REPLAYED_HEADER)).toBeNull();
    expect(emulator.state.customers.size).toBe(1);
  });

  it('keeps other 4xx answers of an operation that ran (a 404 replays)', async () => {
    const emulator = createEmulator();
    const body = '{"customer_id":"con_nope","plan_id":"sc_nope"}';
    expect((await post(emulator, 'subscriptions', body, 'k4')).status).toBe(404);
    const replay = await post(emulator, 'subscriptions', body, 'k4');
    expect([replay.status, replay.headers.get(REPLAYED_HEADER)]).toEqual([404, 'true']);
  });

  it('scopes a key to the secret key that sent it', async () => {
    const emulator = createEmulator();
    const created = await post(emulator, 'secret_keys', '{"name":"second"}', 'k5');
    const { secret_key } = await created.json();
    const other = await post(emulator, 'customers', '{"name":"Ada"}', 'k5', secret_key);
    expect(other.status).toBe(200);
    expect(other.headers.get(REPLAYED_HEADER)).toBeNull();
  });

  it('forgets a key 24 hours after its answer, on the emulator clock; reset() forgets them all', async () => {
    let offset = 0;
    const emulator = createEmulator({ now: () => new Date(Date.now() + offset) });
    await post(emulator, 'customers', '{"name":"Ada"}', 'k6');
    offset = IDEMPOTENCY_TTL_MS - 60_000;
    expect((await post(emulator, 'customers', '{"name":"Ada"}', 'k6')).headers.get(REPLAYED_HEADER)).toBe(
      'true',
    );
    offset = IDEMPOTENCY_TTL_MS + 1;
    const later = await post(emulator, 'customers', '{"name":"Grace"}', 'k6');
    expect([later.status, later.headers.get(REPLAYED_HEADER)]).toEqual([200, null]);
    emulator.reset();
    const fresh = await post(emulator, 'customers', '{"name":"Linus"}', 'k6');
    expect([fresh.status, fresh.headers.get(REPLAYED_HEADER)]).toEqual([200, null]);
  });

  it('keeps at most maxKeys answers, forgetting the least recently used', async () => {
    const store = idempotencyStore(() => new Date(), 3);
    const answer = (text: string) => async () => ({ response: new Response(text), requestId: text });
    const run = (key: string, text = key) =>
      store.run('sk', key, { method: 'POST', path: '/x', body: '' }, answer(text));
    for (const key of ['a', 'b', 'c']) await run(key);
    await run('a'); // a replay moves `a` to the end
    await run('d'); // forgets `b`
    expect(store.size).toBe(3);
    expect((await run('b', 'b again')).requestId).toBe('b again');
    expect((await run('a', 'a again')).requestId).toBe('a');
  });

  it('through the SDK, 10 concurrent creates with one key all resolve to the one customer', async () => {
    const running = await startEmulator();
    try {
      const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: running.baseUrl, retryDelayMs: 5 });
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          createCustomer(lava, { email: 'ada@example.com' }, { idempotencyKey: 'sdk-1' }),
        ),
      );
      const ids = new Set(results.map((r) => r._unsafeUnwrap().customer_id));
      expect(ids.size).toBe(1);
      expect(running.emulator.state.customers.size).toBe(1);
    } finally {
      await running.stop();
    }
  });

  it('does not apply to the gateway: a forward call is never replayed', async () => {
    const emulator = createEmulator();
    const forward = () =>
      emulator.handle(
        new Request(`${BASE}forward?u=${encodeURIComponent('https://api.openai.com/v1/chat/completions')}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${EMULATOR_SECRET_KEY}`,
            'idempotency-key': 'gw',
            'content-type': 'application/json',
          },
          body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
        }),
      );
    const [a, b] = [await forward(), await forward()];
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get(REPLAYED_HEADER)).toBeNull();
    expect(emulator.state.requests.size).toBe(2);
  });
});
