import { paginate } from '@lava-sdk/core';
import {
  type CreatePlanParams,
  cancelSubscription,
  createPlan,
  createSubscription,
  deletePlan,
  listPlans,
  listSubscriptions,
  retrievePlan,
  type UpdatePlanParams,
  type UpdateSubscriptionParams,
  updatePlan,
  updateSubscription,
} from '@lava-sdk/subscriptions';
import { describe, expect, it } from 'vitest';
import { describeErrorShapes } from '../../../test/helpers/errorShapes';
import { page, subscriptionBase } from '../../../test/helpers/fixtures';
import { plan, subscription } from '../../../test/helpers/fixtures-billing';
import { mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

const planParams = { name: 'Pro', period_amount: '25.00', billing_interval: 'month' } as const;

function issuePaths(error: { kind: string; issues?: readonly { path: string }[] }): string[] {
  return (error.issues ?? []).map((i) => i.path);
}

describe('listPlans', () => {
  it('sends cursor and limit as the query', async () => {
    const seen = mockApi(() => page([plan], 'sc_next'));
    const result = await listPlans(lava, { cursor: 'sc_prev', limit: 10 });
    expect(result._unsafeUnwrap()).toEqual(page([plan], 'sc_next'));
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/plans',
      query: { cursor: 'sc_prev', limit: '10' },
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('rejects a limit of 0 before sending anything', async () => {
    const seen = mockApi(() => page([]));
    expect((await listPlans(lava, { limit: 0 }))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('walks every page with paginate()', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...plan, plan_id: 'sc_1' }], 'c2'),
      c2: page([{ ...plan, plan_id: 'sc_2' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const p of paginate(listPlans, lava, { limit: 1 })) ids.push(p._unsafeUnwrap().plan_id);
    expect(ids).toEqual(['sc_1', 'sc_2']);
    expect(seen.map((s) => s.query)).toEqual([{ limit: '1' }, { limit: '1', cursor: 'c2' }]);
  });
});

describe('retrievePlan', () => {
  it('GETs the plan by id and parses it', async () => {
    const seen = mockApi(() => plan);
    expect((await retrievePlan(lava, 'sc_1'))._unsafeUnwrap()).toEqual(plan);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/plans/sc_1', query: {}, body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('rejects an empty id before sending anything', async () => {
    const seen = mockApi(() => plan);
    expect((await retrievePlan(lava, ''))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('passes a billing_interval Lava adds later through; a mistyped one is invalid_response', async () => {
    mockApi(() => ({ ...plan, billing_interval: 'quarter' }));
    expect((await retrievePlan(lava, 'sc_1'))._unsafeUnwrap().billing_interval).toBe('quarter');
    mockApi(() => ({ ...plan, billing_interval: 3 }));
    const error = (await retrievePlan(lava, 'sc_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(issuePaths(error)).toEqual(['billing_interval']);
  });
});

describe('createPlan', () => {
  it('POSTs the params as JSON and parses the plan', async () => {
    const seen = mockApi(() => plan);
    const params: CreatePlanParams = {
      ...planParams,
      included_credit: '20',
      rollover_type: 'full',
      bundle_rollover_type: 'none',
      meter_ids: ['prd_1', 'prd_2'],
      credit_bundles: [
        { name: 'Small', cost: '10.00', credit_amount: '10.00' },
        { name: 'Large', cost: '50', credit_amount: '60' },
      ],
      default_auto_top_up_bundle_index: 1,
    };
    expect((await createPlan(lava, params))._unsafeUnwrap()).toEqual(plan);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/plans', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('accepts a free plan and a null auto top-up index', async () => {
    const seen = mockApi(() => plan);
    const params = { ...planParams, period_amount: '0', default_auto_top_up_bundle_index: null };
    expect((await createPlan(lava, params)).isOk()).toBe(true);
    expect(seen[0]!.body).toEqual(params);
  });

  it.each<[string, object, string]>([
    ['a missing name', { name: undefined }, 'name'],
    ['a missing period_amount', { period_amount: undefined }, 'period_amount'],
    ['a numeric period_amount', { period_amount: 25 }, 'period_amount'],
    ['a negative period_amount', { period_amount: '-1' }, 'period_amount'],
    ['a period_amount above $10,000', { period_amount: '10000.01' }, 'period_amount'],
    ['an unknown billing_interval', { billing_interval: 'quarter' }, 'billing_interval'],
    ['a bad included_credit', { included_credit: 'lots' }, 'included_credit'],
    ['an unknown rollover_type', { rollover_type: 'partial' }, 'rollover_type'],
    ['an unknown bundle_rollover_type', { bundle_rollover_type: 'some' }, 'bundle_rollover_type'],
    ['an empty meter id', { meter_ids: [''] }, 'meter_ids.0'],
    [
      'a bundle with a bad cost',
      { credit_bundles: [{ name: 'x', cost: '$5', credit_amount: '5' }] },
      'credit_bundles.0.cost',
    ],
    [
      'an auto top-up index without bundles',
      { default_auto_top_up_bundle_index: 0 },
      'default_auto_top_up_bundle_index',
    ],
    [
      'an auto top-up index past the bundles',
      { credit_bundles: [{ name: 'x', cost: '5', credit_amount: '5' }], default_auto_top_up_bundle_index: 1 },
      'default_auto_top_up_bundle_index',
    ],
    [
      'a negative auto top-up index',
      { default_auto_top_up_bundle_index: -1 },
      'default_auto_top_up_bundle_index',
    ],
  ])('rejects %s before sending anything', async (_name, change, field) => {
    const seen = mockApi(() => plan);
    const error = (
      await createPlan(lava, { ...planParams, ...change } as CreatePlanParams)
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(issuePaths(error)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('reports a response without credit_bundles as invalid_response', async () => {
    const { credit_bundles: _, ...partial } = plan;
    mockApi(() => partial);
    const error = (await createPlan(lava, planParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(issuePaths(error)).toEqual(['credit_bundles']);
  });
});

describe('updatePlan', () => {
  it('PATCHes the fields, bundle reconciliation and a null top-up id included', async () => {
    const seen = mockApi(() => plan);
    const params = {
      name: 'Pro 2026',
      included_credit: '30',
      default_auto_top_up_bundle_id: null,
      meter_ids: [],
      credit_bundles: [
        { credit_bundle_id: 'cb_1', name: 'Top-up', cost: '12.00', credit_amount: '12.00' },
        { credit_bundle_id: 'cb_2', name: 'Old', cost: '5', credit_amount: '5', is_deleted: true },
        { name: 'New', cost: '20', credit_amount: '22' },
      ],
    };
    expect((await updatePlan(lava, 'sc_1', params))._unsafeUnwrap()).toEqual(plan);
    expect(seen[0]).toMatchObject({ method: 'PATCH', path: '/v1/plans/sc_1', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it.each<[string, object, string]>([
    ['an immutable period_amount', { period_amount: '30' }, 'period_amount'],
    ['an immutable billing_interval', { billing_interval: 'year' }, 'billing_interval'],
    ['an empty name', { name: '' }, 'name'],
    ['a negative included_credit', { included_credit: '-5' }, 'included_credit'],
    [
      'an empty default_auto_top_up_bundle_id',
      { default_auto_top_up_bundle_id: '' },
      'default_auto_top_up_bundle_id',
    ],
    [
      'deleting a bundle without its id',
      { credit_bundles: [{ name: 'x', cost: '5', credit_amount: '5', is_deleted: true }] },
      'credit_bundles.0.credit_bundle_id',
    ],
    [
      'a bundle without a name',
      { credit_bundles: [{ cost: '5', credit_amount: '5' }] },
      'credit_bundles.0.name',
    ],
  ])('rejects %s before sending anything', async (_name, params, field) => {
    const seen = mockApi(() => plan);
    const error = (await updatePlan(lava, 'sc_1', params as UpdatePlanParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(issuePaths(error)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('reports a mistyped linked meter as invalid_response', async () => {
    mockApi(() => ({ ...plan, linked_meters: [{ meter_id: 1, name: 'Chat' }] }));
    const error = (await updatePlan(lava, 'sc_1', { name: 'x' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(issuePaths(error)).toEqual(['linked_meters.0.meter_id']);
  });
});

describe('deletePlan', () => {
  it('DELETEs and parses { id, deleted }', async () => {
    const seen = mockApi(() => ({ id: 'sc_1', deleted: true }));
    expect((await deletePlan(lava, 'sc_1'))._unsafeUnwrap()).toEqual({ id: 'sc_1', deleted: true });
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/v1/plans/sc_1', query: {}, body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('rejects the id "." before sending anything', async () => {
    const seen = mockApi(() => ({ id: 'sc_1', deleted: true }));
    expect((await deletePlan(lava, '.'))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('reports a response without id as invalid_response', async () => {
    mockApi(() => ({ deleted: true }));
    const error = (await deletePlan(lava, 'sc_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(issuePaths(error)).toEqual(['id']);
  });
});

describe('createSubscription', () => {
  it('POSTs customer_id and plan_id and parses { subscription }', async () => {
    const seen = mockApi(() => ({ subscription: subscriptionBase }));
    const params = { customer_id: 'con_1', plan_id: 'sc_free' };
    const result = await createSubscription(lava, params);
    expect(result._unsafeUnwrap()).toEqual({ subscription: subscriptionBase });
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/subscriptions', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it.each<[string, object, string]>([
    ['a missing customer_id', { plan_id: 'sc_1' }, 'customer_id'],
    ['a missing plan_id', { customer_id: 'con_1' }, 'plan_id'],
    ['an empty plan_id', { customer_id: 'con_1', plan_id: '' }, 'plan_id'],
  ])('rejects %s before sending anything', async (_name, params, field) => {
    const seen = mockApi(() => ({ subscription: subscriptionBase }));
    const error = (await createSubscription(lava, params as never))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(issuePaths(error)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('reports a null subscription as invalid_response', async () => {
    mockApi(() => ({ subscription: null }));
    const error = (
      await createSubscription(lava, { customer_id: 'con_1', plan_id: 'sc_1' })
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(issuePaths(error)).toEqual(['subscription']);
  });
});

describe('listSubscriptions', () => {
  it('sends status, customer_id, cursor and limit as the query', async () => {
    const seen = mockApi(() => page([subscription], 'as_next'));
    const result = await listSubscriptions(lava, {
      status: 'all',
      customer_id: 'con_1',
      cursor: 'as_0',
      limit: 2,
    });
    expect(result._unsafeUnwrap()).toEqual(page([subscription], 'as_next'));
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/subscriptions',
      query: { status: 'all', customer_id: 'con_1', cursor: 'as_0', limit: '2' },
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('accepts a customer with only a phone', async () => {
    mockApi(() => page([{ ...subscription, customer: { phone: '+14155550100' } }]));
    const list = (await listSubscriptions(lava, { status: 'cancelled' }))._unsafeUnwrap();
    expect(list.data[0]!.customer).toEqual({ phone: '+14155550100' });
  });

  it.each<[string, object, string]>([
    ['an unknown status', { status: 'paused' }, 'status'],
    ['an empty customer_id', { customer_id: '' }, 'customer_id'],
    ['a limit above 100', { limit: 500 }, 'limit'],
  ])('rejects %s before sending anything', async (_name, params, field) => {
    const seen = mockApi(() => page([]));
    const error = (await listSubscriptions(lava, params as never))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(issuePaths(error)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('walks every page with paginate(), keeping the filters', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...subscription, subscription_id: 'as_1' }], 'c2'),
      c2: page([{ ...subscription, subscription_id: 'as_2' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const s of paginate(listSubscriptions, lava, { status: 'all' }))
      ids.push(s._unsafeUnwrap().subscription_id);
    expect(ids).toEqual(['as_1', 'as_2']);
    expect(seen.map((s) => s.query)).toEqual([{ status: 'all' }, { status: 'all', cursor: 'c2' }]);
  });

  it('reports an item without its customer_id as invalid_response', async () => {
    const { customer_id: _, ...partial } = subscription;
    mockApi(() => page([partial]));
    const error = (await listSubscriptions(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(issuePaths(error)).toEqual(['data.0.customer_id']);
  });
});

describe('updateSubscription', () => {
  it('PATCHes the auto top-up bundle and parses { success }', async () => {
    const seen = mockApi(() => ({ success: true }));
    const result = await updateSubscription(lava, 'as_1', { auto_top_up_bundle_id: 'cb_1' });
    expect(result._unsafeUnwrap()).toEqual({ success: true });
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      path: '/v1/subscriptions/as_1',
      query: {},
      body: { auto_top_up_bundle_id: 'cb_1' },
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('sends null to disable auto top-up', async () => {
    const seen = mockApi(() => ({ success: true }));
    expect((await updateSubscription(lava, 'as_1', { auto_top_up_bundle_id: null })).isOk()).toBe(true);
    expect(seen[0]!.rawBody).toBe('{"auto_top_up_bundle_id":null}');
  });

  it.each<[string, unknown]>([
    ['a missing auto_top_up_bundle_id key', {}],
    ['an undefined auto_top_up_bundle_id', { auto_top_up_bundle_id: undefined }],
    ['an empty auto_top_up_bundle_id', { auto_top_up_bundle_id: '' }],
    ['a numeric auto_top_up_bundle_id', { auto_top_up_bundle_id: 1 }],
  ])('rejects %s before sending anything', async (_name, params) => {
    const seen = mockApi(() => ({ success: true }));
    const error = (
      await updateSubscription(lava, 'as_1', params as UpdateSubscriptionParams)
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(issuePaths(error)).toEqual(['auto_top_up_bundle_id']);
    expect(seen).toHaveLength(0);
  });

  it('reports a mistyped success as invalid_response', async () => {
    mockApi(() => ({ success: 'yes' }));
    const error = (
      await updateSubscription(lava, 'as_1', { auto_top_up_bundle_id: null })
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(issuePaths(error)).toEqual(['success']);
  });
});

describe('cancelSubscription', () => {
  it('DELETEs and parses { success }', async () => {
    const seen = mockApi(() => ({ success: true }));
    expect((await cancelSubscription(lava, 'as_1'))._unsafeUnwrap()).toEqual({ success: true });
    expect(seen[0]).toMatchObject({
      method: 'DELETE',
      path: '/v1/subscriptions/as_1',
      query: {},
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('percent-encodes the id', async () => {
    const seen = mockApi(() => ({ success: true }));
    await cancelSubscription(lava, 'as 1/x');
    expect(seen[0]!.path).toBe('/v1/subscriptions/as%201%2Fx');
  });

  it('rejects an empty id before sending anything', async () => {
    const seen = mockApi(() => ({ success: true }));
    expect((await cancelSubscription(lava, ''))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('reports a response without success as invalid_response', async () => {
    mockApi(() => ({}));
    const error = (await cancelSubscription(lava, 'as_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(issuePaths(error)).toEqual(['success']);
  });
});

describeErrorShapes(
  [
    ['listPlans', () => listPlans(lava)],
    ['retrievePlan', () => retrievePlan(lava, 'sc_1')],
    ['createPlan', () => createPlan(lava, planParams)],
    ['updatePlan', () => updatePlan(lava, 'sc_1', { name: 'x' })],
    ['deletePlan', () => deletePlan(lava, 'sc_1')],
    ['createSubscription', () => createSubscription(lava, { customer_id: 'con_1', plan_id: 'sc_1' })],
    ['listSubscriptions', () => listSubscriptions(lava, { status: 'active' })],
    ['updateSubscription', () => updateSubscription(lava, 'as_1', { auto_top_up_bundle_id: 'cb_1' })],
    ['cancelSubscription', () => cancelSubscription(lava, 'as_1')],
  ],
  'Not found',
);
