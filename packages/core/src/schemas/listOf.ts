import * as v from 'valibot';

/** A cursor page as every list endpoint returns it. */
export function listOf<T extends v.GenericSchema>(item: T) {
  return v.looseObject({
    data: v.array(item),
    has_more: v.boolean(),
    next_cursor: v.nullish(v.string()),
  });
}

/** One page of a list endpoint. */
export interface ListResponse<T> {
  data: T[];
  has_more: boolean;
  next_cursor?: string | null;
}
