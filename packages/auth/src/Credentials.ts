import * as v from 'valibot';

// Fixed messages: valibot's default ones quote the received value, and this body carries a secret key.
const id = (field: string) =>
  v.pipe(v.string(`${field} must be a string`), v.nonEmpty(`${field} must not be empty`));

/**
 * The credentials `POST /auth/callback` returns for a one-time CLI code: a merchant secret key and the ids
 * it belongs to. Unknown extra fields are kept.
 */
export const Credentials = v.looseObject({
  wallet_id: id('wallet_id'),
  secret_key_id: id('secret_key_id'),
  secret_key: id('secret_key'),
  merchant_id: id('merchant_id'),
  account_id: id('account_id'),
});

/** Credentials from {@link exchangeAuthCode} or {@link login}. */
export interface Credentials {
  /** The merchant wallet's id. */
  wallet_id: string;
  /** The id of the secret key below, for `deleteSecretKey`. */
  secret_key_id: string;
  /** A merchant secret key (`aks_live_…` / `aks_test_…`): `createLava({ secretKey })`. */
  secret_key: string;
  /** The merchant's id. */
  merchant_id: string;
  /** The account's id. */
  account_id: string;
}
