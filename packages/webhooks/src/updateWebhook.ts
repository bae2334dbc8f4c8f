import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, updateWebhookWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { WebhookName, WebhookUrl } from './fields';
import { Webhook } from './Webhook';

/** Params of `updateWebhook`: a partial update of `name` and `url`; a field left out keeps its value. */
export interface UpdateWebhookParams {
  /** A new name (not empty). */
  name?: string | undefined;
  /** A new delivery URL: an absolute http(s) URL. */
  url?: string | undefined;
}

/** Schema of {@link UpdateWebhookParams}. */
export const UpdateWebhookParams = v.looseObject({
  name: v.optional(WebhookName),
  url: v.optional(WebhookUrl),
});

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
