// Type tests of @lava-sdk/auth.
import {
  type Credentials,
  type ExchangeAuthCodeOptions,
  type ExchangeAuthCodeParams,
  exchangeAuthCode,
  type LoginOptions,
  login,
  openBrowser,
  resolveApiBaseUrl,
} from '@lava-sdk/auth';
import type { LavaError } from '@lava-sdk/core';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

describe('@lava-sdk/auth', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(login).toEqualTypeOf<(options?: LoginOptions) => ResultAsync<Credentials, LavaError>>();
    expectTypeOf(exchangeAuthCode).toEqualTypeOf<
      (
        params: ExchangeAuthCodeParams,
        options?: ExchangeAuthCodeOptions,
      ) => ResultAsync<Credentials, LavaError>
    >();
    expectTypeOf(openBrowser).toEqualTypeOf<(url: string) => Promise<void>>();
    expectTypeOf(resolveApiBaseUrl).toEqualTypeOf<(appBaseUrl: string) => string>();
    expectTypeOf<Shape<InferOutput<typeof Credentials>>>().toEqualTypeOf<Shape<Credentials>>();
    login({ appBaseUrl: undefined, timeoutMs: 1000, onUrl: (url) => expectTypeOf(url).toBeString() });
    // @ts-expect-error: the code is required
    exchangeAuthCode({});
  });
});
