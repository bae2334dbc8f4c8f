import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, updateCustomerWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Customer } from './Customer';
import { Email, Metadata, Phone, ReferenceId, Text255 } from './fields';

/** Params of `updateCustomer`: a partial update; a field left out keeps its value, `null` clears it. */
export interface UpdateCustomerParams {
  /** The customer's display name: at most 255 characters; `null` clears it. */
  name?: string | null | undefined;
  /** The customer's email address, such as `ada@example.com`; `null` clears it. */
  email?: string | null | undefined;
  /** The customer's phone number in E.164 form (`+14155550100`); `null` clears it. */
  phone?: string | null | undefined;
  /**
   * Your own id for the customer: 1 to 255 characters, not starting with `con_`; `null` removes it. Usable
   * wherever a `customer_id` is.
   */
  reference_id?: string | null | undefined;
  /** Your key-value data about the customer: a JSON object of at most 16 KB serialized; `null` clears it. */
  metadata?: Record<string, unknown> | null | undefined;
}

/** Schema of {@link UpdateCustomerParams}: its rules, checked before anything is sent. */
export const UpdateCustomerParams = v.looseObject({
  name: v.nullish(Text255),
  email: v.nullish(Email),
  phone: v.nullish(Phone),
  reference_id: v.nullish(ReferenceId),
  metadata: v.nullish(Metadata),
});

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
