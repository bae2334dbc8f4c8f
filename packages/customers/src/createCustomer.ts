import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createCustomerWire, type ParamsOf, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Customer } from './Customer';
import { Email, Metadata, Phone, ReferenceId, Text255 } from './fields';

/** Params of `createCustomer`. */
export const CreateCustomerParams = v.looseObject({
  reference_id: v.optional(ReferenceId),
  name: v.optional(Text255),
  email: v.optional(Email),
  phone: v.optional(Phone),
  metadata: v.optional(Metadata),
});
export type CreateCustomerParams = ParamsOf<typeof CreateCustomerParams>;

/**
 * Creates a customer (`POST /customers`). With a `reference_id` the call is idempotent: the existing
 * customer is returned.
 *
 * @param lava - The client context from `createLava`.
 * @param params - `reference_id`, `name`, `email`, `phone` (E.164) and `metadata`; all optional.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The customer, or a LavaError (`invalid_params` before any request is sent).
 * @example
 * ```ts
 * const customer = await createCustomer(lava, { reference_id: 'user_42', email: 'ada@example.com' });
 * ```
 */
export function createCustomer(
  lava: LavaClient,
  params: CreateCustomerParams,
  options?: CallOptions,
): ResultAsync<Customer, LavaError> {
  return request(
    lava,
    { wire: createCustomerWire, params, input: CreateCustomerParams, output: Customer },
    options,
  );
}
