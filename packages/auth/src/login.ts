// node:http is loaded when a login starts, so importing the SDK does not load it (a few ms of cold start).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LavaError } from '@lava-sdk/core';
import { lavaError } from '@lava-sdk/core/internal';
import { err, ok, type Result, ResultAsync } from 'neverthrow';
import type { Credentials } from './Credentials';
import { exchangeAuthCode } from './exchangeAuthCode';
import { openBrowser as defaultOpenBrowser } from './openBrowser';
import { DEFAULT_APP_URL, resolveApiBaseUrl } from './resolveApiBaseUrl';

/** Options of {@link login}; all optional. */
export interface LoginOptions {
  /**
   * The Lava app the user logs in to. Default `https://www.lava.so`. (The official SDK calls this
   * option `baseUrl`; here `baseUrl` would be ambiguous with the API base.)
   */
  appBaseUrl?: string | undefined;
  /**
   * The API base the code is exchanged at. Default: derived from `appBaseUrl` by {@link resolveApiBaseUrl}
   * (a local app → its own `/v1/`, a sandbox host → the sandbox API, otherwise `https://api.lava.so/v1/`).
   */
  apiBaseUrl?: string | undefined;
  /** How long to wait for the browser to come back to the callback. Default 120 000 ms. */
  timeoutMs?: number | undefined;
  /** Cancels the login: the callback server closes and the result is an `aborted` error. */
  signal?: AbortSignal | undefined;
  /**
   * Opens the authorization URL. Default {@link openBrowser} (`open` / `explorer` / `xdg-open`).
   * Replace it for headless use (print the URL) or tests (walk the flow with an HTTP client).
   */
  openBrowser?: ((url: string) => void | Promise<void>) | undefined;
  /**
   * Called with the authorization URL when `openBrowser` throws or rejects, so the user can open it by
   * hand; the login keeps waiting. Default: writes the URL to stderr.
   */
  onUrl?: ((url: string, cause: unknown) => void) | undefined;
  /** A fetch implementation for the code exchange. Defaults to the global fetch. */
  fetch?: typeof fetch | undefined;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_TIMEOUT_MS = 2_147_483_647;
// After the flow ends, a connection still busy (a request half sent) gets this long before it is cut.
const CLOSE_GRACE_MS = 1_000;

const SUCCESS_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Lava: authenticated</title>
<style>body{font-family:system-ui,-apple-system,sans-serif;min-height:100vh;margin:0;display:flex;align-items:center;justify-content:center;background:#110908;color:#fff}main{max-width:28rem;margin:1rem;padding:1.5rem;border:1px solid #3f3f46;border-radius:1rem;background:#09090b}h1{font-size:1.25rem;margin:0 0 .75rem}p{margin:0;color:#d4d4d8;line-height:1.6}</style>
</head><body><main><h1>Authenticated</h1><p>You're logged in. You can close this tab and return to your terminal.</p></main></body></html>`;

function defaultOnUrl(url: string): void {
  process.stderr.write(`Could not open a browser. Open this URL to log in to Lava:\n\n  ${url}\n\n`);
}

/** Compares the callback's state with ours in time independent of where they differ. */
function sameState(received: string | null, expected: string): boolean {
  if (received === null || received.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= received.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}

function callbackError(field: 'state' | 'code', message: string): LavaError {
  // `invalid_response`: the callback is Lava's answer to our authorization request, relayed by the
  // browser, and it does not have the shape we expect. There is no API status: `status` is 0.
  return lavaError('invalid_response', message, {
    issues: [{ path: `callback.${field}`, message }],
    status: 0,
  });
}

interface Callback {
  readonly state: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  readonly onListening: (port: number) => void;
}

/**
 * Serves `GET /callback` on 127.0.0.1 until one request carries the expected state, the time runs out
 * or the signal fires. Resolves only once the server has closed, whatever the outcome.
 */
async function waitForCode({
  state,
  timeoutMs,
  signal,
  onListening,
}: Callback): Promise<Result<string, LavaError>> {
  const http = await import('node:http');
  return new Promise((resolve) => {
    let outcome: Result<string, LavaError> | undefined;

    const reply = (res: ServerResponse, status: number, body: string, last: boolean, type = 'text/plain') => {
      const headers: Record<string, string> = {
        'content-type': `${type}; charset=utf-8`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      };
      if (status === 405) headers.allow = 'GET';
      // The last response closes its connection, so nothing is left open once the flow ends.
      if (last) headers.connection = 'close';
      res.writeHead(status, headers);
      res.end(body);
    };

    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      if (outcome) return reply(res, 410, 'Login already finished', true);
      // Strays (favicon, a probe, a wrong method) are answered without ending the flow.
      if (req.method !== 'GET') return reply(res, 405, 'Method not allowed', false);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
      } catch {
        // An absolute-form target that is not a URL; throwing here would crash the process.
        return reply(res, 400, 'Bad request', false);
      }
      if (url.pathname !== '/callback') return reply(res, 404, 'Not found', false);
      if (!sameState(url.searchParams.get('state'), state)) {
        reply(res, 400, 'State mismatch', true);
        return finish(
          err(
            callbackError('state', 'Login callback state mismatch: the request did not come from this login'),
          ),
        );
      }
      const code = url.searchParams.get('code');
      if (!code) {
        reply(res, 400, 'Missing code', true);
        return finish(err(callbackError('code', 'Login callback is missing its code')));
      }
      reply(res, 200, SUCCESS_PAGE, true, 'text/html');
      finish(ok(code));
    };

    const server = http.createServer(onRequest);

    const finish = (result: Result<string, LavaError>) => {
      if (outcome) return;
      outcome = result;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      // close() stops accepting at once; its callback runs when the last connection is gone.
      server.close(() => {
        clearTimeout(force);
        resolve(result);
      });
      server.closeIdleConnections();
      // On a timeout or abort no response is owed to anyone: drop every connection now.
      if (result.isErr() && (result.error.kind === 'timeout' || result.error.kind === 'aborted')) {
        server.closeAllConnections();
      }
    };

    const onAbort = () => finish(err(lavaError('aborted', 'The login was aborted by the caller')));
    const timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 100) / 10;
      finish(
        err(
          lavaError('timeout', `Login timed out after ${seconds} s waiting for the browser`, {
            timeoutMs,
            attempts: 1,
          }),
        ),
      );
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    server.once('error', (cause: Error) => {
      finish(
        err(
          lavaError(
            'network',
            `Could not start the login callback server on 127.0.0.1: ${cause.message}`,
            { attempts: 1 },
            cause,
          ),
        ),
      );
    });
    server.listen(0, '127.0.0.1', () => {
      if (!outcome) onListening((server.address() as AddressInfo).port);
    });
  });
}

function checkOptions(o: LoginOptions): Result<{ app: string; api: string; timeoutMs: number }, LavaError> {
  const app = (o.appBaseUrl ?? DEFAULT_APP_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(app) || !URL.canParse(app)) {
    return err(lavaError('config', 'appBaseUrl must be an http(s) URL'));
  }
  const api = o.apiBaseUrl ?? resolveApiBaseUrl(app);
  // Checked now, not after the user has logged in in the browser.
  if (!/^https?:\/\/[^/]/.test(api) || !URL.canParse(api)) {
    return err(lavaError('config', 'apiBaseUrl must be an http(s) URL'));
  }
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || timeoutMs > MAX_TIMEOUT_MS) {
    return err(lavaError('config', `timeoutMs must be a number between 1 and ${MAX_TIMEOUT_MS}`));
  }
  if (o.openBrowser !== undefined && typeof o.openBrowser !== 'function') {
    return err(lavaError('config', 'openBrowser must be a function'));
  }
  return ok({ app, api, timeoutMs });
}

async function run(o: LoginOptions): Promise<Result<Credentials, LavaError>> {
  const checked = checkOptions(o);
  if (checked.isErr()) return err(checked.error);
  const { app, api, timeoutMs } = checked.value;
  const { signal } = o;
  if (signal?.aborted) return err(lavaError('aborted', 'The login was aborted by the caller'));
  const state = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  const open = o.openBrowser ?? defaultOpenBrowser;
  const onUrl = o.onUrl ?? defaultOnUrl;
  let settled = false;

  const callback = await waitForCode({
    state,
    timeoutMs,
    signal,
    onListening: (port) => {
      const query = new URLSearchParams({ state, port: String(port) });
      const url = `${app}/auth/connect?${query}`;
      // Not awaited: a launcher may linger, and the flow only waits for the callback. A browser that
      // cannot be opened is not fatal: the URL goes to onUrl and the user can open it elsewhere.
      Promise.resolve()
        .then(() => open(url))
        .catch((cause: unknown) => {
          if (settled) return;
          try {
            onUrl(url, cause);
          } catch {}
        });
    },
  });
  settled = true;
  if (callback.isErr()) return err(callback.error);
  return exchangeAuthCode({ code: callback.value, baseUrl: api }, { signal, fetch: o.fetch });
}

/**
 * Logs in through the browser, as `Lava.login()` of the official SDK: starts a callback server on
 * 127.0.0.1 (a free port), opens `${appBaseUrl}/auth/connect?state=…&port=…`, waits for
 * `GET /callback?code=…&state=…` with the state it generated (16 random bytes, hex), then exchanges the
 * code with {@link exchangeAuthCode}. Other paths get 404 and other methods 405 without ending the
 * flow; a wrong state or a missing code gets 400 and ends it. The server is closed on every outcome
 * before the result is returned.
 *
 * @param options - App and API URLs, timeout, signal, and how to open the browser.
 * @returns The credentials, or a LavaError: `timeout` (no callback in time), `aborted`,
 *   `invalid_response` (state mismatch or missing code, `issues[0].path` is `callback.state` /
 *   `callback.code`), `config` (bad options), `network` (the server could not start), or an error of
 *   the exchange.
 * @example
 * ```ts
 * const result = await login({ timeoutMs: 60_000 });
 * result.match((c) => save(c.secret_key), (e) => console.error(e.kind, e.message));
 * ```
 */
export function login(options: LoginOptions = {}): ResultAsync<Credentials, LavaError> {
  return new ResultAsync(run(options ?? {}));
}
