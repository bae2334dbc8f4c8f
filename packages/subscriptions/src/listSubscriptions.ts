import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import {
  listOf,
  listSubscriptionsWire,
  NonEmpty,
  oneOf,
  type PaginationParams,
  paginationEntries,
  request,
} from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Subscription } from './Subscription';

/** Params of `listSubscriptions`: pagination, `status` (`active` by default) and `customer_id`. */
export interface ListSubscriptionsParams extends PaginationParams {
  /** Subscriptions per page: an integer from 1 to 100. Lava's default is 10. */
  limit?: number | undefined;
  /** Which subscriptions: `active` (the default), `cancelled`, or `all`. */
  status?: 'active' | 'cancelled' | 'all' | undefined;
  /** Only this customer's subscriptions: `con_…` or your `reference_id`. */
  customer_id?: string | undefined;
}

/** Schema of {@link ListSubscriptionsParams}. */
export const ListSubscriptionsParams = v.optional(
  v.looseObject({
    ...paginationEntries,
    status: v.optional(oneOf(['active', 'cancelled', 'all'])),
    customer_id: v.optional(NonEmpty),
  }),
);

/** A page of subscriptions. */
export type SubscriptionList = ListResponse<Subscription>;
/** Schema of {@link SubscriptionList}. */
export const SubscriptionList = listOf(Subscription);

/**
 * Lists subscriptions across customers, one page at a time (`GET /subscriptions`). Use
 * `paginate(listSubscriptions, lava, params)` for every page.
 *
 * @param lava - The client context.
 * @param params - `cursor`, `limit` (1–100), `status` (`active` | `cancelled` | `all`) and `customer_id`.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data, has_more, next_cursor }`.
 * @example
 * ```ts
 * const page = await listSubscriptions(lava, { status: 'all', customer_id: 'con_123' });
 * ```
 */
export function listSubscriptions(
  lava: LavaClient,
  params?: ListSubscriptionsParams,
  options?: CallOptions,
): ResultAsync<SubscriptionList, LavaError> {
  return request(
    lava,
    {
      wire: listSubscriptionsWire,
      params,
      input: ListSubscriptionsParams,
      output: SubscriptionList,
    },
    options,
  );
}
