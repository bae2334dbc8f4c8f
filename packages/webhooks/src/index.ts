/**
 * Webhook endpoints (create, list, update, delete) and, on the receiving side, signature verification
 * with WebCrypto: it runs unchanged in Node, Workers, edge functions, Deno and Bun.
 *
 * @packageDocumentation
 * @example
 * ```ts
 * import { constructWebhookEvent } from '@lava-sdk/webhooks';
 *
 * export default {
 *   async fetch(request: Request, env: { LAVA_WEBHOOK_SECRET: string }) {
 *     const event = await constructWebhookEvent(
 *       await request.text(), // the raw body, before any JSON.parse
 *       request.headers.get('x-webhook-signature'),
 *       env.LAVA_WEBHOOK_SECRET,
 *     );
 *     if (event.isErr()) return new Response(event.error.message, { status: 400 });
 *     console.log(event.value.event, event.value.data.customer_id);
 *     return new Response('ok');
 *   },
 * };
 * ```
 */
export { constructWebhookEvent } from './constructWebhookEvent';
export { CreatedWebhook, CreateWebhookParams, createWebhook } from './createWebhook';
export { deleteWebhook } from './deleteWebhook';
export { ListWebhooksParams, listWebhooks, WebhookList } from './listWebhooks';
export { retrieveWebhook } from './retrieveWebhook';
export { signWebhookPayload } from './signWebhookPayload';
export { UpdateWebhookParams, updateWebhook } from './updateWebhook';
export {
  type RawBody,
  type SignatureHeader,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from './verifyWebhookSignature';
export { Webhook } from './Webhook';
export { WebhookCustomer } from './WebhookCustomer';
export {
  WEBHOOK_EVENT_TYPES,
  WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
} from './WebhookEvent';
