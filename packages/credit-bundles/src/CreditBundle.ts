import * as v from 'valibot';

/** A credit bundle: a one-time credit pack sold on a plan. Bundles are created and edited with the plan. */
export interface CreditBundle {
  /** The bundle's id (`cb_…`). */
  credit_bundle_id: string;
  /** The plan the bundle is sold on. */
  plan_id: string;
  /** The bundle's display name. */
  name: string;
  /** Its price in USD, a decimal string. */
  cost: string;
  /** The credit it adds, in USD, a decimal string. */
  credit_amount: string;
  /** When the bundle was created (ISO 8601). */
  created_at: string;
}

/** Schema of {@link CreditBundle}. */
export const CreditBundle = v.looseObject({
  credit_bundle_id: v.string(),
  plan_id: v.string(),
  name: v.string(),
  cost: v.string(),
  credit_amount: v.string(),
  created_at: v.string(),
});
