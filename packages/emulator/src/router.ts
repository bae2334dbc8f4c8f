// One route table for everything the emulator serves, built from facts kept elsewhere: the API's routes are
// the registry's wires (OPERATIONS in @lava-sdk/core, `METHOD /path/{param}`), each answered by the handler
// of the same operation name (api/index.ts); then the two gateway proxies and the browser pages. Matching
// tries static paths before parametrised ones, as stripe-mock builds its router from one spec.
import { OPERATIONS, type WireMethod } from '@lava-sdk/core/internal';
import { API_HANDLERS, type ApiHandler } from './api';
import { GATEWAY_ROUTES } from './api/gateway';
import type { RouteSpec } from './context';
import { badRequest, LavaHttpError } from './http';
import { PAGE_ROUTES } from './pages/routes';

/** The API under the base path, or a page at the origin's root. */
export type Area = 'api' | 'page';

type Segment = { literal: string } | { param: string } | { rest: string };

export interface Route extends RouteSpec {
  area: Area;
  segments: readonly Segment[];
}

function compile(area: Area, spec: RouteSpec): Route {
  const segments = spec.path
    .split('/')
    .filter(Boolean)
    .map((s): Segment => {
      if (!s.startsWith('{')) return { literal: s };
      return s.endsWith('*}') ? { rest: s.slice(1, -2) } : { param: s.slice(1, -1) };
    });
  return { ...spec, area, segments };
}

const rank = (s: Segment | undefined) => (s === undefined ? -1 : 'literal' in s ? 0 : 'param' in s ? 1 : 2);

/** Static before parametrised: segment by segment, a literal before a `{param}`, a `{param}` before a rest. */
function staticFirst(a: Route, b: Route): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const diff = rank(a.segments[i]) - rank(b.segments[i]);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** An API route of the registry: its wire's method and path, its operation's handler. */
function apiRoute(wire: string, handler: ApiHandler): Route {
  const [method, path = ''] = wire.split(' ');
  const { auth, handle } =
    typeof handler === 'function' ? { auth: 'secret' as const, handle: handler } : handler;
  return compile('api', { method: method as WireMethod, path: path.slice(1), auth, handle });
}

export const ROUTES: readonly Route[] = [
  ...OPERATIONS.flatMap((op) =>
    'wire' in op ? [apiRoute(op.wire, API_HANDLERS[op.name as keyof typeof API_HANDLERS])] : [],
  ),
  ...GATEWAY_ROUTES.map((spec) => compile('api', spec)),
  ...PAGE_ROUTES.map((spec) => compile('page', spec)),
].sort(staticFirst);

export interface Match {
  route: Route;
  params: Record<string, string>;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The params of `route` for these path segments, or undefined; `malformed` notes an undecodable one. */
function paramsOf(route: Route, raw: string[], note: { malformed: boolean }) {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const part = route.segments[i] as Segment;
    if ('rest' in part) {
      if (raw.length <= i) return undefined;
      params[part.rest] = raw.slice(i).join('/');
      return params;
    }
    const segment = raw[i];
    if (segment === undefined) return undefined;
    const decoded = decode(segment);
    if (decoded === undefined) note.malformed = true;
    if ('literal' in part) {
      if (decoded !== part.literal) return undefined;
    } else {
      if (!decoded) return undefined;
      params[part.param] = decoded;
    }
  }
  return raw.length === route.segments.length ? params : undefined;
}

/** The path under an area's root, as segments: no leading or trailing slashes. */
const segmentsOf = (relative: string) => {
  const trimmed = relative.replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
};

/** True when a page route has this path (whatever the method): the pages come before the API. */
export function isPage(pathname: string): boolean {
  const raw = segmentsOf(pathname.slice(1));
  const note = { malformed: false };
  return ROUTES.some((route) => route.area === 'page' && paramsOf(route, raw, note) !== undefined);
}

/**
 * The route and params for a request in `area`, `relative` its path under the area's root: the most
 * specific path that matches, then its method. Throws 405 when that path is served with other methods
 * only, 400 for malformed percent-encoding, else 404.
 */
export function match(area: Area, method: string, relative: string, pathname: string): Match {
  const raw = segmentsOf(relative);
  const note = { malformed: false };
  let path: string | undefined;
  for (const route of ROUTES) {
    if (route.area !== area) continue;
    const params = paramsOf(route, raw, note);
    if (!params) continue;
    path ??= route.path;
    if (route.path !== path) continue;
    const head = method === 'HEAD' && area === 'page' && route.method === 'GET';
    if (route.method === 'ANY' || route.method === method || head) return { route, params };
  }
  if (path !== undefined) {
    throw new LavaHttpError(405, 'method_not_allowed', `Method ${method} not allowed on ${pathname}`);
  }
  if (note.malformed) throw badRequest('Malformed percent-encoding in the path', 'invalid_path');
  const what = area === 'api' ? 'endpoint' : 'page';
  throw new LavaHttpError(404, 'not_found', `No such ${what}: ${method} ${pathname}`);
}
