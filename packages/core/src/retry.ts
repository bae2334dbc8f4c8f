// Statuses worth another try: timeout, conflict (idempotency lock), rate limit, server errors.
export const RETRY_STATUSES = /^(408|409|429|5\d\d)$/;
/** A Retry-After longer than this is not waited for: the error is returned with `retryAfterMs`. */
export const MAX_RETRY_AFTER_MS = 60_000;
const MAX_BACKOFF_MS = 8_000;

/** Parses `Retry-After` given as seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  // Seconds. A header sent twice arrives joined (`7, 7`, as fetch's Headers.get joins it): its first value.
  const seconds = /^\s*(\d+(?:\.\d+)?)\s*(?:,|$)/.exec(value);
  // An HTTP date names its day and month (`Wed, 21 Oct 2015 07:28:00 GMT`): Date.parse alone reads `7, 7`
  // as a day in 2001, which made a call retry at once.
  const ms = seconds
    ? Number(seconds[1]) * 1000
    : /[a-z]{3}/i.test(value)
      ? Date.parse(value) - now
      : Number.NaN;
  return Number.isNaN(ms) ? undefined : Math.max(0, Math.ceil(ms));
}

/** Exponential backoff with jitter: base·2^(n-1), capped at `maxMs`, then 0–25 % shaved off at random. */
export function backoffDelay(attempt: number, baseMs: number, maxMs = MAX_BACKOFF_MS): number {
  return Math.round(Math.min(maxMs, baseMs * 2 ** (attempt - 1)) * (1 - Math.random() * 0.25));
}

/** Waits `ms`, or less if the signal fires; resolves false when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
