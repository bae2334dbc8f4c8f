import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { createWebhookWire, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { WebhookName, WebhookUrl } from './fields';
import { Webhook } from './Webhook';

/** Params of `createWebhook`: `name` and `url`, both required. */
export interface CreateWebhookParams {
  /** A name to tell the endpoint apart by (required, not empty), such as `prod`. */
  name: string;
  /**
   * Where Lava delivers the events (required): an absolute http(s) URL such as
   * `https://example.com/webhooks/lava`. A merchant has at most 3 endpoints (Lava answers 400 beyond).
   */
  url: string;
}

/** Schema of {@link CreateWebhookParams}. */
export const CreateWebhookParams = v.looseObject({
  name: WebhookName,
  url: WebhookUrl,
});

/** A new webhook with its signing secret, which Lava returns only this once. */
export interface CreatedWebhook extends Webhook {
  /** The secret that signs deliveries (`verifyWebhookSignature`), returned only by this call. */
  webhook_secret: string;
}

/** Schema of {@link CreatedWebhook}. */
export const CreatedWebhook = v.looseObject({ ...Webhook.entries, webhook_secret: v.string() });

/**
 * Creates a webhook endpoint (`POST /webhooks`). Lava allows at most 3 per merchant (a 400 beyond that).
 * Store `webhook_secret` right away: it is returned only here, and `verifyWebhookSignature` needs it.
 *
 * @param lava - The client context.
 * @param params - `name` and `url` (an http(s) URL).
 * @param options - Per-call signal, timeout, retries, idempotency key and headers.
 * @returns The webhook with `webhook_secret`, or a LavaError (`invalid_params` before any request is sent).
 * @example
 * ```ts
 * const created = await createWebhook(lava, { name: 'prod', url: 'https://example.com/webhooks/lava' });
 * created.map((w) => saveSecret(w.webhook_id, w.webhook_secret));
 * ```
 */
export function createWebhook(
  lava: LavaClient,
  params: CreateWebhookParams,
  options?: CallOptions,
): ResultAsync<CreatedWebhook, LavaError> {
  return request(
    lava,
    { wire: createWebhookWire, params, input: CreateWebhookParams, output: CreatedWebhook },
    options,
  );
}
