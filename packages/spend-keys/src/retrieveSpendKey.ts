import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrieveSpendKeyWire } from '@lava-sdk/core/internal';
import { errAsync, type ResultAsync } from 'neverthrow';
import { rawKeyAsId } from './_spendKeyId';
import { SpendKey } from './SpendKey';

/**
 * Retrieves a spend key with its limits and usage (`GET /spend_keys/{id}`).
 *
 * @param lava - The client context.
 * @param spendKeyId - The spend key's id; a raw `lava_sk_…` key is refused before anything is sent.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns The spend key, or a LavaError (`api` with status 404 when unknown).
 * @example
 * ```ts
 * const key = await retrieveSpendKey(lava, 'spk_123');
 * key.map((k) => `${k.current_spend} of ${k.spend_limit?.amount ?? '∞'}`);
 * ```
 */
export function retrieveSpendKey(
  lava: LavaClient,
  spendKeyId: string,
  options?: CallOptions,
): ResultAsync<SpendKey, LavaError> {
  const refused = rawKeyAsId(spendKeyId);
  if (refused) return errAsync(refused);
  return request(lava, { wire: retrieveSpendKeyWire, path: [spendKeyId], output: SpendKey }, options);
}
