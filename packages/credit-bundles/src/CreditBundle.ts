import * as v from 'valibot';

/** A credit bundle: credits a customer on a plan can buy. Bundles are created and edited through plans. */
export const CreditBundle = v.looseObject({
  credit_bundle_id: v.string(),
  plan_id: v.string(),
  name: v.string(),
  cost: v.string(),
  credit_amount: v.string(),
  created_at: v.string(),
});
export type CreditBundle = v.InferOutput<typeof CreditBundle>;
