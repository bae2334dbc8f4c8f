import * as v from 'valibot';

/** A model in OpenAI's `/models` format. */
export interface Model {
  /** The model's id, as passed in a request's `model` (`gpt-4o-mini`). */
  id: string;
  /** `model` (an open string: a kind Lava adds later still parses). */
  object: 'model' | (string & {});
  /** When the model was published, in Unix seconds. */
  created: number;
  /** The provider or organisation that owns it. */
  owned_by: string;
}

/** Schema of {@link Model}. */
export const Model = v.looseObject({
  id: v.string(),
  object: v.string(),
  created: v.number(),
  owned_by: v.string(),
});
