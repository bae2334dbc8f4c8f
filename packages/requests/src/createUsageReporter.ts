import type { ConfigError, InvalidParamsError, LavaClient, LavaError } from '@lava-sdk/core';
import {
  backoffDelay,
  createRequestWire,
  lavaError,
  parseParams,
  RETRY_STATUSES,
  redact,
  request,
} from '@lava-sdk/core/internal';
import { err, ok, type Result } from 'neverthrow';
import * as v from 'valibot';
import { CreateRequestParams } from './createRequest';
import type { StoredUsage, UsageStore } from './UsageStore';

/** What `report()` takes: `createRequest`'s params, with `request_id` optional. */
export interface UsageEvent extends Omit<CreateRequestParams, 'request_id'> {
  /**
   * Your id for the usage record, on which Lava is idempotent: the same id reported twice is recorded and
   * billed once. Omitted: a random UUID, which `report()` returns.
   */
  request_id?: string;
}

/** `report()` refused a valid event; the event is handed back, since nothing was queued. */
export interface UsageRefused {
  /** `closed`: after `close()`. `queue_full`: `maxQueue` events are waiting. `store`: the store's `add` failed. */
  readonly kind: 'closed' | 'queue_full' | 'store';
  /** What happened, in words (no credential). */
  readonly message: string;
  /** The refused event, as it was passed to `report()`: report it again later, or keep it elsewhere. */
  readonly event: UsageEvent;
  /** For `store`: what the store's `add` threw or rejected with. */
  readonly cause?: unknown;
}

/** Every way `report()` can fail. In each case nothing was queued. */
export type ReportError = InvalidParamsError | ConfigError | UsageRefused;

/** Counters of a reporter, for health checks and tests. */
export interface UsageReporterStats {
  /** Events waiting: new, or between retries. */
  readonly queued: number;
  /** Events being sent now. */
  readonly inFlight: number;
  /** Events Lava has recorded. */
  readonly delivered: number;
  /** Events that finally failed (each one was handed to `onError`). */
  readonly failed: number;
  /** Attempts that failed and were tried again. */
  readonly retried: number;
}

/** Options of {@link createUsageReporter}: concurrency, how long to retry, the queue, callbacks, a store. */
export interface UsageReporterOptions {
  /** Requests in flight at once. Default 4. */
  concurrency?: number | undefined;
  /**
   * How long an event may be retried, counted from its `report()` (across restarts, with a store). Once
   * it has passed, a retryable failure is final and goes to `onError`. Every event gets at least one
   * attempt. Default 15 minutes; `Infinity` retries until delivered.
   */
  maxAgeMs?: number | undefined;
  /** Events waiting or in flight at most; beyond it `report()` refuses with `queue_full`. Default 10 000. */
  maxQueue?: number | undefined;
  /**
   * Called once for each event that finally fails: a non-retryable answer (400, 402, 404, …) or a
   * retryable one past `maxAgeMs`. Default: a `console.error` line, so no event is dropped unseen.
   */
  onError?: ((error: LavaError, event: CreateRequestParams) => void) | undefined;
  /** Where queued events are kept. Default: memory only. See {@link UsageStore}. */
  store?: UsageStore | undefined;
  /** Called when the store fails to load, add or remove; delivery goes on from memory. */
  onStoreError?: ((error: unknown) => void) | undefined;
  /** Time budget of each attempt (default: the client's `timeoutMs`). */
  timeoutMs?: number | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
}

/** What `createUsageReporter` returns. */
export interface UsageReporter {
  /**
   * Queues one usage event and returns at once: `Ok(request_id)` once it is queued (and, with a
   * synchronous store such as `fileStore`, on disk). Reporting an id that is already queued returns
   * `Ok` and queues nothing more, as Lava keeps the first event of an id.
   */
  report(event: UsageEvent): Result<string, ReportError>;
  /** Resolves once every event reported before the call is delivered or has finally failed. */
  flush(): Promise<void>;
  /** Refuses new events, flushes, then closes the store. */
  close(): Promise<void>;
  /** The reporter's counters now: queued, in flight, delivered, failed, retried. */
  stats(): UsageReporterStats;
}

// Enough of Lava's answer to know the event was recorded. Not the full `Request` schema: a reporter needs
// only the proof of delivery, and a record shape it does not read must not turn a delivery into a retry.
const Delivered = v.looseObject({ request_id: v.string() });

const DEFAULTS = { concurrency: 4, maxAgeMs: 15 * 60_000, maxQueue: 10_000 };

interface Item extends StoredUsage {
  /** Order of admission, for `flush()`; 0 for an event loaded from the store. */
  readonly seq: number;
  attempts: number;
  /** An asynchronous store's `add`, awaited before the first attempt. */
  saved?: Promise<unknown> | undefined;
}

type Timer = ReturnType<typeof setTimeout> & { ref?(): void; unref?(): void };

/**
 * Lets a timer keep the process alive, or not: Node, Bun and Deno 2 timers have `ref`/`unref`; browsers
 * and workers have no process to keep (their timers are numbers).
 */
function setHeld(timer: Timer, held: boolean): void {
  if (held) timer.ref?.();
  else timer.unref?.();
}

/**
 * Which failures are worth another attempt. A 2xx without a record (`invalid_response`: a proxy's HTML
 * page, a cut body) proves nothing was recorded, and a retry is safe, so it is retried too.
 */
function retryable(error: LavaError): boolean {
  if (error.kind === 'api') return RETRY_STATUSES.test(String(error.status));
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'invalid_response';
}

function checkOptions(options: UsageReporterOptions): string | undefined {
  const { concurrency = 4, maxAgeMs = 0, maxQueue = 1, onError, onStoreError, store } = options;
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) return 'concurrency must be an integer >= 1';
  if (!(maxAgeMs >= 0)) return 'maxAgeMs must be a number >= 0';
  if (!(maxQueue >= 1 && (Number.isInteger(maxQueue) || maxQueue === Infinity)))
    return 'maxQueue must be an integer >= 1';
  if (onError !== undefined && typeof onError !== 'function') return 'onError must be a function';
  if (onStoreError !== undefined && typeof onStoreError !== 'function')
    return 'onStoreError must be a function';
  if (
    store !== undefined &&
    !['load', 'add', 'remove'].every(
      (m) => typeof (store as unknown as Record<string, unknown>)?.[m] === 'function',
    )
  )
    return 'store must have load, add and remove methods';
  return undefined;
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as Promise<unknown> | undefined)?.then === 'function';

/**
 * Reports usage to Lava in the background, losing nothing and billing nothing twice: `report()` queues an
 * event synchronously; the reporter sends it with `POST /requests` (bounded concurrency) and retries
 * network errors, timeouts, 408, 409, 429 and 5xx with the client's backoff (`retryDelayMs`) and
 * `Retry-After`, for up to `maxAgeMs`. Every attempt of an event carries the same `request_id`, on which
 * Lava is idempotent, so an event whose answer was lost is recorded and charged once.
 *
 * An idle reporter holds no timer that keeps a Node process alive; `flush()` and `close()` do keep it
 * alive until they resolve. On Workers and Vercel, hand the flush to the platform:
 * `ctx.waitUntil(reporter.flush())`. In a Node server, `await reporter.close()` at shutdown; with
 * `fileStore(path)` (`@lava-sdk/requests/node`), events still queued when a process dies are delivered
 * by the next one.
 *
 * @param lava - The client context.
 * @param options - `concurrency`, `maxAgeMs`, `maxQueue`, `onError`, `store`, `onStoreError`,
 *   `timeoutMs`, `headers`.
 * @returns `{ report, flush, close, stats }`.
 * @example
 * ```ts
 * const reporter = createUsageReporter(lava, { onError: (e, event) => log.error(e.kind, event) });
 * const queued = reporter.report({ customer_id: 'con_123', meter_slug: 'chat', input_tokens: 120 });
 * if (queued.isErr()) log.error(queued.error.message); // invalid, closed or full: nothing was queued
 * process.on('SIGTERM', async () => {
 *   await reporter.close(); // delivers what is queued, then stops
 *   process.exit(0);
 * });
 * ```
 */
export function createUsageReporter(lava: LavaClient, options: UsageReporterOptions = {}): UsageReporter {
  const {
    concurrency = DEFAULTS.concurrency,
    maxAgeMs = DEFAULTS.maxAgeMs,
    maxQueue = DEFAULTS.maxQueue,
    onError = (error: LavaError, event: CreateRequestParams) =>
      console.error(
        `lava-sdk: usage event ${event.request_id} was not delivered (${error.kind}): ${error.message}`,
      ),
    onStoreError = () => {},
    store,
    timeoutMs,
    headers,
  } = options;
  const problem = checkOptions(options);
  // Invalid options, or a store that failed to load: every report() is refused with this.
  let broken: ConfigError | Omit<UsageRefused, 'event'> | undefined = problem
    ? (lavaError('config', `Invalid usage reporter options: ${problem}`) as ConfigError)
    : undefined;
  // The reporter owns retries: one attempt per call, so it can wait past the transport's caps and
  // keep the event's request_id on every attempt. No fixed Idempotency-Key is sent (the transport makes a
  // fresh one per call): request_id is the documented key of this endpoint, while the header's retention
  // and conflict rules are not documented (lava-api.md §3.4), e.g. whether a stored 429 would be replayed.
  const callOptions = { maxRetries: 0, ...(timeoutMs !== undefined && { timeoutMs }), headers };

  const items = new Map<string, Item>(); // every event not yet settled, by request_id
  let ready: Item[] = []; // waiting for a free slot, oldest first, from `head`
  let head = 0;
  const timers = new Set<Timer>(); // backoff sleeps
  const waiters: { seq: number; left: number; resolve: () => void }[] = [];
  let seq = 0;
  let inFlight = 0;
  let delivered = 0;
  let failed = 0;
  let retried = 0;
  let closed = false;
  let closing: Promise<void> | undefined;
  let scheduled = false;
  let removals: string[] = [];

  const storeFailed = (error: unknown) => {
    try {
      onStoreError(error);
    } catch {}
  };

  // Backoff timers keep a Node process alive only while someone waits on flush(): an idle reporter
  // must not hold a process open, and a flush must not be cut short by the process exiting.
  const hold = (timer: Timer) => setHeld(timer, waiters.length > 0);

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(pump);
  };

  function pump(): void {
    scheduled = false;
    while (inFlight < concurrency && head < ready.length) {
      const item = ready[head++]!;
      void deliver(item);
    }
    if (head > 1024 && head * 2 > ready.length) {
      ready = ready.slice(head);
      head = 0;
    }
  }

  /** Queues an event; one a previous process left (`saved` absent and `loaded`) is numbered 0. */
  function admit(entry: StoredUsage, saved?: Promise<unknown>, loaded = false): void {
    const item: Item = { ...entry, seq: loaded ? 0 : ++seq, attempts: 0, saved };
    items.set(entry.event.request_id, item);
    ready.push(item);
    schedule();
  }

  async function deliver(item: Item): Promise<void> {
    inFlight++;
    if (item.saved) await item.saved;
    item.saved = undefined;
    item.attempts++;
    const result = await request(
      lava,
      {
        wire: createRequestWire,
        params: item.event,
        input: CreateRequestParams,
        output: Delivered,
      },
      callOptions,
    );
    inFlight--;
    if (result.isOk()) {
      delivered++;
      settle(item);
    } else retryOrFail(item, result.error);
    schedule();
  }

  function retryOrFail(item: Item, error: LavaError): void {
    const left = item.reportedAt + maxAgeMs - Date.now();
    const retryAfterMs = error.kind === 'api' ? error.retryAfterMs : undefined;
    // Retry-After is honoured in full (an early retry would only be refused again); our own backoff is
    // cut short to give the event one last attempt at its deadline.
    if (!retryable(error) || (retryAfterMs === undefined ? left <= 0 : retryAfterMs > left)) {
      failed++;
      try {
        onError(error, item.event);
      } catch {}
      settle(item);
      return;
    }
    retried++;
    const delayMs = Math.min(retryAfterMs ?? backoffDelay(item.attempts, lava.retryDelayMs), left);
    const timer: Timer = setTimeout(() => {
      timers.delete(timer);
      ready.push(item);
      schedule();
    }, delayMs);
    timers.add(timer);
    hold(timer);
  }

  function settle(item: Item): void {
    items.delete(item.event.request_id);
    if (store) {
      // One remove per tick for every event settled in it: fewer writes for a file store.
      if (removals.length === 0) queueMicrotask(removeSettled);
      removals.push(item.event.request_id);
    }
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (item.seq <= waiter.seq && --waiter.left === 0) {
        waiters.splice(i, 1);
        waiter.resolve();
        if (waiters.length === 0) for (const timer of timers) setHeld(timer, false);
      }
    }
  }

  function removeSettled(): void {
    const ids = removals;
    removals = [];
    try {
      const done = store!.remove(ids);
      if (isPromise(done)) done.then(undefined, storeFailed);
    } catch (error) {
      storeFailed(error);
    }
  }

  function refuse(kind: UsageRefused['kind'], message: string, event: UsageEvent, cause?: unknown) {
    return err<never, UsageRefused>({
      kind,
      message: redact(message),
      event,
      ...(cause !== undefined && { cause }),
    });
  }

  // Events a previous process left. A synchronous store (fileStore) is loaded before this returns.
  let loading: Promise<void> | undefined;
  if (store && !broken) {
    const loaded = (entries: readonly StoredUsage[]) => {
      for (const entry of entries) if (!items.has(entry.event.request_id)) admit(entry, undefined, true);
    };
    const loadFailed = (error: unknown) => {
      broken = {
        kind: 'store',
        message: redact(`The usage store failed to load: ${String(error)}`),
        cause: error,
      };
      storeFailed(error);
    };
    try {
      const result = store.load();
      if (isPromise(result))
        loading = result.then(loaded, loadFailed).finally(() => {
          loading = undefined;
        });
      else loaded(result);
    } catch (error) {
      loadFailed(error);
    }
  }

  // Synchronous up to the snapshot: the events it waits for are exactly those reported before the call
  // (and those a previous process left, which count as reported before any call).
  function flush(): Promise<void> {
    const upTo = seq;
    return loading ? loading.then(() => waitFor(upTo)) : waitFor(upTo);
  }

  function waitFor(upTo: number): Promise<void> {
    let left = 0;
    for (const item of items.values()) if (item.seq <= upTo) left++;
    if (left === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      waiters.push({ seq: upTo, left, resolve });
      for (const timer of timers) setHeld(timer, true);
    });
  }

  return {
    report(input) {
      if (broken) {
        return broken.kind === 'config'
          ? err(broken)
          : refuse('store', broken.message, input, (broken as UsageRefused).cause);
      }
      if (closed) return refuse('closed', 'The usage reporter is closed: the event was not queued', input);
      const withId =
        typeof input === 'object' && input !== null && input.request_id === undefined
          ? { ...input, request_id: crypto.randomUUID() }
          : input;
      const parsed = parseParams(CreateRequestParams, withId);
      if (parsed.isErr()) return err(parsed.error as InvalidParamsError);
      const event = parsed.value as CreateRequestParams;
      const id = event.request_id;
      if (items.has(id)) return ok(id);
      if (items.size >= maxQueue) {
        return refuse(
          'queue_full',
          `The usage queue is full (${maxQueue} events): the event was not queued`,
          input,
        );
      }
      const entry: StoredUsage = { event, reportedAt: Date.now() };
      let saved: Promise<unknown> | undefined;
      if (store) {
        try {
          const done = store.add(entry);
          if (isPromise(done)) saved = done.then(undefined, storeFailed);
        } catch (error) {
          storeFailed(error);
          return refuse('store', `The usage store could not keep the event: ${String(error)}`, input, error);
        }
      }
      admit(entry, saved);
      return ok(id);
    },
    flush,
    close() {
      closed = true;
      closing ??= flush().then(async () => {
        if (removals.length > 0) removeSettled();
        try {
          await store?.close?.();
        } catch (error) {
          storeFailed(error);
        }
      });
      return closing;
    },
    stats: () => ({ queued: items.size - inFlight, inFlight, delivered, failed, retried }),
  };
}
