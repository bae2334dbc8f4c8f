import * as v from 'valibot';

/** `{ success: boolean }`. */
export const Success = v.looseObject({ success: v.boolean() });
export type Success = v.InferOutput<typeof Success>;
