// Webhook delivery: a signed POST of `{event, data}` to every registered URL (lava-api.md §5).
import type { Env } from './context';
import { newId } from './ids';
import type { CustomerRecord, WebhookDelivery } from './store';
import { customerBody } from './views';

/** `customer.deleted` is inferred: Lava's docs mention deletion events without naming them. */
export type WebhookEvent = 'customer.created' | 'customer.wallet.balance.updated' | 'customer.deleted';

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

/** Sends `event` about `customer` to every webhook; failures are recorded on the delivery, never thrown. */
export function emitCustomerEvent(env: Env, event: WebhookEvent, customer: CustomerRecord): void {
  const webhooks = [...env.state.webhooks.values()];
  if (webhooks.length === 0) return;
  const body = JSON.stringify({ event, data: customerBody(env, customer) });
  for (const webhook of webhooks) {
    const delivery: WebhookDelivery = {
      delivery_id: newId('whd_', env.now()),
      webhook_id: webhook.webhook_id,
      url: webhook.url,
      event,
      body,
      signature: '',
      status: 'pending',
      created_at: env.now().toISOString(),
    };
    env.state.deliveries.push(delivery);
    env.track(send(env, delivery, webhook.webhook_secret));
  }
}

async function send(env: Env, delivery: WebhookDelivery, secret: string): Promise<void> {
  try {
    delivery.signature = await signWebhookBody(secret, delivery.body);
    const response = await env.fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-signature': delivery.signature,
        'user-agent': 'lava-emulator-webhooks/1',
      },
      body: delivery.body,
      signal: AbortSignal.timeout(10_000),
    });
    delivery.response_status = response.status;
    await response.arrayBuffer().catch(() => undefined);
    delivery.status = response.ok ? 'delivered' : 'failed';
    if (!response.ok) delivery.error = `receiver answered ${response.status}`;
  } catch (error) {
    delivery.status = 'failed';
    delivery.error = error instanceof Error ? error.message : String(error);
  }
}
