import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { type ParamsOf, request, updateCustomerWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Customer } from './Customer';
import { Email, Metadata, Phone, ReferenceId, Text255 } from './fields';

/** Params of `updateCustomer`: a partial update; `null` clears a field. */
export const UpdateCustomerParams = v.looseObject({
  name: v.nullish(Text255),
  email: v.nullish(Email),
  phone: v.nullish(Phone),
  reference_id: v.nullish(ReferenceId),
  metadata: v.nullish(Metadata),
});
export type UpdateCustomerParams = ParamsOf<typeof UpdateCustomerParams>;

/**
 * Updates a customer (`PATCH /customers/{id}`): only the fields given change; `null` clears one.
 *
 * @param lava - The client context.
 * @param customerId - `con_…` or your `reference_id`.
 * @param params - `name`, `email`, `phone`, `reference_id`, `metadata`.
 * @returns The updated customer.
 * @example
 * ```ts
 * await updateCustomer(lava, 'con_123', { name: 'Ada Lovelace', metadata: null });
 * ```
 */
export function updateCustomer(
  lava: LavaClient,
  customerId: string,
  params: UpdateCustomerParams,
  options?: CallOptions,
): ResultAsync<Customer, LavaError> {
  return request(
    lava,
    {
      wire: updateCustomerWire,
      path: [customerId],
      params,
      input: UpdateCustomerParams,
      output: Customer,
    },
    options,
  );
}
