import { ResultAsync } from 'neverthrow';
import type { LavaClient } from './createLava';
import { isLavaError, type LavaError } from './errors';
import { lavaError } from './lavaError';
import type { ListResponse } from './schemas/listOf';
import type { CallOptions } from './transport';

/** Any list function of the SDK: `(lava, params?, options?) => ResultAsync<ListResponse<T>>`. */
export type ListFunction<P, T> = (
  lava: LavaClient,
  params?: P,
  options?: CallOptions,
) => ResultAsync<ListResponse<T>, LavaError>;

/**
 * Iterates over every item of a list endpoint, page by page: follows `next_cursor`, stops on
 * `has_more: false`, and throws an `invalid_response` LavaError rather than loop on a repeated cursor.
 * A failed page throws its LavaError. Only one page is held in memory at a time.
 *
 * @param list - A list function, such as `listCustomers`.
 * @param lava - The client context.
 * @param params - Filters and page size; `cursor` starts from a later page.
 * @example
 * ```ts
 * for await (const customer of paginate(listCustomers, lava, { limit: 100 })) console.log(customer.customer_id);
 * ```
 */
export async function* paginate<P extends { cursor?: string | undefined }, T>(
  list: ListFunction<P, T>,
  lava: LavaClient,
  params?: P,
  options?: CallOptions,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor = params?.cursor;
  for (;;) {
    const page = await list(lava, { ...params, cursor } as P, options);
    if (page.isErr()) throw page.error;
    yield* page.value.data;
    const next = page.value.next_cursor;
    if (!page.value.has_more || !next) return;
    if (seen.has(next)) {
      throw lavaError('invalid_response', `Lava repeated the cursor ${JSON.stringify(next)}; stopping`, {
        issues: [{ path: 'next_cursor', message: 'repeated cursor' }],
        status: 200,
      });
    }
    seen.add(next);
    cursor = next;
  }
}

/**
 * Collects the items of a list endpoint into an array, reading at most `max` items (the cap is
 * required, so a huge account cannot exhaust memory by accident).
 *
 * @example
 * ```ts
 * const meters = await collectAll(listMeters, lava, {}, { max: 1000 });
 * ```
 */
export function collectAll<P extends { cursor?: string | undefined }, T>(
  list: ListFunction<P, T>,
  lava: LavaClient,
  params: P | undefined,
  options: CallOptions & { max: number },
): ResultAsync<T[], LavaError> {
  const { max, ...callOptions } = options;
  const run = async (): Promise<T[]> => {
    if (!(max >= 0)) throw lavaError('config', 'collectAll needs a cap: { max: number >= 0 }');
    const items: T[] = [];
    if (max === 0) return items;
    for await (const item of paginate(list, lava, params, callOptions)) {
      if (items.push(item) >= max) break;
    }
    return items;
  };
  return ResultAsync.fromPromise(run(), (e) =>
    isLavaError(e) ? e : lavaError('network', `Pagination failed: ${String(e)}`, { attempts: 0 }, e),
  );
}
