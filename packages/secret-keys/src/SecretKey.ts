import * as v from 'valibot';

/** A merchant secret key as listed: only a hint of the key (its last 4 characters), never the key. */
export const SecretKey = v.looseObject({
  secret_key_id: v.string(),
  name: v.string(),
  secret_key_hint: v.string(),
  created_at: v.string(),
});
export type SecretKey = v.InferOutput<typeof SecretKey>;
