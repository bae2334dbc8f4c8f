import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import { listOf, listSecretKeysWire, PaginationParams, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { SecretKey } from './SecretKey';

/** Params of `listSecretKeys`: `cursor` and `limit` (1–100, default 10). */
export interface ListSecretKeysParams extends PaginationParams {
  /** Keys per page: an integer from 1 to 100. Lava's default is 10. */
  limit?: number | undefined;
}

/** Schema of {@link ListSecretKeysParams}. */
export const ListSecretKeysParams = PaginationParams;

/** A page of secret keys. */
export type SecretKeyList = ListResponse<SecretKey>;
/** Schema of {@link SecretKeyList}. */
export const SecretKeyList = listOf(SecretKey);

/**
 * Lists the active secret keys, one page at a time (`GET /secret_keys`). Use
 * `paginate(listSecretKeys, lava)` for all.
 *
 * @param lava - The client context from `createLava`.
 * @param params - `cursor` and `limit` (1–100).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data, has_more, next_cursor }`; each key carries only its `secret_key_hint`.
 * @example
 * ```ts
 * const page = await listSecretKeys(lava);
 * page.map((p) => p.data.map((k) => `${k.name} …${k.secret_key_hint}`));
 * ```
 */
export function listSecretKeys(
  lava: LavaClient,
  params?: ListSecretKeysParams,
  options?: CallOptions,
): ResultAsync<SecretKeyList, LavaError> {
  return request(
    lava,
    { wire: listSecretKeysWire, params, input: ListSecretKeysParams, output: SecretKeyList },
    options,
  );
}
