import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, revokeSpendKeyWire, Success } from '@lava-sdk/core/internal';
import { errAsync, type ResultAsync } from 'neverthrow';
import { rawKeyAsId } from './_spendKeyId';

/**
 * Revokes a spend key (`DELETE /spend_keys/{id}`): a soft delete; the key stops working immediately.
 *
 * @param lava - The client context.
 * @param spendKeyId - The spend key's id; a raw `lava_sk_…` key is refused before anything is sent.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ success }`.
 * @example
 * ```ts
 * const revoked = await revokeSpendKey(lava, 'spk_123');
 * ```
 */
export function revokeSpendKey(
  lava: LavaClient,
  spendKeyId: string,
  options?: CallOptions,
): ResultAsync<Success, LavaError> {
  const refused = rawKeyAsId(spendKeyId);
  if (refused) return errAsync(refused);
  return request(lava, { wire: revokeSpendKeyWire, path: [spendKeyId], output: Success }, options);
}
