import { HttpUrl, NonEmpty, oneOf } from '@lava-sdk/core/internal';
import * as v from 'valibot';

// The params of each `checkout_mode`. `CreateCheckoutSessionParams` is the variant of the two;
// `createCheckoutSession` picks one itself (`modeSchema`), so its bundle does without valibot's `variant`
// (about 300 B gzip) and validates exactly the same fields.

/** `subscription`: `plan_id` required; `customer_id` optional (omit it for a new customer). */
export const SubscriptionCheckout = v.looseObject({
  checkout_mode: v.literal('subscription'),
  // The page that embeds the checkout iframe; Lava matches it against the iframe's origin.
  origin_url: HttpUrl,
  plan_id: NonEmpty,
  customer_id: v.optional(NonEmpty),
  credit_bundle_id: v.optional(v.custom<never>(() => false, 'is only for checkout_mode "credit_bundle"')),
});

/** `credit_bundle`: `credit_bundle_id` and `customer_id` required. */
export const CreditBundleCheckout = v.looseObject({
  checkout_mode: v.literal('credit_bundle'),
  origin_url: HttpUrl,
  credit_bundle_id: NonEmpty,
  customer_id: NonEmpty,
  plan_id: v.optional(v.custom<never>(() => false, 'is only for checkout_mode "subscription"')),
});

/** What `params` is checked against: the schema of its mode, or one that says which modes there are. */
export function modeSchema(params: unknown) {
  const mode = (params as { checkout_mode?: unknown } | null | undefined)?.checkout_mode;
  return mode === 'subscription'
    ? SubscriptionCheckout
    : mode === 'credit_bundle'
      ? CreditBundleCheckout
      : v.looseObject({ checkout_mode: oneOf(['subscription', 'credit_bundle']) });
}
