import * as v from 'valibot';

const Totals = {
  total_requests: v.number(),
  total_usage_tokens: v.number(),
  total_cost: v.string(),
  total_charge: v.string(),
};

/** Usage statistics: one item per day of the range, and the totals over it. */
export const Usage = v.looseObject({
  items: v.array(v.looseObject({ date: v.string(), start: v.string(), end: v.string(), ...Totals })),
  totals: v.looseObject(Totals),
});
export type Usage = v.InferOutput<typeof Usage>;
