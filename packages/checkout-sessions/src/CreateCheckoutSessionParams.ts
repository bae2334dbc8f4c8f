import type { ParamsOf } from '@lava-sdk/core/internal';
import * as v from 'valibot';
import { CreditBundleCheckout, SubscriptionCheckout } from './_modes';

/**
 * Params of `createCheckoutSession`, told apart by `checkout_mode`:
 * - `subscription`: `plan_id` required; `customer_id` optional (omit it for a new customer).
 * - `credit_bundle`: `credit_bundle_id` and `customer_id` required.
 *
 * The other mode's id is rejected, so a mixed-up call fails before anything is sent.
 */
export const CreateCheckoutSessionParams = v.variant('checkout_mode', [
  SubscriptionCheckout,
  CreditBundleCheckout,
]);
export type CreateCheckoutSessionParams = ParamsOf<typeof CreateCheckoutSessionParams>;
