import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createSecretKeyWire, NonEmpty, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { SecretKey } from './SecretKey';

/** Params of `createSecretKey`. */
export interface CreateSecretKeyParams {
  /** A name to tell the key apart by (required, not empty), such as `ci` or `production`. */
  name: string;
}

/** Schema of {@link CreateSecretKeyParams}. */
export const CreateSecretKeyParams = v.looseObject({ name: NonEmpty });

/** A new secret key with its full value, which Lava returns only this once. */
export interface CreatedSecretKey extends SecretKey {
  /** The full key (`aks_live_…` / `aks_test_…`), returned only by this call: store it securely. */
  secret_key: string;
}

/** Schema of {@link CreatedSecretKey}. */
export const CreatedSecretKey = v.looseObject({ ...SecretKey.entries, secret_key: v.string() });

/**
 * Creates a merchant secret key (`POST /secret_keys`); at most 100 per merchant. Store `secret_key` right
 * away: it is returned only here.
 *
 * @param lava - The client context.
 * @param params - `name` (required).
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The key with its full `secret_key`, or a LavaError (`invalid_params` before any request is sent).
 * @example
 * ```ts
 * const created = await createSecretKey(lava, { name: 'ci' });
 * created.map((k) => storeInVault(k.secret_key));
 * ```
 */
export function createSecretKey(
  lava: LavaClient,
  params: CreateSecretKeyParams,
  options?: CallOptions,
): ResultAsync<CreatedSecretKey, LavaError> {
  return request(
    lava,
    { wire: createSecretKeyWire, params, input: CreateSecretKeyParams, output: CreatedSecretKey },
    options,
  );
}
