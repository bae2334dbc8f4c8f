/**
 * Usage delivery across many processes, on the job queue you already run: BullMQ 6, on Redis or on
 * PostgreSQL (`createPostgresBackend`). API servers `reportUsage(queue, event)`; workers run
 * `usageProcessor(lava)`. BullMQ keeps the jobs, retries them with `usageBackoff` (never before Lava's
 * `Retry-After`), hands a dead worker's jobs to another, and shows them in Bull Board and its metrics;
 * Lava's idempotency on `request_id` makes every re-send harmless. You build the `Queue` and `Worker`,
 * with your connections, prefixes and retention. `bullmq` (6.x) is a peer dependency, with `ioredis` for
 * Redis or `pg` for PostgreSQL.
 *
 * @packageDocumentation
 * @example
 * ```ts
 * import { reportUsage, usageBackoff, usageProcessor } from '@lava-sdk/bullmq';
 * import { createLava } from '@lava-sdk/core';
 * import { Queue, Worker } from 'bullmq';
 * import IORedis from 'ioredis';
 *
 * const connection = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
 *
 * // In every API process: queue the usage (Ok once Redis holds it).
 * const queue = new Queue('lava-usage', { connection });
 * await reportUsage(queue, { request_id: 'req_42', customer_id: 'con_123', meter_slug: 'chat', input_tokens: 120 });
 *
 * // In every worker process: deliver it.
 * const lava = createLava(); // LAVA_SECRET_KEY from the environment
 * new Worker('lava-usage', usageProcessor(lava), { connection, concurrency: 16, settings: { backoffStrategy: usageBackoff } });
 * ```
 */
// The types of the events and errors, from @lava-sdk/requests, so an app needs no second import for them.
export type { CreateRequestParams, ReportError, UsageRefused } from '@lava-sdk/requests';
export { type ReportUsageOptions, reportUsage, type UsageQueue } from './reportUsage';
export { MAX_BACKOFF_MS, usageBackoff } from './usageBackoff';
export { USAGE_BACKOFF, USAGE_JOB_NAME, USAGE_JOB_OPTIONS, usageJobId } from './usageJob';
export { type UsageProcessor, type UsageProcessorOptions, usageProcessor } from './usageProcessor';
