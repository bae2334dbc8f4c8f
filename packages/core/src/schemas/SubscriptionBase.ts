import * as v from 'valibot';

const SubscriptionStatus = v.picklist(['active', 'cancelled']);
const BillingInterval = v.picklist(['day', 'week', 'month', 'year']);
const Rollover = v.picklist(['full', 'none']);

/** A subscription with its plan, credits and pending change. */
export const SubscriptionBase = v.looseObject({
  subscription_id: v.string(),
  plan_id: v.string(),
  status: SubscriptionStatus,
  auto_top_up_bundle_id: v.nullable(v.string()),
  started_at: v.string(),
  cancelled_at: v.nullable(v.string()),
  cycle_start_at: v.nullable(v.string()),
  cycle_end_at: v.nullable(v.string()),
  plan: v.looseObject({
    name: v.string(),
    period_amount: v.string(),
    included_credit: v.string(),
    billing_interval: BillingInterval,
    rollover_type: Rollover,
    bundle_rollover_type: Rollover,
  }),
  credits: v.looseObject({
    total_remaining: v.string(),
    cycle_remaining: v.string(),
    bundle_remaining: v.string(),
  }),
  pending_change: v.nullable(
    v.looseObject({
      type: v.picklist(['cancellation', 'downgrade']),
      effective_at: v.nullable(v.string()),
      plan_id: v.optional(v.string()),
      name: v.optional(v.string()),
      period_amount: v.optional(v.string()),
      included_credit: v.optional(v.string()),
    }),
  ),
});
export type SubscriptionBase = v.InferOutput<typeof SubscriptionBase>;
