import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createCustomerWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { Customer } from './Customer';
import { Email, Metadata, Phone, ReferenceId, Text255 } from './fields';

/** Params of `createCustomer`: every field is optional, but a `reference_id` is strongly recommended. */
export interface CreateCustomerParams {
  /**
   * Your own id for the customer: 1 to 255 characters, not starting with `con_` (the prefix of Lava's
   * ids). Usable wherever a `customer_id` is, and the key of idempotency: creating a customer with a
   * `reference_id` that exists returns that customer.
   */
  reference_id?: string | undefined;
  /** The customer's display name: at most 255 characters. */
  name?: string | undefined;
  /** The customer's email address, such as `ada@example.com`. */
  email?: string | undefined;
  /** The customer's phone number in E.164 form: `+` and up to 15 digits, the first not 0 (`+14155550100`). */
  phone?: string | undefined;
  /** Your key-value data about the customer: any JSON object, at most 16 KB once serialized. */
  metadata?: Record<string, unknown> | undefined;
}

/** Schema of {@link CreateCustomerParams}: its rules, checked before anything is sent. */
export const CreateCustomerParams = v.looseObject({
  reference_id: v.optional(ReferenceId),
  name: v.optional(Text255),
  email: v.optional(Email),
  phone: v.optional(Phone),
  metadata: v.optional(Metadata),
});

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
