import type { ConfigError, InvalidParamsError } from '@lava-sdk/core';
import { lavaError, parseParams, redact } from '@lava-sdk/core/internal';
import { CreateRequestParams, type ReportError, type UsageRefused } from '@lava-sdk/requests';
import type { JobsOptions } from 'bullmq';
import { errAsync, ResultAsync } from 'neverthrow';
import { USAGE_JOB_NAME, USAGE_JOB_OPTIONS, usageJobId } from './usageJob';

/**
 * What `reportUsage` needs of a BullMQ `Queue` (on Redis or PostgreSQL): `add`, and the queue's
 * `defaultJobOptions` and `closing` when it has them.
 */
export interface UsageQueue {
  /** Adds a job: BullMQ's `Queue.add`. */
  add(name: string, data: CreateRequestParams, opts?: JobsOptions): Promise<unknown>;
  /** The queue's own job options, which win over `USAGE_JOB_OPTIONS`. */
  readonly defaultJobOptions?: JobsOptions | undefined;
  /** Set while the queue closes: `reportUsage` then answers `Err(closed)`. */
  readonly closing?: Promise<void> | undefined;
}

/** Options of {@link reportUsage}: BullMQ job options for this job (not `jobId`), and a time budget. */
export interface ReportUsageOptions extends Omit<JobsOptions, 'jobId'> {
  /**
   * How long to wait for the backend to hold the job before answering `Err(store)`. Default 10 000 ms.
   * A client that queues commands while disconnected (ioredis does) may still add the job later: harmless,
   * since reporting the event again queues nothing more.
   */
  timeoutMs?: number | undefined;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function refused(kind: UsageRefused['kind'], message: string, event: unknown, cause?: unknown): UsageRefused {
  return {
    kind,
    message: redact(message),
    event: event as UsageRefused['event'],
    ...(cause !== undefined && { cause }),
  };
}

/** Resolves with the add, or rejects once `ms` have passed without an answer. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Queues one usage event on a BullMQ queue, for a worker running `usageProcessor` to deliver. Made for
 * many processes: API servers report, workers deliver, and a worker that dies loses nothing.
 *
 * - The event is validated as `createRequest` validates it: an invalid one is `Err(invalid_params)`, and
 *   nothing is queued.
 * - The job's id is the event's `request_id` (see `usageJobId`), so reporting the same event again, from
 *   any process, queues nothing and answers `Ok(request_id)` too, for as long as the job is kept
 *   (`USAGE_JOB_OPTIONS`: an hour after delivery, a week after a final failure). A repeat after that is
 *   sent again, and Lava, idempotent on `request_id`, charges it once.
 * - `Ok(request_id)` means the backend holds the job. A backend that fails or does not answer within
 *   `timeoutMs` is `Err` of kind `store` (the usage reporter's word for it), a closed queue `Err(closed)`;
 *   reporting again later is safe.
 *
 * Job options: `USAGE_JOB_OPTIONS`, then the queue's `defaultJobOptions`, then `options`, each overriding
 * the one before.
 *
 * @param queue - A BullMQ `Queue`, on Redis or on PostgreSQL (`createPostgresBackend`).
 * @param event - `createRequest`'s params: `request_id`, `customer_id`, `meter_slug`, and the counts.
 * @param options - BullMQ job options for this job, and `timeoutMs`.
 * @returns `Ok(request_id)` once queued (or already queued), else a `ReportError`.
 * @example
 * ```ts
 * import { reportUsage } from '@lava-sdk/bullmq';
 * import { Queue } from 'bullmq';
 *
 * const queue = new Queue('lava-usage', { connection }); // connection: your ioredis client
 * const queued = await reportUsage(queue, {
 *   request_id: 'req_42', // your id for this usage: reporting it twice queues it once
 *   customer_id: 'con_123',
 *   meter_slug: 'chat',
 *   input_tokens: 120,
 *   output_tokens: 80,
 * });
 * if (queued.isErr()) console.error(queued.error.kind, queued.error.message); // invalid, or the queue failed
 * ```
 */
export function reportUsage(
  queue: UsageQueue,
  event: CreateRequestParams,
  options: ReportUsageOptions = {},
): ResultAsync<string, ReportError> {
  if (typeof (queue as Partial<UsageQueue> | null)?.add !== 'function') {
    return errAsync(lavaError('config', 'reportUsage needs a BullMQ Queue') as ConfigError);
  }
  const parsed = parseParams(CreateRequestParams, event);
  if (parsed.isErr()) return errAsync(parsed.error as InvalidParamsError);
  const data = parsed.value as CreateRequestParams;
  const { timeoutMs = DEFAULT_TIMEOUT_MS, ...jobOptions } = options;
  // setTimeout's range: a larger value would fire at once.
  if (!(timeoutMs > 0 && timeoutMs <= 2_147_483_647)) {
    return errAsync(
      lavaError('config', 'reportUsage: timeoutMs must be from 1 to 2147483647 ms') as ConfigError,
    );
  }
  if (queue.closing)
    return errAsync(refused('closed', 'The queue is closed: the event was not queued', event));
  const opts: JobsOptions = {
    ...USAGE_JOB_OPTIONS,
    ...queue.defaultJobOptions,
    ...jobOptions,
    jobId: usageJobId(data.request_id),
  };
  const added = (async () => queue.add(USAGE_JOB_NAME, data, opts))();
  return ResultAsync.fromPromise(withTimeout(added, timeoutMs), (cause) =>
    refused(
      'store',
      `The queue could not keep the event: ${(cause as Error)?.message ?? String(cause)}`,
      event,
      cause,
    ),
  ).map(() => data.request_id);
}
