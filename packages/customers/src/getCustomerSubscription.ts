import type { CallOptions, LavaClient, LavaError, SubscriptionBase } from '@lava-sdk/core';
import {
  getCustomerSubscriptionWire,
  request,
  SubscriptionBase as SubscriptionBaseSchema,
} from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';

/** The answer of `getCustomerSubscription`. */
export interface CustomerSubscription {
  /** The customer's active subscription; null when there is none. */
  subscription: SubscriptionBase | null;
}

/** Schema of {@link CustomerSubscription}. */
export const CustomerSubscription = v.looseObject({ subscription: v.nullish(SubscriptionBaseSchema, null) });

/**
 * Gets a customer's active subscription with plan, remaining credits and any pending change
 * (`GET /customers/{id}/subscription`).
 *
 * @param lava - The client context.
 * @param customerId - `con_…` or your `reference_id`.
 * @returns `{ subscription }`, null when the customer has no active subscription.
 * @example
 * ```ts
 * const result = await getCustomerSubscription(lava, 'con_123');
 * const remaining = result.map((r) => r.subscription?.credits.total_remaining ?? '0');
 * ```
 */
export function getCustomerSubscription(
  lava: LavaClient,
  customerId: string,
  options?: CallOptions,
): ResultAsync<CustomerSubscription, LavaError> {
  return request(
    lava,
    { wire: getCustomerSubscriptionWire, path: [customerId], output: CustomerSubscription },
    options,
  );
}
