import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import { listOf, listPlansWire, PaginationParams, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Plan } from './Plan';

/** Params of `listPlans`: `cursor` and `limit` (1–100, default 10). */
export interface ListPlansParams extends PaginationParams {
  /** Plans per page: an integer from 1 to 100. Lava's default is 10. */
  limit?: number | undefined;
}

/** Schema of {@link ListPlansParams}. */
export const ListPlansParams = PaginationParams;

/** A page of plans. */
export type PlanList = ListResponse<Plan>;
/** Schema of {@link PlanList}. */
export const PlanList = listOf(Plan);

/**
 * Lists plans, one page at a time (`GET /plans`). Use `paginate(listPlans, lava)` for every page.
 *
 * @param lava - The client context.
 * @param params - `cursor` and `limit` (1–100).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data, has_more, next_cursor }`.
 * @example
 * ```ts
 * const page = await listPlans(lava, { limit: 50 });
 * ```
 */
export function listPlans(
  lava: LavaClient,
  params?: ListPlansParams,
  options?: CallOptions,
): ResultAsync<PlanList, LavaError> {
  return request(lava, { wire: listPlansWire, params, input: ListPlansParams, output: PlanList }, options);
}
