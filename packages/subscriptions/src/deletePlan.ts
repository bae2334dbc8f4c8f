import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { Deleted, deletePlanWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';

/**
 * Deletes a plan (`DELETE /plans/{id}`): a soft delete that also removes the plan's credit bundles.
 *
 * @param lava - The client context.
 * @param id - The plan id; percent-encoded into the path.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ id, deleted: true }`.
 * @example
 * ```ts
 * const result = await deletePlan(lava, 'sc_123');
 * result.map((d) => d.deleted);
 * ```
 */
export function deletePlan(
  lava: LavaClient,
  id: string,
  options?: CallOptions,
): ResultAsync<Deleted, LavaError> {
  return request(lava, { wire: deletePlanWire, path: [id], output: Deleted }, options);
}
