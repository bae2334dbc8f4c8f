import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrievePlanWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Plan } from './Plan';

/**
 * Retrieves a plan (`GET /plans/{id}`).
 *
 * @param lava - The client context.
 * @param id - The plan id; percent-encoded into the path.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns The plan, or an `api` error with status 404 when unknown.
 * @example
 * ```ts
 * const result = await retrievePlan(lava, 'sc_123');
 * result.map((p) => p.credit_bundles);
 * ```
 */
export function retrievePlan(
  lava: LavaClient,
  id: string,
  options?: CallOptions,
): ResultAsync<Plan, LavaError> {
  return request(lava, { wire: retrievePlanWire, path: [id], output: Plan }, options);
}
