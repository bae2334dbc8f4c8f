import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createCheckoutSessionWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { modeSchema } from './_modes';
import { CheckoutSession } from './CheckoutSession';
import type { CreateCheckoutSessionParams } from './CreateCheckoutSessionParams';

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
      wire: createCheckoutSessionWire,
      params,
      input: modeSchema(params),
      output: CheckoutSession,
    },
    options,
  );
}
