// The CLI login flow (lava-api.md §8): `GET /auth/connect` (a page of the app host, not of the API) stands in
// for the browser's authorize page and redirects to the CLI's local callback with a one-time code;
// `POST /auth/callback` exchanges it.
import type { Ctx } from '../context';
import { badRequest, json } from '../http';
import { issueAuthCode, redeemAuthCode } from '../model/auth';
import { requireString } from '../validate';

/** `GET /auth/connect?state=…&port=…`: a redirect to `http://127.0.0.1:{port}/callback?code=…&state=…`. */
export function authConnect(ctx: Ctx): Response {
  const state = ctx.query.get('state');
  const port = ctx.query.get('port');
  if (!state) throw badRequest('Missing state parameter', 'invalid_params');
  if (!port || !/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
    throw badRequest('Missing or invalid port parameter', 'invalid_params');
  }
  const target = new URL(`http://127.0.0.1:${Number(port)}/callback`);
  target.searchParams.set('code', issueAuthCode(ctx.model, state));
  target.searchParams.set('state', state);
  return new Response(null, { status: 302, headers: { location: target.href } });
}

export const authHandlers = {
  exchangeAuthCode: {
    auth: 'none',
    handle(ctx: Ctx) {
      const key = redeemAuthCode(ctx.model, requireString(ctx.body(), 'code', 512));
      const { merchant } = ctx.model.state;
      return json({
        wallet_id: merchant.wallet_id,
        secret_key_id: key.secret_key_id,
        secret_key: key.secret_key,
        merchant_id: merchant.merchant_id,
        account_id: merchant.account_id,
      });
    },
  },
} as const;
