// Type tests of @lava-sdk/subscriptions: every function's params and result, the models' documented fields.
import type { CallOptions, Deleted, LavaClient, LavaError, Success } from '@lava-sdk/core';
import type { ParamsOf } from '@lava-sdk/core/internal';
import {
  type CreatedSubscription,
  type CreatePlanParams,
  type CreateSubscriptionParams,
  cancelSubscription,
  createPlan,
  createSubscription,
  deletePlan,
  type ListPlansParams,
  type ListSubscriptionsParams,
  listPlans,
  listSubscriptions,
  type Plan,
  type PlanList,
  retrievePlan,
  type Subscription,
  type SubscriptionList,
  type UpdatePlanParams,
  type UpdateSubscriptionParams,
  updatePlan,
  updateSubscription,
} from '@lava-sdk/subscriptions';
import type { ResultAsync } from 'neverthrow';
import type { InferOutput } from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type { Shape } from '../../../test/helpers/types';

declare const lava: LavaClient;

describe('@lava-sdk/subscriptions', () => {
  test('every function: its params and its result', () => {
    expectTypeOf(listPlans).toEqualTypeOf<
      (lava: LavaClient, params?: ListPlansParams, options?: CallOptions) => ResultAsync<PlanList, LavaError>
    >();
    expectTypeOf(retrievePlan).toEqualTypeOf<
      (lava: LavaClient, id: string, options?: CallOptions) => ResultAsync<Plan, LavaError>
    >();
    expectTypeOf(createPlan).toEqualTypeOf<
      (lava: LavaClient, params: CreatePlanParams, options?: CallOptions) => ResultAsync<Plan, LavaError>
    >();
    expectTypeOf(updatePlan).toEqualTypeOf<
      (
        lava: LavaClient,
        id: string,
        params: UpdatePlanParams,
        options?: CallOptions,
      ) => ResultAsync<Plan, LavaError>
    >();
    expectTypeOf(deletePlan).toEqualTypeOf<
      (lava: LavaClient, id: string, options?: CallOptions) => ResultAsync<Deleted, LavaError>
    >();
    expectTypeOf(createSubscription).toEqualTypeOf<
      (
        lava: LavaClient,
        params: CreateSubscriptionParams,
        options?: CallOptions,
      ) => ResultAsync<CreatedSubscription, LavaError>
    >();
    expectTypeOf(listSubscriptions).toEqualTypeOf<
      (
        lava: LavaClient,
        params?: ListSubscriptionsParams,
        options?: CallOptions,
      ) => ResultAsync<SubscriptionList, LavaError>
    >();
    expectTypeOf(updateSubscription).toEqualTypeOf<
      (
        lava: LavaClient,
        id: string,
        params: UpdateSubscriptionParams,
        options?: CallOptions,
      ) => ResultAsync<Success, LavaError>
    >();
    expectTypeOf(cancelSubscription).toEqualTypeOf<
      (lava: LavaClient, id: string, options?: CallOptions) => ResultAsync<Success, LavaError>
    >();
  });

  test('each response schema and its documented type list the same fields', () => {
    expectTypeOf<Shape<InferOutput<typeof Plan>>>().toEqualTypeOf<Shape<Plan>>();
    expectTypeOf<Shape<InferOutput<typeof Subscription>>>().toEqualTypeOf<Shape<Subscription>>();
    expectTypeOf<Shape<InferOutput<typeof CreatedSubscription>>>().toEqualTypeOf<
      Shape<CreatedSubscription>
    >();
  });

  test('typos, missing ids and bad enum values in params do not compile; response enums are open', async () => {
    const plan = (await retrievePlan(lava, 'sc_1'))._unsafeUnwrap();
    expectTypeOf(plan.billing_interval).toEqualTypeOf<'day' | 'week' | 'month' | 'year' | (string & {})>();
    // @ts-expect-error: no such field
    plan.billing_intervall;
    const { data } = (await listSubscriptions(lava))._unsafeUnwrap();
    expectTypeOf<(typeof data)[number]['customer']['phone']>().toEqualTypeOf<string | null>();
    // @ts-expect-error: no such field
    data[0]?.credits.total_remainig;
    // @ts-expect-error: status takes active, cancelled or all
    listSubscriptions(lava, { status: 'paused' });
    // @ts-expect-error: billing_interval takes day, week, month or year
    createPlan(lava, { name: 'P', period_amount: '0', billing_interval: 'quarter' });
    // @ts-expect-error: the subscription id is required
    cancelSubscription(lava);
    // @ts-expect-error: auto_top_up_bundle_id is required (null disables)
    updateSubscription(lava, 'as_1', {});
    updateSubscription(lava, 'as_1', { auto_top_up_bundle_id: null });
  });

  test('each params schema checks exactly the fields its documented interface lists', () => {
    // The interface is what users read (hover, completion, the API reference); the schema is what runs.
    expectTypeOf<ParamsOf<typeof CreatePlanParams>>().toEqualTypeOf<CreatePlanParams>();
    expectTypeOf<ParamsOf<typeof UpdatePlanParams>>().toEqualTypeOf<UpdatePlanParams>();
    expectTypeOf<ParamsOf<typeof ListPlansParams>>().toEqualTypeOf<ListPlansParams | undefined>();
    expectTypeOf<ParamsOf<typeof CreateSubscriptionParams>>().toEqualTypeOf<CreateSubscriptionParams>();
    expectTypeOf<ParamsOf<typeof UpdateSubscriptionParams>>().toEqualTypeOf<UpdateSubscriptionParams>();
    expectTypeOf<ParamsOf<typeof ListSubscriptionsParams>>().toEqualTypeOf<
      ListSubscriptionsParams | undefined
    >();
  });
});
