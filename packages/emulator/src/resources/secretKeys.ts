// Secret keys (lava-api.md §2.10): at most 100 active keys; a revoked key stops working at once.
import type { Ctx, Route } from '../context';
import { badRequest, json, notFound } from '../http';
import { newId, randomString } from '../ids';
import { newestFirst, page } from '../pagination';
import type { SecretKeyRecord } from '../store';
import { requireString } from '../validate';

export const MAX_SECRET_KEYS = 100;

function keyBody(k: SecretKeyRecord): Record<string, unknown> {
  return {
    secret_key_id: k.secret_key_id,
    name: k.name,
    secret_key_hint: k.secret_key.slice(-4),
    created_at: k.created_at,
  };
}

/** Mints a new secret key for the merchant (also used by the CLI auth flow). */
export function mintSecretKey(ctx: Ctx, name: string): SecretKeyRecord {
  const active = [...ctx.state.secretKeys.values()].filter((k) => !k.revoked).length;
  if (active >= MAX_SECRET_KEYS) {
    throw badRequest(
      `Secret key limit reached: at most ${MAX_SECRET_KEYS} keys per merchant`,
      'secret_key_limit_reached',
    );
  }
  const key: SecretKeyRecord = {
    secret_key_id: newId('sk_', ctx.env.now()),
    name,
    secret_key: `aks_test_${randomString(40, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`,
    created_at: ctx.nowIso(),
    revoked: false,
  };
  ctx.state.secretKeys.set(key.secret_key_id, key);
  return key;
}

export const secretKeyRoutes: Route[] = [
  {
    method: 'GET',
    path: 'secret_keys',
    auth: 'secret',
    handler: (ctx) => {
      const keys = newestFirst(ctx.state.secretKeys.values()).filter((k) => !k.revoked);
      return json(page(keys, (k) => k.secret_key_id, keyBody, ctx.query, 10));
    },
  },
  {
    method: 'POST',
    path: 'secret_keys',
    auth: 'secret',
    handler: async (ctx) => {
      const name = requireString(await ctx.body(), 'name');
      const key = mintSecretKey(ctx, name);
      return json({ ...keyBody(key), secret_key: key.secret_key });
    },
  },
  {
    method: 'DELETE',
    path: 'secret_keys/:id',
    auth: 'secret',
    handler: (ctx) => {
      const key = ctx.state.secretKeys.get(ctx.params.id ?? '');
      if (!key || key.revoked) throw notFound('Secret key');
      key.revoked = true;
      return json({ id: key.secret_key_id, deleted: true });
    },
  },
];
