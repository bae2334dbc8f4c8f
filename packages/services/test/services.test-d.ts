// Type tests of @lava-sdk/services: every function's params and result, the models' documented fields.
import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type ListServicesParams,
  listServices,
  type ProviderSearchResults,
  type ProviderSummary,
  retrieveProvider,
  type SearchProvidersParams,
  type Service,
  type ServiceCatalog,
  searchProviders,
} from '@lava-sdk/services';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/services', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listServices).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListServicesParams,
        options?: CallOptions,
      ) => ResultAsync<ServiceCatalog, LavaError>
    >();
    expectTypeOf(searchProviders).toEqualTypeOf<
      (
        lava: LavaClient,
        params: SearchProvidersParams,
        options?: CallOptions,
      ) => ResultAsync<ProviderSearchResults, LavaError>
    >();
    expectTypeOf(retrieveProvider).toEqualTypeOf<
      (lava: LavaClient, provider: string, options?: CallOptions) => ResultAsync<ProviderSummary, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof Service>>>().toEqualTypeOf<Shape<Service>>();
    expectTypeOf<Shape<InferOutput<typeof ProviderSummary>>>().toEqualTypeOf<Shape<ProviderSummary>>();
    expectTypeOf<Shape<InferOutput<typeof ServiceCatalog>>>().toEqualTypeOf<Shape<ServiceCatalog>>();
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof ListServicesParams>>().toEqualTypeOf<ListServicesParams | undefined>();
    expectTypeOf<ParamsOf<typeof SearchProvidersParams>>().toEqualTypeOf<SearchProvidersParams>();
  });
});
