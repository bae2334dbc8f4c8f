// Type tests of @lava-sdk/models: every function's params and result, the models' documented fields.
import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { listModels, type Model, type ModelList } from '@lava-sdk/models';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/models', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listModels).toEqualTypeOf<
      (lava: LavaClient, options?: CallOptions) => ResultAsync<ModelList, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof Model>>>().toEqualTypeOf<Shape<Model>>();
    expectTypeOf<Shape<InferOutput<typeof ModelList>>>().toEqualTypeOf<Shape<ModelList>>();
  });
});
