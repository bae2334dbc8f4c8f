import * as v from 'valibot';

/** One page of a list endpoint. */
export interface ListResponse<T> {
  /** The items of this page, at most `limit` of them. */
  data: T[];
  /** True when another page follows: pass `next_cursor` as `cursor` to read it. */
  has_more: boolean;
  /** The cursor of the next page; null (older API versions: absent) on the last page. */
  next_cursor?: string | null | undefined;
}

/** The schema of a cursor page of `item`, as every list endpoint returns it. */
export function listOf<T extends v.GenericSchema>(item: T) {
  return v.looseObject({
    data: v.array(item),
    has_more: v.custom<boolean>((b) => typeof b === 'boolean', 'must be a boolean'),
    next_cursor: v.nullish(v.string()),
  });
}
