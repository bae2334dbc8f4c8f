import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrieveMeterWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Meter } from './Meter';

/**
 * Retrieves a meter (`GET /meters/{id}`).
 *
 * @param lava - The client context.
 * @param id - The meter id (`prd_…`); percent-encoded into the path.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns The meter, or an `api` error with status 404 when unknown.
 * @example
 * ```ts
 * const result = await retrieveMeter(lava, 'prd_123');
 * result.map((m) => m.meter_slug);
 * ```
 */
export function retrieveMeter(
  lava: LavaClient,
  id: string,
  options?: CallOptions,
): ResultAsync<Meter, LavaError> {
  return request(lava, { wire: retrieveMeterWire, path: [id], output: Meter }, options);
}
