// Spend keys (lava-api.md §2.11): managed on the merchant's wallet; the raw `lava_sk_…` key is shown once.
import type { Ctx, Route } from '../context';
import { badRequest, json, notFound } from '../http';
import { newId, randomHex } from '../ids';
import { formatAmount } from '../money';
import { newestFirst, page } from '../pagination';
import type { LimitCycle, SpendKeyRecord } from '../store';
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

interface SpendKeyFields {
  name?: string | undefined;
  status?: 'active' | 'paused' | undefined;
  request_shape?: 'openai' | 'anthropic' | undefined;
  allowed_models?: string[] | null | undefined;
  allowed_providers?: string[] | null | undefined;
  spend_limit?: { amount: string; cycle: LimitCycle } | null | undefined;
  request_limit?: { count: number; cycle: LimitCycle } | null | undefined;
  rate_limit?: { rpm: number; burst: number | null } | null | undefined;
  expires_at?: string | null | undefined;
}

function readFields(body: Record<string, unknown>, create: boolean): SpendKeyFields {
  const fields: SpendKeyFields = {
    name: create ? requireString(body, 'name') : optionalString(body, 'name'),
    status: optionalEnum(body, 'status', ['active', 'paused']),
    request_shape: optionalEnum(body, 'request_shape', ['openai', 'anthropic']),
    allowed_models: optionalStringArray(body, 'allowed_models'),
    allowed_providers: optionalStringArray(body, 'allowed_providers'),
  };
  for (const key of ['allowed_models', 'allowed_providers'] as const) {
    if (Array.isArray(fields[key]) && fields[key]?.length === 0)
      invalid(`${key} must have at least 1 entry, or be null`);
  }
  const spend = nullableObject(body, 'spend_limit');
  if (spend !== undefined) {
    fields.spend_limit = spend && {
      amount: formatAmount(requireDecimal(spend, 'amount', { min: 0n })),
      cycle: requireEnum(spend, 'cycle', CYCLES),
    };
  }
  const requests = nullableObject(body, 'request_limit');
  if (requests !== undefined) {
    const count = optionalNumber(requests ?? {}, 'count', { min: 1, integer: true });
    if (requests && count === undefined) invalid('request_limit.count is required');
    fields.request_limit = requests && {
      count: count as number,
      cycle: requireEnum(requests, 'cycle', CYCLES),
    };
  }
  const rate = nullableObject(body, 'rate_limit');
  if (rate !== undefined) {
    const rpm = optionalNumber(rate ?? {}, 'rpm', { min: 1, integer: true });
    if (rate && rpm === undefined) invalid('rate_limit.rpm is required');
    fields.rate_limit = rate && {
      rpm: rpm as number,
      burst: optionalNumber(rate, 'burst', { min: 1, integer: true }) ?? null,
    };
  }
  if (body.expires_at === null) fields.expires_at = null;
  else {
    const expires = optionalString(body, 'expires_at', 64);
    if (expires !== undefined && Number.isNaN(Date.parse(expires)))
      invalid('expires_at must be an ISO 8601 date-time');
    fields.expires_at = expires;
  }
  return fields;
}

function newKey(): string {
  return `lava_sk_${randomHex(24)}`;
}

function keyBody(ctx: Ctx, k: SpendKeyRecord): Record<string, unknown> {
  return {
    spend_key_id: k.spend_key_id,
    key_preview: `${k.key.slice(0, 16)}****`,
    name: k.name,
    status: k.status,
    request_shape: k.request_shape,
    wallet_id: ctx.state.merchant.wallet_id,
    allowed_models: k.allowed_models,
    allowed_providers: k.allowed_providers,
    spend_limit: k.spend_limit,
    current_spend: formatAmount(k.current_spend),
    total_spend: formatAmount(k.total_spend),
    request_limit: k.request_limit,
    current_requests: k.current_requests,
    total_requests: k.total_requests,
    rate_limit: k.rate_limit,
    expires_at: k.expires_at,
    last_used_at: k.last_used_at,
    created_at: k.created_at,
  };
}

function keyParam(ctx: Ctx): SpendKeyRecord {
  const key = ctx.state.spendKeys.get(ctx.params.id ?? '');
  if (!key || key.revoked) throw notFound('Spend key');
  return key;
}

function assign(key: SpendKeyRecord, fields: SpendKeyFields): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) (key as unknown as Record<string, unknown>)[name] = value;
  }
}

export const spendKeyRoutes: Route[] = [
  {
    method: 'GET',
    path: 'spend_keys',
    auth: 'secret',
    handler: (ctx) => {
      const keys = newestFirst(ctx.state.spendKeys.values()).filter((k) => !k.revoked);
      return json(
        page(
          keys,
          (k) => k.spend_key_id,
          (k) => keyBody(ctx, k),
          ctx.query,
          10,
        ),
      );
    },
  },
  {
    method: 'POST',
    path: 'spend_keys',
    auth: 'secret',
    handler: async (ctx) => {
      const fields = readFields(await ctx.body(), true);
      const key: SpendKeyRecord = {
        spend_key_id: newId('spk_', ctx.env.now()),
        key: newKey(),
        name: fields.name as string,
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
        created_at: ctx.nowIso(),
        revoked: false,
      };
      assign(key, fields);
      ctx.state.spendKeys.set(key.spend_key_id, key);
      return json({ ...keyBody(ctx, key), key: key.key }, 201);
    },
  },
  {
    method: 'GET',
    path: 'spend_keys/:id',
    auth: 'secret',
    handler: (ctx) => json(keyBody(ctx, keyParam(ctx))),
  },
  {
    method: 'PUT',
    path: 'spend_keys/:id',
    auth: 'secret',
    handler: async (ctx) => {
      const key = keyParam(ctx);
      assign(key, readFields(await ctx.body(), false));
      return json(keyBody(ctx, key));
    },
  },
  {
    method: 'DELETE',
    path: 'spend_keys/:id',
    auth: 'secret',
    handler: (ctx) => {
      keyParam(ctx).revoked = true;
      return json({ success: true });
    },
  },
  {
    method: 'POST',
    path: 'spend_keys/:id/rotate',
    auth: 'secret',
    handler: (ctx) => {
      const key = keyParam(ctx);
      key.key = newKey();
      return json({ ...keyBody(ctx, key), key: key.key });
    },
  },
];
