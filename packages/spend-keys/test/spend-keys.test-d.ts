// Type tests of @lava-sdk/spend-keys: every function's params and result, the models' documented fields.
import type { CallOptions, LavaClient, LavaError, Success } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type CreatedSpendKey,
  type CreateSpendKeyParams,
  createSpendKey,
  type ListSpendKeysParams,
  listSpendKeys,
  retrieveSpendKey,
  revokeSpendKey,
  rotateSpendKey,
  type SpendKey,
  type SpendKeyList,
  type UpdateSpendKeyParams,
  updateSpendKey,
} from '@lava-sdk/spend-keys';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/spend-keys', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listSpendKeys).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListSpendKeysParams,
        options?: CallOptions,
      ) => ResultAsync<SpendKeyList, LavaError>
    >();
    expectTypeOf(retrieveSpendKey).toEqualTypeOf<
      (lava: LavaClient, spendKeyId: string, options?: CallOptions) => ResultAsync<SpendKey, LavaError>
    >();
    expectTypeOf(createSpendKey).toEqualTypeOf<
      (
        lava: LavaClient,
        params: CreateSpendKeyParams,
        options?: CallOptions,
      ) => ResultAsync<CreatedSpendKey, LavaError>
    >();
    expectTypeOf(updateSpendKey).toEqualTypeOf<
      (
        lava: LavaClient,
        spendKeyId: string,
        params: UpdateSpendKeyParams,
        options?: CallOptions,
      ) => ResultAsync<SpendKey, LavaError>
    >();
    expectTypeOf(revokeSpendKey).toEqualTypeOf<
      (lava: LavaClient, spendKeyId: string, options?: CallOptions) => ResultAsync<Success, LavaError>
    >();
    expectTypeOf(rotateSpendKey).toEqualTypeOf<
      (lava: LavaClient, spendKeyId: string, options?: CallOptions) => ResultAsync<CreatedSpendKey, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof SpendKey>>>().toEqualTypeOf<Shape<SpendKey>>();
    expectTypeOf<Shape<InferOutput<typeof CreatedSpendKey>>>().toEqualTypeOf<Shape<CreatedSpendKey>>();
  });

  test('open response enums, strict params', async () => {
    const key = (await retrieveSpendKey(lava, 'spk_1'))._unsafeUnwrap();
    expectTypeOf(key.status).toEqualTypeOf<'active' | 'paused' | (string & {})>();
    expectTypeOf(key.rate_limit?.burst).toEqualTypeOf<number | null | undefined>();
    // @ts-expect-error: no such field
    key.key;
    // @ts-expect-error: status takes active or paused
    updateSpendKey(lava, 'spk_1', { status: 'deleted' });
    // @ts-expect-error: request_shape takes openai or anthropic
    createSpendKey(lava, { name: 'a', request_shape: 'gemini' });
    const created = (await createSpendKey(lava, { name: 'a', rate_limit: { rpm: 60 } }))._unsafeUnwrap();
    expectTypeOf(created.key).toEqualTypeOf<string>();
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof CreateSpendKeyParams>>().toEqualTypeOf<CreateSpendKeyParams>();
    expectTypeOf<ParamsOf<typeof UpdateSpendKeyParams>>().toEqualTypeOf<UpdateSpendKeyParams>();
    expectTypeOf<ParamsOf<typeof ListSpendKeysParams>>().toEqualTypeOf<ListSpendKeysParams | undefined>();
  });
});
