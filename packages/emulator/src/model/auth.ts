// The CLI login flow (lava-api.md §8): the browser page issues a one-time code for the CLI's callback; the
// code is exchanged once, within 60 s, for a new secret key.
import { badRequest } from '../http';
import { randomHex } from '../ids';
import { mintSecretKey } from './keys';
import { type Model, write } from './model';
import type { SecretKeyRecord } from './state';

export const AUTH_CODE_TTL_MS = 60_000;

/** A one-time code for the login started with `state`. */
export function issueAuthCode(model: Model, state: string): string {
  const code = `lac_${randomHex(16)}`;
  write(model).state.authCodes.set(code, {
    code,
    state,
    expires_at: model.now().getTime() + AUTH_CODE_TTL_MS,
    used: false,
  });
  return code;
}

/** Exchanges a code for a new secret key; an unknown, used or expired code is refused (and burnt). */
export function redeemAuthCode(model: Model, code: string): SecretKeyRecord {
  const record = write(model).state.authCodes.get(code);
  if (!record || record.used || model.now().getTime() > record.expires_at) {
    if (record) record.used = true;
    throw badRequest('Invalid or expired authorization code', 'invalid_code');
  }
  record.used = true;
  return mintSecretKey(model, 'CLI login');
}
