import * as v from 'valibot';

/** A webhook endpoint as Lava returns it (`webhook_secret` only comes back from `createWebhook`). */
export interface Webhook {
  /** The webhook's id. */
  webhook_id: string;
  /** Its display name. */
  name: string;
  /** The URL Lava delivers events to. */
  url: string;
  /** When it was created (ISO 8601). */
  created_at: string;
}

/** Schema of {@link Webhook}. */
export const Webhook = v.looseObject({
  webhook_id: v.string(),
  name: v.string(),
  url: v.string(),
  created_at: v.string(),
});
