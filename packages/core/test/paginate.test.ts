import { collectAll, type LavaError, MAX_EMPTY_PAGES, paginate } from '@lava-sdk/core';
import { type Customer, listCustomers } from '@lava-sdk/customers';
import { describe, expect, it } from 'vitest';
import { customer, page } from '../../../test/helpers/fixtures';
import { lavaErrorResponse, mockApi, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const withId = (id: string) => ({ ...customer, customer_id: id });

/** Drains a paginate() iterator: the ids of the Ok items, and the Err that ended it, if any. */
async function drain(iterator: AsyncIterable<import('neverthrow').Result<Customer, LavaError>>) {
  const ids: string[] = [];
  let error: LavaError | undefined;
  let afterError = 0;
  for await (const item of iterator) {
    if (error) afterError++;
    if (item.isOk()) ids.push(item.value.customer_id);
    else error = item.error;
  }
  expect(afterError, 'nothing is yielded after an Err').toBe(0);
  return { ids, error };
}

describe('paginate', () => {
  it('yields every item as Ok and stops on has_more: false even with a cursor', async () => {
    const seen = mockApi(() => ({ data: [withId('a')], has_more: false, next_cursor: 'ignored' }));
    expect(await drain(paginate(listCustomers, lava))).toEqual({ ids: ['a'], error: undefined });
    expect(seen).toHaveLength(1);
  });

  it('ends with an invalid_response Err instead of looping on a repeated cursor', async () => {
    mockApi((s) =>
      page([withId(s.query.cursor ?? 'first')], s.query.cursor === 'B' ? 'A' : s.query.cursor ? 'B' : 'A'),
    );
    const { ids, error } = await drain(paginate(listCustomers, lava));
    expect(ids).toEqual(['first', 'A', 'B']);
    expect(error).toMatchObject({ kind: 'invalid_response', issues: [{ path: 'next_cursor' }] });
  });

  it('ends with the LavaError of a failed page, never throwing', async () => {
    mockApi((s) => (s.query.cursor ? lavaErrorResponse(400, 'bad cursor') : page([withId('a')], 'c2')));
    const { ids, error } = await drain(paginate(listCustomers, lava));
    expect(ids).toEqual(['a']);
    expect(error).toMatchObject({ kind: 'api', status: 400 });
  });

  it(`ends after ${MAX_EMPTY_PAGES} empty pages in a row that claim more, with fresh cursors`, async () => {
    const seen = mockApi((s) => page([], `c${Number(s.query.cursor?.slice(1) ?? 0) + 1}`));
    const { ids, error } = await drain(paginate(listCustomers, lava));
    expect(ids).toEqual([]);
    expect(error).toMatchObject({ kind: 'invalid_response', issues: [{ path: 'data' }] });
    expect(seen).toHaveLength(MAX_EMPTY_PAGES);
  });

  it('a page with items resets the empty-page count', async () => {
    // Two empty pages, one item, repeated: never MAX_EMPTY_PAGES empty in a row.
    const seen = mockApi((s) => {
      const n = Number(s.query.cursor ?? 0);
      if (n >= 12) return page([withId(`c${n}`)]);
      return page(n % 3 === 2 ? [withId(`c${n}`)] : [], `${n + 1}`);
    });
    const { ids, error } = await drain(paginate(listCustomers, lava));
    expect(error).toBeUndefined();
    expect(ids).toEqual(['c2', 'c5', 'c8', 'c11', 'c12']);
    expect(seen).toHaveLength(13);
  });

  it('maxPages caps the pages read, a normal end', async () => {
    const seen = mockApi((s) =>
      page([withId(`c${s.query.cursor ?? 0}`)], `${Number(s.query.cursor ?? 0) + 1}`),
    );
    expect(await drain(paginate(listCustomers, lava, undefined, { maxPages: 2 }))).toEqual({
      ids: ['c0', 'c1'],
      error: undefined,
    });
    expect(seen).toHaveLength(2);
    const bad = await drain(paginate(listCustomers, lava, undefined, { maxPages: Number.NaN }));
    expect(bad.error).toMatchObject({ kind: 'config' });
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

  it('counts empty pages against the cap: never more requests than max', async () => {
    const seen = mockApi((s) => page([], `c${Number(s.query.cursor?.slice(1) ?? 0) + 1}`));
    const capped = await collectAll(listCustomers, lava, undefined, { max: 2 });
    expect(capped._unsafeUnwrap()).toEqual([]);
    expect(seen).toHaveLength(2);
    const ended = await collectAll(listCustomers, lava, undefined, { max: 1000 });
    expect(ended._unsafeUnwrapErr()).toMatchObject({ kind: 'invalid_response' });
    expect(seen).toHaveLength(2 + MAX_EMPTY_PAGES);
  });

  it('returns the error as Err, never throwing', async () => {
    mockApi(() => lavaErrorResponse(401, 'no'));
    const result = await collectAll(listCustomers, lava, undefined, { max: 10 });
    expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'api', status: 401 });
    const noCap = await collectAll(listCustomers, lava, undefined, { max: -1 });
    expect(noCap._unsafeUnwrapErr()).toMatchObject({ kind: 'config' });
  });
});
