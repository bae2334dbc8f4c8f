// Response bodies for the billing resources (checkout sessions, requests, usage, plans, subscriptions,
// meters, credit bundles), shaped as lava-api.md documents them.
import { subscriptionBase } from './fixtures';

export const checkoutSession = {
  checkout_session_id: 'cs_test_01EXAMPLE000',
  checkout_session_token: 'eyJzZWNyZXQiOiJjc3NfdGVzdF8xIiwiYmFzZSI6Imh0dHBzOi8vd3d3LmxhdmEuc28vIn0=',
  checkout_mode: 'subscription',
  origin_url: 'https://app.example.com',
  plan_id: 'sc_1',
  created_at: '2026-01-01T00:00:00.000Z',
};

export const requestRecord = {
  request_id: 'req_test_01EXAMPLE000',
  status: 'completed',
  customer_id: 'con_test_01EXAMPLE000',
  meter_id: 'prd_test_01EXAMPLE000',
  provider: 'openai',
  provider_key_type: 'managed',
  model: 'gpt-4o-mini',
  endpoint: 'POST https://api.openai.com/v1/chat/completions',
  response_id: 'chatcmpl-1',
  model_usage: {
    input_tokens: 120,
    output_tokens: 80,
    total_tokens: 200,
    input_characters: 0,
    output_characters: 0,
    total_characters: 0,
    input_seconds: 0,
    output_seconds: 0,
    total_seconds: 0,
    input_cost: '0.0000180000',
    output_cost: '0.0000480000',
    total_cost: '0.0000660000',
  },
  cost: '0.0000660000',
  charge: {
    amount: '0.0002000000',
    rate_type: 'fixed',
    breakdown: [
      {
        tier: { start: 0, rate: '1.00', type: 'tokens_1m' },
        tokens: 200,
        characters: 0,
        seconds: 0,
        cost: '0.0002000000',
      },
    ],
  },
  metadata: { feature: 'chat' },
  timestamp: '2026-01-01T00:00:00.000Z',
  created_at: '2026-01-01T00:00:01.000Z',
};

export const usage = {
  items: [
    {
      date: '2026-01-01',
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-01-01T23:59:59.999Z',
      total_requests: 3,
      total_usage_tokens: 600,
      total_cost: '0.0001980000',
      total_charge: '0.0006000000',
    },
  ],
  totals: {
    total_requests: 3,
    total_usage_tokens: 600,
    total_cost: '0.0001980000',
    total_charge: '0.0006000000',
  },
};

export const plan = {
  plan_id: 'sc_1',
  merchant_id: 'mer_1',
  name: 'Pro',
  period_amount: '25.00',
  included_credit: '25.00',
  billing_interval: 'month',
  rollover_type: 'none',
  bundle_rollover_type: 'full',
  default_auto_top_up_bundle_id: null,
  linked_meters: [{ meter_id: 'prd_1', name: 'Chat' }],
  credit_bundles: [{ credit_bundle_id: 'cb_1', name: 'Top-up', cost: '10.00', credit_amount: '10.00' }],
  created_at: '2026-01-01T00:00:00.000Z',
};

export const subscription = {
  ...subscriptionBase,
  customer_id: 'con_test_01EXAMPLE000',
  customer: { phone: '+14155550100', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
};

export const meter = {
  meter_id: 'prd_test_01EXAMPLE000',
  meter_slug: 'chat',
  name: 'Chat',
  rate_type: 'fixed',
  tiers: [
    { start: 0, rate: '1.00', type: 'tokens_1m' },
    { start: 1000000, rate: '0.80', type: 'tokens_1m' },
  ],
  created_at: '2026-01-01T00:00:00.000Z',
};

export const creditBundle = {
  credit_bundle_id: 'cb_1',
  plan_id: 'sc_1',
  name: 'Top-up',
  cost: '10.00',
  credit_amount: '10.00',
  created_at: '2026-01-01T00:00:00.000Z',
};
