import * as v from 'valibot';
import { WebhookCustomer } from './WebhookCustomer';

/** Every event name this SDK knows. */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.wallet.balance.updated',
  'customer.deleted',
] as const;

const event = <T extends (typeof WEBHOOK_EVENT_TYPES)[number]>(name: T) =>
  v.looseObject({ event: v.literal(name), data: WebhookCustomer });

/**
 * A webhook delivery: `{ event, data }`, discriminated by `event`, so `switch (e.event)` narrows it.
 * - `customer.created`: a customer completed checkout and was created.
 * - `customer.wallet.balance.updated`: usage was charged, a payment was made or credits were added.
 * - `customer.deleted`: the customer was deleted (the name is inferred from Lava's docs, which say
 *   "created, updated, or deleted" but do not spell this event out).
 */
export const WebhookEvent = v.variant(
  'event',
  [event('customer.created'), event('customer.wallet.balance.updated'), event('customer.deleted')],
  'is not an event this SDK knows (customer.created, customer.wallet.balance.updated, customer.deleted); ' +
    'update @lava-sdk/webhooks, or use verifyWebhookSignature and parse the body yourself',
);

/** The name of an event, such as `customer.created`. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event with the given name: `{ event, data }`, where `data` is the customer concerned. */
export interface WebhookEventOf<T extends WebhookEventType> {
  /** The event's name. */
  event: T;
  /** The customer the event concerns. */
  data: WebhookCustomer;
}

/** A webhook delivery, discriminated by `event`: `switch (e.event)` narrows it. */
export type WebhookEvent = { [T in WebhookEventType]: WebhookEventOf<T> }[WebhookEventType];
