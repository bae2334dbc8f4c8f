import { paginate } from '@lava-sdk/core';
import { createSecretKey, deleteSecretKey, listSecretKeys } from '@lava-sdk/secret-keys';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { page } from '../../../test/helpers/fixtures';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

const secretKey = {
  secret_key_id: 'sk_01EXAMPLE000',
  name: 'ci',
  secret_key_hint: 'wxyz',
  created_at: '2026-01-01T00:00:00.000Z',
};
const NEW_KEY = 'aks_test_NEWKEYnotreal0123456789wxyz';
const created = { ...secretKey, secret_key: NEW_KEY };

describe('listSecretKeys', () => {
  it('GETs /secret_keys with cursor and limit', async () => {
    const seen = mockApi(() => page([secretKey], 'sk_next'));
    const result = await listSecretKeys(lava, { limit: 5, cursor: 'sk_prev' });
    expect(result._unsafeUnwrap()).toEqual(page([secretKey], 'sk_next'));
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/secret_keys',
      query: { limit: '5', cursor: 'sk_prev' },
    });
    expect(seen[0]!.body).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('sends no query without params and walks pages with paginate()', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...secretKey, secret_key_id: 'sk_1' }], 'c2'),
      c2: page([{ ...secretKey, secret_key_id: 'sk_2' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const k of paginate(listSecretKeys, lava)) ids.push(k._unsafeUnwrap().secret_key_id);
    expect(ids).toEqual(['sk_1', 'sk_2']);
    expect(seen.map((s) => s.query)).toEqual([{}, { cursor: 'c2' }]);
  });

  it('rejects a bad limit with no request sent', async () => {
    const seen = mockApi(() => page([]));
    expect((await listSecretKeys(lava, { limit: 500 }))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('maps both error shapes', async () => {
    mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
    const e1 = (await listSecretKeys(lava))._unsafeUnwrapErr();
    expect(e1).toMatchObject({ kind: 'api', status: 401 });
    expect(e1.message).toContain('Authorization header missing');
    mockApi(() => lavaErrorResponse(403, 'Forbidden', 'forbidden'));
    expect((await listSecretKeys(lava))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 403,
      code: 'forbidden',
    });
  });

  it('reports an item without its hint as invalid_response', async () => {
    const { secret_key_hint: _, ...broken } = secretKey;
    mockApi(() => page([broken]));
    const error = (await listSecretKeys(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response')
      expect(error.issues.map((i) => i.path)).toEqual(['data.0.secret_key_hint']);
  });
});

describe('createSecretKey', () => {
  it('POSTs { name } and returns the full key once', async () => {
    const seen = mockApi(() => HttpResponse.json(created, { status: 201 }));
    const result = await createSecretKey(lava, { name: 'ci' });
    expect(result._unsafeUnwrap()).toEqual(created);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/v1/secret_keys',
      query: {},
      body: { name: 'ci' },
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it.each([[{}], [{ name: '' }], [{ name: 7 }]])('rejects %j with no request sent', async (params) => {
    const seen = mockApi(() => created);
    const error = (await createSecretKey(lava, params as never))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toEqual(['name']);
    expect(seen).toHaveLength(0);
  });

  it('maps the 100-key limit', async () => {
    mockApi(() => lavaErrorResponse(400, 'Maximum of 100 secret keys reached'));
    const error = (await createSecretKey(lava, { name: 'x' }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 400 });
  });

  it('reports a response without secret_key as invalid_response, without echoing keys', async () => {
    mockApi(() => ({ ...secretKey, secret_key: 12 }));
    const error = (await createSecretKey(lava, { name: 'x' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(JSON.stringify(error)).not.toContain(SECRET_KEY);
  });
});

describe('deleteSecretKey', () => {
  it('DELETEs /secret_keys/{id} and parses { id, deleted }', async () => {
    const seen = mockApi(() => ({ id: 'sk_1', deleted: true }));
    expect((await deleteSecretKey(lava, 'sk_1'))._unsafeUnwrap()).toEqual({ id: 'sk_1', deleted: true });
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/v1/secret_keys/sk_1', body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('refuses a secret key passed as the id, so it never lands in a URL', async () => {
    const seen = mockApi(() => ({ id: 'x', deleted: true }));
    const error = (await deleteSecretKey(lava, NEW_KEY))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(error.message).toContain('secret_key_id');
    expect(JSON.stringify(error)).not.toContain(NEW_KEY);
    expect((await deleteSecretKey(lava, ''))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('maps a 404 and a malformed body', async () => {
    mockApi(() => lavaErrorResponse(404, 'Secret key not found'));
    expect((await deleteSecretKey(lava, 'sk_x'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 404,
    });
    mockApi(() => ({ success: true }));
    expect((await deleteSecretKey(lava, 'sk_x'))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});
