// Routes for the browser pages, which live outside the API base path: the inspector at `/`, the hosted
// checkout at `/embed/checkout/{secret}` (where Lava's checkout tokens point), and their assets and data
// under `/_emulator/`. Everything they need is served from here; nothing comes from the internet.
import type { Env } from '../context';
import { errorResponse } from '../http';
import { checkoutPage, completeFromPage } from './checkoutPage';
import { CHECKOUT_JS } from './checkoutScript';
import { EVENTS_PATH, eventsResponse, inspectorPage, STATE_PATH, stateResponse } from './inspectorPage';
import { INSPECTOR_JS } from './inspectorScript';
import { PAGES_CSS } from './styles';

const ASSETS: Record<string, { type: string; body: string }> = {
  '/_emulator/pages.css': { type: 'text/css; charset=utf-8', body: PAGES_CSS },
  '/_emulator/checkout.js': { type: 'text/javascript; charset=utf-8', body: CHECKOUT_JS },
  '/_emulator/inspector.js': { type: 'text/javascript; charset=utf-8', body: INSPECTOR_JS },
};

const CHECKOUT = /^\/embed\/checkout\/([^/]+)(\/complete)?\/?$/;

function asset(path: string): Response | undefined {
  const found = ASSETS[path];
  if (!found) return undefined;
  return new Response(found.body, {
    headers: { 'content-type': found.type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
  });
}

function secretOf(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const notAllowed = (method: string, path: string) =>
  errorResponse(405, 'method_not_allowed', `Method ${method} not allowed on ${path}`);

/**
 * Answers a request for one of the pages, or returns undefined when the path is not a page's (the API
 * router takes it then). Never throws: an unexpected error is a 500 in Lava's error shape.
 */
export function servePage(env: Env, request: Request, basePath: string): Promise<Response> | undefined {
  const { pathname } = new URL(request.url);
  const isPage =
    pathname === '/' || pathname.startsWith('/embed/checkout/') || pathname.startsWith('/_emulator/');
  if (!isPage || (basePath !== '/' && pathname.startsWith(basePath))) return undefined;
  const read = request.method === 'GET' || request.method === 'HEAD';
  const answer = async (): Promise<Response> => {
    const checkout = CHECKOUT.exec(pathname);
    if (pathname.startsWith('/embed/checkout/')) {
      // A malformed link gets the same "not found" page as an unknown secret.
      const secret = (checkout && secretOf(checkout[1] as string)) ?? '';
      if (checkout?.[2]) {
        if (request.method !== 'POST') return notAllowed(request.method, pathname);
        return completeFromPage(env, request, secret);
      }
      return read ? checkoutPage(env, secret) : notAllowed(request.method, pathname);
    }
    if (!read) return notAllowed(request.method, pathname);
    if (pathname === '/') return inspectorPage(env, basePath);
    if (pathname === STATE_PATH) return stateResponse(env, basePath);
    if (pathname === EVENTS_PATH) return eventsResponse(env, basePath);
    return asset(pathname) ?? errorResponse(404, 'not_found', `No such page: ${pathname}`);
  };
  return answer().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    return errorResponse(500, 'internal_error', `Internal emulator error: ${message}`);
  });
}
