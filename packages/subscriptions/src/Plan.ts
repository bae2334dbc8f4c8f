import type { SubscriptionPlan } from '@lava-sdk/core';
import * as v from 'valibot';

/** A meter whose usage draws on a plan's credit. */
export interface PlanLinkedMeter {
  /** The meter's id. */
  meter_id: string;
  /** The meter's name. */
  name: string;
}

/** A credit bundle sold on a plan. */
export interface PlanCreditBundle {
  /** The bundle's id. */
  credit_bundle_id: string;
  /** Its display name. */
  name: string;
  /** Its price in USD, a decimal string. */
  cost: string;
  /** The credit it adds, in USD, a decimal string. */
  credit_amount: string;
}

/** A plan: a recurring price, its included credit, linked meters and the credit bundles sold on it. */
export interface Plan extends SubscriptionPlan {
  /** The plan's id. */
  plan_id: string;
  /** The merchant that owns it. */
  merchant_id: string;
  /** The bundle bought automatically when a cycle's credit runs out; null when disabled. */
  default_auto_top_up_bundle_id: string | null;
  /** The meters that draw on the plan's credit. */
  linked_meters: PlanLinkedMeter[];
  /** The credit bundles sold on the plan. */
  credit_bundles: PlanCreditBundle[];
  /** When the plan was created (ISO 8601). */
  created_at: string;
}

const Rollover = v.string();

/** Schema of {@link Plan}. */
export const Plan = v.looseObject({
  plan_id: v.string(),
  merchant_id: v.string(),
  name: v.string(),
  period_amount: v.string(),
  included_credit: v.string(),
  billing_interval: v.string(),
  rollover_type: Rollover,
  bundle_rollover_type: Rollover,
  default_auto_top_up_bundle_id: v.nullish(v.string(), null),
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
