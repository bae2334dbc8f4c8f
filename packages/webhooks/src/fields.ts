import { HttpUrl, NonEmpty } from '@lava-sdk/core/internal';

// Field rules shared by createWebhook and updateWebhook (lava-api.md §2.9).
export const WebhookName = NonEmpty;
export const WebhookUrl = HttpUrl;
