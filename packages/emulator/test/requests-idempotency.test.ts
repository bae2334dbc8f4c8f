// POST /requests is idempotent on request_id, as Lava documents it ("Request created or retrieved",
// lava-api.md §2.3, §3.4): a repeated id answers the record the first call created, whatever the new body
// says, and charges nothing more. One record and one charge per id, even for concurrent repeats.
import { createRequest } from '@lava-sdk/requests';
import { describe, expect, it } from 'vitest';
import { api, billingFixture, useEmulator } from './helpers';

const served = useEmulator();

const credits = async (customerId: string) =>
  (await api(served.baseUrl, 'GET', `customers/${customerId}/subscription`)).body.subscription.credits;

async function fixture() {
  const { meter, customer } = await billingFixture(served.baseUrl, '5.00');
  const body = {
    request_id: 'job_1',
    customer_id: customer.customer_id,
    meter_slug: meter.meter_slug,
    input_tokens: 1000,
    metadata: { feature: 'chat' },
  };
  return { meter, customer, body };
}

describe('POST /requests: idempotent on request_id', () => {
  it('a repeated id answers the same record, byte for byte, and charges once', async () => {
    const { customer, body } = await fixture();
    const first = await api(served.baseUrl, 'POST', 'requests', body);
    expect(first.status).toBe(200);
    expect(first.body.charge.amount).toBe('0.0100000000');
    const after = await credits(customer.customer_id);
    const second = await api(served.baseUrl, 'POST', 'requests', body);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(served.running.emulator.state.requests.size).toBe(1);
    expect(await credits(customer.customer_id)).toEqual(after);
    expect(after.total_remaining).toBe('4.99');
  });

  it('a repeated id with a different body is "retrieved": the first record, unchanged, no new charge', async () => {
    const { customer, body } = await fixture();
    const first = await api(served.baseUrl, 'POST', 'requests', body);
    const after = await credits(customer.customer_id);
    const other = {
      meter: (
        await api(served.baseUrl, 'POST', 'meters', {
          name: 'Other',
          rate_type: 'fixed',
          tier_type: 'requests',
          tiers: [{ start: '0', rate: '1' }],
        })
      ).body,
      customer: (
        await api(served.baseUrl, 'POST', 'customers', { reference_id: 'user_2', email: 'b@example.com' })
      ).body,
    };
    for (const changed of [
      { ...body, input_tokens: 999_999 },
      { ...body, output_tokens: 5, metadata: { feature: 'search' } },
      { ...body, meter_slug: other.meter.meter_slug },
      { ...body, customer_id: other.customer.customer_id, meter_slug: other.meter.meter_slug },
    ]) {
      const again = await api(served.baseUrl, 'POST', 'requests', changed);
      expect(again.status).toBe(200);
      expect(again.text).toBe(first.text);
    }
    expect(served.running.emulator.state.requests.size).toBe(1);
    expect(await credits(customer.customer_id)).toEqual(after);
    expect(other.customer.customer_id).not.toBe(customer.customer_id);
    const record = (await api(served.baseUrl, 'GET', 'requests/job_1')).body;
    expect(record.model_usage).toMatchObject({ input_tokens: 1000, output_tokens: 0 });
    expect(record.metadata).toEqual({ feature: 'chat' });
  });

  it('concurrent repeats of one id over HTTP make one record and one charge', async () => {
    const { customer, body } = await fixture();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => api(served.baseUrl, 'POST', 'requests', body)),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(served.running.emulator.state.requests.size).toBe(1);
    expect((await credits(customer.customer_id)).total_remaining).toBe('4.99');
  });

  it('through the SDK, each call with its own Idempotency-Key: still one record per request_id', async () => {
    const { customer, body } = await fixture();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createRequest(served.lava, body, { maxRetries: 0 })),
    );
    expect(results.every((r) => r.isOk())).toBe(true);
    expect(new Set(results.map((r) => r._unsafeUnwrap().created_at)).size).toBe(1);
    expect(served.running.emulator.state.requests.size).toBe(1);
    expect((await credits(customer.customer_id)).total_remaining).toBe('4.99');
  });

  it('a refused attempt reserves nothing: the id is created by the first call that succeeds', async () => {
    const { customer, body } = await fixture();
    const unknownMeter = await api(served.baseUrl, 'POST', 'requests', { ...body, meter_slug: 'nope' });
    expect(unknownMeter.status).toBe(404);
    const tooMuch = await api(served.baseUrl, 'POST', 'requests', { ...body, input_tokens: 10_000_000 });
    expect(tooMuch.status).toBe(402);
    expect(served.running.emulator.state.requests.size).toBe(0);
    expect((await credits(customer.customer_id)).total_remaining).toBe('5.00');
    const created = await api(served.baseUrl, 'POST', 'requests', body);
    expect(created.status).toBe(200);
    expect(created.body.model_usage.input_tokens).toBe(1000);
    expect(served.running.emulator.state.requests.size).toBe(1);
  });

  it('the body is checked before the id is looked up: an invalid repeat is a 400', async () => {
    const { body } = await fixture();
    await api(served.baseUrl, 'POST', 'requests', body);
    const invalid = await api(served.baseUrl, 'POST', 'requests', { ...body, input_tokens: -1 });
    expect(invalid.status).toBe(400);
    const missing = await api(served.baseUrl, 'POST', 'requests', { request_id: 'job_1' });
    expect(missing.status).toBe(400);
    expect(served.running.emulator.state.requests.size).toBe(1);
  });
});
