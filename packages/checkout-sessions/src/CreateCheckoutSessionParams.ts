import * as v from 'valibot';
import { CreditBundleCheckout, SubscriptionCheckout } from './_modes';

/** A checkout in which a customer subscribes to a plan: `checkout_mode: 'subscription'`. */
export interface SubscriptionCheckoutParams {
  /** `subscription`: the customer subscribes to `plan_id`. */
  checkout_mode: 'subscription';
  /**
   * The origin of the page that embeds the checkout, an absolute http(s) URL (`https://app.example.com`):
   * Lava matches it against the origin of the checkout's iframe.
   */
  origin_url: string;
  /** The plan to subscribe to (required in this mode): `sc_…`. */
  plan_id: string;
  /**
   * A returning customer: `con_…` or your `reference_id`. Omit it for a new customer, whom checkout
   * creates.
   */
  customer_id?: string | undefined;
  /** Only for `credit_bundle` checkouts: refused in this mode, before anything is sent. */
  credit_bundle_id?: undefined;
}

/** A checkout in which a customer buys a credit bundle: `checkout_mode: 'credit_bundle'`. */
export interface CreditBundleCheckoutParams {
  /** `credit_bundle`: an existing customer buys the credit bundle `credit_bundle_id`. */
  checkout_mode: 'credit_bundle';
  /**
   * The origin of the page that embeds the checkout, an absolute http(s) URL (`https://app.example.com`):
   * Lava matches it against the origin of the checkout's iframe.
   */
  origin_url: string;
  /** The credit bundle to buy (required in this mode): `cb_…`. */
  credit_bundle_id: string;
  /** The customer who buys it (required in this mode): `con_…` or your `reference_id`. */
  customer_id: string;
  /** Only for `subscription` checkouts: refused in this mode, before anything is sent. */
  plan_id?: undefined;
}

/**
 * Params of `createCheckoutSession`, told apart by `checkout_mode`:
 * - `subscription` ({@link SubscriptionCheckoutParams}): `plan_id` required; `customer_id` optional (omit it
 *   for a new customer).
 * - `credit_bundle` ({@link CreditBundleCheckoutParams}): `credit_bundle_id` and `customer_id` required.
 *
 * The other mode's id is rejected, so a mixed-up call fails before anything is sent.
 */
export type CreateCheckoutSessionParams = SubscriptionCheckoutParams | CreditBundleCheckoutParams;

/** Schema of {@link CreateCheckoutSessionParams}: the variant of the two modes. */
export const CreateCheckoutSessionParams = v.variant('checkout_mode', [
  SubscriptionCheckout,
  CreditBundleCheckout,
]);
