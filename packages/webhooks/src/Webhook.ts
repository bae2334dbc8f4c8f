import * as v from 'valibot';

/** A webhook endpoint as Lava returns it (`webhook_secret` only comes back from `createWebhook`). */
export const Webhook = v.looseObject({
  webhook_id: v.string(),
  name: v.string(),
  url: v.string(),
  created_at: v.string(),
});
export type Webhook = v.InferOutput<typeof Webhook>;
