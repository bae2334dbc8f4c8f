import { collectAll, paginate } from '@lava-sdk/core';
import { listCustomers } from '@lava-sdk/customers';
import { describe, expect, it } from 'vitest';
import { customer, page } from '../../../test/helpers/fixtures';
import { lavaErrorResponse, mockApi, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const withId = (id: string) => ({ ...customer, customer_id: id });

describe('paginate', () => {
  it('stops on has_more: false even with a cursor', async () => {
    const seen = mockApi(() => ({ data: [withId('a')], has_more: false, next_cursor: 'ignored' }));
    const ids: string[] = [];
    for await (const c of paginate(listCustomers, lava)) ids.push(c.customer_id);
    expect(ids).toEqual(['a']);
    expect(seen).toHaveLength(1);
  });

  it('throws instead of looping on a repeated cursor', async () => {
    mockApi((s) =>
      page([withId(s.query.cursor ?? 'first')], s.query.cursor === 'B' ? 'A' : s.query.cursor ? 'B' : 'A'),
    );
    const ids: string[] = [];
    await expect(async () => {
      for await (const c of paginate(listCustomers, lava)) ids.push(c.customer_id);
    }).rejects.toMatchObject({ kind: 'invalid_response' });
    expect(ids).toEqual(['first', 'A', 'B']);
  });

  it('throws the LavaError of a failed page', async () => {
    mockApi((s) => (s.query.cursor ? lavaErrorResponse(400, 'bad cursor') : page([withId('a')], 'c2')));
    await expect(async () => {
      for await (const _ of paginate(listCustomers, lava)) {
        // drain
      }
    }).rejects.toMatchObject({ kind: 'api', status: 400 });
  });

  it('stops requesting pages when the consumer breaks', async () => {
    const seen = mockApi((s) => page([withId('x'), withId('y')], `${Number(s.query.cursor ?? 0) + 1}`));
    for await (const _ of paginate(listCustomers, lava)) break;
    expect(seen).toHaveLength(1);
  });
});

describe('collectAll', () => {
  it('collects up to the cap', async () => {
    const seen = mockApi((s) =>
      page([withId(`c${s.query.cursor ?? 0}`)], `${Number(s.query.cursor ?? 0) + 1}`),
    );
    const items = (await collectAll(listCustomers, lava, { limit: 1 }, { max: 3 }))._unsafeUnwrap();
    expect(items.map((c) => c.customer_id)).toEqual(['c0', 'c1', 'c2']);
    expect(seen).toHaveLength(3);
  });

  it('collects everything under the cap', async () => {
    mockApi((s) => (s.query.cursor ? page([withId('b')]) : page([withId('a')], 'n')));
    expect((await collectAll(listCustomers, lava, undefined, { max: 100 }))._unsafeUnwrap()).toHaveLength(2);
  });

  it('returns the error as Err, never throwing', async () => {
    mockApi(() => lavaErrorResponse(401, 'no'));
    const result = await collectAll(listCustomers, lava, undefined, { max: 10 });
    expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'api', status: 401 });
  });
});
