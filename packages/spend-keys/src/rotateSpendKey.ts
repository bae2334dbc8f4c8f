import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, rotateSpendKeyWire } from '@lava-sdk/core/internal';
import { errAsync, type ResultAsync } from 'neverthrow';
import { rawKeyAsId } from './_spendKeyId';
import { CreatedSpendKey } from './CreatedSpendKey';

/**
 * Rotates a spend key's secret (`POST /spend_keys/{id}/rotate`, no body): the old key stops working, the new
 * one is returned once as `key`; limits and usage history are kept.
 *
 * @param lava - The client context.
 * @param spendKeyId - The spend key's id; a raw `lava_sk_…` key is refused before anything is sent.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The spend key with its new raw `key`.
 * @example
 * ```ts
 * const rotated = await rotateSpendKey(lava, 'spk_123');
 * rotated.map((k) => deploySecret(k.key));
 * ```
 */
export function rotateSpendKey(
  lava: LavaClient,
  spendKeyId: string,
  options?: CallOptions,
): ResultAsync<CreatedSpendKey, LavaError> {
  const refused = rawKeyAsId(spendKeyId);
  if (refused) return errAsync(refused);
  return request(lava, { wire: rotateSpendKeyWire, path: [spendKeyId], output: CreatedSpendKey }, options);
}
