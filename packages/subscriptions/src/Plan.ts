import * as v from 'valibot';

const Rollover = v.picklist(['full', 'none']);

/** A plan: a recurring price, its included credit, linked meters and the credit bundles sold on it. */
export const Plan = v.looseObject({
  plan_id: v.string(),
  merchant_id: v.string(),
  name: v.string(),
  period_amount: v.string(),
  included_credit: v.string(),
  billing_interval: v.picklist(['day', 'week', 'month', 'year']),
  rollover_type: Rollover,
  bundle_rollover_type: Rollover,
  default_auto_top_up_bundle_id: v.nullable(v.string()),
  linked_meters: v.array(v.looseObject({ meter_id: v.string(), name: v.string() })),
  credit_bundles: v.array(
    v.looseObject({
      credit_bundle_id: v.string(),
      name: v.string(),
      cost: v.string(),
      credit_amount: v.string(),
    }),
  ),
  created_at: v.string(),
});
export type Plan = v.InferOutput<typeof Plan>;
