import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { cancelSubscriptionWire, request, Success } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';

/**
 * Cancels a subscription (`DELETE /subscriptions/{id}`); the cancellation is scheduled, and shows as the
 * subscription's `pending_change`.
 *
 * @param lava - The client context.
 * @param id - The subscription id; percent-encoded into the path.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ success }`.
 * @example
 * ```ts
 * const result = await cancelSubscription(lava, 'as_123');
 * result.map((r) => r.success);
 * ```
 */
export function cancelSubscription(
  lava: LavaClient,
  id: string,
  options?: CallOptions,
): ResultAsync<Success, LavaError> {
  return request(lava, { wire: cancelSubscriptionWire, path: [id], output: Success }, options);
}
