import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createMeterWire, NonEmpty, oneOf, type ParamsOf, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Meter } from './Meter';
import { Tiers } from './Tiers';

/** Params of `createMeter`. */
export const CreateMeterParams = v.looseObject({
  name: NonEmpty,
  /** Auto-generated from the name when omitted. */
  meter_slug: v.optional(NonEmpty),
  /** `fixed`: each tier's `rate` is credits per usage unit; `percentage`: a markup on the provider cost. */
  rate_type: oneOf(['fixed', 'percentage']),
  tier_type: oneOf(['tokens_1m', 'characters_1m', 'minutes', 'requests']),
  tiers: Tiers,
});
export type CreateMeterParams = ParamsOf<typeof CreateMeterParams>;

/**
 * Creates a meter (`POST /meters`).
 *
 * @param lava - The client context.
 * @param params - `name`, `rate_type`, `tier_type`, `tiers` (first starts at `"0"`, starts ascending) and
 *   an optional `meter_slug`.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The meter, or a LavaError (`invalid_params` before any request is sent).
 * @example
 * ```ts
 * await createMeter(lava, {
 *   name: 'Chat',
 *   rate_type: 'fixed',
 *   tier_type: 'tokens_1m',
 *   tiers: [{ start: '0', rate: '1.00' }, { start: '1000000', rate: '0.80' }],
 * });
 * ```
 */
export function createMeter(
  lava: LavaClient,
  params: CreateMeterParams,
  options?: CallOptions,
): ResultAsync<Meter, LavaError> {
  return request(lava, { wire: createMeterWire, params, input: CreateMeterParams, output: Meter }, options);
}
