import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { Deleted, deleteSecretKeyWire, lavaError, request } from '@lava-sdk/core/internal';
import { errAsync, type ResultAsync } from 'neverthrow';

/**
 * Revokes a secret key (`DELETE /secret_keys/{id}`); calls made with it fail from then on.
 *
 * @param lava - The client context.
 * @param secretKeyId - The key's id (`secret_key_id`), not the key itself: a value shaped like a secret key
 *   (`aks_…`) is refused before anything is sent, so it never lands in a URL or a log.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ id, deleted: true }`.
 * @example
 * ```ts
 * await deleteSecretKey(lava, 'sk_123');
 * ```
 */
export function deleteSecretKey(
  lava: LavaClient,
  secretKeyId: string,
  options?: CallOptions,
): ResultAsync<Deleted, LavaError> {
  if (typeof secretKeyId === 'string' && secretKeyId.startsWith('aks_')) {
    const message = 'must be the secret_key_id, not the secret key itself';
    return errAsync(
      lavaError('invalid_params', `Invalid params: secretKeyId ${message}`, {
        issues: [{ path: 'path.1', message }],
      }),
    );
  }
  return request(lava, { wire: deleteSecretKeyWire, path: [secretKeyId], output: Deleted }, options);
}
