import type { JobsOptions } from 'bullmq';

/** The name of every usage job `reportUsage` adds (BullMQ shows it in Bull Board and in metrics). */
export const USAGE_JOB_NAME = 'lava-usage';

/** The backoff type of usage jobs: a worker resolves it with `settings: { backoffStrategy: usageBackoff }`. */
export const USAGE_BACKOFF = 'lava-usage';

/**
 * The job options `reportUsage` gives each job, under the queue's own `defaultJobOptions` and the call's
 * options (both win over these):
 *
 * - `attempts: 25` with `backoff: { type: 'lava-usage', delay: 1000 }`: 1 s doubling to at most 5 minutes
 *   between attempts (minus up to 25 % jitter), and never sooner than a `Retry-After`. The 25 attempts
 *   span at least an hour (about 84 minutes without jitter), so a Lava outage of that long loses nothing.
 * - `removeOnComplete: { age: 3600 }`: a delivered job is kept an hour. While it is kept, reporting the same
 *   `request_id` again queues nothing (the job id is taken); after that the event is queued and sent again,
 *   and Lava answers with the record it has, charging nothing more: the queue's dedupe saves work, Lava's
 *   idempotency on `request_id` keeps a charge single. Kept jobs cost memory (about 1.5 kB each in Redis:
 *   5.4 MB an hour per event a second); lower `age`, or add a `count` on Redis, for heavy traffic. Not a
 *   `count` on PostgreSQL: BullMQ 6.7 sorts every kept job there on each completion.
 * - `removeOnFail: { age: 604800 }`: a job that finally failed is kept a week, to be read and retried
 *   (`job.retry()`, `queue.retryJobs({ state: 'failed' })`); within that week its `request_id` queues
 *   nothing either. No count cap: a failed job is usage that was never billed.
 */
export const USAGE_JOB_OPTIONS = {
  /** Tries before the job finally fails: at least an hour of them. */
  attempts: 25,
  /** Resolved by `usageBackoff`: from `delay` ms, doubling, honouring `Retry-After`. */
  backoff: {
    /** `USAGE_BACKOFF`, the strategy a worker's `settings.backoffStrategy` resolves. */
    type: USAGE_BACKOFF,
    /** The first wait, in milliseconds. */
    delay: 1000,
  },
  /** A delivered job is kept this long. */
  removeOnComplete: {
    /** Seconds: an hour. */
    age: 3600,
  },
  /** A job that finally failed is kept this long. */
  removeOnFail: {
    /** Seconds: a week. */
    age: 7 * 24 * 3600,
  },
} as const satisfies JobsOptions;

/**
 * The BullMQ job id of a usage event: its `request_id`, which BullMQ accepts almost always as it is.
 * BullMQ refuses ids that are integers (`42`) or hold a `:`, so `%` and `:` are percent-encoded and an
 * integer gets a `%` after it (`42` → `42%`, `a:b` → `a%3Ab`): one id per `request_id`, never two alike.
 *
 * @param requestId - The event's `request_id`.
 * @returns The job id, for `queue.getJob(usageJobId(id))`.
 * @example
 * ```ts
 * import { usageJobId } from '@lava-sdk/bullmq';
 * import { Queue } from 'bullmq';
 *
 * const queue = new Queue('lava-usage', { connection }); // connection: your ioredis client
 * const job = await queue.getJob(usageJobId('req_42'));
 * console.log(await job?.getState()); // 'waiting', 'delayed', 'active', 'completed' or 'failed'
 * ```
 */
export function usageJobId(requestId: string): string {
  const escaped = requestId.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'));
  return `${Number.parseInt(escaped, 10)}` === escaped ? `${escaped}%` : escaped;
}
