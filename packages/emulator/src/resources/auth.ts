// The CLI login flow (lava-api.md §8): /auth/connect stands in for the browser page and redirects to the
// CLI's local callback with a one-time code; POST /auth/callback exchanges it (60 s, single use).
import type { Ctx, Route } from '../context';
import { badRequest, json } from '../http';
import { randomHex } from '../ids';
import { requireString } from '../validate';
import { mintSecretKey } from './secretKeys';

export const AUTH_CODE_TTL_MS = 60_000;

function connect(ctx: Ctx): Response {
  const state = ctx.query.get('state');
  const port = ctx.query.get('port');
  if (!state) throw badRequest('Missing state parameter', 'invalid_params');
  if (!port || !/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
    throw badRequest('Missing or invalid port parameter', 'invalid_params');
  }
  const code = `lac_${randomHex(16)}`;
  ctx.state.authCodes.set(code, {
    code,
    state,
    expires_at: ctx.env.now().getTime() + AUTH_CODE_TTL_MS,
    used: false,
  });
  const target = new URL(`http://127.0.0.1:${Number(port)}/callback`);
  target.searchParams.set('code', code);
  target.searchParams.set('state', state);
  return new Response(null, { status: 302, headers: { location: target.href } });
}

async function callback(ctx: Ctx): Promise<Response> {
  const code = requireString(await ctx.body(), 'code', 512);
  const record = ctx.state.authCodes.get(code);
  if (!record || record.used || ctx.env.now().getTime() > record.expires_at) {
    if (record) record.used = true;
    throw badRequest('Invalid or expired authorization code', 'invalid_code');
  }
  record.used = true;
  const key = mintSecretKey(ctx, 'CLI login');
  const { merchant } = ctx.state;
  return json({
    wallet_id: merchant.wallet_id,
    secret_key_id: key.secret_key_id,
    secret_key: key.secret_key,
    merchant_id: merchant.merchant_id,
    account_id: merchant.account_id,
  });
}

export const authRoutes: Route[] = [
  { method: 'GET', path: 'auth/connect', auth: 'none', handler: connect },
  { method: 'POST', path: 'auth/callback', auth: 'none', handler: callback },
];
