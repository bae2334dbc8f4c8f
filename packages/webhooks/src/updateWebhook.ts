import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { type ParamsOf, request, updateWebhookWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { WebhookName, WebhookUrl } from './fields';
import { Webhook } from './Webhook';

/** Params of `updateWebhook`: a partial update of `name` and `url`. */
export const UpdateWebhookParams = v.looseObject({
  name: v.optional(WebhookName),
  url: v.optional(WebhookUrl),
});
export type UpdateWebhookParams = ParamsOf<typeof UpdateWebhookParams>;

/**
 * Updates a webhook endpoint (`PATCH /webhooks/{id}`): only the fields given change.
 *
 * @param lava - The client context.
 * @param webhookId - The webhook id.
 * @param params - `name` and/or `url`.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The updated webhook.
 * @example
 * ```ts
 * await updateWebhook(lava, 'wh_123', { url: 'https://example.com/v2/webhooks/lava' });
 * ```
 */
export function updateWebhook(
  lava: LavaClient,
  webhookId: string,
  params: UpdateWebhookParams,
  options?: CallOptions,
): ResultAsync<Webhook, LavaError> {
  return request(
    lava,
    { wire: updateWebhookWire, path: [webhookId], params, input: UpdateWebhookParams, output: Webhook },
    options,
  );
}
