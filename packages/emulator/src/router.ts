// Matches a request to a route, authenticates it, and maps thrown errors to Lava's error body.
import type { Ctx, Env, Route } from './context';
import { badRequest, errorResponse, LavaHttpError, readJsonObject, unauthorized } from './http';
import { newId } from './ids';
import { authRoutes } from './resources/auth';
import { catalogRoutes } from './resources/catalog';
import { checkoutRoutes } from './resources/checkout';
import { creditBundleRoutes } from './resources/creditBundles';
import { customerRoutes } from './resources/customers';
import { gatewayRoutes } from './resources/gateway';
import { meterRoutes } from './resources/meters';
import { planRoutes } from './resources/plans';
import { requestRoutes } from './resources/requests';
import { secretKeyRoutes } from './resources/secretKeys';
import { spendKeyRoutes } from './resources/spendKeys';
import { walletRoutes } from './resources/wallet';
import { webhookRoutes } from './resources/webhooks';

export const ROUTES: readonly Route[] = [
  ...checkoutRoutes,
  ...customerRoutes,
  ...requestRoutes,
  ...planRoutes,
  ...meterRoutes,
  ...creditBundleRoutes,
  ...webhookRoutes,
  ...secretKeyRoutes,
  ...spendKeyRoutes,
  ...catalogRoutes,
  ...walletRoutes,
  ...authRoutes,
  ...gatewayRoutes,
];

function match(route: Route, segments: string[]): Record<string, string> | undefined {
  const pattern = route.path.split('/');
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i] as string;
    if (part === '*') {
      if (segments.length <= i) return undefined;
      params['*'] = segments.slice(i).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) {
      if (segment === '') return undefined;
      params[part.slice(1)] = segment;
    } else if (part !== segment) return undefined;
  }
  return segments.length === pattern.length ? params : undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('Malformed percent-encoding in the path', 'invalid_path');
  }
}

function authenticateSecret(env: Env, request: Request): string {
  const header = request.headers.get('authorization');
  if (!header) throw unauthorized('Authorization header missing', 'auth_header_missing');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('Authorization header must be "Bearer <secret key>"', 'invalid_auth_header');
  const key = match[1] as string;
  for (const k of env.state.secretKeys.values()) if (k.secret_key === key && !k.revoked) return key;
  throw unauthorized('Invalid secret key', 'invalid_api_key');
}

/** The web-standard handler: `(Request) => Promise<Response>`; never throws, never hangs on bad input. */
export async function route(env: Env, request: Request, basePath: string): Promise<Response> {
  let requestId = newId('req_', env.now());
  let response: Response;
  try {
    response = await dispatch(env, request, basePath, (id) => {
      requestId = id;
    });
  } catch (error) {
    if (error instanceof LavaHttpError) response = errorResponse(error.status, error.code, error.message);
    else {
      const message = error instanceof Error ? error.message : String(error);
      response = errorResponse(500, 'internal_error', `Internal emulator error: ${message}`);
    }
  }
  try {
    response.headers.set('x-lava-request-id', requestId);
  } catch {
    const headers = new Headers(response.headers);
    headers.set('x-lava-request-id', requestId);
    response = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
  return response;
}

async function dispatch(
  env: Env,
  request: Request,
  basePath: string,
  setRequestId: (id: string) => void,
): Promise<Response> {
  const url = new URL(request.url);
  let relative: string;
  if (url.pathname.startsWith(basePath)) relative = url.pathname.slice(basePath.length);
  else if (url.pathname === '/auth/connect') relative = 'auth/connect';
  else throw new LavaHttpError(404, 'not_found', `No such endpoint: ${request.method} ${url.pathname}`);
  const rawSegments = relative.replace(/\/+$/, '').split('/');
  const gatewayPath = rawSegments[0] === 'forward' || rawSegments[0] === 'rewrite';
  const segments = gatewayPath ? rawSegments : rawSegments.map(decode);
  let params: Record<string, string> | undefined;
  let found: Route | undefined;
  let pathMatched = false;
  for (const candidate of ROUTES) {
    const p = match(candidate, segments);
    if (!p) continue;
    pathMatched = true;
    if (candidate.method === 'ANY' || candidate.method === request.method) {
      found = candidate;
      params = p;
      break;
    }
  }
  if (!found || !params) {
    if (pathMatched)
      throw new LavaHttpError(
        405,
        'method_not_allowed',
        `Method ${request.method} not allowed on /${relative}`,
      );
    throw new LavaHttpError(404, 'not_found', `No such endpoint: ${request.method} ${url.pathname}`);
  }
  const secretKey = found.auth === 'secret' ? authenticateSecret(env, request) : undefined;
  let text: Promise<string> | undefined;
  const readText = () => {
    text ??= request.text();
    return text;
  };
  let requestId = newId('req_', env.now());
  const ctx: Ctx = {
    env,
    state: env.state,
    request,
    url,
    query: url.searchParams,
    params,
    baseUrl: `${url.origin}${basePath}`,
    get requestId() {
      return requestId;
    },
    set requestId(id: string) {
      requestId = id;
      setRequestId(id);
    },
    body: async (required = true) =>
      readJsonObject(new Request('http://body/', { method: 'POST', body: await readText() }), required),
    nowIso: () => env.now().toISOString(),
  };
  setRequestId(requestId);
  const idempotencyKey = request.headers.get('idempotency-key');
  if (secretKey && idempotencyKey && request.method !== 'GET') {
    const storeKey = `${secretKey}\u0000${idempotencyKey}`;
    const fingerprint = `${request.method} ${url.pathname}\u0000${await readText()}`;
    const stored = env.state.idempotency.get(storeKey);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw badRequest(
          'Idempotency-Key was already used with a different request',
          'idempotency_key_reused',
        );
      }
      return new Response(stored.body, { status: stored.status, headers: stored.headers });
    }
    const response = await found.handler(ctx);
    if (response.status < 500) {
      const body = await response.clone().text();
      env.state.idempotency.set(storeKey, {
        fingerprint,
        status: response.status,
        headers: [...response.headers],
        body,
      });
    }
    return response;
  }
  return found.handler(ctx);
}
