// The outbox: commands emit webhook events here; delivery (src/deliver.ts) takes them, one delivery per
// registered webhook, and reports how each ended. Envelope `{event, data}` (lava-api.md §5).
import { newId } from '../ids';
import { customerBody } from '../views';
import { type Model, type WebhookEvent, write } from './model';
import type { WebhookDelivery } from './state';

/** Queues `event` about a customer, its body the customer as it stands now. */
export function emit(model: Model, event: WebhookEvent, customerId: string): void {
  const customer = model.state.customers.get(customerId);
  if (!customer) return;
  const inner = write(model);
  inner.outbox.push({ event, body: JSON.stringify({ event, data: customerBody(model, customer) }) });
  inner.notify();
}

/** A delivery to send: its record (pending, unsigned) and the webhook's secret to sign it with. */
export interface DeliveryJob {
  delivery: WebhookDelivery;
  secret: string;
}

/**
 * Takes every queued event: a pending delivery per webhook registered now (none when there is none), in the
 * order the events were emitted.
 */
export function takeDeliveries(model: Model): DeliveryJob[] {
  const inner = write(model);
  const events = inner.outbox.splice(0);
  const jobs: DeliveryJob[] = [];
  for (const { event, body } of events) {
    for (const webhook of inner.state.webhooks.values()) {
      const delivery: WebhookDelivery = {
        delivery_id: newId('whd_', model.now()),
        webhook_id: webhook.webhook_id,
        url: webhook.url,
        event,
        body,
        signature: '',
        status: 'pending',
        created_at: model.now().toISOString(),
      };
      inner.state.deliveries.push(delivery);
      jobs.push({ delivery, secret: webhook.webhook_secret });
    }
  }
  return jobs;
}

/** Records what became of a delivery: its signature once signed, then its outcome. */
export function recordDelivery(
  model: Model,
  deliveryId: string,
  fields: Partial<Pick<WebhookDelivery, 'signature' | 'status' | 'response_status' | 'error'>>,
): void {
  const delivery = write(model).state.deliveries.find((d) => d.delivery_id === deliveryId);
  if (delivery) Object.assign(delivery, fields);
}
