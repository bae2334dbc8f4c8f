// Type tests of @lava-sdk/secret-keys: every function's params and result, the models' documented fields.
import type { CallOptions, Deleted, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type CreatedSecretKey,
  type CreateSecretKeyParams,
  createSecretKey,
  deleteSecretKey,
  type ListSecretKeysParams,
  listSecretKeys,
  type SecretKey,
  type SecretKeyList,
} from '@lava-sdk/secret-keys';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/secret-keys', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listSecretKeys).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListSecretKeysParams,
        options?: CallOptions,
      ) => ResultAsync<SecretKeyList, LavaError>
    >();
    expectTypeOf(createSecretKey).toEqualTypeOf<
      (
        lava: LavaClient,
        params: CreateSecretKeyParams,
        options?: CallOptions,
      ) => ResultAsync<CreatedSecretKey, LavaError>
    >();
    expectTypeOf(deleteSecretKey).toEqualTypeOf<
      (lava: LavaClient, secretKeyId: string, options?: CallOptions) => ResultAsync<Deleted, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof SecretKey>>>().toEqualTypeOf<Shape<SecretKey>>();
    expectTypeOf<Shape<InferOutput<typeof CreatedSecretKey>>>().toEqualTypeOf<Shape<CreatedSecretKey>>();
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof CreateSecretKeyParams>>().toEqualTypeOf<CreateSecretKeyParams>();
    expectTypeOf<ParamsOf<typeof ListSecretKeysParams>>().toEqualTypeOf<ListSecretKeysParams | undefined>();
  });
});
