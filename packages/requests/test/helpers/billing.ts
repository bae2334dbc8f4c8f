// A metered customer on an emulator, set up through its HTTP API, and what the emulator then holds.
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import type { RunningEmulator } from '@lava-sdk/emulator/server';

async function call(baseUrl: string, method: string, path: string, body?: unknown) {
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A meter at a flat $1 per million tokens (so the total charge does not depend on the order events
 * arrive in) and a customer on a plan with `credit` of included credit.
 */
export async function meteredCustomer(baseUrl: string, credit = '10000.00') {
  const meter = await call(baseUrl, 'POST', 'meters', {
    name: 'Reporter tokens',
    rate_type: 'fixed',
    tier_type: 'tokens_1m',
    tiers: [{ start: '0', rate: '1' }],
  });
  const plan = await call(baseUrl, 'POST', 'plans', {
    name: 'Reporter',
    period_amount: '0',
    billing_interval: 'month',
    included_credit: credit,
    meter_ids: [meter.meter_id],
  });
  const customer = await call(baseUrl, 'POST', 'customers', {
    reference_id: 'reporter',
    email: 'r@example.com',
  });
  await call(baseUrl, 'POST', 'subscriptions', { customer_id: customer.customer_id, plan_id: plan.plan_id });
  return { customerId: customer.customer_id as string, meterSlug: meter.meter_slug as string };
}

/** The tokens of event `i`: varied, so a lost or doubled event changes the total. */
export const tokensOf = (i: number) => 1 + ((i * 7919) % 997);

/** $ for `tokens` at $1 per million, as the emulator formats a cost (10 decimals). */
export function dollars(tokens: number): string {
  const units = BigInt(tokens) * 10_000n; // 1e-10 dollars per unit
  return `${units / 10_000_000_000n}.${(units % 10_000_000_000n).toString().padStart(10, '0')}`;
}

/** What the emulator recorded: records per id, and the totals from its own usage endpoint. */
export async function recorded(running: RunningEmulator, customerId: string) {
  const records = [...running.emulator.state.requests.values()];
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const usage = await call(
    running.baseUrl,
    'GET',
    `usage?start=${yesterday}&customer_id=${encodeURIComponent(customerId)}`,
  );
  const subscription = await call(running.baseUrl, 'GET', `customers/${customerId}/subscription`);
  return {
    ids: records.map((r) => r.body.request_id),
    tokensById: new Map(records.map((r) => [r.body.request_id, r.total_tokens])),
    totals: usage.totals as { total_requests: number; total_usage_tokens: number; total_charge: string },
    remaining: subscription.subscription.credits.total_remaining as string,
  };
}
