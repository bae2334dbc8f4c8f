import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { deleteCustomerWire, request, Success } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';

/**
 * Deletes a customer (`DELETE /customers/{id}`).
 *
 * @param lava - The client context.
 * @param customerId - `con_…` or your `reference_id`.
 * @returns `{ success }`.
 * @example
 * ```ts
 * const { success } = (await deleteCustomer(lava, 'con_123'))._unsafeUnwrap();
 * ```
 */
export function deleteCustomer(
  lava: LavaClient,
  customerId: string,
  options?: CallOptions,
): ResultAsync<Success, LavaError> {
  return request(lava, { wire: deleteCustomerWire, path: [customerId], output: Success }, options);
}
