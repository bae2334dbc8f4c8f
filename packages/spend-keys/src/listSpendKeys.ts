import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import { listOf, listSpendKeysWire, PaginationParams, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { SpendKey } from './SpendKey';

/** Params of `listSpendKeys`: `cursor` and `limit` (1–100, default 10). */
export interface ListSpendKeysParams extends PaginationParams {
  /** Spend keys per page: an integer from 1 to 100. Lava's default is 10. */
  limit?: number | undefined;
}

/** Schema of {@link ListSpendKeysParams}. */
export const ListSpendKeysParams = PaginationParams;

/** A page of spend keys. */
export type SpendKeyList = ListResponse<SpendKey>;
/** Schema of {@link SpendKeyList}. */
export const SpendKeyList = listOf(SpendKey);

/**
 * Lists the wallet's spend keys, one page at a time (`GET /spend_keys`). Use
 * `paginate(listSpendKeys, lava)` for all.
 *
 * @param lava - The client context from `createLava`.
 * @param params - `cursor` and `limit` (1–100).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data, has_more, next_cursor }`.
 * @example
 * ```ts
 * for await (const key of paginate(listSpendKeys, lava)) key.map((k) => console.log(k.name, k.current_spend));
 * ```
 */
export function listSpendKeys(
  lava: LavaClient,
  params?: ListSpendKeysParams,
  options?: CallOptions,
): ResultAsync<SpendKeyList, LavaError> {
  return request(
    lava,
    { wire: listSpendKeysWire, params, input: ListSpendKeysParams, output: SpendKeyList },
    options,
  );
}
