// Secret keys (lava-api.md §2.10: at most 100 active, a revoked key stops working at once) and spend keys
// (§2.11: the raw `lava_sk_…` key is shown once, at creation and rotation).
import { badRequest } from '../http';
import { newId, randomHex, randomString } from '../ids';
import { type Model, write } from './model';
import type { SecretKeyRecord, SpendKeyRecord } from './state';

export const MAX_SECRET_KEYS = 100;

/** Mints a secret key for the merchant (`POST /secret_keys`, and the CLI login's code exchange). */
export function mintSecretKey(model: Model, name: string): SecretKeyRecord {
  const { state } = write(model);
  const active = [...state.secretKeys.values()].filter((k) => !k.revoked).length;
  if (active >= MAX_SECRET_KEYS) {
    throw badRequest(
      `Secret key limit reached: at most ${MAX_SECRET_KEYS} keys per merchant`,
      'secret_key_limit_reached',
    );
  }
  const key: SecretKeyRecord = {
    secret_key_id: newId('sk_', model.now()),
    name,
    secret_key: `aks_test_${randomString(40, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`,
    created_at: model.now().toISOString(),
    revoked: false,
  };
  state.secretKeys.set(key.secret_key_id, key);
  return key;
}

export function revokeSecretKey(model: Model, secretKeyId: string): void {
  const key = write(model).state.secretKeys.get(secretKeyId);
  if (key) key.revoked = true;
}

/** The settings of a spend key a create or update gives; undefined leaves one as it is. */
export type SpendKeySettings = {
  [K in
    | 'name'
    | 'status'
    | 'request_shape'
    | 'allowed_models'
    | 'allowed_providers'
    | 'spend_limit'
    | 'request_limit'
    | 'rate_limit'
    | 'expires_at']?: SpendKeyRecord[K] | undefined;
};

const newSpendKey = () => `lava_sk_${randomHex(24)}`;

function assign(key: SpendKeyRecord, settings: SpendKeySettings): void {
  for (const [name, value] of Object.entries(settings)) {
    if (value !== undefined) (key as unknown as Record<string, unknown>)[name] = value;
  }
}

export function createSpendKey(model: Model, settings: SpendKeySettings & { name: string }): SpendKeyRecord {
  const key: SpendKeyRecord = {
    spend_key_id: newId('spk_', model.now()),
    key: newSpendKey(),
    name: settings.name,
    status: 'active',
    request_shape: 'openai',
    allowed_models: null,
    allowed_providers: null,
    spend_limit: null,
    request_limit: null,
    rate_limit: null,
    expires_at: null,
    last_used_at: null,
    current_spend: 0n,
    total_spend: 0n,
    current_requests: 0,
    total_requests: 0,
    created_at: model.now().toISOString(),
    revoked: false,
  };
  assign(key, settings);
  write(model).state.spendKeys.set(key.spend_key_id, key);
  return key;
}

export function updateSpendKey(model: Model, spendKeyId: string, settings: SpendKeySettings): void {
  const key = write(model).state.spendKeys.get(spendKeyId);
  if (key) assign(key, settings);
}

export function revokeSpendKey(model: Model, spendKeyId: string): void {
  const key = write(model).state.spendKeys.get(spendKeyId);
  if (key) key.revoked = true;
}

/** A new raw key; limits and usage are kept. */
export function rotateSpendKey(model: Model, spendKeyId: string): void {
  const key = write(model).state.spendKeys.get(spendKeyId);
  if (key) key.key = newSpendKey();
}
