import { listModels } from '@lava-sdk/models';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { lavaErrorResponse, mockApi, SECRET_KEY, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();

const models = {
  object: 'list',
  data: [
    { id: 'gpt-4o', object: 'model', created: 1_715_367_049, owned_by: 'openai' },
    { id: 'claude-sonnet-4', object: 'model', created: 1_747_267_200, owned_by: 'anthropic' },
  ],
};

describe('listModels', () => {
  it('GETs /models with the secret key, as the official SDK does', async () => {
    const seen = mockApi(() => models);
    expect((await listModels(lava))._unsafeUnwrap()).toEqual(models);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v1/models', query: {}, body: undefined });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
  });

  it('works without a secret key, sending no Authorization', async () => {
    const previous = process.env.LAVA_SECRET_KEY;
    delete process.env.LAVA_SECRET_KEY;
    try {
      const seen = mockApi(() => models);
      const keyless = testLava({ secretKey: '' });
      expect((await listModels(keyless))._unsafeUnwrap().data).toHaveLength(2);
      expect(seen[0]!.headers.authorization).toBeUndefined();
    } finally {
      if (previous !== undefined) process.env.LAVA_SECRET_KEY = previous;
    }
  });

  it('maps both error shapes', async () => {
    mockApi(() => HttpResponse.json({ error: 'Invalid spend key' }, { status: 401 }));
    const e1 = (await listModels(lava))._unsafeUnwrapErr();
    expect(e1).toMatchObject({ kind: 'api', status: 401 });
    expect(e1.message).toContain('Invalid spend key');
    mockApi(() => lavaErrorResponse(403, 'Forbidden', 'forbidden'));
    expect((await listModels(lava))._unsafeUnwrapErr()).toMatchObject({
      kind: 'api',
      status: 403,
      code: 'forbidden',
    });
  });

  it('reports a malformed catalogue as invalid_response', async () => {
    mockApi(() => ({
      object: 'list',
      data: [{ id: 'gpt-4o', object: 'model', created: 'yesterday', owned_by: 'openai' }],
    }));
    const error = (await listModels(lava))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    if (error.kind === 'invalid_response')
      expect(error.issues.map((i) => i.path)).toEqual(['data.0.created']);
    mockApi(() => ({ data: 'nope' }));
    expect((await listModels(lava))._unsafeUnwrapErr().kind).toBe('invalid_response');
  });

  it('passes call options through (an aborted signal sends nothing)', async () => {
    const seen = mockApi(() => models);
    const controller = new AbortController();
    controller.abort();
    expect((await listModels(lava, { signal: controller.signal }))._unsafeUnwrapErr().kind).toBe('aborted');
    expect(seen).toHaveLength(0);
  });
});
