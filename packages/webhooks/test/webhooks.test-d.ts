// Type tests of @lava-sdk/webhooks: every function's params and result, the models' documented fields.
import type { CallOptions, Deleted, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type CreatedWebhook,
  type CreateWebhookParams,
  constructWebhookEvent,
  createWebhook,
  deleteWebhook,
  type ListWebhooksParams,
  listWebhooks,
  type RawBody,
  retrieveWebhook,
  type SignatureHeader,
  signWebhookPayload,
  type UpdateWebhookParams,
  updateWebhook,
  verifyWebhookSignature,
  type Webhook,
  type WebhookCustomer,
  type WebhookEvent,
  type WebhookList,
} from '@lava-sdk/webhooks';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/webhooks', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listWebhooks).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListWebhooksParams,
        options?: CallOptions,
      ) => ResultAsync<WebhookList, LavaError>
    >();
    expectTypeOf(retrieveWebhook).toEqualTypeOf<
      (lava: LavaClient, webhookId: string, options?: CallOptions) => ResultAsync<Webhook, LavaError>
    >();
    expectTypeOf(createWebhook).toEqualTypeOf<
      (
        lava: LavaClient,
        params: CreateWebhookParams,
        options?: CallOptions,
      ) => ResultAsync<CreatedWebhook, LavaError>
    >();
    expectTypeOf(updateWebhook).toEqualTypeOf<
      (
        lava: LavaClient,
        webhookId: string,
        params: UpdateWebhookParams,
        options?: CallOptions,
      ) => ResultAsync<Webhook, LavaError>
    >();
    expectTypeOf(deleteWebhook).toEqualTypeOf<
      (lava: LavaClient, webhookId: string, options?: CallOptions) => ResultAsync<Deleted, LavaError>
    >();
    expectTypeOf(verifyWebhookSignature).toEqualTypeOf<
      (rawBody: RawBody, signature: SignatureHeader, secret: string) => ResultAsync<true, LavaError>
    >();
    expectTypeOf(constructWebhookEvent).toEqualTypeOf<
      (rawBody: RawBody, signature: SignatureHeader, secret: string) => ResultAsync<WebhookEvent, LavaError>
    >();
  });

  test('signWebhookPayload: a test helper that resolves the hex signature', () => {
    expectTypeOf(signWebhookPayload).toEqualTypeOf<(rawBody: RawBody, secret: string) => Promise<string>>();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof Webhook>>>().toEqualTypeOf<Shape<Webhook>>();
    expectTypeOf<Shape<InferOutput<typeof CreatedWebhook>>>().toEqualTypeOf<Shape<CreatedWebhook>>();
    expectTypeOf<Shape<InferOutput<typeof WebhookCustomer>>>().toEqualTypeOf<Shape<WebhookCustomer>>();
    expectTypeOf<Shape<InferOutput<typeof WebhookEvent>>>().toEqualTypeOf<Shape<WebhookEvent>>();
  });

  test('an event narrows by its name', async () => {
    const event = (await constructWebhookEvent('{}', 'sig', 'whsec_x'))._unsafeUnwrap();
    switch (event.event) {
      case 'customer.created':
        expectTypeOf(event.data).toEqualTypeOf<WebhookCustomer>();
        break;
      case 'customer.deleted':
      case 'customer.wallet.balance.updated':
        expectTypeOf(event.data.customer_id).toEqualTypeOf<string>();
        break;
      default:
        expectTypeOf(event).toEqualTypeOf<never>();
    }
    // @ts-expect-error: no such event
    if (event.event === 'customer.updated') void event;
    // @ts-expect-error: the webhook id is required
    retrieveWebhook(lava);
    // @ts-expect-error: url is required
    createWebhook(lava, { name: 'main' });
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof CreateWebhookParams>>().toEqualTypeOf<CreateWebhookParams>();
    expectTypeOf<ParamsOf<typeof UpdateWebhookParams>>().toEqualTypeOf<UpdateWebhookParams>();
    expectTypeOf<ParamsOf<typeof ListWebhooksParams>>().toEqualTypeOf<ListWebhooksParams | undefined>();
  });
});
