import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createSpendKeyWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { CreatedSpendKey } from './CreatedSpendKey';
import { SpendKeyName, type SpendKeySettings, settingEntries } from './fields';

/** Params of `createSpendKey`: a `name` and any {@link SpendKeySettings}; `null`: no limit, all allowed. */
export interface CreateSpendKeyParams extends SpendKeySettings {
  /** A name to tell the key apart by (required): 1 to 255 characters. */
  name: string;
}

/** Schema of {@link CreateSpendKeyParams}. */
export const CreateSpendKeyParams = v.looseObject({
  name: SpendKeyName,
  ...settingEntries,
});

/**
 * Creates a spend key for the authenticated wallet (`POST /spend_keys`): a drop-in OpenAI/Anthropic-style
 * key with its own limits. Store `key` right away: it is returned only here.
 *
 * @param lava - The client context.
 * @param params - `name`; optional `status`, `request_shape`, `allowed_models`, `allowed_providers`,
 *   `spend_limit`, `request_limit`, `rate_limit`, `expires_at`.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The spend key with its raw `key`, or a LavaError (`invalid_params` before any request is sent).
 * @example
 * ```ts
 * const created = await createSpendKey(lava, {
 *   name: 'agent-1',
 *   allowed_providers: ['openai'],
 *   spend_limit: { amount: '20.00', cycle: 'monthly' },
 *   rate_limit: { rpm: 60 },
 * });
 * created.map((k) => k.key); // 'lava_sk_…', shown once
 * ```
 */
export function createSpendKey(
  lava: LavaClient,
  params: CreateSpendKeyParams,
  options?: CallOptions,
): ResultAsync<CreatedSpendKey, LavaError> {
  return request(
    lava,
    { wire: createSpendKeyWire, params, input: CreateSpendKeyParams, output: CreatedSpendKey },
    options,
  );
}
