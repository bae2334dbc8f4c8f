import * as v from 'valibot';

/** A meter: how usage is priced. Its `meter_slug` goes into forward tokens and `createRequest`. */
export const Meter = v.looseObject({
  meter_id: v.string(),
  meter_slug: v.string(),
  name: v.string(),
  rate_type: v.picklist(['fixed', 'percentage']),
  tiers: v.array(
    v.looseObject({
      start: v.number(),
      rate: v.string(),
      type: v.picklist(['tokens_1m', 'characters_1m', 'minutes', 'requests']),
    }),
  ),
  created_at: v.string(),
});
export type Meter = v.InferOutput<typeof Meter>;
