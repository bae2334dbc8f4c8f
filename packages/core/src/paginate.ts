import { err, ok, type Result, ResultAsync } from 'neverthrow';
import type { LavaClient } from './createLava';
import { type LavaError, lavaError } from './errors';
import type { ListResponse } from './schemas/listOf';
import type { CallOptions } from './transport';

/** Any list function of the SDK: `(lava, params?, options?) => ResultAsync<ListResponse<T>, LavaError>`. */
export type ListFunction<P, T> = (
  lava: LavaClient,
  params?: P,
  options?: CallOptions,
) => ResultAsync<ListResponse<T>, LavaError>;

/** Options of {@link paginate}: the per-call options of every page request, and a page cap. */
export interface PaginateOptions extends CallOptions {
  /** Read at most this many pages, then stop (a normal end, not an error). Default: no cap. */
  maxPages?: number | undefined;
}

/**
 * How many pages in a row may come back empty while Lava still says `has_more`: past this, pagination
 * stops with an `invalid_response` error instead of following fresh cursors forever.
 */
export const MAX_EMPTY_PAGES = 5;

function stop(message: string, path: string): LavaError {
  return lavaError('invalid_response', `${message}; stopping`, {
    issues: [{ path, message }],
    status: 200,
  });
}

/** The params of a list function, as far as pagination reads them. */
interface CursorParams {
  /** Where the page starts: the `next_cursor` of the page before; absent for the first page. */
  cursor?: string | undefined;
}

/**
 * Walks every item of a list endpoint, page by page, yielding each item as a `Result`: `Ok(item)`, or
 * one final `Err(LavaError)` after which the iteration ends. It never throws. It follows `next_cursor`
 * and ends on `has_more: false`; it ends with an `invalid_response` error when Lava repeats a cursor or
 * sends {@link MAX_EMPTY_PAGES} empty pages in a row that claim more follow. Only one page is held in
 * memory at a time.
 *
 * @param list - A list function, such as `listCustomers`.
 * @param lava - The client context.
 * @param params - Filters and page size; `cursor` starts from a later page.
 * @param options - Per-call options for every page request, and `maxPages`.
 * @returns An async iterator of `Result<T, LavaError>`.
 * @example
 * ```ts
 * for await (const item of paginate(listCustomers, lava, { limit: 100 })) {
 *   if (item.isErr()) {
 *     console.error(item.error.kind, item.error.message);
 *     break;
 *   }
 *   console.log(item.value.customer_id);
 * }
 * ```
 */
export async function* paginate<P extends CursorParams, T>(
  list: ListFunction<P, T>,
  lava: LavaClient,
  params?: P,
  options?: PaginateOptions,
): AsyncGenerator<Result<T, LavaError>, void, undefined> {
  const { maxPages = Number.POSITIVE_INFINITY, ...callOptions } = options ?? {};
  if (!(maxPages >= 0)) {
    yield err(lavaError('config', 'Invalid maxPages: must be a number >= 0'));
    return;
  }
  const seen = new Set<string>();
  let cursor = params?.cursor;
  let empty = 0;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await list(lava, { ...params, cursor } as P, callOptions);
    if (page.isErr()) {
      yield err(page.error);
      return;
    }
    const { data, has_more, next_cursor: next } = page.value;
    for (const item of data) yield ok(item);
    if (!has_more || !next) return;
    if (seen.has(next)) {
      yield err(stop(`Lava repeated the cursor ${JSON.stringify(next)}`, 'next_cursor'));
      return;
    }
    empty = data.length === 0 ? empty + 1 : 0;
    if (empty >= MAX_EMPTY_PAGES) {
      yield err(stop(`${empty} empty pages in a row, each claiming more follow`, 'data'));
      return;
    }
    seen.add(next);
    cursor = next;
  }
}

/**
 * Collects the items of a list endpoint into an array. The cap is required, so a huge account cannot
 * exhaust memory by accident: at most `max` items are kept and at most `max` pages are requested (an
 * empty page counts against the cap too). Reaching the cap is a normal end: `Ok` with what was read.
 * Any failure of a page, a repeated cursor or too many empty pages is the `Err`.
 *
 * @param list - A list function, such as `listMeters`.
 * @param lava - The client context.
 * @param params - Filters and page size.
 * @param options - `max` (required), and the per-call options of every page request.
 * @returns `ResultAsync<T[], LavaError>`; never throws.
 * @example
 * ```ts
 * const meters = await collectAll(listMeters, lava, {}, { max: 1000 });
 * if (meters.isOk()) console.log(meters.value.length);
 * ```
 */
export function collectAll<P extends CursorParams, T>(
  list: ListFunction<P, T>,
  lava: LavaClient,
  params: P | undefined,
  options: CallOptions & { max: number },
): ResultAsync<T[], LavaError> {
  const { max, ...callOptions } = options;
  const run = async (): Promise<Result<T[], LavaError>> => {
    if (!(max >= 0)) return err(lavaError('config', 'collectAll needs a cap: { max: number >= 0 }'));
    const items: T[] = [];
    if (max === 0) return ok(items);
    for await (const item of paginate(list, lava, params, { ...callOptions, maxPages: max })) {
      if (item.isErr()) return err(item.error);
      if (items.push(item.value) >= max) break;
    }
    return ok(items);
  };
  return new ResultAsync(run());
}
