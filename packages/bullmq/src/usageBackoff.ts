import { backoffDelay } from '@lava-sdk/core/internal';
import type { BackoffStrategy } from 'bullmq';

/** The longest backoff between two attempts, whatever the attempt count (a `Retry-After` may be longer). */
export const MAX_BACKOFF_MS = 5 * 60_000;

const retryAfterOf = (error: unknown): number => {
  const ms = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : 0;
};

/**
 * The backoff of usage jobs, for the worker's `settings: { backoffStrategy: usageBackoff }`: the job's
 * `backoff.delay` (1 s by default) doubling with each attempt up to 5 minutes, minus up to 25 % at random
 * so that workers do not retry in step, and never less than the `Retry-After` Lava sent with the failure.
 * BullMQ moves the job to the delayed set for that long: the next attempt does not start before it.
 *
 * BullMQ calls the worker's custom strategy for every backoff type it does not know itself, so a worker
 * without it fails usage jobs with `Unknown backoff strategy lava-usage`: keep a queue for usage only.
 *
 * @param attemptsMade - Attempts made so far, the failed one included (BullMQ counts from 1).
 * @param _type - The job's backoff type (`lava-usage`).
 * @param error - What the processor threw; `usageProcessor` puts Lava's `Retry-After` on it.
 * @param job - The job, whose `opts.backoff.delay` is the first delay.
 * @returns The delay before the next attempt, in ms.
 * @example
 * ```ts
 * import { usageBackoff, usageProcessor } from '@lava-sdk/bullmq';
 * import { createLava } from '@lava-sdk/core';
 * import { createPostgresBackend, withBackend } from 'bullmq';
 *
 * const { Worker } = withBackend(createPostgresBackend); // on PostgreSQL; on Redis, bullmq's Worker
 * const lava = createLava(); // LAVA_SECRET_KEY from the environment
 * const worker = new Worker('lava-usage', usageProcessor(lava), {
 *   connection: { connectionString: process.env.DATABASE_URL ?? 'postgres://localhost/app' },
 *   settings: { backoffStrategy: usageBackoff },
 * });
 * ```
 */
export const usageBackoff: BackoffStrategy = (attemptsMade, _type, error, job) => {
  const backoff = job?.opts.backoff;
  const base = typeof backoff === 'object' && typeof backoff.delay === 'number' ? backoff.delay : 1000;
  // Core's backoff (the transport's and the usage reporter's), with a longer cap.
  return Math.max(backoffDelay(Math.max(1, attemptsMade), base, MAX_BACKOFF_MS), retryAfterOf(error));
};
