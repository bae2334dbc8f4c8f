import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrieveCustomerWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Customer } from './Customer';

/**
 * Retrieves a customer by Lava id (`con_…`) or by your `reference_id` (`GET /customers/{id}`).
 *
 * @param lava - The client context.
 * @param customerId - The customer id; percent-encoded, so it can never change the route.
 * @returns The customer, or a LavaError (`api` with status 404 when unknown).
 * @example
 * ```ts
 * const result = await retrieveCustomer(lava, 'con_123');
 * result.match((c) => c.contact.email, (e) => console.error(e.kind, e.message));
 * ```
 */
export function retrieveCustomer(
  lava: LavaClient,
  customerId: string,
  options?: CallOptions,
): ResultAsync<Customer, LavaError> {
  return request(lava, { wire: retrieveCustomerWire, path: [customerId], output: Customer }, options);
}
