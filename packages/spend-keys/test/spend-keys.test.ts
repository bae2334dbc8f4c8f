import { paginate } from '@lava-sdk/core';
import {
  type CreateSpendKeyParams,
  createSpendKey,
  listSpendKeys,
  retrieveSpendKey,
  revokeSpendKey,
  rotateSpendKey,
  updateSpendKey,
} from '@lava-sdk/spend-keys';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { page } from '../../../test/helpers/fixtures';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

const spendKey = {
  spend_key_id: 'spk_01EXAMPLE000',
  key_preview: 'lava_sk_a1b2c3d4****',
  name: 'agent-1',
  status: 'active',
  request_shape: 'openai',
  wallet_id: 'wal_1',
  allowed_models: null,
  allowed_providers: ['openai'],
  spend_limit: { amount: '20.00', cycle: 'monthly' },
  current_spend: '1.25',
  total_spend: '8.00',
  request_limit: null,
  current_requests: 12,
  total_requests: 340,
  rate_limit: { rpm: 60, burst: null },
  expires_at: null,
  last_used_at: '2026-01-02T00:00:00.000Z',
  created_at: '2026-01-01T00:00:00.000Z',
};
const RAW_KEY = 'lava_sk_RAWKEYnotreal0123456789';
const withKey = { ...spendKey, key: RAW_KEY };

describe('listSpendKeys', () => {
  it('GETs /spend_keys with cursor and limit', async () => {
    const seen = mockApi(() => page([spendKey], 'spk_next'));
    const result = await listSpendKeys(lava, { limit: 3, cursor: 'spk_prev' });
    expect(result._unsafeUnwrap()).toEqual(page([spendKey], 'spk_next'));
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/spend_keys',
      query: { limit: '3', cursor: 'spk_prev' },
    });
    expect(seen[0]!.body).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('walks every page with paginate()', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...spendKey, spend_key_id: 'spk_1' }], 'c2'),
      c2: page([{ ...spendKey, spend_key_id: 'spk_2' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const k of paginate(listSpendKeys, lava, { limit: 1 }))
      ids.push(k._unsafeUnwrap().spend_key_id);
    expect(ids).toEqual(['spk_1', 'spk_2']);
    expect(seen).toHaveLength(2);
  });

  it('rejects a bad limit with no request sent', async () => {
    const seen = mockApi(() => page([]));
    expect((await listSpendKeys(lava, { limit: -1 }))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('passes an unknown status through; a mistyped one is invalid_response', async () => {
    mockApi(() => page([{ ...spendKey, status: 'exploded' }]));
    expect((await listSpendKeys(lava))._unsafeUnwrap().data[0]?.status).toBe('exploded');
    mockApi(() => page([{ ...spendKey, status: false }]));
    const error = (await listSpendKeys(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['data.0.status']);
  });
});

describe('retrieveSpendKey', () => {
  it('GETs /spend_keys/{id}', async () => {
    const seen = mockApi(() => spendKey);
    expect((await retrieveSpendKey(lava, 'spk_1'))._unsafeUnwrap()).toEqual(spendKey);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/spend_keys/spk_1', body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('maps both error shapes', async () => {
    mockApi(() => lavaErrorResponse(404, 'Spend key not found', 'not_found'));
    expect((await retrieveSpendKey(lava, 'spk_x'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 404,
      code: 'not_found',
    });
    mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
    const error = (await retrieveSpendKey(lava, 'spk_x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 401 });
    expect(error.message).toContain('Authorization header missing');
  });

  it('reports a missing field as invalid_response', async () => {
    const { current_spend: _, ...broken } = spendKey;
    mockApi(() => broken);
    const error = (await retrieveSpendKey(lava, 'spk_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['current_spend']);
  });
});

describe('createSpendKey', () => {
  it('POSTs every field as JSON and returns the raw key', async () => {
    const seen = mockApi(() => HttpResponse.json(withKey, { status: 201 }));
    const params: CreateSpendKeyParams = {
      name: 'agent-1',
      status: 'active',
      request_shape: 'anthropic',
      allowed_models: ['claude-sonnet-4'],
      allowed_providers: null,
      spend_limit: { amount: '20.00', cycle: 'monthly' },
      request_limit: { count: 1000, cycle: 'daily' },
      rate_limit: { rpm: 60, burst: 10 },
      expires_at: '2026-12-31T23:59:59Z',
    };
    const result = await createSpendKey(lava, params);
    expect(result._unsafeUnwrap()).toEqual(withKey);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/spend_keys', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('sends just the name when that is all', async () => {
    const seen = mockApi(() => withKey);
    await createSpendKey(lava, { name: 'k' });
    expect(seen[0]!.rawBody).toBe('{"name":"k"}');
  });

  it.each([
    [{}, 'name'],
    [{ name: 'x'.repeat(256) }, 'name'],
    [{ name: 'k', status: 'revoked' }, 'status'],
    [{ name: 'k', request_shape: 'google' }, 'request_shape'],
    [{ name: 'k', allowed_models: [] }, 'allowed_models'],
    [{ name: 'k', allowed_providers: [''] }, 'allowed_providers.0'],
    [{ name: 'k', spend_limit: { amount: 20, cycle: 'monthly' } }, 'spend_limit.amount'],
    [{ name: 'k', spend_limit: { amount: '-1', cycle: 'monthly' } }, 'spend_limit.amount'],
    [{ name: 'k', spend_limit: { amount: '5', cycle: 'hourly' } }, 'spend_limit.cycle'],
    [{ name: 'k', request_limit: { count: 1.5, cycle: 'daily' } }, 'request_limit.count'],
    [{ name: 'k', rate_limit: { rpm: 0 } }, 'rate_limit.rpm'],
    [{ name: 'k', rate_limit: { rpm: 10, burst: 0 } }, 'rate_limit.burst'],
    [{ name: 'k', expires_at: 'tomorrow' }, 'expires_at'],
  ])('rejects %j before sending anything', async (params, field) => {
    const seen = mockApi(() => withKey);
    const error = (await createSpendKey(lava, params as never))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('reports a response without the key as invalid_response', async () => {
    mockApi(() => spendKey);
    const error = (await createSpendKey(lava, { name: 'k' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['key']);
  });
});

describe('updateSpendKey', () => {
  it('PUTs the fields, nulls included', async () => {
    const seen = mockApi(() => ({ ...spendKey, status: 'paused', spend_limit: null }));
    const params = { status: 'paused', spend_limit: null, rate_limit: null } as const;
    const result = await updateSpendKey(lava, 'spk_1', params);
    expect(result._unsafeUnwrap()).toMatchObject({ status: 'paused', spend_limit: null });
    expect(seen[0]).toMatchObject({ method: 'PUT', path: '/v1/spend_keys/spk_1', body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('rejects bad params with no request sent', async () => {
    const seen = mockApi(() => spendKey);
    expect((await updateSpendKey(lava, 'spk_1', { name: '' }))._unsafeUnwrapErr().kind).toBe(
      'invalid_params',
    );
    expect(seen).toHaveLength(0);
  });

  it('maps a 400', async () => {
    mockApi(() => lavaErrorResponse(400, 'Invalid body'));
    expect((await updateSpendKey(lava, 'spk_1', { name: 'n' }))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 400,
    });
  });
});

describe('revokeSpendKey', () => {
  it('DELETEs and parses { success }', async () => {
    const seen = mockApi(() => ({ success: true }));
    expect((await revokeSpendKey(lava, 'spk_1'))._unsafeUnwrap()).toEqual({ success: true });
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/v1/spend_keys/spk_1', body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('maps a 404 and rejects a body without success', async () => {
    mockApi(() => lavaErrorResponse(404, 'Spend key not found'));
    expect((await revokeSpendKey(lava, 'spk_x'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 404,
    });
    mockApi(() => ({ id: 'spk_1', deleted: true }));
    expect((await revokeSpendKey(lava, 'spk_1'))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});

describe('rotateSpendKey', () => {
  it('POSTs /spend_keys/{id}/rotate with no body and returns the new key', async () => {
    const seen = mockApi(() => withKey);
    expect((await rotateSpendKey(lava, 'spk_1'))._unsafeUnwrap()).toEqual(withKey);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/v1/spend_keys/spk_1/rotate',
      query: {},
      body: undefined,
    });
    expect(seen[0]!.rawBody).toBe('');
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('maps errors and a response without the new key', async () => {
    mockApi(() => HttpResponse.json({ error: 'Spend key revoked' }, { status: 409 }));
    expect((await rotateSpendKey(lava, 'spk_1', { maxRetries: 0 }))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 409,
    });
    mockApi(() => spendKey);
    expect((await rotateSpendKey(lava, 'spk_1'))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});

describe('a raw spend key passed as the id', () => {
  it.each([
    ['retrieveSpendKey', () => retrieveSpendKey(lava, RAW_KEY)],
    ['updateSpendKey', () => updateSpendKey(lava, RAW_KEY, { name: 'n' })],
    ['revokeSpendKey', () => revokeSpendKey(lava, RAW_KEY)],
    ['rotateSpendKey', () => rotateSpendKey(lava, RAW_KEY)],
  ])('is refused by %s before it reaches a URL', async (_name, call) => {
    const seen = mockApi(() => spendKey);
    const error = (await call())._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(error.message).toContain('spend_key_id');
    expect(JSON.stringify(error)).not.toContain(RAW_KEY);
    expect(seen).toHaveLength(0);
  });
});
