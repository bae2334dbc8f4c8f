import * as v from 'valibot';
import type { ParamsOf } from '../types';

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

/** Params of a list endpoint with no filter but the cursor. */
export const PaginationParams = v.optional(v.looseObject(paginationEntries));
export type PaginationParams = ParamsOf<typeof PaginationParams>;
