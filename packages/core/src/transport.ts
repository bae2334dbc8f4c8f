import { err, ok, type Result, ResultAsync } from 'neverthrow';
import type { LavaClient, LavaLogEntry } from './createLava';
import { isCredentialName, redactHeaders } from './credentials';
import { invalidParam, isLavaError, type LavaError, lavaError } from './errors';
import { type ExchangeFn, NotSent, TIMED_OUT } from './exchange';
import { fetchExchange } from './fetchExchange';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, RETRY_STATUSES, sleep } from './retry';
import { plainCause, type Scrub, scrubber, shallow } from './scrub';

/** Per-call options every SDK function accepts last. */
export interface CallOptions {
  /** Cancels the call, including a retry's backoff sleep and a body still downloading. */
  signal?: AbortSignal | undefined;
  /**
   * Overrides the client's time budget for each attempt; 0 turns the timeout off. A value past the
   * timer's range (2^31 − 1 ms) is a `config` error: a longer timer would fire at once.
   */
  timeoutMs?: number | undefined;
  /** Overrides the client's retry count. */
  maxRetries?: number | undefined;
  /**
   * Sent as `Idempotency-Key`; makes PATCH/PUT/DELETE retryable. REST POSTs get a generated one. An empty
   * or whitespace-only key (here or as a header) is `invalid_params`, and nothing is sent.
   */
  idempotencyKey?: string | undefined;
  /**
   * Extra headers for this call. They cannot replace Authorization. A header that cannot be sent (a bad
   * name; a CR, LF, NUL or non-Latin-1 character in its value) is `invalid_params`, and nothing is sent;
   * one given as `undefined` is left out.
   */
  headers?: Record<string, string> | undefined;
}

/** A request at the HTTP level; `url` is absolute. */
export interface SendInit {
  method: string;
  url: string;
  headers?: Record<string, string> | undefined;
  body?: RequestInit['body'] | undefined;
  /** Resolve as soon as headers arrive and hand the body over unread; the timeout then stops. */
  stream?: boolean | undefined;
  /** `fetch`'s redirect mode; REST calls use 'manual', so no body or header ever follows a redirect. */
  redirect?: RequestInit['redirect'] | undefined;
  /** The transport of this call when the client has no `fetch` of its own; the platform fetch by default. */
  exchange?: ExchangeFn | undefined;
  /**
   * `headers` were built by the SDK itself (`request`): valid names and values, and no credential but the
   * client's key. They are not checked again; the client's and the caller's headers still are.
   */
  checkedHeaders?: boolean | undefined;
  /** Generate an Idempotency-Key when the caller gave none (REST POSTs); gateway calls send only theirs. */
  generateIdempotencyKey?: boolean | undefined;
  /**
   * Retry by `maxRetries` alone, whatever the method (gateway calls, whose retry policy is decided before).
   * Otherwise only reads and writes carrying an Idempotency-Key are retried.
   */
  retryByCount?: boolean | undefined;
  /**
   * Credential values of this call besides the client's key and credential headers (a forward token):
   * masked by value wherever the transport keeps server text or logs.
   */
  secrets?: readonly (string | undefined)[] | undefined;
}

/** A 2xx response: its text (empty when streaming), status and Lava's request id. */
export interface SendResult {
  /** The fetch Response; present whenever the call went through fetch, so always for streams. */
  readonly response?: Response | undefined;
  readonly text: string;
  readonly status: number;
  readonly requestId?: string | undefined;
  readonly attempts: number;
  /** The call's scrubber, for errors built from the body after `send()`. */
  readonly scrub: Scrub;
}

// How much of an error body is kept (and scanned for credentials): enough for any real error.
const MAX_BODY = 32 * 1024;

/**
 * Builds the `api` error for a non-2xx response, reading both documented error shapes and HTML pages.
 * The body is cut to 32 kB and 16 levels, and scrubbed of the call's credentials.
 */
export function apiError(
  status: number,
  text: string,
  requestId: string | undefined,
  attempts: number,
  retryAfterMs?: number,
  scrub: Scrub = scrubber([]),
): LavaError {
  const clean = scrub(text, MAX_BODY);
  let body: unknown = clean;
  try {
    body = shallow(JSON.parse(clean));
  } catch {}
  // Lava answers `{"error":"text"}` or `{"error":{"message","code","status"}}`; some proxies `{"message"}`.
  type Shape = { error?: { message?: unknown; code?: unknown } | string; message?: unknown } | null;
  const error = (body as Shape)?.error;
  const detail = (typeof error === 'object' ? error?.message : error) ?? (body as Shape)?.message;
  const message =
    typeof detail === 'string'
      ? detail
      : // Cut first and match tags without '<' inside: linear time even for a huge page of '<'.
        clean
          .slice(0, 10_000)
          .replace(/<[^<>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 200) || 'no body';
  const code = typeof error === 'object' && typeof error?.code === 'string' ? error.code : undefined;
  return lavaError('api', `Lava API error ${status}: ${message.slice(0, 1_000)}`, {
    status,
    code,
    requestId,
    body,
    retryAfterMs,
    attempts,
  });
}

/** `… fetch failed (ECONNREFUSED)`: the useful part of a network error sits deep in its cause chain. */
function describeCause(cause: { message?: unknown; code?: unknown; cause?: unknown } | undefined): string {
  let code: unknown;
  for (let c = cause; c && !code; c = c.cause as typeof c) code = c.code;
  return `${cause?.message}${code ? ` (${code})` : ''}`;
}

/** A request the platform could not build: the client's base URL (`config`) or the call's input is at fault. */
function notSent({ part, cause }: NotSent, scrub: Scrub): LavaError {
  // The platform's words about a URL quote it, and any password in it: not kept.
  if (part === 'url') {
    return lavaError(
      'config',
      'Invalid baseUrl: the platform refuses it (it does not parse, or holds a user name or password); nothing was sent',
    );
  }
  const plain = plainCause(cause, scrub);
  const message = `the request cannot be sent (${plain.message}); nothing was sent`;
  return lavaError(
    'invalid_params',
    `Invalid params: ${message}`,
    { issues: [{ path: '', message }] },
    plain,
  );
}

/**
 * Merges header sets, later ones winning, names lower-cased so no two spellings of one header survive. A
 * header given as `undefined` or `null` is left out, as an omitted one (node:http would refuse the value,
 * fetch would send the text `undefined`).
 */
export function mergeHeaders(...sets: (Record<string, string> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const set of sets) {
    for (const name in set) {
      const value = set[name];
      if (value != null) out[name.toLowerCase()] = value;
    }
  }
  return out;
}

// Each client's scrubber for the calls whose one credential is its key (most REST calls): made once, not
// at every call.
const keyScrubbers = new WeakMap<LavaClient, { readonly key: string | undefined; readonly scrub: Scrub }>();

function scrubberOf(lava: LavaClient, secrets: readonly (string | undefined)[]): Scrub {
  if (secrets.length > 1) return scrubber(secrets);
  const cached = keyScrubbers.get(lava);
  if (cached && cached.key === lava.secretKey) return cached.scrub;
  const scrub = scrubber(secrets);
  keyScrubbers.set(lava, { key: lava.secretKey, scrub });
  return scrub;
}

// setTimeout's range: a larger delay fires at once (Node clamps it to 1 ms), which would time out every call.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The first invalid budget option, as a `config` error. */
function checkBudgets(budgets: Record<string, number>): LavaError | undefined {
  for (const name in budgets) {
    const value = budgets[name]!;
    if (!(value >= 0 && value <= MAX_TIMER_MS))
      return lavaError('config', `Invalid ${name}: must be a number from 0 to ${MAX_TIMER_MS}`);
  }
}

/**
 * Sends one logical request with retries, a per-attempt timeout over headers and body, the caller's
 * signal, and the Idempotency-Key it carries (reused on every retry). Non-2xx is an `api` error.
 */
export function send(
  lava: LavaClient,
  init: SendInit,
  options: CallOptions = {},
): ResultAsync<SendResult, LavaError> {
  return new ResultAsync(sendAsync(lava, init, options));
}

/** {@link send} as a plain Promise, for callers that read the body in the same step (`request`). */
export async function sendAsync(
  lava: LavaClient,
  init: SendInit,
  o: CallOptions = {},
): Promise<Result<SendResult, LavaError>> {
  const { method, url, body, stream, redirect } = init;
  const { signal, timeoutMs = lava.timeoutMs, maxRetries = lava.maxRetries } = o;
  const headers = mergeHeaders(lava.headers, o.headers, init.headers);
  const key =
    o.idempotencyKey ??
    headers['idempotency-key'] ??
    (init.generateIdempotencyKey ? crypto.randomUUID() : undefined);
  // A blank key would go out as an empty header, yet make the call retryable.
  if (key !== undefined && !/\S/.test(key)) return err(invalidParam('idempotencyKey', 'must not be blank'));
  if (key !== undefined) headers['idempotency-key'] = key;
  // Without a key a repeated write could apply twice, so only reads and keyed writes are retried.
  const retryable = init.retryByCount || key || method === 'GET' || method === 'HEAD';
  const { retryDelayMs, fetch, logger } = lava;
  // Checked here rather than in createLava, which must stay tiny for token-only bundles.
  const invalid = checkBudgets({ timeoutMs, maxRetries, retryDelayMs });
  if (invalid) return err(invalid);
  if (fetch != null && typeof fetch !== 'function')
    return err(lavaError('config', 'Invalid fetch: must be a function'));
  // The call's credential values: the key, extra ones (a forward token), those of credential headers.
  const secrets = init.secrets ? [lava.secretKey, ...init.secrets] : [lava.secretKey];
  for (const name in headers) {
    if (init.checkedHeaders && init.headers?.[name] === headers[name]) continue;
    const value = String(headers[name]);
    // Checked once here: fetch and node:http would refuse it at every attempt, quoting the value.
    if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name))
      return err(invalidParam('headers', `invalid header name ${JSON.stringify(name.slice(0, 40))}`));
    if (/[^\t\x20-\x7e\x80-\xff]/.test(value))
      return err(invalidParam(`headers.${name}`, 'has a CR, LF, NUL or non-Latin-1 character'));
    if (isCredentialName(name)) secrets.push(value.replace(/^Bearer\s+/i, ''));
  }
  const scrub = scrubberOf(lava, secrets);
  const logUrl = logger && scrub(url, 10_000);
  const exchange = (!fetch && init.exchange) || fetchExchange;
  // A logger that throws must not change what the call does, sends or returns.
  const log = (event: LavaLogEntry['event'], attempt: number, extra?: Partial<LavaLogEntry>) => {
    try {
      logger?.({
        level: event === 'error' ? 'warn' : 'debug',
        event,
        method,
        url: logUrl!,
        attempt,
        ...extra,
      });
    } catch {}
  };
  const aborted = () => err(lavaError('aborted', 'Aborted by the caller'));

  for (let n = 1; ; n++) {
    if (signal?.aborted) return aborted();
    const started = Date.now();
    if (logger) log('request', n, { headers: redactHeaders(headers, secrets) });
    let failure: LavaError;
    let retryAfterMs: number | undefined;
    try {
      const answer = await exchange(
        { method, url, headers, body, timeoutMs, signal, stream, redirect },
        lava,
      );
      const { status, text, response } = answer;
      const id = answer.header('x-lava-request-id');
      const requestId = id == null ? undefined : scrub(id, 200);
      if (logger) log('response', n, { status, requestId, durationMs: Date.now() - started });
      if (status >= 200 && status < 300) return ok({ response, text, status, requestId, attempts: n, scrub });
      retryAfterMs = parseRetryAfter(answer.header('retry-after'));
      failure = apiError(status, text, requestId, n, retryAfterMs, scrub);
      if (!RETRY_STATUSES.test(`${status}`)) return err(failure);
    } catch (error) {
      if (signal?.aborted) return aborted();
      // Never retried: nothing was sent, and sending again cannot help.
      if (error instanceof NotSent) return err(notSent(error, scrub));
      if (isLavaError(error)) return err(error);
      const cause = plainCause(error, scrub);
      failure =
        error === TIMED_OUT
          ? lavaError('timeout', `No complete response within ${timeoutMs} ms`, { timeoutMs, attempts: n })
          : lavaError('network', `Could not reach Lava: ${describeCause(cause)}`, { attempts: n }, cause);
    }
    log('error', n, { error: failure.message });
    if (!retryable || n > Math.floor(maxRetries) || (retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS)
      return err(failure);
    const delayMs = retryAfterMs ?? backoffDelay(n, retryDelayMs);
    log('retry', n, { delayMs });
    if (!(await sleep(delayMs, signal))) return aborted();
  }
}
