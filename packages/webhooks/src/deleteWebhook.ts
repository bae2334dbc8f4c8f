import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { Deleted, deleteWebhookWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';

/**
 * Deletes a webhook endpoint (`DELETE /webhooks/{id}`); Lava stops delivering to it.
 *
 * @param lava - The client context.
 * @param webhookId - The webhook id.
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns `{ id, deleted: true }`.
 * @example
 * ```ts
 * const result = await deleteWebhook(lava, 'wh_123');
 * ```
 */
export function deleteWebhook(
  lava: LavaClient,
  webhookId: string,
  options?: CallOptions,
): ResultAsync<Deleted, LavaError> {
  return request(lava, { wire: deleteWebhookWire, path: [webhookId], output: Deleted }, options);
}
