// Secret keys (lava-api.md §2.10) and spend keys (§2.11).
import type { Ctx } from '../context';
import { badRequest, json, notFound } from '../http';
import {
  createSpendKey,
  mintSecretKey,
  revokeSecretKey,
  revokeSpendKey,
  rotateSpendKey,
  type SpendKeySettings,
  updateSpendKey,
} from '../model/keys';
import type { Snapshot } from '../model/model';
import type { SpendKeyRecord } from '../model/state';
import { formatAmount } from '../money';
import { newestFirst, page } from '../pagination';
import {
  isPlainObject,
  optionalEnum,
  optionalNumber,
  optionalString,
  optionalStringArray,
  requireDecimal,
  requireEnum,
  requireString,
} from '../validate';
import { secretKeyBody, spendKeyBody } from '../views';

const CYCLES = ['daily', 'weekly', 'monthly', 'total'] as const;

function invalid(message: string): never {
  throw badRequest(`Invalid params: ${message}`, 'invalid_params');
}

function nullableObject(
  body: Record<string, unknown>,
  key: string,
): Record<string, unknown> | null | undefined {
  const value = body[key];
  if (value === undefined || value === null) return value as null | undefined;
  if (!isPlainObject(value)) invalid(`${key} must be an object or null`);
  return value;
}

/** A spend key's settings from a create (`name` required) or update body. */
function readSettings(body: Record<string, unknown>, create: boolean): SpendKeySettings {
  const settings: SpendKeySettings = {
    name: create ? requireString(body, 'name') : optionalString(body, 'name'),
    status: optionalEnum(body, 'status', ['active', 'paused']),
    request_shape: optionalEnum(body, 'request_shape', ['openai', 'anthropic']),
    allowed_models: optionalStringArray(body, 'allowed_models'),
    allowed_providers: optionalStringArray(body, 'allowed_providers'),
  };
  for (const key of ['allowed_models', 'allowed_providers'] as const) {
    if (Array.isArray(settings[key]) && settings[key]?.length === 0)
      invalid(`${key} must have at least 1 entry, or be null`);
  }
  const spend = nullableObject(body, 'spend_limit');
  if (spend !== undefined) {
    settings.spend_limit = spend && {
      amount: formatAmount(requireDecimal(spend, 'amount', { min: 0n })),
      cycle: requireEnum(spend, 'cycle', CYCLES),
    };
  }
  const requests = nullableObject(body, 'request_limit');
  if (requests !== undefined) {
    const count = optionalNumber(requests ?? {}, 'count', { min: 1, integer: true });
    if (requests && count === undefined) invalid('request_limit.count is required');
    settings.request_limit = requests && {
      count: count as number,
      cycle: requireEnum(requests, 'cycle', CYCLES),
    };
  }
  const rate = nullableObject(body, 'rate_limit');
  if (rate !== undefined) {
    const rpm = optionalNumber(rate ?? {}, 'rpm', { min: 1, integer: true });
    if (rate && rpm === undefined) invalid('rate_limit.rpm is required');
    settings.rate_limit = rate && {
      rpm: rpm as number,
      burst: optionalNumber(rate, 'burst', { min: 1, integer: true }) ?? null,
    };
  }
  if (body.expires_at === null) settings.expires_at = null;
  else {
    const expires = optionalString(body, 'expires_at', 64);
    if (expires !== undefined && Number.isNaN(Date.parse(expires)))
      invalid('expires_at must be an ISO 8601 date-time');
    settings.expires_at = expires;
  }
  return settings;
}

function spendKeyParam(ctx: Ctx): Snapshot<SpendKeyRecord> {
  const key = ctx.model.state.spendKeys.get(ctx.params.spend_key_id ?? '');
  if (!key || key.revoked) throw notFound('Spend key');
  return key;
}

export const keyHandlers = {
  listSecretKeys(ctx: Ctx) {
    const keys = newestFirst(ctx.model.state.secretKeys.values()).filter((k) => !k.revoked);
    return json(page(keys, (k) => k.secret_key_id, secretKeyBody, ctx.query, 10));
  },
  createSecretKey(ctx: Ctx) {
    const key = mintSecretKey(ctx.model, requireString(ctx.body(), 'name'));
    return json({ ...secretKeyBody(key), secret_key: key.secret_key });
  },
  deleteSecretKey(ctx: Ctx) {
    const key = ctx.model.state.secretKeys.get(ctx.params.secret_key_id ?? '');
    if (!key || key.revoked) throw notFound('Secret key');
    revokeSecretKey(ctx.model, key.secret_key_id);
    return json({ id: key.secret_key_id, deleted: true });
  },
  listSpendKeys(ctx: Ctx) {
    const keys = newestFirst(ctx.model.state.spendKeys.values()).filter((k) => !k.revoked);
    return json(
      page(
        keys,
        (k) => k.spend_key_id,
        (k) => spendKeyBody(ctx.model, k),
        ctx.query,
        10,
      ),
    );
  },
  createSpendKey(ctx: Ctx) {
    const settings = readSettings(ctx.body(), true);
    const key = createSpendKey(ctx.model, { ...settings, name: settings.name as string });
    return json({ ...spendKeyBody(ctx.model, key), key: key.key }, 201);
  },
  retrieveSpendKey: (ctx: Ctx) => json(spendKeyBody(ctx.model, spendKeyParam(ctx))),
  updateSpendKey(ctx: Ctx) {
    const key = spendKeyParam(ctx);
    updateSpendKey(ctx.model, key.spend_key_id, readSettings(ctx.body(), false));
    return json(spendKeyBody(ctx.model, key));
  },
  revokeSpendKey(ctx: Ctx) {
    revokeSpendKey(ctx.model, spendKeyParam(ctx).spend_key_id);
    return json({ success: true });
  },
  rotateSpendKey(ctx: Ctx) {
    const key = spendKeyParam(ctx);
    rotateSpendKey(ctx.model, key.spend_key_id);
    return json({ ...spendKeyBody(ctx.model, key), key: key.key });
  },
};
