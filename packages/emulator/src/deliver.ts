// Webhook delivery: drains the model's outbox, then sends each delivery as a signed POST (HMAC-SHA256 of the
// raw body, lowercase hex, in X-Webhook-Signature; lava-api.md §5), one at a time per webhook, so each
// endpoint receives the events in the order they happened. Failures are recorded, never thrown.
import type { Model } from './model/model';
import { type DeliveryJob, recordDelivery, takeDeliveries } from './model/outbox';

const encoder = new TextEncoder();

/** HMAC-SHA256 of the raw body with the webhook secret, lowercase hex (the `X-Webhook-Signature` value). */
export async function signWebhookBody(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What delivery needs besides the model. */
export interface Deliverer {
  readonly fetch: typeof fetch;
  /** Keeps a delivery in flight, so `settled()` can wait for it. */
  track(promise: Promise<unknown>): void;
  /** The last delivery queued for each webhook, which the next one waits for. */
  readonly queues: Map<string, Promise<void>>;
}

/** Sends every event waiting in the outbox, after the deliveries already queued for the same webhook. */
export function deliver(model: Model, deliverer: Deliverer): void {
  for (const job of takeDeliveries(model)) {
    const { webhook_id } = job.delivery;
    const sending = (deliverer.queues.get(webhook_id) ?? Promise.resolve()).then(() =>
      send(model, deliverer, job),
    );
    deliverer.queues.set(webhook_id, sending);
    sending.finally(() => {
      if (deliverer.queues.get(webhook_id) === sending) deliverer.queues.delete(webhook_id);
    });
    deliverer.track(sending);
  }
}

async function send(model: Model, deliverer: Deliverer, { delivery, secret }: DeliveryJob): Promise<void> {
  const id = delivery.delivery_id;
  try {
    const signature = await signWebhookBody(secret, delivery.body);
    recordDelivery(model, id, { signature });
    const response = await deliverer.fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-signature': signature,
        'user-agent': 'lava-emulator-webhooks/1',
      },
      body: delivery.body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    recordDelivery(model, id, {
      response_status: response.status,
      status: response.ok ? 'delivered' : 'failed',
      ...(response.ok ? {} : { error: `receiver answered ${response.status}` }),
    });
  } catch (error) {
    recordDelivery(model, id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
