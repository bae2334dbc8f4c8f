import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrieveWebhookWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Webhook } from './Webhook';

/**
 * Retrieves a webhook endpoint (`GET /webhooks/{id}`). The secret is not returned here.
 *
 * @param lava - The client context.
 * @param webhookId - The webhook id; percent-encoded, so it can never change the route.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns The webhook, or a LavaError (`api` with status 404 when unknown).
 * @example
 * ```ts
 * const webhook = await retrieveWebhook(lava, 'wh_123');
 * ```
 */
export function retrieveWebhook(
  lava: LavaClient,
  webhookId: string,
  options?: CallOptions,
): ResultAsync<Webhook, LavaError> {
  return request(lava, { wire: retrieveWebhookWire, path: [webhookId], output: Webhook }, options);
}
