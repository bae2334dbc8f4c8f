import type { LavaError } from '@lava-sdk/core';
import { lavaError } from '@lava-sdk/core/internal';

/**
 * Refuses a raw spend key (`lava_sk_…`) passed where the spend key's id belongs, so the key never lands
 * in a URL, a proxy log or a logger entry. Other bad ids (empty, `.`, `..`) are left to core's path check.
 */
export function rawKeyAsId(spendKeyId: unknown): LavaError | undefined {
  if (typeof spendKeyId !== 'string' || !spendKeyId.startsWith('lava_sk_')) return undefined;
  const message = 'must be the spend_key_id, not the spend key itself';
  return lavaError('invalid_params', `Invalid params: spendKeyId ${message}`, {
    issues: [{ path: 'path.1', message }],
  });
}
