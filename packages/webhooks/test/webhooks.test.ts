import { paginate } from '@lava-sdk/core';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  retrieveWebhook,
  updateWebhook,
} from '@lava-sdk/webhooks';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { page } from '../../../test/helpers/fixtures';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

const webhook = {
  webhook_id: 'wh_test_01EXAMPLE000',
  name: 'Production',
  url: 'https://example.com/webhooks/lava',
  created_at: '2026-01-01T00:00:00.000Z',
};
const created = { ...webhook, webhook_secret: 'whsec_test_only_0123456789' };

describe('listWebhooks', () => {
  it('GETs /webhooks with cursor and limit as the query', async () => {
    const seen = mockApi(() => page([webhook], 'wh_next'));
    const result = await listWebhooks(lava, { limit: 2, cursor: 'wh_prev' });
    expect(result._unsafeUnwrap()).toEqual(page([webhook], 'wh_next'));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/webhooks',
      query: { limit: '2', cursor: 'wh_prev' },
    });
    expect(seen[0]!.body).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('sends no query without params', async () => {
    const seen = mockApi(() => page([]));
    expect((await listWebhooks(lava))._unsafeUnwrap().data).toEqual([]);
    expect(seen[0]!.query).toEqual({});
  });

  it.each([[{ limit: 0 }], [{ limit: 101 }], [{ limit: 1.5 }], [{ cursor: '' }]])(
    'rejects %j with no request sent',
    async (params) => {
      const seen = mockApi(() => page([]));
      expect((await listWebhooks(lava, params))._unsafeUnwrapErr().kind).toBe('invalid_params');
      expect(seen).toHaveLength(0);
    },
  );

  it('walks every page with paginate()', async () => {
    const pages: Record<string, object> = {
      '': page([{ ...webhook, webhook_id: 'wh_1' }], 'c2'),
      c2: page([{ ...webhook, webhook_id: 'wh_2' }]),
    };
    const seen = mockApi((s) => pages[s.query.cursor ?? '']!);
    const ids: string[] = [];
    for await (const w of paginate(listWebhooks, lava, { limit: 1 })) ids.push(w._unsafeUnwrap().webhook_id);
    expect(ids).toEqual(['wh_1', 'wh_2']);
    expect(seen.map((s) => s.query)).toEqual([{ limit: '1' }, { limit: '1', cursor: 'c2' }]);
  });

  it('reports an item missing its url as invalid_response', async () => {
    const { url: _, ...broken } = webhook;
    mockApi(() => page([broken]));
    const error = (await listWebhooks(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response') expect(error.issues.map((i) => i.path)).toEqual(['data.0.url']);
  });
});

describe('retrieveWebhook', () => {
  it('GETs /webhooks/{id}, percent-encoding the id', async () => {
    const seen = mockApi(() => webhook);
    expect((await retrieveWebhook(lava, 'wh_1'))._unsafeUnwrap()).toEqual(webhook);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/webhooks/wh_1', body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
    await retrieveWebhook(lava, 'a/../b');
    expect(seen[1]!.path).toBe('/v1/webhooks/a%2F..%2Fb');
  });

  it('rejects an empty id with no request sent', async () => {
    const seen = mockApi(() => webhook);
    expect((await retrieveWebhook(lava, ''))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('maps a 404 in the object error shape', async () => {
    mockApi(() => lavaErrorResponse(404, 'Webhook not found', 'not_found'));
    const error = (await retrieveWebhook(lava, 'wh_missing'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 404, code: 'not_found' });
    expect(error.message).toContain('Webhook not found');
  });

  it('maps a 401 in the string error shape', async () => {
    mockApi(() => HttpResponse.json({ error: 'Authorization header missing' }, { status: 401 }));
    const error = (await retrieveWebhook(lava, 'wh_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'api',
      status: 401,
      body: { error: 'Authorization header missing' },
    });
    expect(error.message).toContain('Authorization header missing');
  });

  it('reports a mistyped field as invalid_response', async () => {
    mockApi(() => ({ ...webhook, created_at: 123 }));
    const error = (await retrieveWebhook(lava, 'wh_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
  });

  it('keeps fields the API adds', async () => {
    mockApi(() => ({ ...webhook, events: ['customer.created'] }));
    expect((await retrieveWebhook(lava, 'wh_1'))._unsafeUnwrap()).toMatchObject({
      events: ['customer.created'],
    });
  });
});

describe('createWebhook', () => {
  it('POSTs name and url as JSON and returns the webhook with its secret', async () => {
    const seen = mockApi(() => HttpResponse.json(created, { status: 201 }));
    const params = { name: 'Production', url: 'https://example.com/webhooks/lava' };
    const result = await createWebhook(lava, params);
    expect(result._unsafeUnwrap()).toEqual(created);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/webhooks', query: {}, body: params });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [{ name: 'x' }, 'url'],
    [{ url: 'https://example.com' }, 'name'],
    [{ name: '', url: 'https://example.com' }, 'name'],
    [{ name: 'x', url: 'not a url' }, 'url'],
    [{ name: 'x', url: 'ftp://example.com/hook' }, 'url'],
  ])('rejects %j before sending anything', async (params, field) => {
    const seen = mockApi(() => created);
    const error = (await createWebhook(lava, params as never))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.map((i) => i.path)).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('maps the webhook limit 400', async () => {
    mockApi(() => lavaErrorResponse(400, 'Invalid request body or webhook limit reached', 'bad_request'));
    const error = (await createWebhook(lava, { name: 'n', url: 'https://example.com' }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'api', status: 400 });
  });

  it('reports a response without webhook_secret as invalid_response', async () => {
    mockApi(() => webhook);
    const error = (await createWebhook(lava, { name: 'n', url: 'https://example.com' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response')
      expect(error.issues.map((i) => i.path)).toEqual(['webhook_secret']);
  });
});

describe('updateWebhook', () => {
  it('PATCHes only the given fields', async () => {
    const seen = mockApi(() => ({ ...webhook, name: 'Renamed' }));
    const result = await updateWebhook(lava, 'wh_1', { name: 'Renamed' });
    expect(result._unsafeUnwrap().name).toBe('Renamed');
    expect(seen[0]).toMatchObject({ method: 'PATCH', path: '/v1/webhooks/wh_1', body: { name: 'Renamed' } });
    expect(seen[0]!.headers.authorization).toBe(auth);
    expect(seen[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('rejects a bad url with no request sent', async () => {
    const seen = mockApi(() => webhook);
    const error = (await updateWebhook(lava, 'wh_1', { url: 'example.com' }))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('maps a 400 and a malformed body', async () => {
    mockApi(() => HttpResponse.json({ error: 'Invalid request body' }, { status: 400 }));
    expect((await updateWebhook(lava, 'wh_1', { name: 'n' }))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 400,
    });
    mockApi(() => new HttpResponse('<html>oops</html>', { status: 200 }));
    expect((await updateWebhook(lava, 'wh_1', { name: 'n' }))._unsafeUnwrapErr().kind).toBe(
      'invalid_response',
    );
  });
});

describe('deleteWebhook', () => {
  it('DELETEs and parses { id, deleted }', async () => {
    const seen = mockApi(() => ({ id: 'wh_1', deleted: true }));
    expect((await deleteWebhook(lava, 'wh_1'))._unsafeUnwrap()).toEqual({ id: 'wh_1', deleted: true });
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/v1/webhooks/wh_1', body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('maps a 404 and rejects { deleted: false }', async () => {
    mockApi(() => lavaErrorResponse(404, 'Webhook not found'));
    expect((await deleteWebhook(lava, 'wh_x'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 404,
    });
    mockApi(() => ({ id: 'wh_1', deleted: false }));
    expect((await deleteWebhook(lava, 'wh_1'))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});
