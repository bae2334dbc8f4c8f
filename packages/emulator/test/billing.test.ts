// Pricing, charging and usage semantics.
import { describe, expect, it } from 'vitest';
import { createEmulator, EMULATOR_SECRET_KEY } from '../src/index';
import type { MeterRecord } from '../src/model/state';
import { formatAmount, formatCost, parseMoney } from '../src/money';
import { priceMeter } from '../src/pricing';
import { startEmulator } from '../src/server';
import { api, billingFixture, forwardToken, useEmulator } from './helpers';

const served = useEmulator();
const usage = (input_tokens: number, output_tokens = 0) => ({
  input_tokens,
  output_tokens,
  input_characters: 0,
  output_characters: 0,
  input_seconds: 0,
  output_seconds: 0,
});
const meter = (
  rate_type: 'fixed' | 'percentage',
  tiers: [number, string][],
  tier_type: MeterRecord['tier_type'] = 'tokens_1m',
): MeterRecord => ({
  meter_id: 'prd_1',
  meter_slug: 'm',
  name: 'm',
  rate_type,
  tier_type,
  tiers: tiers.map(([start, rate]) => ({ start, rate })),
  created_at: '',
});

describe('money', () => {
  it('parses and formats decimal strings exactly', () => {
    expect(formatCost(parseMoney('0.0581') ?? 0n)).toBe('0.0581000000');
    expect(formatAmount(parseMoney('25') ?? 0n)).toBe('25.00');
    expect(formatAmount(parseMoney('4.9845') ?? 0n)).toBe('4.9845');
    expect(parseMoney('1e5')).toBeUndefined();
  });
});

describe('priceMeter', () => {
  it('fixed: rate per million tokens, split across a tier boundary', () => {
    const m = meter('fixed', [
      [0, '10'],
      [1000, '5'],
    ]);
    const priced = priceMeter(m, usage(1500), 0n, 0);
    expect(formatCost(priced.amount)).toBe('0.0125000000'); // 1000 × $10/M + 500 × $5/M
    expect(priced.breakdown.map((b) => [b.tier.start, b.tokens, b.cost])).toEqual([
      [0, 1000, '0.0100000000'],
      [1000, 500, '0.0025000000'],
    ]);
    // Tiers accumulate: a payer already past 1000 tokens pays the second tier only.
    expect(formatCost(priceMeter(m, usage(1000), 0n, 5000).amount)).toBe('0.0050000000');
  });

  it('percentage: provider cost plus the markup', () => {
    const m = meter('percentage', [[0, '20']]);
    expect(formatCost(priceMeter(m, usage(100), parseMoney('0.5') ?? 0n, 0).amount)).toBe('0.6000000000');
  });

  it('requests and minutes tiers', () => {
    expect(
      formatCost(
        priceMeter(
          meter(
            'fixed',
            [
              [0, '0.01'],
              [2, '0.005'],
            ],
            'requests',
          ),
          usage(0),
          0n,
          2,
        ).amount,
      ),
    ).toBe('0.0050000000');
    const minutes = priceMeter(
      meter('fixed', [[0, '0.10']], 'minutes'),
      { ...usage(0), input_seconds: 90 },
      0n,
      0,
    );
    expect(formatCost(minutes.amount)).toBe('0.1500000000');
  });
});

describe('charging through the API', () => {
  it('createRequest debits cycle credit, is idempotent on request_id, and 402s past the credit', async () => {
    const { meter: m, customer } = await billingFixture(served.baseUrl, '0.02');
    const body = {
      request_id: 'r1',
      customer_id: customer.customer_id,
      meter_slug: m.meter_slug,
      input_tokens: 1000,
    };
    const first = await api(served.baseUrl, 'POST', 'requests', body);
    expect(first.body.charge.amount).toBe('0.0100000000');
    expect((await api(served.baseUrl, 'POST', 'requests', body)).body.created_at).toBe(first.body.created_at);
    const sub = (await api(served.baseUrl, 'GET', `customers/${customer.customer_id}/subscription`)).body
      .subscription;
    expect(sub.credits).toEqual({
      total_remaining: '0.01',
      cycle_remaining: '0.01',
      bundle_remaining: '0.00',
    });
    // The next 1000 tokens are in the $5 tier: $0.005 fits, then 10 000 tokens ($0.05) do not.
    expect(
      (await api(served.baseUrl, 'POST', 'requests', { ...body, request_id: 'r2' })).body.charge.amount,
    ).toBe('0.0050000000');
    const over = await api(served.baseUrl, 'POST', 'requests', {
      ...body,
      request_id: 'r3',
      input_tokens: 10_000,
    });
    expect(over.status).toBe(402);
    expect(over.body.error.code).toBe('insufficient_balance');
  });

  it('auto top-up adds the bundle credit when the cycle credit runs out', async () => {
    const { meter: m, customer, plan } = await billingFixture(served.baseUrl, '0');
    const sub = (await api(served.baseUrl, 'GET', `subscriptions?customer_id=${customer.customer_id}`)).body
      .data[0];
    await api(served.baseUrl, 'PATCH', `subscriptions/${sub.subscription_id}`, {
      auto_top_up_bundle_id: plan.credit_bundles[0].credit_bundle_id,
    });
    const res = await api(served.baseUrl, 'POST', 'requests', {
      request_id: 'r',
      customer_id: customer.customer_id,
      meter_slug: m.meter_slug,
      input_tokens: 1_000_000,
    });
    expect(res.status).toBe(200);
    const credits = (await api(served.baseUrl, 'GET', `customers/${customer.customer_id}/subscription`)).body
      .subscription.credits;
    expect(credits.bundle_remaining).toBe('4.995'); // $10 bundle − (1000 × $10/M + 999 000 × $5/M)
  });

  it('enforces the plan entitlement: a meter not on the plan is 403', async () => {
    const { customer } = await billingFixture(served.baseUrl);
    const other = (
      await api(served.baseUrl, 'POST', 'meters', {
        name: 'Other',
        rate_type: 'fixed',
        tier_type: 'requests',
        tiers: [{ start: '0', rate: '0' }],
      })
    ).body;
    const res = await api(served.baseUrl, 'POST', 'requests', {
      request_id: 'r',
      customer_id: customer.customer_id,
      meter_slug: other.meter_slug,
    });
    expect(res.status).toBe(403);
  });

  it('aggregates /usage by day in the timezone of start, with filters', async () => {
    let now = Date.parse('2026-03-10T23:30:00Z');
    const running = await startEmulator({ emulator: createEmulator({ now: () => new Date(now) }) });
    try {
      const { meter: m, customer } = await billingFixture(running.baseUrl, '100');
      const report = (id: string, tokens: number, feature: string) =>
        api(running.baseUrl, 'POST', 'requests', {
          request_id: id,
          customer_id: customer.customer_id,
          meter_slug: m.meter_slug,
          input_tokens: tokens,
          metadata: { feature },
        });
      await report('a', 100, 'chat'); // 23:30Z on the 10th = 18:30 on the 10th in UTC-5
      now += 60 * 60_000;
      await report('b', 200, 'chat'); // 00:30Z on the 11th = 19:30 on the 10th in UTC-5
      now += 24 * 60 * 60_000;
      await report('c', 400, 'search');
      const utc = (await api(running.baseUrl, 'GET', 'usage?start=2026-03-10&end=2026-03-12')).body;
      expect(
        utc.items.map((i: { date: string; total_requests: number }) => [i.date, i.total_requests]),
      ).toEqual([
        ['2026-03-10', 1],
        ['2026-03-11', 1],
        ['2026-03-12', 1],
      ]);
      expect(utc.totals).toMatchObject({ total_requests: 3, total_usage_tokens: 700 });
      const ny = (
        await api(
          running.baseUrl,
          'GET',
          `usage?start=${encodeURIComponent('2026-03-10T00:00:00-05:00')}&end=${encodeURIComponent('2026-03-12T23:59:59-05:00')}`,
        )
      ).body;
      expect(
        ny.items.map((i: { date: string; total_requests: number }) => [i.date, i.total_requests]),
      ).toEqual([
        ['2026-03-10', 2],
        ['2026-03-11', 1],
        ['2026-03-12', 0],
      ]);
      const chat = (
        await api(
          running.baseUrl,
          'GET',
          `usage?start=2026-03-10&metadata_filters=${encodeURIComponent('[["feature","chat"]]')}`,
        )
      ).body;
      expect(chat.totals.total_requests).toBe(2);
      expect(chat.totals.total_charge).toBe(formatCost(parseMoney('0.003') ?? 0n));
    } finally {
      await running.stop();
    }
  });

  it('renews cycles, rolls credit over, and applies a scheduled cancellation', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const running = await startEmulator({ emulator: createEmulator({ now: () => new Date(now) }) });
    try {
      const m = (
        await api(running.baseUrl, 'POST', 'meters', {
          name: 'r',
          rate_type: 'fixed',
          tier_type: 'requests',
          tiers: [{ start: '0', rate: '1' }],
        })
      ).body;
      const plan = (
        await api(running.baseUrl, 'POST', 'plans', {
          name: 'Daily',
          period_amount: '0',
          billing_interval: 'day',
          included_credit: '3',
          rollover_type: 'full',
        })
      ).body;
      const c = (await api(running.baseUrl, 'POST', 'customers', {})).body;
      const { subscription } = (
        await api(running.baseUrl, 'POST', 'subscriptions', {
          customer_id: c.customer_id,
          plan_id: plan.plan_id,
        })
      ).body;
      await api(running.baseUrl, 'POST', 'requests', {
        request_id: 'x',
        customer_id: c.customer_id,
        meter_slug: m.meter_slug,
      });
      now += 24 * 60 * 60_000 + 1;
      const renewed = (await api(running.baseUrl, 'GET', `customers/${c.customer_id}/subscription`)).body
        .subscription;
      expect(renewed.credits.cycle_remaining).toBe('5.00'); // 2 left + 3 new
      expect(renewed.cycle_start_at).toBe('2026-01-02T00:00:00.000Z');
      await api(running.baseUrl, 'DELETE', `subscriptions/${subscription.subscription_id}`);
      const pending = (await api(running.baseUrl, 'GET', `customers/${c.customer_id}/subscription`)).body
        .subscription;
      expect(pending.pending_change).toEqual({
        type: 'cancellation',
        effective_at: '2026-01-03T00:00:00.000Z',
      });
      now += 24 * 60 * 60_000;
      expect((await api(running.baseUrl, 'GET', `customers/${c.customer_id}/subscription`)).body).toEqual({
        subscription: null,
      });
      const cancelled = (await api(running.baseUrl, 'GET', 'subscriptions?status=cancelled')).body.data[0];
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelled_at: '2026-01-03T00:00:00.000Z' });
    } finally {
      await running.stop();
    }
  });

  it('meter-only mode charges the merchant and attributes usage to the meter', async () => {
    const m = (
      await api(served.baseUrl, 'POST', 'meters', {
        name: 'mo',
        rate_type: 'percentage',
        tier_type: 'tokens_1m',
        tiers: [{ start: '0', rate: '50' }],
      })
    ).body;
    const res = await api(
      served.baseUrl,
      'POST',
      'forward?u=https://api.openai.com/v1/chat/completions',
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] },
      {
        authorization: `Bearer ${forwardToken({ customer_id: null, meter_slug: m.meter_slug })}`,
      },
    );
    expect(res.status).toBe(200);
    const record = [...served.running.emulator.state.requests.values()][0];
    expect(record?.meter_id).toBe(m.meter_id);
    expect(record?.customer_id).toBeNull();
    expect(record?.charge).toBe((record?.cost ?? 0n) + (record?.cost ?? 0n) / 2n);
    expect(served.running.emulator.state.merchant.balance).toBe(
      (parseMoney('100') ?? 0n) - (record?.cost ?? 0n),
    );
    expect(EMULATOR_SECRET_KEY).toMatch(/^aks_test_/);
  });
});
