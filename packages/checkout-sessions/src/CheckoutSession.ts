import * as v from 'valibot';

/** A checkout session; hand `checkout_session_token` to `@lavapayments/checkout`'s `open()`. */
export const CheckoutSession = v.looseObject({
  checkout_session_id: v.string(),
  checkout_session_token: v.string(),
  checkout_mode: v.picklist(['subscription', 'credit_bundle']),
  origin_url: v.string(),
  created_at: v.string(),
  // Set once the session completes (customer_id) or in subscription mode only (plan_id).
  customer_id: v.nullish(v.string()),
  plan_id: v.nullish(v.string()),
  completed_at: v.nullish(v.string()),
});
export type CheckoutSession = v.InferOutput<typeof CheckoutSession>;
