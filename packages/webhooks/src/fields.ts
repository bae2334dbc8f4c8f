import * as v from 'valibot';

// Field rules shared by createWebhook and updateWebhook (lava-api.md §2.9).
export const WebhookName = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
export const WebhookUrl = v.pipe(
  v.string(),
  v.url('must be an absolute URL such as https://example.com/webhooks/lava'),
  v.check((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL'),
);
