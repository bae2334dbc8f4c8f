import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import {
  listCreditBundlesWire,
  listOf,
  NonEmpty,
  type PaginationParams,
  paginationEntries,
  request,
} from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { CreditBundle } from './CreditBundle';

/** Params of `listCreditBundles`: pagination plus an optional `plan_id` filter. */
export interface ListCreditBundlesParams extends PaginationParams {
  /** Bundles per page: an integer from 1 to 100. Lava's default is 10. */
  limit?: number | undefined;
  /** Only the bundles of this plan (`sc_…`). Omitted: every plan's bundles. */
  plan_id?: string | undefined;
}

/** Schema of {@link ListCreditBundlesParams}. */
export const ListCreditBundlesParams = v.optional(
  v.looseObject({ ...paginationEntries, plan_id: v.optional(NonEmpty) }),
);

/** A page of credit bundles. */
export type CreditBundleList = ListResponse<CreditBundle>;
/** Schema of {@link CreditBundleList}. */
export const CreditBundleList = listOf(CreditBundle);

/**
 * Lists credit bundles, one page at a time (`GET /credit_bundles`). Use
 * `paginate(listCreditBundles, lava, params)` for every page.
 *
 * @param lava - The client context.
 * @param params - `cursor`, `limit` (1–100) and `plan_id`.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data, has_more, next_cursor }`.
 * @example
 * ```ts
 * const page = await listCreditBundles(lava, { plan_id: 'sc_123' });
 * ```
 */
export function listCreditBundles(
  lava: LavaClient,
  params?: ListCreditBundlesParams,
  options?: CallOptions,
): ResultAsync<CreditBundleList, LavaError> {
  return request(
    lava,
    {
      wire: listCreditBundlesWire,
      params,
      input: ListCreditBundlesParams,
      output: CreditBundleList,
    },
    options,
  );
}
