import * as v from 'valibot';

/** A merchant secret key as listed: only a hint of the key (its last 4 characters), never the key. */
export interface SecretKey {
  /** The key's id, for `deleteSecretKey`. */
  secret_key_id: string;
  /** The key's display name. */
  name: string;
  /** The key's last 4 characters. */
  secret_key_hint: string;
  /** When the key was created (ISO 8601). */
  created_at: string;
}

/** Schema of {@link SecretKey}. */
export const SecretKey = v.looseObject({
  secret_key_id: v.string(),
  name: v.string(),
  secret_key_hint: v.string(),
  created_at: v.string(),
});
