import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { NonEmpty, request, updateMeterWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Meter } from './Meter';
import { Tiers } from './Tiers';

const Immutable = v.optional(v.custom<never>(() => false, 'cannot be changed after the meter is created'));

/** Params of `updateMeter`: only `name` and `tiers` may change; a field left out keeps its value. */
export interface UpdateMeterParams {
  /** The new name: a non-empty string. */
  name?: string | undefined;
  /** The new pricing tiers, replacing the old: at least one, the first at `"0"`, starts ascending. */
  tiers?: Tiers | undefined;
  /** Fixed when the meter is created: refused here, before anything is sent. */
  rate_type?: undefined;
  /** Fixed when the meter is created: refused here, before anything is sent. */
  tier_type?: undefined;
  /** Fixed when the meter is created: refused here, before anything is sent. */
  meter_slug?: undefined;
}

/** Schema of {@link UpdateMeterParams}. */
export const UpdateMeterParams = v.looseObject({
  name: v.optional(NonEmpty),
  tiers: v.optional(Tiers),
  rate_type: Immutable,
  tier_type: Immutable,
  meter_slug: Immutable,
});

/**
 * Updates a meter (`PATCH /meters/{id}`). Only `name` and `tiers` can change; `rate_type`, `tier_type`
 * and `meter_slug` are fixed at creation and rejected here.
 *
 * @param lava - The client context.
 * @param id - The meter id; percent-encoded into the path.
 * @param params - `name` and/or `tiers` (the full new list).
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The updated meter.
 * @example
 * ```ts
 * await updateMeter(lava, 'prd_123', { tiers: [{ start: '0', rate: '0.90' }] });
 * ```
 */
export function updateMeter(
  lava: LavaClient,
  id: string,
  params: UpdateMeterParams,
  options?: CallOptions,
): ResultAsync<Meter, LavaError> {
  return request(
    lava,
    { wire: updateMeterWire, path: [id], params, input: UpdateMeterParams, output: Meter },
    options,
  );
}
