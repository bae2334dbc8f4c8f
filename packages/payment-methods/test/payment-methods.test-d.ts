// Type tests of @lava-sdk/payment-methods: every function's params and result, the models' documented fields.
import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { listPaymentMethods, type PaymentMethod, type PaymentMethodList } from '@lava-sdk/payment-methods';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/payment-methods', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listPaymentMethods).toEqualTypeOf<
      (lava: LavaClient, options?: CallOptions) => ResultAsync<PaymentMethodList, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof PaymentMethod>>>().toEqualTypeOf<Shape<PaymentMethod>>();
    expectTypeOf<Shape<InferOutput<typeof PaymentMethodList>>>().toEqualTypeOf<Shape<PaymentMethodList>>();
  });
});
