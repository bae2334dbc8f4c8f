import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { MetadataFilters, NonEmpty, request, retrieveUsageWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Usage } from './Usage';

// An ISO 8601 date (`2026-01-01`) or date-time (`2026-01-01T00:00:00-05:00`); the offset of `start`
// sets the time zone the days are grouped in.
const IsoDate = v.custom<string>(
  (s) =>
    typeof s === 'string' &&
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.test(s) &&
    !Number.isNaN(Date.parse(s)),
  'must be an ISO 8601 date or date-time such as 2026-01-01 or 2026-01-01T00:00:00Z',
);

/** Params of `retrieveUsage`: `start` is required; `end` defaults to now; both are inclusive. */
export interface RetrieveUsageParams {
  /**
   * The first day, inclusive (required): an ISO 8601 date (`2026-01-01`) or date-time
   * (`2026-01-01T00:00:00-05:00`). Its offset sets the time zone the days are grouped in.
   */
  start: string;
  /** The last day, inclusive: an ISO 8601 date or date-time. Omitted: now. */
  end?: string | undefined;
  /** Only this customer's usage: `con_…` or your `reference_id`. */
  customer_id?: string | undefined;
  /** Only the usage priced by this meter (`prd_…`). */
  meter_id?: string | undefined;
  /**
   * Only the requests whose metadata matches these pairs: `{ key: value }`, string values. Sent as the JSON
   * string of its `[key, value]` pairs, as the official SDK sends it.
   */
  metadata_filters?: Record<string, string> | undefined;
}

/** Schema of {@link RetrieveUsageParams}. */
export const RetrieveUsageParams = v.looseObject({
  start: IsoDate,
  end: v.optional(IsoDate),
  customer_id: v.optional(NonEmpty),
  meter_id: v.optional(NonEmpty),
  metadata_filters: v.optional(MetadataFilters),
});

/**
 * Retrieves usage statistics grouped by day (`GET /usage`).
 *
 * @param lava - The client context.
 * @param params - `start` (required), `end`, `customer_id`, `meter_id`, and `metadata_filters`
 *   (`{ key: value }`; sent as a JSON array of `[key, value]` pairs).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ items, totals }`: requests, tokens, cost and charge per day and in total.
 * @example
 * ```ts
 * const result = await retrieveUsage(lava, { start: '2026-01-01', customer_id: 'con_123' });
 * result.map((u) => u.totals.total_charge);
 * ```
 */
export function retrieveUsage(
  lava: LavaClient,
  params: RetrieveUsageParams,
  options?: CallOptions,
): ResultAsync<Usage, LavaError> {
  return request(
    lava,
    { wire: retrieveUsageWire, params, input: RetrieveUsageParams, output: Usage },
    options,
  );
}
