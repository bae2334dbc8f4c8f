import * as v from 'valibot';

/** The answer of most DELETE endpoints. */
export interface Deleted {
  /** The id of what was deleted. */
  id: string;
  /** Always true. */
  deleted: true;
}

/** Schema of {@link Deleted}. */
export const Deleted = v.looseObject({ id: v.string(), deleted: v.literal(true) });
