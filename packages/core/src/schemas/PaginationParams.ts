import * as v from 'valibot';

/** The page params every list function takes: where the page starts and how long it is. */
export interface PaginationParams {
  /**
   * Where the page starts: the `next_cursor` of the page before (an opaque string, not empty). Omit it for
   * the first page; `paginate()` passes it for you.
   */
  cursor?: string | undefined;
  /** Items per page: an integer from 1 to 100. Omitted: the list's default page size at Lava. */
  limit?: number | undefined;
}

/**
 * `cursor` and `limit` (1–100), shared by every list endpoint; spread them into a filter schema. Written out
 * rather than with the helpers of `./rules` (the same two `custom` schemas): every list bundle has them, and
 * inline they cost it about 15 B less.
 */
export const paginationEntries = {
  cursor: v.optional(
    v.custom<string>((s) => typeof s === 'string' && s !== '', 'must be a non-empty string'),
  ),
  limit: v.optional(
    v.custom<number>(
      (n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 100,
      'must be an integer from 1 to 100',
    ),
  ),
};

/** Schema of {@link PaginationParams}, for a list endpoint with no filter but the cursor. */
export const PaginationParams = v.optional(v.looseObject(paginationEntries));
