import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import { listMetersWire, listOf, PaginationParams, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Meter } from './Meter';

/** Params of `listMeters`: `cursor` and `limit` (1–100). */
export interface ListMetersParams extends PaginationParams {
  /**
   * Meters per page: an integer from 1 to 100. Omitted: Lava's default, which its reference omits (older
   * SDK docs said 20).
   */
  limit?: number | undefined;
}

/** Schema of {@link ListMetersParams}. */
export const ListMetersParams = PaginationParams;

/** A page of meters. */
export type MeterList = ListResponse<Meter>;
/** Schema of {@link MeterList}. */
export const MeterList = listOf(Meter);

/**
 * Lists meters, one page at a time (`GET /meters`). Use `paginate(listMeters, lava)` for every page.
 *
 * @param lava - The client context.
 * @param params - `cursor` and `limit` (1–100).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data, has_more, next_cursor }`.
 * @example
 * ```ts
 * const page = await listMeters(lava, { limit: 20 });
 * ```
 */
export function listMeters(
  lava: LavaClient,
  params?: ListMetersParams,
  options?: CallOptions,
): ResultAsync<MeterList, LavaError> {
  return request(lava, { wire: listMetersWire, params, input: ListMetersParams, output: MeterList }, options);
}
