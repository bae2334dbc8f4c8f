import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { HttpUrl, NonEmpty, type ParamsOf, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { CheckoutSession } from './CheckoutSession';

// The page that embeds the checkout iframe; Lava matches it against the iframe's origin.
const OriginUrl = HttpUrl;

/**
 * Params of `createCheckoutSession`, told apart by `checkout_mode`:
 * - `subscription`: `plan_id` required; `customer_id` optional (omit it for a new customer).
 * - `credit_bundle`: `credit_bundle_id` and `customer_id` required.
 *
 * The other mode's id is rejected, so a mixed-up call fails before anything is sent.
 */
export const CreateCheckoutSessionParams = v.variant('checkout_mode', [
  v.looseObject({
    checkout_mode: v.literal('subscription'),
    origin_url: OriginUrl,
    plan_id: NonEmpty,
    customer_id: v.optional(NonEmpty),
    credit_bundle_id: v.optional(v.custom<never>(() => false, 'is only for checkout_mode "credit_bundle"')),
  }),
  v.looseObject({
    checkout_mode: v.literal('credit_bundle'),
    origin_url: OriginUrl,
    credit_bundle_id: NonEmpty,
    customer_id: NonEmpty,
    plan_id: v.optional(v.custom<never>(() => false, 'is only for checkout_mode "subscription"')),
  }),
]);
export type CreateCheckoutSessionParams = ParamsOf<typeof CreateCheckoutSessionParams>;

/**
 * Creates a checkout session (`POST /checkout_sessions`) for a subscription sign-up or a credit bundle
 * purchase. Pass the returned `checkout_session_token` to the front-end checkout.
 *
 * @param lava - The client context from `createLava`.
 * @param params - `checkout_mode`, `origin_url`, and the ids that mode requires.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The checkout session, or a LavaError (`invalid_params` before any request is sent).
 * @example
 * ```ts
 * const session = await createCheckoutSession(lava, {
 *   checkout_mode: 'subscription',
 *   origin_url: 'https://app.example.com',
 *   plan_id: 'sc_123',
 * });
 * session.map((s) => s.checkout_session_token);
 * ```
 */
export function createCheckoutSession(
  lava: LavaClient,
  params: CreateCheckoutSessionParams,
  options?: CallOptions,
): ResultAsync<CheckoutSession, LavaError> {
  return request(
    lava,
    {
      method: 'POST',
      path: ['checkout_sessions'],
      params,
      input: CreateCheckoutSessionParams,
      output: CheckoutSession,
    },
    options,
  );
}
