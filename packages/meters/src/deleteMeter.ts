import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { Deleted, deleteMeterWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';

/**
 * Deletes a meter (`DELETE /meters/{id}`).
 *
 * @param lava - The client context.
 * @param id - The meter id; percent-encoded into the path.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ id, deleted: true }`.
 * @example
 * ```ts
 * const result = await deleteMeter(lava, 'prd_123');
 * result.map((d) => d.deleted);
 * ```
 */
export function deleteMeter(
  lava: LavaClient,
  id: string,
  options?: CallOptions,
): ResultAsync<Deleted, LavaError> {
  return request(lava, { wire: deleteMeterWire, path: [id], output: Deleted }, options);
}
