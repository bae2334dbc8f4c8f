// Type tests of @lava-sdk/wallet: every function's params and result, the models' documented fields.
import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type FundWalletParams,
  type FundWalletResult,
  fundWallet,
  retrieveWallet,
  type Wallet,
} from '@lava-sdk/wallet';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/wallet', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(retrieveWallet).toEqualTypeOf<
      (lava: LavaClient, options?: CallOptions) => ResultAsync<Wallet, LavaError>
    >();
    expectTypeOf(fundWallet).toEqualTypeOf<
      (
        lava: LavaClient,
        params: FundWalletParams,
        options?: CallOptions,
      ) => ResultAsync<FundWalletResult, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof Wallet>>>().toEqualTypeOf<Shape<Wallet>>();
    expectTypeOf<Shape<InferOutput<typeof FundWalletResult>>>().toEqualTypeOf<Shape<FundWalletResult>>();
  });

  test('fundWallet: the outcome by status', async () => {
    const funded = (await fundWallet(lava, { payment_method_id: 'pm_1', amount: '25.00' }))._unsafeUnwrap();
    expectTypeOf(funded.payment_id).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(funded.status).toEqualTypeOf<'completed' | 'requires_action' | (string & {})>();
    // @ts-expect-error: amount is a decimal string
    fundWallet(lava, { payment_method_id: 'pm_1', amount: 25 });
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof FundWalletParams>>().toEqualTypeOf<FundWalletParams>();
  });
});
