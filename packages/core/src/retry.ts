// Statuses worth another try: timeout, conflict (idempotency lock), rate limit, server errors.
export const RETRY_STATUSES = /^(408|409|429|5\d\d)$/;
/** A Retry-After longer than this is not waited for: the error is returned with `retryAfterMs`. */
export const MAX_RETRY_AFTER_MS = 60_000;
const MAX_BACKOFF_MS = 8_000;

/** Parses `Retry-After` given as seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, Math.ceil(ms));
}

/** Exponential backoff with jitter: base·2^(n-1), capped, then 0–25 % shaved off at random. */
export function backoffDelay(attempt: number, baseMs: number): number {
  return Math.round(Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (attempt - 1)) * (1 - Math.random() * 0.25));
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
