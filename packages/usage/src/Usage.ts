import * as v from 'valibot';

/** Totals of requests, tokens, provider cost and charges. Counts are numbers; money is USD decimal strings. */
export interface UsageTotals {
  /** Metered requests. */
  total_requests: number;
  /** Tokens used. */
  total_usage_tokens: number;
  /** What the providers cost. */
  total_cost: string;
  /** What was charged under the meters. */
  total_charge: string;
}

/** One day of usage. */
export interface UsageItem extends UsageTotals {
  /** The day (`YYYY-MM-DD`), in the timezone of the `start` you passed. */
  date: string;
  /** Start of the day (ISO 8601). */
  start: string;
  /** End of the day (ISO 8601). */
  end: string;
}

/** Usage statistics: one item per day of the range, and the totals over it. */
export interface Usage {
  /** One entry per day. */
  items: UsageItem[];
  /** The totals over the whole range. */
  totals: UsageTotals;
}

const Totals = {
  total_requests: v.number(),
  total_usage_tokens: v.number(),
  total_cost: v.string(),
  total_charge: v.string(),
};

/** Schema of {@link Usage}. */
export const Usage = v.looseObject({
  items: v.array(v.looseObject({ date: v.string(), start: v.string(), end: v.string(), ...Totals })),
  totals: v.looseObject(Totals),
});
