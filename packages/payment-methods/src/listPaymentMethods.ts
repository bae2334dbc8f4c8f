import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { listPaymentMethodsWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { PaymentMethod } from './PaymentMethod';

/** Every saved payment method, in one response: `{ data }` (not a cursor page). */
export interface PaymentMethodList {
  /** The saved cards. */
  data: PaymentMethod[];
}

/** Schema of {@link PaymentMethodList}. */
export const PaymentMethodList = v.looseObject({ data: v.array(PaymentMethod) });

/**
 * Lists the saved payment methods of the authenticated wallet (`GET /payment_methods`). Not in the
 * official SDK; documented in Lava's API reference. Use a `payment_method_id` with `fundWallet`.
 *
 * @param lava - The client context (a merchant secret key is required).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data: [{ payment_method_id, last4, expiry_month, expiry_year, brand, is_default, … }] }`.
 * @example
 * ```ts
 * const methods = await listPaymentMethods(lava);
 * const card = methods.map((m) => m.data.find((pm) => pm.is_default && !pm.has_error));
 * ```
 */
export function listPaymentMethods(
  lava: LavaClient,
  options?: CallOptions,
): ResultAsync<PaymentMethodList, LavaError> {
  return request(lava, { wire: listPaymentMethodsWire, output: PaymentMethodList }, options);
}
