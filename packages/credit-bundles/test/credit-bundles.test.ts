import { collectAll, paginate } from '@lava-sdk/core';
import { listCreditBundles, retrieveCreditBundle } from '@lava-sdk/credit-bundles';
import { describe, expect, it } from 'vitest';
import { describeErrorShapes } from '../../../test/helpers/errorShapes';
import { page } from '../../../test/helpers/fixtures';
import { creditBundle } from '../../../test/helpers/fixtures-billing';
import { mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

describe('listCreditBundles', () => {
  it('sends cursor, limit and plan_id as the query', async () => {
    const seen = mockApi(() => page([creditBundle], 'cb_next'));
    const result = await listCreditBundles(lava, { cursor: 'cb_prev', limit: 5, plan_id: 'sc_1' });
    expect(result._unsafeUnwrap()).toEqual(page([creditBundle], 'cb_next'));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/credit_bundles',
      query: { cursor: 'cb_prev', limit: '5', plan_id: 'sc_1' },
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('sends no query without params', async () => {
    const seen = mockApi(() => page([]));
    expect((await listCreditBundles(lava))._unsafeUnwrap()).toEqual(page([]));
    expect(seen[0]!.query).toEqual({});
  });

  it.each<[string, unknown, string]>([
    ['a limit above 100', { limit: 101 }, 'limit'],
    ['a fractional limit', { limit: 1.5 }, 'limit'],
    ['an empty plan_id', { plan_id: '' }, 'plan_id'],
    ['an empty cursor', { cursor: '' }, 'cursor'],
  ])('rejects %s before sending anything', async (_name, params, field) => {
    const seen = mockApi(() => page([]));
    const error = (await listCreditBundles(lava, params as never))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('walks every page with paginate(), keeping the plan filter', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...creditBundle, credit_bundle_id: 'cb_1' }], 'c2'),
      c2: page([{ ...creditBundle, credit_bundle_id: 'cb_2' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const b of paginate(listCreditBundles, lava, { plan_id: 'sc_1' }))
      ids.push(b._unsafeUnwrap().credit_bundle_id);
    expect(ids).toEqual(['cb_1', 'cb_2']);
    expect(seen.map((s) => s.query)).toEqual([{ plan_id: 'sc_1' }, { plan_id: 'sc_1', cursor: 'c2' }]);
  });

  it('collects at most max items with collectAll()', async () => {
    mockApi((s) =>
      s.query.cursor
        ? page([{ ...creditBundle, credit_bundle_id: 'cb_3' }])
        : page([creditBundle, creditBundle], 'c2'),
    );
    const items = (await collectAll(listCreditBundles, lava, {}, { max: 2 }))._unsafeUnwrap();
    expect(items).toHaveLength(2);
  });

  it('reports an item missing its cost as invalid_response', async () => {
    const { cost: _, ...partial } = creditBundle;
    mockApi(() => page([partial]));
    const error = (await listCreditBundles(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['data.0.cost']);
  });
});

describe('retrieveCreditBundle', () => {
  it('GETs the bundle by id and parses it', async () => {
    const seen = mockApi(() => creditBundle);
    const result = await retrieveCreditBundle(lava, 'cb_1');
    expect(result._unsafeUnwrap()).toEqual(creditBundle);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/credit_bundles/cb_1',
      query: {},
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('percent-encodes the id', async () => {
    const seen = mockApi(() => creditBundle);
    await retrieveCreditBundle(lava, '../plans');
    expect(seen[0]!.path).toBe('/v1/credit_bundles/..%2Fplans');
  });

  it.each(['', '.', '..'])('rejects the id %j before sending anything', async (id) => {
    const seen = mockApi(() => creditBundle);
    expect((await retrieveCreditBundle(lava, id))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('reports a mistyped credit_amount as invalid_response', async () => {
    mockApi(() => ({ ...creditBundle, credit_amount: 10 }));
    const error = (await retrieveCreditBundle(lava, 'cb_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['credit_amount']);
  });
});

describeErrorShapes(
  [
    ['listCreditBundles', () => listCreditBundles(lava, { plan_id: 'sc_1' })],
    ['retrieveCreditBundle', () => retrieveCreditBundle(lava, 'cb_missing')],
  ],
  'Credit bundle not found',
);
