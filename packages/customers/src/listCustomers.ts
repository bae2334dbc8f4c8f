import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import { listCustomersWire, listOf, PaginationParams, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Customer } from './Customer';

/** Params of `listCustomers`: `cursor` and `limit` (1–100). */
export interface ListCustomersParams extends PaginationParams {
  /** Customers per page: an integer from 1 to 100. Omitted: Lava's default, which its reference omits. */
  limit?: number | undefined;
}

/** Schema of {@link ListCustomersParams}. */
export const ListCustomersParams = PaginationParams;

/** A page of customers. */
export type CustomerList = ListResponse<Customer>;
/** Schema of {@link CustomerList}. */
export const CustomerList = listOf(Customer);

/**
 * Lists customers, one page at a time (`GET /customers`). Use `paginate(listCustomers, lava)` for all.
 *
 * @param lava - The client context.
 * @param params - `cursor` and `limit` (1–100).
 * @returns `{ data, has_more, next_cursor }`.
 * @example
 * ```ts
 * const page = await listCustomers(lava, { limit: 50 });
 * ```
 */
export function listCustomers(
  lava: LavaClient,
  params?: ListCustomersParams,
  options?: CallOptions,
): ResultAsync<CustomerList, LavaError> {
  return request(
    lava,
    { wire: listCustomersWire, params, input: ListCustomersParams, output: CustomerList },
    options,
  );
}
