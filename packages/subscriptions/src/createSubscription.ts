import type { CallOptions, LavaClient, LavaError, SubscriptionBase } from '@lava-sdk/core';
import {
  createSubscriptionWire,
  NonEmpty,
  request,
  SubscriptionBase as SubscriptionBaseSchema,
} from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';

/** Params of `createSubscription`: the customer, and the free plan to put them on. */
export interface CreateSubscriptionParams {
  /** The customer (required): `con_…` or your `reference_id`. */
  customer_id: string;
  /**
   * The plan (required): a free one (`period_amount` `"0"`). A paid plan starts only through checkout
   * (`createCheckoutSession` with `checkout_mode: 'subscription'`).
   */
  plan_id: string;
}

/** Schema of {@link CreateSubscriptionParams}. */
export const CreateSubscriptionParams = v.looseObject({
  customer_id: NonEmpty,
  plan_id: NonEmpty,
});

/** The answer of `createSubscription`. */
export interface CreatedSubscription {
  /** The new subscription. */
  subscription: SubscriptionBase;
}

/** Schema of {@link CreatedSubscription}. */
export const CreatedSubscription = v.looseObject({ subscription: SubscriptionBaseSchema });

/**
 * Puts a customer on a free plan (`POST /subscriptions`). Paid plans need checkout
 * (`createCheckoutSession`).
 *
 * @param lava - The client context.
 * @param params - `customer_id` and `plan_id`.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ subscription }`.
 * @example
 * ```ts
 * const result = await createSubscription(lava, { customer_id: 'con_123', plan_id: 'sc_free' });
 * result.map((r) => r.subscription.subscription_id);
 * ```
 */
export function createSubscription(
  lava: LavaClient,
  params: CreateSubscriptionParams,
  options?: CallOptions,
): ResultAsync<CreatedSubscription, LavaError> {
  return request(
    lava,
    {
      wire: createSubscriptionWire,
      params,
      input: CreateSubscriptionParams,
      output: CreatedSubscription,
    },
    options,
  );
}
