import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import {
  listOf,
  listRequestsWire,
  MetadataFilters,
  NonEmpty,
  type PaginationParams,
  paginationEntries,
  request,
} from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Request } from './Request';

/** Params of `listRequests`: pagination plus `customer_id`, `meter_id` and `metadata_filters`. */
export interface ListRequestsParams extends PaginationParams {
  /** Requests per page: an integer from 1 to 100. Lava's default is 10. */
  limit?: number | undefined;
  /** Only this customer's requests: `con_…` or your `reference_id`. */
  customer_id?: string | undefined;
  /** Only the requests priced by this meter (`prd_…`). */
  meter_id?: string | undefined;
  /**
   * Only the requests whose metadata matches these pairs: `{ key: value }`, string values. Sent as the JSON
   * string of its `[key, value]` pairs, as the official SDK sends it.
   */
  metadata_filters?: Record<string, string> | undefined;
}

/** Schema of {@link ListRequestsParams}. */
export const ListRequestsParams = v.optional(
  v.looseObject({
    ...paginationEntries,
    customer_id: v.optional(NonEmpty),
    meter_id: v.optional(NonEmpty),
    metadata_filters: v.optional(MetadataFilters),
  }),
);

/** A page of requests. */
export type RequestList = ListResponse<Request>;
/** Schema of {@link RequestList}. */
export const RequestList = listOf(Request);

/**
 * Lists usage records, newest first, one page at a time (`GET /requests`). Use
 * `paginate(listRequests, lava, params)` for every page.
 *
 * @param lava - The client context.
 * @param params - `cursor`, `limit` (1–100), `customer_id`, `meter_id`, and `metadata_filters`
 *   (`{ key: value }`; sent as a JSON array of `[key, value]` pairs).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data, has_more, next_cursor }`.
 * @example
 * ```ts
 * const page = await listRequests(lava, { customer_id: 'con_123', metadata_filters: { feature: 'chat' } });
 * ```
 */
export function listRequests(
  lava: LavaClient,
  params?: ListRequestsParams,
  options?: CallOptions,
): ResultAsync<RequestList, LavaError> {
  return request(
    lava,
    { wire: listRequestsWire, params, input: ListRequestsParams, output: RequestList },
    options,
  );
}
