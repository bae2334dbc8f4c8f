import { type RetrieveUsageParams, retrieveUsage } from '@lava-sdk/usage';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { usage } from '../../../test/helpers/fixtures-billing';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();

describe('retrieveUsage', () => {
  it('sends every filter as the query, metadata_filters as the JSON of its entries', async () => {
    const seen = mockApi(() => usage);
    const result = await retrieveUsage(lava, {
      start: '2026-01-01T00:00:00-05:00',
      end: '2026-01-31',
      customer_id: 'con_1',
      meter_id: 'prd_1',
      metadata_filters: { feature: 'chat' },
    });
    expect(result._unsafeUnwrap()).toEqual(usage);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/usage',
      query: {
        start: '2026-01-01T00:00:00-05:00',
        end: '2026-01-31',
        customer_id: 'con_1',
        meter_id: 'prd_1',
        metadata_filters: '[["feature","chat"]]',
      },
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
  });

  it('sends only start when nothing else is given', async () => {
    const seen = mockApi(() => usage);
    expect((await retrieveUsage(lava, { start: '2026-01-01' })).isOk()).toBe(true);
    expect(seen[0]!.query).toEqual({ start: '2026-01-01' });
  });

  it('sends an empty metadata_filters object as "[]", as the official SDK does', async () => {
    const seen = mockApi(() => usage);
    await retrieveUsage(lava, { start: '2026-01-01', metadata_filters: {} });
    expect(seen[0]!.query.metadata_filters).toBe('[]');
  });

  it('accepts a toISOString() timestamp', async () => {
    const seen = mockApi(() => usage);
    const start = new Date(Date.UTC(2026, 0, 1)).toISOString();
    expect((await retrieveUsage(lava, { start })).isOk()).toBe(true);
    expect(seen[0]!.query.start).toBe('2026-01-01T00:00:00.000Z');
  });

  it.each<[string, unknown, string]>([
    ['a missing start', { end: '2026-01-31' }, 'start'],
    ['a start that is not a date', { start: 'yesterday' }, 'start'],
    ['an impossible date', { start: '2026-13-45' }, 'start'],
    ['an end that is not a date', { start: '2026-01-01', end: '31/01/2026' }, 'end'],
    ['a Date object', { start: new Date() }, 'start'],
    ['an empty meter_id', { start: '2026-01-01', meter_id: '' }, 'meter_id'],
    [
      'non-string metadata filter values',
      { start: '2026-01-01', metadata_filters: { n: true } },
      'metadata_filters.n',
    ],
  ])('rejects %s before sending anything', async (_name, params, field) => {
    const seen = mockApi(() => usage);
    const error = (await retrieveUsage(lava, params as RetrieveUsageParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('rejects missing params before sending anything', async () => {
    const seen = mockApi(() => usage);
    const error = (await retrieveUsage(lava, undefined as unknown as RetrieveUsageParams))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('maps the object error shape to an api error', async () => {
    mockApi(() => lavaErrorResponse(400, 'Invalid start date', 'invalid_request'));
    const error = (await retrieveUsage(lava, { start: '2026-01-01' }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 400, code: 'invalid_request' });
    expect(error.message).toContain('Invalid start date');
  });

  it('maps the string error shape to an api error', async () => {
    mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
    const error = (await retrieveUsage(lava, { start: '2026-01-01' }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'api',
      status: 401,
      body: { error: 'Authorization header missing' },
    });
    expect(error.message).toContain('Authorization header missing');
  });

  it('reports a response without totals as invalid_response', async () => {
    mockApi(() => ({ items: usage.items }));
    const error = (await retrieveUsage(lava, { start: '2026-01-01' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['totals']);
  });

  it('reports a count sent as a string as invalid_response', async () => {
    mockApi(() => ({ ...usage, items: [{ ...usage.items[0], total_requests: '3' }] }));
    const error = (await retrieveUsage(lava, { start: '2026-01-01' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response')
      expect(error.issues.map((i) => i.path)).toEqual(['items.0.total_requests']);
  });
});
