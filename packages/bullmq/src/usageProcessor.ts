import type { LavaClient, LavaError } from '@lava-sdk/core';
import { RETRY_STATUSES } from '@lava-sdk/core/internal';
import { type CreateRequestParams, createRequest } from '@lava-sdk/requests';
import { type Job, UnrecoverableError } from 'bullmq';

/** Options of {@link usageProcessor}. */
export interface UsageProcessorOptions {
  /** Time budget of each attempt (default: the client's `timeoutMs`). */
  timeoutMs?: number | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
}

/** What a worker runs for each usage job; it resolves to the `request_id` Lava recorded. */
export type UsageProcessor = (
  job: Job<CreateRequestParams, string>,
  token?: string,
  signal?: AbortSignal,
) => Promise<string>;

/**
 * Whether another attempt may succeed: no answer (network, timeout, the worker's signal), a 2xx that is
 * not a record (a proxy's page: nothing was recorded), or 408, 409, 429 and 5xx, the statuses core's
 * transport retries. Everything else (400, 401, 402, 403, 404, 422, invalid params, configuration) would
 * fail the same way again.
 */
export function isTransient(error: LavaError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'aborted':
    case 'invalid_response':
      return true;
    case 'api':
      return RETRY_STATUSES.test(String(error.status));
    default:
      return false;
  }
}

/** `api 404 not_found: Customer not found`: kind, status and code first, for the failed set's reason. */
export function failureReason(error: LavaError): string {
  const head =
    error.kind === 'api'
      ? [error.kind, error.status, error.code].filter((part) => part !== undefined).join(' ')
      : error.kind;
  return `${head}: ${error.message}`;
}

/**
 * The error a transient failure throws: BullMQ records its message as the job's `failedReason` and
 * retries; `retryAfterMs` (Lava's `Retry-After`) is read by `usageBackoff`.
 */
function retryable(error: LavaError): Error {
  const thrown = new Error(failureReason(error), { cause: error });
  if (error.kind === 'api' && error.retryAfterMs !== undefined)
    Object.defineProperty(thrown, 'retryAfterMs', { value: error.retryAfterMs, enumerable: true });
  return thrown;
}

/**
 * A BullMQ processor that delivers usage jobs (made by `reportUsage`) to Lava with `createRequest`, for
 * `new Worker(name, usageProcessor(lava), { connection, settings: { backoffStrategy: usageBackoff } })`.
 *
 * - Delivered: the job completes with the `request_id`. Every attempt sends the same `request_id`, on
 *   which Lava is idempotent, so an attempt whose answer was lost (or whose worker died) is recorded and
 *   charged once however often it is sent again.
 * - Transient failure (network, timeout, 408, 409, 429, 5xx): the processor throws, and BullMQ retries
 *   the job after the backoff of `usageBackoff`, never before Lava's `Retry-After`.
 * - Permanent failure (any other 4xx, such as an unknown customer's 404, or invalid params): it throws
 *   BullMQ's `UnrecoverableError`, so the job goes to the failed set at once, after one attempt. Its
 *   `failedReason` names the LavaError's kind, status and code: `api 404 not_found: Customer not found`.
 *
 * The processor makes one attempt per job run (`maxRetries: 0`): BullMQ owns retries, so they survive
 * the worker, and `attemptsMade` counts every request sent. Reasons and stack traces come from the SDK's
 * scrubbed `LavaError` messages: the secret key never reaches the queue.
 *
 * @param lava - The client context the worker sends with.
 * @param options - `timeoutMs` and `headers` of each attempt.
 * @returns The processor, `(job, token, signal) => Promise<request_id>`.
 * @example
 * ```ts
 * import { usageBackoff, usageProcessor } from '@lava-sdk/bullmq';
 * import { createLava } from '@lava-sdk/core';
 * import { Worker } from 'bullmq';
 *
 * const lava = createLava(); // LAVA_SECRET_KEY from the environment
 * const worker = new Worker('lava-usage', usageProcessor(lava), {
 *   connection, // your ioredis client, `new IORedis(url, { maxRetriesPerRequest: null })`
 *   concurrency: 16,
 *   settings: { backoffStrategy: usageBackoff },
 * });
 * worker.on('failed', (job, error) => console.error(job?.id, error.message));
 * ```
 */
export function usageProcessor(lava: LavaClient, options: UsageProcessorOptions = {}): UsageProcessor {
  const { timeoutMs, headers } = options;
  return async (job, _token, signal) => {
    const result = await createRequest(lava, job.data, {
      maxRetries: 0,
      ...(timeoutMs !== undefined && { timeoutMs }),
      ...(headers !== undefined && { headers }),
      ...(signal !== undefined && { signal }),
    });
    if (result.isOk()) return result.value.request_id;
    const error = result.error;
    if (isTransient(error)) throw retryable(error);
    throw Object.assign(new UnrecoverableError(failureReason(error)), { cause: error });
  };
}
