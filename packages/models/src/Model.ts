import * as v from 'valibot';

/** A model in OpenAI's `/models` format. */
export const Model = v.looseObject({
  id: v.string(),
  object: v.literal('model'),
  created: v.number(),
  owned_by: v.string(),
});
export type Model = v.InferOutput<typeof Model>;
