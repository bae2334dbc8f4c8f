import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrieveCreditBundleWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { CreditBundle } from './CreditBundle';

/**
 * Retrieves a credit bundle (`GET /credit_bundles/{id}`).
 *
 * @param lava - The client context.
 * @param id - The `cb_…` id; percent-encoded into the path.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns The credit bundle, or an `api` error with status 404 ("Credit bundle not found").
 * @example
 * ```ts
 * const result = await retrieveCreditBundle(lava, 'cb_123');
 * result.map((b) => `${b.credit_amount} credits for $${b.cost}`);
 * ```
 */
export function retrieveCreditBundle(
  lava: LavaClient,
  id: string,
  options?: CallOptions,
): ResultAsync<CreditBundle, LavaError> {
  return request(lava, { wire: retrieveCreditBundleWire, path: [id], output: CreditBundle }, options);
}
