// Type tests of @lava-sdk/bullmq: BullMQ's own Queue and Worker, on Redis and on PostgreSQL, take what the
// package gives them as a user writes it, with no cast. On Redis: BullMQ's PostgreSQL declarations need
// @types/node, which these type tests leave out; bullmq.test.ts builds the PostgreSQL classes as a user does
// (withBackend(createPostgresBackend)), compiled by `pnpm typecheck`.
import {
  type CreateRequestParams,
  type ReportError,
  reportUsage,
  type UsageProcessor,
  usageBackoff,
  usageJobId,
  usageProcessor,
} from '@lava-sdk/bullmq';
import type { LavaClient } from '@lava-sdk/core';
import { type Job, Queue, Worker } from 'bullmq';
import type { ResultAsync } from 'neverthrow';
import { describe, expectTypeOf, test } from 'vitest';

declare const lava: LavaClient;
const event: CreateRequestParams = { request_id: 'req_1', customer_id: 'con_1', meter_slug: 'chat' };

describe('@lava-sdk/bullmq', () => {
  test('reportUsage takes a queue, typed or not', () => {
    const redis = new Queue('lava-usage', { connection: { host: '127.0.0.1', port: 6379 } });
    expectTypeOf(reportUsage(redis, event)).toEqualTypeOf<ResultAsync<string, ReportError>>();
    const typed = new Queue<CreateRequestParams, string>('lava-usage', { connection: { host: '127.0.0.1' } });
    expectTypeOf(reportUsage(typed, event, { priority: 1, timeoutMs: 1000 })).toEqualTypeOf<
      ResultAsync<string, ReportError>
    >();
    // @ts-expect-error: the job id is the request_id, not an option
    reportUsage(redis, event, { jobId: 'x' });
    // @ts-expect-error: an event without request_id
    reportUsage(redis, { customer_id: 'con_1', meter_slug: 'chat' });
  });

  test('usageProcessor and usageBackoff plug into a Worker', () => {
    const processor = usageProcessor(lava, { timeoutMs: 5000 });
    expectTypeOf(processor).toEqualTypeOf<UsageProcessor>();
    expectTypeOf(processor).parameter(0).toEqualTypeOf<Job<CreateRequestParams, string>>();
    expectTypeOf(processor).returns.toEqualTypeOf<Promise<string>>();
    new Worker('lava-usage', processor, {
      connection: { host: '127.0.0.1' },
      concurrency: 16,
      settings: { backoffStrategy: usageBackoff },
    });
    new Worker<CreateRequestParams, string>('lava-usage', processor, { connection: { host: '127.0.0.1' } });
    expectTypeOf(usageJobId).toEqualTypeOf<(requestId: string) => string>();
  });
});
