import { err, ok, type Result, ResultAsync } from 'neverthrow';
import { createFetch, ofetch } from 'ofetch';
import type { LavaClient, LavaLogEntry } from './createLava';
import type { LavaError } from './errors';
import { lavaError } from './lavaError';
import { redactHeaders } from './log';
import { redact } from './redact';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, RETRY_STATUSES, sleep } from './retry';

/** Per-call options every SDK function accepts last. */
export interface CallOptions {
  /** Cancels the call, including a retry's backoff sleep and a body still downloading. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's time budget for each attempt; 0 turns the timeout off. */
  timeoutMs?: number | undefined;
  /** Overrides the client's retry count. */
  maxRetries?: number | undefined;
  /** Sent as `Idempotency-Key`; makes PATCH/PUT/DELETE retryable. POSTs get a generated one. */
  idempotencyKey?: string | undefined;
  /** Extra headers for this call. They cannot replace Authorization. */
  headers?: Record<string, string> | undefined;
}

/** A request at the HTTP level; `url` is absolute. */
export interface SendInit {
  method: string;
  url: string;
  headers?: Record<string, string> | undefined;
  body?: BodyInit | undefined;
  /** Resolve as soon as headers arrive and hand the body over unread; the timeout then stops. */
  stream?: boolean | undefined;
  /** `fetch`'s redirect mode; REST calls use 'manual', so no body or header ever follows a redirect. */
  redirect?: RequestRedirect | undefined;
}

/** A 2xx response: its text (empty when streaming), headers and Lava's request id. */
export interface SendResult {
  readonly response: Response;
  readonly text: string;
  readonly status: number;
  readonly requestId?: string | undefined;
  readonly attempts: number;
}

/** Builds the `api` error for a non-2xx response, reading both documented error shapes and HTML pages. */
export function apiError(
  status: number,
  text: string,
  requestId: string | undefined,
  attempts: number,
  retryAfterMs?: number,
): LavaError {
  const clean = redact(text);
  let body: unknown = clean;
  try {
    body = JSON.parse(clean);
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
  return lavaError('api', `Lava API error ${status}: ${message}`, {
    status,
    code,
    requestId,
    body,
    retryAfterMs,
    attempts,
  });
}

/** `… fetch failed (ECONNREFUSED)`: the useful part of a network error sits deep in its cause chain. */
function describeCause(cause: unknown): string {
  let code: unknown;
  for (
    let c = cause as { cause?: unknown; code?: unknown } | undefined;
    c && !code;
    c = c.cause as typeof c
  ) {
    code = c.code;
  }
  const message = String((cause as Error | undefined)?.message ?? cause);
  return typeof code === 'string' ? `${message} (${code})` : message;
}

/** Merges header sets, later ones winning, names lower-cased so no two spellings of one header survive. */
export function mergeHeaders(...sets: (Record<string, string> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const set of sets) for (const name in set) out[name.toLowerCase()] = set[name]!;
  return out;
}

/**
 * Sends one logical request with retries, a per-attempt timeout over headers and body, the caller's
 * signal, and an Idempotency-Key (generated for POST, reused on every retry). Non-2xx is an `api` error.
 */
export function send(
  lava: LavaClient,
  init: SendInit,
  options: CallOptions = {},
): ResultAsync<SendResult, LavaError> {
  return new ResultAsync(attempt(lava, init, options));
}

async function attempt(
  lava: LavaClient,
  init: SendInit,
  o: CallOptions,
): Promise<Result<SendResult, LavaError>> {
  const { method, url, body, stream, redirect } = init;
  const { signal, timeoutMs = lava.timeoutMs, maxRetries = lava.maxRetries } = o;
  const headers = mergeHeaders(lava.headers, o.headers, init.headers);
  const key =
    o.idempotencyKey ?? headers['idempotency-key'] ?? (method === 'POST' ? crypto.randomUUID() : undefined);
  if (key) headers['idempotency-key'] = key;
  // Without a key a repeated write could apply twice, so only reads and keyed writes are retried.
  const retryable = key || method === 'GET' || method === 'HEAD';
  const { retryDelayMs, fetch } = lava;
  // Checked here rather than in createLava, which must stay tiny for token-only bundles.
  for (const [name, value, min] of [
    ['timeoutMs', timeoutMs, 0],
    ['maxRetries', maxRetries, 0],
    ['retryDelayMs', retryDelayMs, 0],
  ] as const) {
    if (!(Number.isFinite(value) && value >= min))
      return err(lavaError('config', `Invalid ${name}: must be a number >= ${min}`));
  }
  if (fetch != null && typeof fetch !== 'function')
    return err(lavaError('config', 'Invalid fetch: must be a function'));
  const $fetch = fetch ? createFetch({ fetch }) : ofetch;
  const log = (event: LavaLogEntry['event'], attempt: number, extra?: Partial<LavaLogEntry>) =>
    lava.logger?.({ level: event === 'error' ? 'warn' : 'debug', event, method, url, attempt, ...extra });
  const aborted = () => err(lavaError('aborted', 'Aborted by the caller'));

  for (let n = 1; ; n++) {
    if (signal?.aborted) return aborted();
    // The attempt's signal fires on its timeout or the caller's abort. AbortSignal.any leaves no listener
    // on the caller's signal, which matters for a stream that outlives this function. Without a timeout
    // (timeoutMs 0) fetch gets the caller's signal alone: a signal costs undici real CPU per request.
    const controller = timeoutMs ? new AbortController() : undefined;
    const abort = () => controller?.abort();
    const timer = controller && setTimeout(abort, timeoutMs);
    const linked = controller && signal && !AbortSignal.any;
    if (linked) signal.addEventListener('abort', abort);
    const attemptSignal =
      controller && signal && !linked
        ? AbortSignal.any([signal, controller.signal])
        : (controller?.signal ?? signal);
    const started = Date.now();
    log('request', n, { headers: lava.logger && redactHeaders(headers) });
    let failure: LavaError;
    let retryAfterMs: number | undefined;
    let streaming = false;
    try {
      const res = await $fetch.raw(url, {
        method,
        headers,
        body,
        signal: attemptSignal,
        redirect,
        retry: 0,
        ignoreResponseError: true,
        responseType: stream ? 'stream' : 'text',
      } as never);
      const { status } = res;
      const requestId = res.headers.get('x-lava-request-id') ?? undefined;
      log('response', n, { status, requestId, durationMs: Date.now() - started });
      if (res.ok) {
        // A stream outlives this call: the caller's signal must still be able to cancel it.
        streaming = !!stream;
        return ok({ response: res, text: stream ? '' : (res._data ?? ''), status, requestId, attempts: n });
      }
      retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      const text = stream ? await res.text().catch(() => '') : res._data;
      failure = apiError(status, text ?? '', requestId, n, retryAfterMs);
      if (!RETRY_STATUSES.test(`${status}`)) return err(failure);
    } catch (cause) {
      if (signal?.aborted) return aborted();
      failure = controller?.signal.aborted
        ? lavaError(
            'timeout',
            `No complete response within ${timeoutMs} ms`,
            { timeoutMs, attempts: n },
            cause,
          )
        : lavaError('network', `Could not reach Lava: ${describeCause(cause)}`, { attempts: n }, cause);
    } finally {
      clearTimeout(timer);
      if (linked && !streaming) signal?.removeEventListener('abort', abort);
    }
    log('error', n, { error: failure.message });
    if (!retryable || n > Math.floor(maxRetries) || (retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS)
      return err(failure);
    const delayMs = retryAfterMs ?? backoffDelay(n, retryDelayMs);
    log('retry', n, { delayMs });
    if (!(await sleep(delayMs, signal))) return aborted();
  }
}
