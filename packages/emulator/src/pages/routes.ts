// The browser pages, at the origin's root (outside the API's base path): the inspector at `/`, its state
// and events and the pages' assets under `/_emulator/`, the hosted checkout at `/embed/checkout/{secret}`
// (where Lava's checkout tokens point), the CLI login's authorize page at `/auth/connect`, and a wallet
// top-up's 3-D Secure step at `/3ds/{payment_id}`. Nothing
// comes from the internet.
import { authConnect } from '../api/auth';
import type { Ctx, RouteSpec } from '../context';
import { errorResponse } from '../http';
import { checkoutPage, completeFromPage } from './checkoutPage';
import { CHECKOUT_JS } from './checkoutScript';
import { eventsResponse, inspectorPage, stateResponse } from './inspectorPage';
import { INSPECTOR_JS } from './inspectorScript';
import { PAGES_CSS } from './styles';
import { authenticateFromPage, threeDsPage } from './threeDsPage';

const ASSETS: Record<string, { type: string; body: string }> = {
  'pages.css': { type: 'text/css; charset=utf-8', body: PAGES_CSS },
  'checkout.js': { type: 'text/javascript; charset=utf-8', body: CHECKOUT_JS },
  'inspector.js': { type: 'text/javascript; charset=utf-8', body: INSPECTOR_JS },
};

function asset(ctx: Ctx): Response {
  const found = ASSETS[ctx.params.asset ?? ''];
  if (!found) return errorResponse(404, 'not_found', `No such page: ${ctx.url.pathname}`);
  return new Response(found.body, {
    headers: { 'content-type': found.type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
  });
}

/** The checkout's secret, from the raw rest of the path; a malformed or nested one finds no session. */
function secretOf(ctx: Ctx): string {
  const raw = ctx.params.secret ?? '';
  try {
    return raw.includes('/') ? '' : decodeURIComponent(raw);
  } catch {
    return '';
  }
}

/** The API's base path, which the inspector shows. */
const basePathOf = (ctx: Ctx) => new URL(ctx.baseUrl).pathname;

export const PAGE_ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '', auth: 'none', handle: (ctx) => inspectorPage(ctx.model, basePathOf(ctx)) },
  {
    method: 'GET',
    path: '_emulator/state',
    auth: 'none',
    handle: (ctx) => stateResponse(ctx.model, basePathOf(ctx)),
  },
  {
    method: 'GET',
    path: '_emulator/events',
    auth: 'none',
    handle: (ctx) => eventsResponse(ctx.model, basePathOf(ctx)),
  },
  { method: 'GET', path: '_emulator/{asset}', auth: 'none', handle: asset },
  // `{secret*}`: any link under /embed/checkout/ gets the checkout's own "not found" page, not a JSON 404.
  {
    method: 'GET',
    path: 'embed/checkout/{secret*}',
    auth: 'none',
    handle: (ctx) => checkoutPage(ctx.model, secretOf(ctx)),
  },
  {
    method: 'POST',
    path: 'embed/checkout/{secret}/complete',
    auth: 'none',
    handle: (ctx) => completeFromPage(ctx, secretOf(ctx)),
  },
  { method: 'GET', path: 'auth/connect', auth: 'none', handle: authConnect },
  // Where `fundWallet`'s `redirect_url` points when the card needs 3-D Secure.
  { method: 'GET', path: '3ds/{payment_id}', auth: 'none', handle: threeDsPage },
  { method: 'POST', path: '3ds/{payment_id}', auth: 'none', handle: authenticateFromPage },
];
