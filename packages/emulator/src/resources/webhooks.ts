// Webhook endpoints (lava-api.md §2.9); delivery lives in ../deliver.ts.
import type { Ctx, Route } from '../context';
import { badRequest, json, notFound } from '../http';
import { newId, randomHex } from '../ids';
import { newestFirst, page } from '../pagination';
import type { WebhookRecord } from '../store';
import { isHttpUrl, optionalString, requireString } from '../validate';
import { webhookBody } from '../views';

export const MAX_WEBHOOKS = 3;

function readUrl(value: string | undefined): string | undefined {
  if (value !== undefined && !isHttpUrl(value)) {
    throw badRequest('Invalid params: url must be an http(s) URL', 'invalid_params');
  }
  return value;
}

function webhookParam(ctx: Ctx): WebhookRecord {
  const webhook = ctx.state.webhooks.get(ctx.params.id ?? '');
  if (!webhook) throw notFound('Webhook');
  return webhook;
}

async function create(ctx: Ctx): Promise<Response> {
  const body = await ctx.body();
  const name = requireString(body, 'name');
  const url = readUrl(requireString(body, 'url', 2048)) as string;
  if (ctx.state.webhooks.size >= MAX_WEBHOOKS) {
    throw badRequest(
      `Webhook limit reached: at most ${MAX_WEBHOOKS} webhooks per merchant`,
      'webhook_limit_reached',
    );
  }
  const webhook: WebhookRecord = {
    webhook_id: newId('wh_', ctx.env.now()),
    name,
    url,
    webhook_secret: `whsec_${randomHex(24)}`,
    created_at: ctx.nowIso(),
  };
  ctx.state.webhooks.set(webhook.webhook_id, webhook);
  return json({ ...webhookBody(webhook), webhook_secret: webhook.webhook_secret }, 201);
}

async function update(ctx: Ctx): Promise<Response> {
  const webhook = webhookParam(ctx);
  const body = await ctx.body();
  const name = optionalString(body, 'name');
  const url = readUrl(optionalString(body, 'url', 2048));
  if (name !== undefined) webhook.name = name;
  if (url !== undefined) webhook.url = url;
  return json(webhookBody(webhook));
}

export const webhookRoutes: Route[] = [
  {
    method: 'GET',
    path: 'webhooks',
    auth: 'secret',
    handler: (ctx) =>
      json(page(newestFirst(ctx.state.webhooks.values()), (w) => w.webhook_id, webhookBody, ctx.query, 10)),
  },
  { method: 'POST', path: 'webhooks', auth: 'secret', handler: create },
  {
    method: 'GET',
    path: 'webhooks/:id',
    auth: 'secret',
    handler: (ctx) => json(webhookBody(webhookParam(ctx))),
  },
  { method: 'PATCH', path: 'webhooks/:id', auth: 'secret', handler: update },
  {
    method: 'DELETE',
    path: 'webhooks/:id',
    auth: 'secret',
    handler: (ctx) => {
      const webhook = webhookParam(ctx);
      ctx.state.webhooks.delete(webhook.webhook_id);
      return json({ id: webhook.webhook_id, deleted: true });
    },
  },
];
