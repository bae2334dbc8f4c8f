import type { RateType, TierType } from '@lava-sdk/core';
import * as v from 'valibot';

/** One pricing tier of a meter: from `start` units on, `rate` applies. */
export interface MeterTier {
  /** Where the tier starts, in units of `type`; the first tier starts at 0. */
  start: number;
  /** The rate in this tier, a decimal string: USD per unit (fixed) or a percentage (percentage). */
  rate: string;
  /** The unit the tier counts. */
  type: TierType;
}

/** A meter: how usage is priced. Its `meter_slug` goes into forward tokens and `createRequest`. */
export interface Meter {
  /** The meter's id (`prd_…`). */
  meter_id: string;
  /** The slug used in forward tokens and `createRequest`. */
  meter_slug: string;
  /** The meter's display name. */
  name: string;
  /** `fixed` or `percentage`. */
  rate_type: RateType;
  /** The pricing tiers, by ascending `start`. */
  tiers: MeterTier[];
  /** When the meter was created (ISO 8601). */
  created_at: string;
}

/** Schema of {@link Meter}. */
export const Meter = v.looseObject({
  meter_id: v.string(),
  meter_slug: v.string(),
  name: v.string(),
  rate_type: v.string(),
  tiers: v.array(v.looseObject({ start: v.number(), rate: v.string(), type: v.string() })),
  created_at: v.string(),
});
