import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { NonEmpty, request, Success, updateSubscriptionWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';

/** Params of `updateSubscription`: its auto top-up bundle, or `null` to turn auto top-up off. */
export interface UpdateSubscriptionParams {
  /**
   * The credit bundle bought automatically when the subscription's credit runs out (required key): a
   * bundle of the subscription's plan (`cb_…`), or `null` to turn auto top-up off.
   */
  auto_top_up_bundle_id: string | null;
}

/** Schema of {@link UpdateSubscriptionParams}. */
export const UpdateSubscriptionParams = v.looseObject({
  auto_top_up_bundle_id: v.nullable(NonEmpty),
});

/**
 * Sets or clears a subscription's auto top-up bundle (`PATCH /subscriptions/{id}`).
 *
 * @param lava - The client context.
 * @param id - The subscription id; percent-encoded into the path.
 * @param params - `{ auto_top_up_bundle_id }`: a bundle of the same plan, or null to disable.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ success }`.
 * @example
 * ```ts
 * await updateSubscription(lava, 'as_123', { auto_top_up_bundle_id: 'cb_1' });
 * await updateSubscription(lava, 'as_123', { auto_top_up_bundle_id: null }); // turn it off
 * ```
 */
export function updateSubscription(
  lava: LavaClient,
  id: string,
  params: UpdateSubscriptionParams,
  options?: CallOptions,
): ResultAsync<Success, LavaError> {
  return request(
    lava,
    {
      wire: updateSubscriptionWire,
      path: [id],
      params,
      input: UpdateSubscriptionParams,
      output: Success,
    },
    options,
  );
}
