import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, updateSpendKeyWire } from '@lava-sdk/core/internal';
import { errAsync, type ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { rawKeyAsId } from './_spendKeyId';
import { SpendKeyName, type SpendKeySettings, settingEntries } from './fields';
import { SpendKey } from './SpendKey';

/**
 * Params of `updateSpendKey`: the create fields, all optional ({@link SpendKeySettings} and `name`); a field
 * left out keeps its value, `null` removes a limit or an allow-list.
 */
export interface UpdateSpendKeyParams extends SpendKeySettings {
  /** A new name: 1 to 255 characters. */
  name?: string | undefined;
}

/** Schema of {@link UpdateSpendKeyParams}. */
export const UpdateSpendKeyParams = v.looseObject({
  name: v.optional(SpendKeyName),
  ...settingEntries,
});

/**
 * Updates a spend key (`PUT /spend_keys/{id}`, as the official SDK sends it): pause it, change its limits
 * or allow-lists. Usage history is kept.
 *
 * @param lava - The client context.
 * @param spendKeyId - The spend key's id; a raw `lava_sk_…` key is refused before anything is sent.
 * @param params - Any of the create fields.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The updated spend key.
 * @example
 * ```ts
 * await updateSpendKey(lava, 'spk_123', { status: 'paused' });
 * await updateSpendKey(lava, 'spk_123', { spend_limit: null }); // remove the limit
 * ```
 */
export function updateSpendKey(
  lava: LavaClient,
  spendKeyId: string,
  params: UpdateSpendKeyParams,
  options?: CallOptions,
): ResultAsync<SpendKey, LavaError> {
  const refused = rawKeyAsId(spendKeyId);
  if (refused) return errAsync(refused);
  return request(
    lava,
    {
      wire: updateSpendKeyWire,
      path: [spendKeyId],
      params,
      input: UpdateSpendKeyParams,
      output: SpendKey,
    },
    options,
  );
}
