// Type tests of @lava-sdk/checkout-sessions: every function's params and result, the models' documented fields.

import {
  type CheckoutMode,
  type CheckoutSession,
  type CreateCheckoutSessionParams,
  createCheckoutSession,
} from '@lava-sdk/checkout-sessions';
import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/checkout-sessions', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(createCheckoutSession).toEqualTypeOf<
      (
        lava: LavaClient,
        params: CreateCheckoutSessionParams,
        options?: CallOptions,
      ) => ResultAsync<CheckoutSession, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof CheckoutSession>>>().toEqualTypeOf<Shape<CheckoutSession>>();
  });

  test('params are a union by checkout_mode', () => {
    createCheckoutSession(lava, {
      checkout_mode: 'subscription',
      origin_url: 'https://a.example',
      plan_id: 'sc_1',
    });
    createCheckoutSession(lava, {
      checkout_mode: 'credit_bundle',
      origin_url: 'https://a.example',
      credit_bundle_id: 'cb_1',
      customer_id: 'con_1',
    });
    // @ts-expect-error: a credit_bundle checkout needs customer_id
    createCheckoutSession(lava, {
      checkout_mode: 'credit_bundle',
      origin_url: 'https://a.example',
      credit_bundle_id: 'cb_1',
    });
    // @ts-expect-error: no such mode
    createCheckoutSession(lava, { checkout_mode: 'topup', origin_url: 'https://a.example' });
    expectTypeOf<CheckoutSession['checkout_mode']>().toEqualTypeOf<CheckoutMode>();
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof CreateCheckoutSessionParams>>().toEqualTypeOf<CreateCheckoutSessionParams>();
  });
});
