// Type tests of @lava-sdk/core: createLava, the error union and its narrowing, paginate / collectAll.
import {
  type ApiError,
  type CallOptions,
  collectAll,
  createLava,
  isLavaError,
  type LavaClient,
  LavaError,
  type LavaErrorKind,
  type LavaIssue,
  type ListResponse,
  type PaginateOptions,
  type PaginationParams,
  paginate,
  requestIdOf,
} from '@lava-sdk/core';
import type * as internal from '@lava-sdk/core/internal';
import { type Customer, listCustomers } from '@lava-sdk/customers';
import type { Result, ResultAsync } from 'neverthrow';
import { describe, expectTypeOf, test } from 'vitest';

declare const lava: LavaClient;
declare const error: LavaError;
declare const maybe: string | undefined;

describe('@lava-sdk/core', () => {
  test('createLava takes every option, and undefined for each (exactOptionalPropertyTypes)', () => {
    expectTypeOf(createLava).returns.toEqualTypeOf<LavaClient>();
    createLava();
    createLava({ secretKey: maybe, baseUrl: maybe, timeoutMs: undefined, headers: { 'x-a': 'b' } });
    createLava({
      logger: (entry) =>
        expectTypeOf(entry.event).toEqualTypeOf<
          'request' | 'response' | 'retry' | 'error' | 'response_issues'
        >(),
    });
    createLava({
      responseValidation: 'strict',
      onResponseIssues: ({ operation, requestId, status, issues }) => {
        expectTypeOf(operation).toEqualTypeOf<string>();
        expectTypeOf(requestId).toEqualTypeOf<string | undefined>();
        expectTypeOf(status).toEqualTypeOf<number>();
        expectTypeOf(issues).toEqualTypeOf<readonly LavaIssue[]>();
      },
    });
    // @ts-expect-error: 'warn' or 'strict'
    createLava({ responseValidation: 'off' });
    // @ts-expect-error: timeoutMs is a number
    createLava({ timeoutMs: '10' });
    // @ts-expect-error: no such option
    createLava({ secretkey: 'aks_test_x' });
  });

  test('a LavaError narrows by kind, and by instanceof', () => {
    expectTypeOf<LavaErrorKind>().toEqualTypeOf<
      'config' | 'invalid_params' | 'network' | 'timeout' | 'aborted' | 'api' | 'invalid_response'
    >();
    switch (error.kind) {
      case 'api':
        expectTypeOf(error).toEqualTypeOf<ApiError>();
        expectTypeOf(error.status).toEqualTypeOf<number>();
        expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
        break;
      case 'timeout':
        expectTypeOf(error.timeoutMs).toEqualTypeOf<number>();
        break;
      case 'invalid_params':
        expectTypeOf(error.issues).toEqualTypeOf<
          readonly { readonly path: string; readonly message: string }[]
        >();
        // @ts-expect-error: only api errors have a status
        error.status;
        break;
      default:
        expectTypeOf(error.kind).toEqualTypeOf<'config' | 'network' | 'aborted' | 'invalid_response'>();
    }
    const thrown: unknown = new Error('x');
    if (thrown instanceof LavaError) expectTypeOf(thrown).toEqualTypeOf<LavaError>();
    if (isLavaError(thrown)) expectTypeOf(thrown.kind).toEqualTypeOf<LavaErrorKind>();
    expectTypeOf(thrown).toEqualTypeOf<unknown>();
    // @ts-expect-error: no such kind
    if (error.kind === 'http') void error;
  });

  test('paginate yields Results and never throws; collectAll is a ResultAsync of an array', () => {
    const items = paginate(listCustomers, lava, { limit: 100 }, { maxPages: 10, signal: undefined });
    expectTypeOf(items).toEqualTypeOf<AsyncGenerator<Result<Customer, LavaError>, void, undefined>>();
    expectTypeOf<PaginateOptions>().toExtend<CallOptions>();
    expectTypeOf(collectAll(listCustomers, lava, undefined, { max: 10 })).toEqualTypeOf<
      ResultAsync<Customer[], LavaError>
    >();
    // @ts-expect-error: the cap is required
    collectAll(listCustomers, lava, {}, {});
    // @ts-expect-error: limit is a number
    paginate(listCustomers, lava, { limit: '5' });
    expectTypeOf<ListResponse<Customer>['next_cursor']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf(requestIdOf).returns.toEqualTypeOf<string | undefined>();
  });

  test('the pagination schema checks exactly the fields PaginationParams documents', () => {
    expectTypeOf<internal.ParamsOf<typeof internal.PaginationParams>>().toEqualTypeOf<
      PaginationParams | undefined
    >();
  });
});
