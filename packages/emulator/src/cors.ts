// CORS for the emulator's API, so browser apps, dev servers and Playwright pages on another origin can call
// it. Web-standard (Request/Response only); the pipeline applies it to the API, whichever way it is served.
import { REPLAYED_HEADER } from './idempotency';

/**
 * Which browser origins may call the emulator: `'*'` any origin, a list of exact origins
 * (`'http://localhost:5173'`), a predicate, or `false` for none (same-origin pages always work).
 */
export type CorsOrigins = '*' | readonly string[] | ((origin: string) => boolean) | false;

/** What the server needs from a policy: a preflight answer, or the headers to add to a response. */
export interface CorsPolicy {
  /** The answer to a CORS preflight (OPTIONS with Access-Control-Request-Method), else undefined. */
  preflight(request: Request): Response | undefined;
  /** Headers to add to the response of an ordinary request (none without an allowed Origin). */
  headers(request: Request): Record<string, string>;
}

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
// The headers the SDK reads from a response; a browser hides every other non-simple header.
const EXPOSED = `x-lava-request-id, retry-after, idempotency-key, ${REPLAYED_HEADER}`;
const VARY_PREFLIGHT = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

/** True for 127.0.0.0/8, ::1 and localhost: a server only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::ffff:127.0.0.1'
  );
}

/**
 * A CORS policy. `undefined` origins mean the default: any origin when the server listens on loopback
 * (only this machine reaches it), none otherwise. Credentials are allowed (the origin is echoed, never
 * `*`), and a preflight allows every header it asks for, so `Authorization`, `Content-Type` and
 * `Idempotency-Key` work from `fetch`. An origin named explicitly (list or predicate) may also call from a
 * public page into this private address (Chrome's Private Network Access); the `'*'` default does not
 * grant that.
 */
export function corsPolicy(origins: CorsOrigins | undefined, host: string): CorsPolicy {
  const rule = origins ?? (isLoopback(host) ? '*' : false);
  const allowed = (origin: string): boolean => {
    if (rule === false) return false;
    if (rule === '*') return true;
    if (typeof rule === 'function') return rule(origin);
    return rule.includes(origin);
  };
  const explicit = typeof rule === 'function' || Array.isArray(rule);
  const base = (origin: string): Record<string, string> => ({
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
  });
  return {
    preflight(request) {
      const origin = request.headers.get('origin');
      const method = request.headers.get('access-control-request-method');
      if (request.method !== 'OPTIONS' || origin === null || method === null) return undefined;
      if (!allowed(origin)) {
        const message =
          `Origin ${origin} may not call this emulator from a browser: allow it with ` +
          "startEmulator({ cors: ['" +
          origin +
          "'] }) or lava-emulator --cors-origin " +
          origin;
        return new Response(
          JSON.stringify({ error: { message, code: 'cors_origin_not_allowed', status: 403 } }),
          {
            status: 403,
            headers: { 'content-type': 'application/json', vary: VARY_PREFLIGHT },
          },
        );
      }
      const headers: Record<string, string> = {
        ...base(origin),
        'access-control-allow-methods': METHODS,
        'access-control-max-age': '600',
        vary: VARY_PREFLIGHT,
      };
      const asked = request.headers.get('access-control-request-headers');
      if (asked) headers['access-control-allow-headers'] = asked;
      if (explicit && request.headers.get('access-control-request-private-network') === 'true') {
        headers['access-control-allow-private-network'] = 'true';
      }
      return new Response(null, { status: 204, headers });
    },
    headers(request) {
      const origin = request.headers.get('origin');
      if (origin === null || !allowed(origin)) return {};
      return { ...base(origin), 'access-control-expose-headers': EXPOSED };
    },
  };
}
