import * as v from 'valibot';

/** `{ id, deleted: true }`, the answer of most DELETE endpoints. */
export const Deleted = v.looseObject({ id: v.string(), deleted: v.literal(true) });
export type Deleted = v.InferOutput<typeof Deleted>;
