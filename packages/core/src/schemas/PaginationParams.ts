import * as v from 'valibot';
import type { ParamsOf } from '../types';

/** `cursor` and `limit` (1–100), shared by every list endpoint; spread them into a filter schema. */
export const paginationEntries = {
  cursor: v.optional(v.pipe(v.string(), v.minLength(1))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
};

/** Params of a list endpoint with no filter but the cursor. */
export const PaginationParams = v.optional(v.looseObject(paginationEntries));
export type PaginationParams = ParamsOf<typeof PaginationParams>;
