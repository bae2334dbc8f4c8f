import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createMeterWire, NonEmpty, oneOf, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Meter } from './Meter';
import { Tiers } from './Tiers';

/** Params of `createMeter`: a name, how it prices, per what unit, and its tiers. */
export interface CreateMeterParams {
  /** The meter's name (required, not empty). */
  name: string;
  /**
   * The meter's slug, which forward tokens (`meter_slug`) and `createRequest` name it by: a non-empty
   * string. Omitted: Lava generates one (its reference does not say how); read it from the returned meter.
   * It cannot change later.
   */
  meter_slug?: string | undefined;
  /**
   * How the tiers' `rate` prices usage (required; cannot change later): `fixed`, credits per unit of
   * `tier_type`; `percentage`, a markup on the provider's cost.
   */
  rate_type: 'fixed' | 'percentage';
  /**
   * The unit usage is counted and priced in (required; cannot change later): `tokens_1m` (per million
   * tokens), `characters_1m` (per million characters), `minutes` or `requests`.
   */
  tier_type: 'tokens_1m' | 'characters_1m' | 'minutes' | 'requests';
  /** The pricing tiers (required): at least one, the first starting at `"0"`, starts ascending. */
  tiers: Tiers;
}

/** Schema of {@link CreateMeterParams}. */
export const CreateMeterParams = v.looseObject({
  name: NonEmpty,
  meter_slug: v.optional(NonEmpty),
  rate_type: oneOf(['fixed', 'percentage']),
  tier_type: oneOf(['tokens_1m', 'characters_1m', 'minutes', 'requests']),
  tiers: Tiers,
});

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
