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
