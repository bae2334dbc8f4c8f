// Type tests of @lava-sdk/credit-bundles: every function's params and result, the models' documented fields.
import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type CreditBundle,
  type CreditBundleList,
  type ListCreditBundlesParams,
  listCreditBundles,
  retrieveCreditBundle,
} from '@lava-sdk/credit-bundles';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/credit-bundles', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listCreditBundles).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListCreditBundlesParams,
        options?: CallOptions,
      ) => ResultAsync<CreditBundleList, LavaError>
    >();
    expectTypeOf(retrieveCreditBundle).toEqualTypeOf<
      (lava: LavaClient, id: string, options?: CallOptions) => ResultAsync<CreditBundle, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof CreditBundle>>>().toEqualTypeOf<Shape<CreditBundle>>();
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof ListCreditBundlesParams>>().toEqualTypeOf<
      ListCreditBundlesParams | undefined
    >();
  });
});
