// Webhook endpoints (lava-api.md §2.9): at most 3 per merchant; the secret is shown once, at creation.
import { badRequest } from '../http';
import { newId, randomHex } from '../ids';
import { type Model, write } from './model';
import type { WebhookRecord } from './state';

export const MAX_WEBHOOKS = 3;

export function createWebhook(model: Model, fields: { name: string; url: string }): WebhookRecord {
  const { state } = write(model);
  if (state.webhooks.size >= MAX_WEBHOOKS) {
    throw badRequest(
      `Webhook limit reached: at most ${MAX_WEBHOOKS} webhooks per merchant`,
      'webhook_limit_reached',
    );
  }
  const webhook: WebhookRecord = {
    webhook_id: newId('wh_', model.now()),
    name: fields.name,
    url: fields.url,
    webhook_secret: `whsec_${randomHex(24)}`,
    created_at: model.now().toISOString(),
  };
  state.webhooks.set(webhook.webhook_id, webhook);
  return webhook;
}

export function updateWebhook(
  model: Model,
  webhookId: string,
  fields: { name?: string; url?: string },
): void {
  const webhook = write(model).state.webhooks.get(webhookId);
  if (!webhook) return;
  if (fields.name !== undefined) webhook.name = fields.name;
  if (fields.url !== undefined) webhook.url = fields.url;
}

export function deleteWebhook(model: Model, webhookId: string): void {
  write(model).state.webhooks.delete(webhookId);
}
