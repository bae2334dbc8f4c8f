import { listServices, retrieveProvider, searchProviders } from '@lava-sdk/services';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const auth = `Bearer ${SECRET_KEY}`;

function keyless() {
  const previous = process.env.LAVA_SECRET_KEY;
  delete process.env.LAVA_SECRET_KEY;
  const client = testLava({ secretKey: '' });
  if (previous !== undefined) process.env.LAVA_SECRET_KEY = previous;
  return client;
}

const openai = {
  id: 'openai',
  label: 'OpenAI',
  api_reference: 'https://platform.openai.com/docs/api-reference',
  service_type: 'model',
  managed: true,
  entry_count: 42,
};
const service = {
  id: 'gpt-4o',
  object: 'model',
  provider: 'openai',
  provider_label: 'OpenAI',
  api_reference: 'https://platform.openai.com/docs/api-reference',
  endpoint: 'https://api.openai.com/v1/chat/completions',
  method: 'POST',
  url_template: 'https://api.openai.com/v1/chat/completions',
  example_body: { model: 'gpt-4o', messages: [] },
  service_type: 'model',
  managed: true,
  pricing: { type: 'tokens_1m', input: 2.5, output: 10, cache_input_read: 1.25 },
  capabilities: ['chat', 'vision'],
};
// An older-style entry: no call details, an async workflow, per-request pricing.
const serper = {
  id: 'serper-search',
  object: 'model',
  provider: 'serper',
  provider_label: 'Serper',
  service_type: 'api',
  managed: true,
  pricing: { type: 'requests', cost_per_request: 0.001 },
  capabilities: [],
  workflow: { kind: 'poll', poll_after: '2s', id_field: 'id' },
};
const catalog = { object: 'list', data: [service, serper], providers: [openai] };

describe('listServices', () => {
  it('GETs /services, sending the key when the client has one', async () => {
    const seen = mockApi(() => catalog);
    expect((await listServices(lava))._unsafeUnwrap()).toEqual(catalog);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/services', query: {}, body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('filters by provider, and works with no key and no Authorization', async () => {
    const seen = mockApi(() => ({ ...catalog, data: [service] }));
    const result = await listServices(keyless(), { provider: 'openai' });
    expect(result._unsafeUnwrap().data).toEqual([service]);
    expect(seen[0]).toMatchObject({ path: '/v1/services', query: { provider: 'openai' } });
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('rejects an empty provider with no request sent', async () => {
    const seen = mockApi(() => catalog);
    expect((await listServices(lava, { provider: '' }))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('maps both error shapes', async () => {
    mockApi(() => HttpResponse.json({ error: 'Unknown provider' }, { status: 400 }));
    const e1 = (await listServices(lava, { provider: 'nope' }))._unsafeUnwrapErr();
    expect(e1).toMatchObject({ kind: 'api', status: 400 });
    expect(e1.message).toContain('Unknown provider');
    mockApi(() => lavaErrorResponse(500, 'Catalog unavailable', 'internal'));
    expect((await listServices(lava, undefined, { maxRetries: 0 }))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 500,
      code: 'internal',
    });
  });

  it('reports a malformed catalogue as invalid_response', async () => {
    mockApi(() => ({ ...catalog, data: [{ ...service, managed: 'yes' }] }));
    const error = (await listServices(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response')
      expect(error.issues.map((i) => i.path)).toEqual(['data.0.managed']);
    mockApi(() => ({ object: 'list', data: [] }));
    expect((await listServices(lava))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});

describe('searchProviders', () => {
  it('GETs /services/providers with query and category', async () => {
    const seen = mockApi(() => ({ object: 'list', data: [openai] }));
    const result = await searchProviders(lava, { query: 'web search', category: 'search' });
    expect(result._unsafeUnwrap()).toEqual({ object: 'list', data: [openai] });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v1/services/providers',
      query: { query: 'web search', category: 'search' },
      body: undefined,
    });
    expect(seen[0]!.headers.authorization).toBe(auth);
  });

  it('accepts results under providers, returned as data', async () => {
    mockApi(() => ({ providers: [openai], query: 'gpt' }));
    expect((await searchProviders(keyless(), { query: 'gpt' }))._unsafeUnwrap()).toEqual({
      query: 'gpt',
      data: [openai],
    });
  });

  it.each([[{ query: '' }], [{ query: '   ' }], [{}], [{ query: 'x', category: '' }]])(
    'rejects %j with no request sent',
    async (params) => {
      const seen = mockApi(() => ({ data: [] }));
      expect((await searchProviders(lava, params as never))._unsafeUnwrapErr().kind).toBe('invalid_params');
      expect(seen).toHaveLength(0);
    },
  );

  it('maps errors and a malformed answer', async () => {
    mockApi(() => lavaErrorResponse(429, 'Slow down', 'rate_limited'));
    expect((await searchProviders(lava, { query: 'x' }, { maxRetries: 0 }))._unsafeUnwrapErr()).toMatchObject(
      {
        kind: 'api',
        status: 429,
      },
    );
    mockApi(() => ({ results: [openai] }));
    expect((await searchProviders(lava, { query: 'x' }))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});

describe('retrieveProvider', () => {
  it('GETs /services/providers/{provider}, percent-encoded', async () => {
    const seen = mockApi(() => openai);
    expect((await retrieveProvider(lava, 'openai'))._unsafeUnwrap()).toEqual(openai);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/services/providers/openai', body: undefined });
    expect(seen[0]!.headers.authorization).toBe(auth);
    await retrieveProvider(keyless(), 'a b/c');
    expect(seen[1]!.path).toBe('/v1/services/providers/a%20b%2Fc');
    expect(seen[1]!.headers.authorization).toBeUndefined();
  });

  it('rejects an empty provider with no request sent', async () => {
    const seen = mockApi(() => openai);
    expect((await retrieveProvider(lava, ''))._unsafeUnwrapErr().kind).toBe('invalid_params');
    expect(seen).toHaveLength(0);
  });

  it('maps a 404 in both shapes and a malformed summary', async () => {
    mockApi(() => lavaErrorResponse(404, 'Provider not found', 'not_found'));
    expect((await retrieveProvider(lava, 'nope'))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 404,
    });
    mockApi(() => HttpResponse.json({ error: 'Provider not found' }, { status: 404 }));
    expect((await retrieveProvider(lava, 'nope'))._unsafeUnwrapErr().message).toContain('Provider not found');
    const { entry_count: _, ...broken } = openai;
    mockApi(() => broken);
    expect((await retrieveProvider(lava, 'openai'))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });
});
