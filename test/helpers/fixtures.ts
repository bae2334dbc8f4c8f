// Response bodies shaped as lava-api.md documents them.
export const customer = {
  customer_id: 'con_test_01EXAMPLE000',
  reference_id: 'user_42',
  contact: { phone: '+14155550100', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
  subscription: { subscription_id: 'as_1', plan_id: 'sc_1', name: 'Free', status: 'active' },
  metadata: { tier: 'gold' },
  created_at: '2026-01-01T00:00:00.000Z',
};

export const subscriptionBase = {
  subscription_id: 'as_1',
  plan_id: 'sc_1',
  status: 'active',
  auto_top_up_bundle_id: null,
  started_at: '2026-01-01T00:00:00.000Z',
  cancelled_at: null,
  cycle_start_at: '2026-01-01T00:00:00.000Z',
  cycle_end_at: '2026-02-01T00:00:00.000Z',
  plan: {
    name: 'Free',
    period_amount: '0',
    included_credit: '5.00',
    billing_interval: 'month',
    rollover_type: 'none',
    bundle_rollover_type: 'full',
  },
  credits: { total_remaining: '5.00', cycle_remaining: '5.00', bundle_remaining: '0' },
  pending_change: null,
};

export function page<T>(data: T[], next: string | null = null) {
  return { data, has_more: next !== null, next_cursor: next };
}
