// Webhook endpoints (lava-api.md §2.9); delivery lives in ../deliver.ts.
import type { Ctx } from '../context';
import { badRequest, json, notFound } from '../http';
import type { Snapshot } from '../model/model';
import type { WebhookRecord } from '../model/state';
import { createWebhook, deleteWebhook, updateWebhook } from '../model/webhooks';
import { newestFirst, page } from '../pagination';
import { isHttpUrl, optionalString, requireString } from '../validate';
import { webhookBody } from '../views';

function readUrl(value: string | undefined): string | undefined {
  if (value !== undefined && !isHttpUrl(value)) {
    throw badRequest('Invalid params: url must be an http(s) URL', 'invalid_params');
  }
  return value;
}

function webhookParam(ctx: Ctx): Snapshot<WebhookRecord> {
  const webhook = ctx.model.state.webhooks.get(ctx.params.webhook_id ?? '');
  if (!webhook) throw notFound('Webhook');
  return webhook;
}

export const webhookHandlers = {
  listWebhooks: (ctx: Ctx) =>
    json(
      page(newestFirst(ctx.model.state.webhooks.values()), (w) => w.webhook_id, webhookBody, ctx.query, 10),
    ),
  retrieveWebhook: (ctx: Ctx) => json(webhookBody(webhookParam(ctx))),
  createWebhook(ctx: Ctx) {
    const body = ctx.body();
    const name = requireString(body, 'name');
    const url = readUrl(requireString(body, 'url', 2048)) as string;
    const webhook = createWebhook(ctx.model, { name, url });
    return json({ ...webhookBody(webhook), webhook_secret: webhook.webhook_secret }, 201);
  },
  updateWebhook(ctx: Ctx) {
    const webhook = webhookParam(ctx);
    const body = ctx.body();
    const name = optionalString(body, 'name');
    const url = readUrl(optionalString(body, 'url', 2048));
    updateWebhook(ctx.model, webhook.webhook_id, {
      ...(name !== undefined ? { name } : {}),
      ...(url !== undefined ? { url } : {}),
    });
    return json(webhookBody(webhook));
  },
  deleteWebhook(ctx: Ctx) {
    const webhook = webhookParam(ctx);
    deleteWebhook(ctx.model, webhook.webhook_id);
    return json({ id: webhook.webhook_id, deleted: true });
  },
};
