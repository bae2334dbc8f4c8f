// Type tests of @lava-sdk/usage: every function's params and result, the models' documented fields.
import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import { type RetrieveUsageParams, retrieveUsage, type Usage } from '@lava-sdk/usage';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/usage', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(retrieveUsage).toEqualTypeOf<
      (lava: LavaClient, params: RetrieveUsageParams, options?: CallOptions) => ResultAsync<Usage, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof Usage>>>().toEqualTypeOf<Shape<Usage>>();
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof RetrieveUsageParams>>().toEqualTypeOf<RetrieveUsageParams>();
  });
});
