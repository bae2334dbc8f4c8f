import { paginate } from '@lava-sdk/core';
import {
  type CreateMeterParams,
  createMeter,
  deleteMeter,
  listMeters,
  retrieveMeter,
  type UpdateMeterParams,
  updateMeter,
} from '@lava-sdk/meters';
import { describe, expect, it } from 'vitest';
import { describeErrorShapes } from '../../../test/helpers/errorShapes';
import { page } from '../../../test/helpers/fixtures';
import { meter } from '../../../test/helpers/fixtures-billing';
import { mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

const createParams: CreateMeterParams = {
  name: 'Chat',
  rate_type: 'fixed',
  tier_type: 'tokens_1m',
  tiers: [
    { start: '0', rate: '1.00' },
    { start: '1000000', rate: '0.80' },
  ],
};

// Tier lists that break a rule, with the issue path each must produce.
const badTiers: [string, unknown, string][] = [
  ['no tiers', [], 'tiers'],
  ['a first start other than "0"', [{ start: '1', rate: '1' }], 'tiers.0.start'],
  ['a first start of "0.0"', [{ start: '0.0', rate: '1' }], 'tiers.0.start'],
  [
    'equal starts',
    [
      { start: '0', rate: '1' },
      { start: '10', rate: '1' },
      { start: '10.00', rate: '1' },
    ],
    'tiers.2.start',
  ],
  [
    'descending starts (compared as numbers, not strings)',
    [
      { start: '0', rate: '1' },
      { start: '9', rate: '1' },
      { start: '10', rate: '1' },
      { start: '8.5', rate: '1' },
    ],
    'tiers.3.start',
  ],
  [
    'starts too long for a float to tell apart',
    [
      { start: '0', rate: '1' },
      { start: '10000000000000000000000001', rate: '1' },
      { start: '10000000000000000000000000', rate: '1' },
    ],
    'tiers.2.start',
  ],
  ['a numeric start', [{ start: 0, rate: '1' }], 'tiers.0.start'],
  ['a rate that is not a decimal', [{ start: '0', rate: '1,5' }], 'tiers.0.rate'],
  ['a negative rate', [{ start: '0', rate: '-1' }], 'tiers.0.rate'],
  ['a numeric rate', [{ start: '0', rate: 1 }], 'tiers.0.rate'],
  ['a missing rate', [{ start: '0' }], 'tiers.0.rate'],
];

describe('listMeters', () => {
  it('sends cursor and limit as the query', async () => {
    const seen = mockApi(() => page([meter], 'prd_next'));
    const result = await listMeters(lava, { cursor: 'prd_prev', limit: 3 });
    expect(result._unsafeUnwrap()).toEqual(page([meter], 'prd_next'));
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/meters',
      query: { cursor: 'prd_prev', limit: '3' },
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('sends no query without params', async () => {
    const seen = mockApi(() => page([]));
    expect((await listMeters(lava)).isOk()).toBe(true);
    expect(seen[0]!.query).toEqual({});
  });

  it('rejects a limit above 100 before sending anything', async () => {
    const seen = mockApi(() => page([]));
    expect((await listMeters(lava, { limit: 101 }))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('walks every page with paginate()', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...meter, meter_id: 'prd_1' }], 'c2'),
      c2: page([{ ...meter, meter_id: 'prd_2' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const m of paginate(listMeters, lava)) ids.push(m._unsafeUnwrap().meter_id);
    expect(ids).toEqual(['prd_1', 'prd_2']);
    expect(seen.map((s) => s.query)).toEqual([{}, { cursor: 'c2' }]);
  });

  it('reports a tier with a string start as invalid_response', async () => {
    mockApi(() => page([{ ...meter, tiers: [{ start: '0', rate: '1.00', type: 'tokens_1m' }] }]));
    const error = (await listMeters(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response')
      expect(error.issues.map((i) => i.path)).toEqual(['data.0.tiers.0.start']);
  });
});

describe('retrieveMeter', () => {
  it('GETs the meter by id and parses it', async () => {
    const seen = mockApi(() => meter);
    const result = await retrieveMeter(lava, 'prd_test_01EXAMPLE000');
    expect(result._unsafeUnwrap()).toEqual(meter);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/meters/prd_test_01EXAMPLE000',
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it.each(['', '.', '..'])('rejects the id %j before sending anything', async (id) => {
    const seen = mockApi(() => meter);
    expect((await retrieveMeter(lava, id))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('reports a missing meter_slug as invalid_response', async () => {
    const { meter_slug: _, ...partial } = meter;
    mockApi(() => partial);
    const error = (await retrieveMeter(lava, 'prd_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['meter_slug']);
  });
});

describe('createMeter', () => {
  it('POSTs the params as JSON and parses the meter', async () => {
    const seen = mockApi(() => meter);
    const params = { ...createParams, meter_slug: 'chat' };
    const result = await createMeter(lava, params);
    expect(result._unsafeUnwrap()).toEqual(meter);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/meters', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('accepts decimal starts in ascending numeric order', async () => {
    const seen = mockApi(() => meter);
    const tiers = [
      { start: '0', rate: '0' },
      { start: '0.5', rate: '2' },
      { start: '9', rate: '1.5' },
      { start: '10', rate: '1' },
      { start: '10.25', rate: '0.75' },
    ];
    expect((await createMeter(lava, { ...createParams, rate_type: 'percentage', tiers })).isOk()).toBe(true);
    expect((seen[0]!.body as { tiers: unknown }).tiers).toEqual(tiers);
  });

  it.each(badTiers)('rejects %s before sending anything', async (_name, tiers, field) => {
    const seen = mockApi(() => meter);
    const error = (
      await createMeter(lava, { ...createParams, tiers } as CreateMeterParams)
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toEqual([field]);
    expect(seen).toHaveLength(0);
  });

  it.each<[string, object, string]>([
    ['a missing name', { name: undefined }, 'name'],
    ['an unknown rate_type', { rate_type: 'flat' }, 'rate_type'],
    ['an unknown tier_type', { tier_type: 'tokens' }, 'tier_type'],
    ['missing tiers', { tiers: undefined }, 'tiers'],
    ['an empty meter_slug', { meter_slug: '' }, 'meter_slug'],
  ])('rejects %s before sending anything', async (_name, change, field) => {
    const seen = mockApi(() => meter);
    const error = (
      await createMeter(lava, { ...createParams, ...change } as CreateMeterParams)
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('passes a rate_type Lava adds later through; a mistyped one is invalid_response', async () => {
    mockApi(() => ({ ...meter, rate_type: 'flat' }));
    expect((await createMeter(lava, createParams))._unsafeUnwrap().rate_type).toBe('flat');
    mockApi(() => ({ ...meter, rate_type: null }));
    const error = (await createMeter(lava, createParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
  });
});

describe('updateMeter', () => {
  it('PATCHes name and tiers and parses the meter', async () => {
    const seen = mockApi(() => meter);
    const params = { name: 'Chat v2', tiers: [{ start: '0', rate: '0.90' }] };
    expect((await updateMeter(lava, 'prd_1', params))._unsafeUnwrap()).toEqual(meter);
    expect(seen[0]).toMatchObject({ method: 'PATCH', path: '/v1/meters/prd_1', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('sends just the name when only the name changes', async () => {
    const seen = mockApi(() => meter);
    await updateMeter(lava, 'prd_1', { name: 'Renamed' });
    expect(seen[0]!.body).toEqual({ name: 'Renamed' });
  });

  it.each(badTiers)('rejects %s before sending anything', async (_name, tiers, field) => {
    const seen = mockApi(() => meter);
    const error = (await updateMeter(lava, 'prd_1', { tiers } as UpdateMeterParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toEqual([field]);
    expect(seen).toHaveLength(0);
  });

  it.each(['rate_type', 'tier_type', 'meter_slug'])('rejects the immutable %s', async (field) => {
    const seen = mockApi(() => meter);
    const error = (
      await updateMeter(lava, 'prd_1', { [field]: 'x' } as UpdateMeterParams)
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toEqual([field]);
    expect(seen).toHaveLength(0);
  });

  it('rejects an empty id before sending anything', async () => {
    const seen = mockApi(() => meter);
    expect((await updateMeter(lava, '', { name: 'x' }))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('reports a response missing its tiers as invalid_response', async () => {
    const { tiers: _, ...partial } = meter;
    mockApi(() => partial);
    const error = (await updateMeter(lava, 'prd_1', { name: 'x' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['tiers']);
  });
});

describe('deleteMeter', () => {
  it('DELETEs and parses { id, deleted }', async () => {
    const seen = mockApi(() => ({ id: 'prd_1', deleted: true }));
    expect((await deleteMeter(lava, 'prd_1'))._unsafeUnwrap()).toEqual({ id: 'prd_1', deleted: true });
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/v1/meters/prd_1', query: {}, body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBeUndefined();
  });

  it('rejects the id ".." before sending anything', async () => {
    const seen = mockApi(() => ({ id: 'prd_1', deleted: true }));
    expect((await deleteMeter(lava, '..'))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('reports deleted: false as invalid_response', async () => {
    mockApi(() => ({ id: 'prd_1', deleted: false }));
    const error = (await deleteMeter(lava, 'prd_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['deleted']);
  });
});

describeErrorShapes(
  [
    ['listMeters', () => listMeters(lava)],
    ['retrieveMeter', () => retrieveMeter(lava, 'prd_1')],
    ['createMeter', () => createMeter(lava, createParams)],
    ['updateMeter', () => updateMeter(lava, 'prd_1', { name: 'x' })],
    ['deleteMeter', () => deleteMeter(lava, 'prd_1')],
  ],
  'Meter not found',
);
