// Cursor pagination: `{ data, has_more, next_cursor }`; the cursor is the id of the last item of a page.
import { badRequest } from './http';

export function readLimit(query: URLSearchParams, fallback: number): number {
  const raw = query.get('limit');
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw))
    throw badRequest('Invalid params: limit must be an integer between 1 and 100', 'invalid_params');
  const limit = Number(raw);
  if (limit < 1 || limit > 100) {
    throw badRequest('Invalid params: limit must be an integer between 1 and 100', 'invalid_params');
  }
  return limit;
}

/** One page of `items` (already in list order, newest first). */
export function page<T, R>(
  items: readonly T[],
  idOf: (item: T) => string,
  render: (item: T) => R,
  query: URLSearchParams,
  defaultLimit: number,
): { data: R[]; has_more: boolean; next_cursor: string | null } {
  const limit = readLimit(query, defaultLimit);
  const cursor = query.get('cursor');
  let start = 0;
  if (cursor) {
    const index = items.findIndex((item) => idOf(item) === cursor);
    if (index < 0)
      throw badRequest('Invalid params: cursor is not a valid cursor for this list', 'invalid_cursor');
    start = index + 1;
  }
  const slice = items.slice(start, start + limit);
  const hasMore = start + limit < items.length;
  const last = slice[slice.length - 1];
  return {
    data: slice.map(render),
    has_more: hasMore,
    next_cursor: hasMore && last !== undefined ? idOf(last) : null,
  };
}

/** Newest first. */
export function newestFirst<T>(values: Iterable<T>): T[] {
  return [...values].reverse();
}
