import * as v from 'valibot';
import type { ParamsOf } from '../types';

/** `cursor` and `limit` (1–100), shared by every list endpoint; spread them into a filter schema. */
export const paginationEntries = {
  cursor: v.optional(v.pipe(v.string(), v.nonEmpty())),
  // One check rather than integer + minValue + maxValue: three fewer valibot actions in every list bundle.
  limit: v.optional(
    v.pipe(
      v.number(),
      v.check((n) => Number.isInteger(n) && n >= 1 && n <= 100, 'must be an integer from 1 to 100'),
    ),
  ),
};

/** Params of a list endpoint with no filter but the cursor. */
export const PaginationParams = v.optional(v.looseObject(paginationEntries));
export type PaginationParams = ParamsOf<typeof PaginationParams>;
