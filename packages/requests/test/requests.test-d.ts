// Type tests of @lava-sdk/requests: every function's params and result, the models' documented fields.
import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type CreateRequestParams,
  createRequest,
  type ListRequestsParams,
  listRequests,
  type Request,
  type RequestList,
  retrieveRequest,
} from '@lava-sdk/requests';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/requests', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listRequests).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListRequestsParams,
        options?: CallOptions,
      ) => ResultAsync<RequestList, LavaError>
    >();
    expectTypeOf(createRequest).toEqualTypeOf<
      (
        lava: LavaClient,
        params: CreateRequestParams,
        options?: CallOptions,
      ) => ResultAsync<Request, LavaError>
    >();
    expectTypeOf(retrieveRequest).toEqualTypeOf<
      (lava: LavaClient, requestId: string, options?: CallOptions) => ResultAsync<Request, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof Request>>>().toEqualTypeOf<Shape<Request>>();
  });

  test('typos and wrong params do not compile', async () => {
    const request = (await retrieveRequest(lava, 'req_1'))._unsafeUnwrap();
    expectTypeOf(request.status).toEqualTypeOf<'pending' | 'completed' | 'error' | (string & {})>();
    expectTypeOf(request.metadata).toEqualTypeOf<Record<string, unknown>>();
    // @ts-expect-error: no such field
    request.model_usage.total_token;
    // @ts-expect-error: request_id, customer_id and meter_slug are required
    createRequest(lava, { customer_id: 'con_1', meter_slug: 'm' });
    // @ts-expect-error: metadata_filters values are strings
    listRequests(lava, { metadata_filters: { feature: 1 } });
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof CreateRequestParams>>().toEqualTypeOf<CreateRequestParams>();
    expectTypeOf<ParamsOf<typeof ListRequestsParams>>().toEqualTypeOf<ListRequestsParams | undefined>();
  });
});
