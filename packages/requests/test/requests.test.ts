import { paginate, requestIdOf } from '@lava-sdk/core';
import { type CreateRequestParams, createRequest, listRequests, retrieveRequest } from '@lava-sdk/requests';
import { describe, expect, it } from 'vitest';
import { describeErrorShapes } from '../../../test/helpers/errorShapes';
import { page } from '../../../test/helpers/fixtures';
import { requestRecord } from '../../../test/helpers/fixtures-billing';
import { mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

const createParams = { request_id: 'job_42', customer_id: 'con_1', meter_slug: 'chat' };

describe('listRequests', () => {
  it('sends every filter as the query, metadata_filters as the JSON of its entries', async () => {
    const seen = mockApi(() => page([requestRecord], 'req_next'));
    const result = await listRequests(lava, {
      cursor: 'req_prev',
      limit: 25,
      customer_id: 'con_1',
      meter_id: 'prd_1',
      metadata_filters: { feature: 'chat', plan: 'pro' },
    });
    expect(result._unsafeUnwrap()).toEqual(page([requestRecord], 'req_next'));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/requests',
      query: {
        cursor: 'req_prev',
        limit: '25',
        customer_id: 'con_1',
        meter_id: 'prd_1',
        metadata_filters: '[["feature","chat"],["plan","pro"]]',
      },
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('encodes metadata_filters exactly as the official SDK does', async () => {
    const seen = mockApi(() => page([]));
    const filters = { 'a b': 'x&y=z', ü: '"quoted"' };
    await listRequests(lava, { metadata_filters: filters });
    expect(seen[0]!.query.metadata_filters).toBe(JSON.stringify(Object.entries(filters)));
    expect(JSON.parse(seen[0]!.query.metadata_filters!)).toEqual([
      ['a b', 'x&y=z'],
      ['ü', '"quoted"'],
    ]);
  });

  it('sends no query without params', async () => {
    const seen = mockApi(() => page([]));
    expect((await listRequests(lava))._unsafeUnwrap()).toEqual(page([]));
    expect(seen[0]!.query).toEqual({});
  });

  it.each<[string, unknown, string]>([
    ['a limit above 100', { limit: 101 }, 'limit'],
    ['a limit of 0', { limit: 0 }, 'limit'],
    ['an empty customer_id', { customer_id: '' }, 'customer_id'],
    ['non-string metadata filter values', { metadata_filters: { n: 1 } }, 'metadata_filters.n'],
    ['metadata_filters given as a string', { metadata_filters: '[["a","b"]]' }, 'metadata_filters'],
  ])('rejects %s before sending anything', async (_name, params, field) => {
    const seen = mockApi(() => page([]));
    const error = (await listRequests(lava, params as never))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('walks every page with paginate(), keeping the filters on each page', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...requestRecord, request_id: 'req_1' }], 'c2'),
      c2: page([{ ...requestRecord, request_id: 'req_2' }], 'c3'),
      c3: page([{ ...requestRecord, request_id: 'req_3' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const r of paginate(listRequests, lava, { limit: 1, metadata_filters: { feature: 'chat' } })) {
      ids.push(r._unsafeUnwrap().request_id);
    }
    expect(ids).toEqual(['req_1', 'req_2', 'req_3']);
    const filters = '[["feature","chat"]]';
    expect(seen.map((s) => s.query)).toEqual([
      { limit: '1', metadata_filters: filters },
      { limit: '1', metadata_filters: filters, cursor: 'c2' },
      { limit: '1', metadata_filters: filters, cursor: 'c3' },
    ]);
  });

  it('reports an item with a mistyped field as invalid_response', async () => {
    mockApi(() => page([{ ...requestRecord, status: ['done'] }]));
    const error = (await listRequests(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['data.0.status']);
  });
});

describe('createRequest', () => {
  it('POSTs the params as JSON and parses the request record', async () => {
    const seen = mockApi(() => requestRecord);
    const params = {
      ...createParams,
      metadata: { feature: 'chat', user_Id_9: 'u1' },
      input_tokens: 120,
      output_tokens: 80,
      input_characters: 0,
      output_characters: 0,
      input_seconds: 1.5,
      output_seconds: 0,
    };
    const result = await createRequest(lava, params);
    expect(result._unsafeUnwrap()).toEqual(requestRecord);
    expect(requestIdOf(result._unsafeUnwrap())).toBe('req_test_1');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/requests', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('accepts metadata at the limits: 100 pairs, 255-character keys and values', async () => {
    const seen = mockApi(() => requestRecord);
    const metadata = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v']));
    metadata[`${'k'.repeat(254)}x`] = 'v'.repeat(255);
    delete metadata.k0;
    expect((await createRequest(lava, { ...createParams, metadata })).isOk()).toBe(true);
    expect(seen[0]!.body).toEqual({ ...createParams, metadata });
  });

  const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']));
  it.each<[string, object, string]>([
    ['a missing request_id', { customer_id: 'con_1', meter_slug: 'chat' }, 'request_id'],
    ['a missing customer_id', { request_id: 'r', meter_slug: 'chat' }, 'customer_id'],
    ['a missing meter_slug', { request_id: 'r', customer_id: 'con_1' }, 'meter_slug'],
    ['an empty request_id', { ...createParams, request_id: '' }, 'request_id'],
    ['negative tokens', { ...createParams, input_tokens: -1 }, 'input_tokens'],
    ['negative seconds', { ...createParams, output_seconds: -0.5 }, 'output_seconds'],
    ['a non-finite count', { ...createParams, output_tokens: Number.POSITIVE_INFINITY }, 'output_tokens'],
    ['a string count', { ...createParams, input_characters: '5' }, 'input_characters'],
    ['more than 100 metadata pairs', { ...createParams, metadata: tooMany }, 'metadata'],
    ['a metadata key with a dash', { ...createParams, metadata: { 'user-id': 'u1' } }, 'metadata.user-id'],
    ['an empty metadata key', { ...createParams, metadata: { '': 'u1' } }, 'metadata.'],
    [
      'a 256-character metadata key',
      { ...createParams, metadata: { ['k'.repeat(256)]: 'v' } },
      `metadata.${'k'.repeat(256)}`,
    ],
    ['an empty metadata value', { ...createParams, metadata: { feature: '' } }, 'metadata.feature'],
    [
      'a 256-character metadata value',
      { ...createParams, metadata: { feature: 'v'.repeat(256) } },
      'metadata.feature',
    ],
    ['a non-string metadata value', { ...createParams, metadata: { n: 1 } }, 'metadata.n'],
  ])('rejects %s before sending anything', async (_name, params, field) => {
    const seen = mockApi(() => requestRecord);
    const error = (await createRequest(lava, params as CreateRequestParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('reports a response without model_usage as invalid_response', async () => {
    const { model_usage: _, ...partial } = requestRecord;
    mockApi(() => partial);
    const error = (await createRequest(lava, createParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['model_usage']);
  });
});

describe('retrieveRequest', () => {
  it('GETs the request by id and parses it', async () => {
    const seen = mockApi(() => requestRecord);
    const result = await retrieveRequest(lava, 'req_test_01EXAMPLE000');
    expect(result._unsafeUnwrap()).toEqual(requestRecord);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/requests/req_test_01EXAMPLE000',
      query: {},
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('accepts a record without the optional fields', async () => {
    const {
      customer_id: _c,
      meter_id: _m,
      model: _mo,
      response_id: _r,
      timestamp: _t,
      ...minimal
    } = requestRecord;
    mockApi(() => ({ ...minimal, provider_key_type: 'stored' }));
    const record = (await retrieveRequest(lava, 'req_1'))._unsafeUnwrap();
    expect(record.customer_id).toBeUndefined();
    expect(record.provider_key_type).toBe('stored');
  });

  it('percent-encodes the id', async () => {
    const seen = mockApi(() => requestRecord);
    await retrieveRequest(lava, 'a/b?c');
    expect(seen[0]!.path).toBe('/v1/requests/a%2Fb%3Fc');
  });

  it.each(['', '.', '..'])('rejects the id %j before sending anything', async (id) => {
    const seen = mockApi(() => requestRecord);
    expect((await retrieveRequest(lava, id))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('reports a mistyped charge breakdown tier as invalid_response', async () => {
    const breakdown = [
      { ...requestRecord.charge.breakdown[0]!, tier: { start: '0', rate: '1.00', type: 'tokens_1m' } },
    ];
    mockApi(() => ({ ...requestRecord, charge: { ...requestRecord.charge, breakdown } }));
    const error = (await retrieveRequest(lava, 'req_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') {
      expect(error.issues.map((i) => i.path)).toEqual(['charge.breakdown.0.tier.start']);
    }
  });
});

describeErrorShapes(
  [
    ['listRequests', () => listRequests(lava, { customer_id: 'con_1' })],
    ['createRequest', () => createRequest(lava, createParams)],
    ['retrieveRequest', () => retrieveRequest(lava, 'req_1')],
  ],
  'Request not found',
);
