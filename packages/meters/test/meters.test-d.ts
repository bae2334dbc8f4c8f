// Type tests of @lava-sdk/meters: every function's params and result, the models' documented fields.
import type { CallOptions, Deleted, LavaClient, LavaError } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type CreateMeterParams,
  createMeter,
  deleteMeter,
  type ListMetersParams,
  listMeters,
  type Meter,
  type MeterList,
  retrieveMeter,
  type Tiers,
  type UpdateMeterParams,
  updateMeter,
} from '@lava-sdk/meters';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/meters', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listMeters).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListMetersParams,
        options?: CallOptions,
      ) => ResultAsync<MeterList, LavaError>
    >();
    expectTypeOf(retrieveMeter).toEqualTypeOf<
      (lava: LavaClient, id: string, options?: CallOptions) => ResultAsync<Meter, LavaError>
    >();
    expectTypeOf(createMeter).toEqualTypeOf<
      (lava: LavaClient, params: CreateMeterParams, options?: CallOptions) => ResultAsync<Meter, LavaError>
    >();
    expectTypeOf(updateMeter).toEqualTypeOf<
      (
        lava: LavaClient,
        id: string,
        params: UpdateMeterParams,
        options?: CallOptions,
      ) => ResultAsync<Meter, LavaError>
    >();
    expectTypeOf(deleteMeter).toEqualTypeOf<
      (lava: LavaClient, id: string, options?: CallOptions) => ResultAsync<Deleted, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof Meter>>>().toEqualTypeOf<Shape<Meter>>();
  });

  test('bad enum values and missing fields in params do not compile', async () => {
    const meter = (await retrieveMeter(lava, 'prd_1'))._unsafeUnwrap();
    expectTypeOf(meter.rate_type).toEqualTypeOf<'fixed' | 'percentage' | (string & {})>();
    expectTypeOf<(typeof meter.tiers)[number]>().toEqualTypeOf<{
      start: number;
      rate: string;
      type: 'tokens_1m' | 'characters_1m' | 'minutes' | 'requests' | (string & {});
    }>();
    // @ts-expect-error: no such field
    meter.meter_slugg;
    createMeter(lava, {
      name: 'm',
      // @ts-expect-error: rate_type takes fixed or percentage
      rate_type: 'flat',
      tier_type: 'tokens_1m',
      tiers: [{ start: '0', rate: '1' }],
    });
    // @ts-expect-error: tiers are required
    createMeter(lava, { name: 'm', rate_type: 'fixed', tier_type: 'tokens_1m' });
    // @ts-expect-error: the meter id is required
    updateMeter(lava, { name: 'x' });
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof CreateMeterParams>>().toEqualTypeOf<CreateMeterParams>();
    expectTypeOf<ParamsOf<typeof UpdateMeterParams>>().toEqualTypeOf<UpdateMeterParams>();
    expectTypeOf<ParamsOf<typeof ListMetersParams>>().toEqualTypeOf<ListMetersParams | undefined>();
    expectTypeOf<ParamsOf<typeof Tiers>>().toEqualTypeOf<Tiers>();
  });
});
