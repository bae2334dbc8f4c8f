import * as v from 'valibot';

/**
 * A saved card of the merchant wallet. Expiry month and year are strings (`"12"`, `"2027"`) as Lava's
 * reference shows them; `has_error` and the `error_*` fields describe the last failed charge, if any.
 */
export const PaymentMethod = v.looseObject({
  payment_method_id: v.string(),
  last4: v.string(),
  expiry_month: v.string(),
  expiry_year: v.string(),
  brand: v.string(),
  is_default: v.boolean(),
  has_error: v.boolean(),
  error_code: v.nullish(v.string()),
  error_message: v.nullish(v.string()),
  error_at: v.nullish(v.string()),
});
export type PaymentMethod = v.InferOutput<typeof PaymentMethod>;
