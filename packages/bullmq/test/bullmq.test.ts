// reportUsage and usageProcessor on real BullMQ queues, on a real redis-server and a real PostgreSQL
// (started by the tests), with Lava mocked at the network boundary by msw.
import {
  reportUsage,
  USAGE_BACKOFF,
  USAGE_JOB_NAME,
  USAGE_JOB_OPTIONS,
  usageBackoff,
  usageJobId,
  usageProcessor,
} from '@lava-sdk/bullmq';
import { type CreateRequestParams, createRequest } from '@lava-sdk/requests';
import { createPostgresBackend, type Job, Queue, Worker, withBackend } from 'bullmq';
import IORedis from 'ioredis';
import { HttpResponse, http } from 'msw';
import { afterEach, expect, it } from 'vitest';
import { requestRecord } from '../../../test/helpers/fixtures-billing';
import {
  BASE_URL,
  lavaErrorResponse,
  SECRET_KEY,
  server,
  testLava,
  useMsw,
} from '../../../test/helpers/lava';
import { describeBackends } from './helpers/backends';
import { dumpBackend, makeQueue, makeQueueEvents, makeWorker, until } from './helpers/queues';

useMsw();
const lava = testLava();

const event = (id: string, extra: Partial<CreateRequestParams> = {}): CreateRequestParams => ({
  request_id: id,
  customer_id: 'con_1',
  meter_slug: 'chat',
  input_tokens: 120,
  output_tokens: 80,
  metadata: { feature: 'chat' },
  ...extra,
});

/** Lava, mocked: `answer(body, attempt)` per POST /requests (a record by default); every attempt is logged. */
function mockLava(answer?: (body: CreateRequestParams, attempt: number) => Response | undefined) {
  const attempts = new Map<string, { at: number; authorization: string | null }[]>();
  server.use(
    http.post(`${BASE_URL}requests`, async ({ request }) => {
      const body = (await request.json()) as CreateRequestParams;
      const log = attempts.get(body.request_id) ?? [];
      log.push({ at: Date.now(), authorization: request.headers.get('authorization') });
      attempts.set(body.request_id, log);
      return (
        answer?.(body, log.length) ?? HttpResponse.json({ ...requestRecord, request_id: body.request_id })
      );
    }),
  );
  return attempts;
}

let n = 0;
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((q) => q.close()));
});

describeBackends('reportUsage', (backend, running) => {
  const queue = () => {
    const q = makeQueue(backend, running().url, `report-${++n}`);
    opened.push(q);
    return q;
  };

  it('queues the validated event under its request_id, with the default job options', async () => {
    const q = queue();
    const result = await reportUsage(q, event('req_1'));
    expect(result._unsafeUnwrap()).toBe('req_1');
    const job = await q.getJob('req_1');
    expect(job?.name).toBe(USAGE_JOB_NAME);
    expect(job?.data).toEqual(event('req_1'));
    expect(job?.opts).toMatchObject({ ...USAGE_JOB_OPTIONS, jobId: 'req_1' });
    expect(await q.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('a repeat of a request_id queues nothing and answers Ok, also when reported at once from many calls', async () => {
    const q = queue();
    expect((await reportUsage(q, event('req_1'))).isOk()).toBe(true);
    const again = await reportUsage(q, event('req_1', { input_tokens: 999 }));
    expect(again._unsafeUnwrap()).toBe('req_1');
    const racing = await Promise.all(Array.from({ length: 20 }, () => reportUsage(q, event('req_2'))));
    expect(racing.map((r) => r._unsafeUnwrap())).toEqual(Array(20).fill('req_2'));
    expect(await q.getJobCounts('waiting')).toEqual({ waiting: 2 });
    expect((await q.getJob('req_1'))?.data.input_tokens).toBe(120); // the first report's event
  });

  it('an invalid event is Err(invalid_params), exactly as createRequest refuses it, and nothing is queued', async () => {
    const q = queue();
    const invalid = [
      { customer_id: 'con_1', meter_slug: 'chat' }, // no request_id
      event('req_1', { input_tokens: -1 }),
      event('req_1', { meter_slug: '' }),
      event('req_1', { metadata: { 'bad key': 'x' } }),
      event('req_1', { output_seconds: Number.NaN }),
      'not an event',
    ] as unknown as CreateRequestParams[];
    for (const bad of invalid) {
      const result = await reportUsage(q, bad);
      const direct = await createRequest(lava, bad); // sends nothing: msw would fail an unmocked request
      expect(result._unsafeUnwrapErr()).toMatchObject({ kind: 'invalid_params' });
      expect(result._unsafeUnwrapErr()).toEqual(direct._unsafeUnwrapErr());
    }
    const counts = await q.getJobCounts();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('takes every request_id, also those BullMQ refuses as job ids (integers, colons), one job each', async () => {
    const q = queue();
    const ids = ['42', '0', '-7', '42%', 'a:b', 'a%3Ab', '%', 'x:y:z', '0:1', 'req_ü', ' '];
    for (const id of ids) expect((await reportUsage(q, event(id)))._unsafeUnwrap()).toBe(id);
    expect(await q.getJobCounts('waiting')).toEqual({ waiting: ids.length });
    for (const id of ids) expect((await q.getJob(usageJobId(id)))?.data.request_id).toBe(id);
  });

  it("the queue's defaultJobOptions, then the call's options, override the defaults", async () => {
    const q = makeQueue(backend, running().url, `report-${++n}`, {
      defaultJobOptions: { removeOnComplete: 10, attempts: 5 },
    });
    opened.push(q);
    await reportUsage(q, event('req_1'), { attempts: 7, priority: 3 });
    expect((await q.getJob('req_1'))?.opts).toMatchObject({
      attempts: 7,
      priority: 3,
      removeOnComplete: 10,
      removeOnFail: USAGE_JOB_OPTIONS.removeOnFail,
      backoff: USAGE_JOB_OPTIONS.backoff,
      jobId: 'req_1',
    });
  });

  it('a closed queue is Err(closed); something that is not a queue, or a bad timeoutMs, Err(config)', async () => {
    const q = queue();
    await q.close();
    const closed = (await reportUsage(q, event('req_1')))._unsafeUnwrapErr();
    expect(closed).toMatchObject({ kind: 'closed', event: event('req_1') });
    const notQueue = (await reportUsage({} as Queue, event('req_1')))._unsafeUnwrapErr();
    expect(notQueue).toMatchObject({ kind: 'config', message: expect.stringContaining('BullMQ Queue') });
    for (const timeoutMs of [0, -1, Number.NaN, 2 ** 31])
      expect((await reportUsage(queue(), event('req_1'), { timeoutMs }))._unsafeUnwrapErr()).toMatchObject({
        kind: 'config',
        message: expect.stringContaining('timeoutMs'),
      });
  });

  it('a backend that is down is Err(store), with the event handed back', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused (and ioredis keeps retrying).
    const down = makeQueue(
      backend,
      backend === 'redis' ? 'redis://127.0.0.1:1' : 'postgres://postgres@127.0.0.1:1/x',
      'down',
    );
    const result = await reportUsage(down, event('req_1'), { timeoutMs: 500 });
    expect(result._unsafeUnwrapErr()).toMatchObject({
      kind: 'store',
      message: expect.stringMatching(/^The queue could not keep the event: /),
      event: event('req_1'),
    });
    await Promise.race([down.close(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  });
});

describeBackends('usageProcessor in a Worker', (backend, running) => {
  const setup = (name = `deliver-${++n}`) => {
    const q = makeQueue(backend, running().url, name);
    const worker = makeWorker(backend, running().url, name, usageProcessor(lava), {
      concurrency: 4,
      settings: { backoffStrategy: usageBackoff },
      metrics: { maxDataPoints: 60 }, // BullMQ's own metrics, as a user would turn them on
    });
    opened.push(worker, q);
    return { q, worker };
  };
  const settled = async (q: Queue, jobs: number) => {
    await until(async () => {
      const { completed = 0, failed = 0 } = await q.getJobCounts('completed', 'failed');
      return completed + failed === jobs;
    }, `${jobs} jobs settled`);
  };
  // Quick retries: the first backoff 20 ms instead of 1 s.
  const quick = { backoff: { type: USAGE_BACKOFF, delay: 20 } };

  it('delivers each job with createRequest, once, and completes it with the request_id', async () => {
    const attempts = mockLava();
    const { q } = setup();
    const ids = ['req_1', 'req_2', '42', 'a:b'];
    for (const id of ids) await reportUsage(q, event(id));
    await settled(q, ids.length);
    for (const id of ids) {
      const job = (await q.getJob(usageJobId(id)))!;
      expect(await job.getState()).toBe('completed');
      expect(job.returnvalue).toBe(id);
      expect(job.attemptsMade).toBe(1);
      expect(attempts.get(id)).toEqual([{ at: expect.any(Number), authorization: `Bearer ${SECRET_KEY}` }]);
    }
    // A delivered event reported again, while its job is kept: Ok, and nothing queued or sent.
    expect((await reportUsage(q, event('req_1')))._unsafeUnwrap()).toBe('req_1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(attempts.get('req_1')).toHaveLength(1);
    expect(await q.getJobCounts('completed', 'waiting')).toEqual({ completed: ids.length, waiting: 0 });
    // BullMQ's metrics count the deliveries as for any other job.
    expect((await q.getMetrics('completed')).meta.count).toBe(ids.length);
  });

  it("works with BullMQ's classes built as the README builds them", async () => {
    const attempts = mockLava();
    const name = `readme-${++n}`;
    const { url } = running();
    if (backend === 'redis') {
      const connection = new IORedis(url, { maxRetriesPerRequest: null });
      const queue = new Queue(name, { connection });
      const worker = new Worker(name, usageProcessor(lava), {
        connection,
        settings: { backoffStrategy: usageBackoff },
      });
      opened.push(worker, queue);
      expect((await reportUsage(queue, event('req_1')))._unsafeUnwrap()).toBe('req_1');
      await until(async () => (await queue.getJob('req_1'))?.returnvalue === 'req_1', 'the delivery');
      await worker.close();
      await queue.close();
      connection.disconnect();
    } else {
      const connection = { connectionString: url };
      const { Queue: PgQueue, Worker: PgWorker } = withBackend(createPostgresBackend);
      const queue = new PgQueue(name, { connection });
      queue.on('error', () => {});
      const worker = new PgWorker(name, usageProcessor(lava), {
        connection,
        settings: { backoffStrategy: usageBackoff },
      });
      // The three-argument form of BullMQ's docs is the same queue.
      const same = new Queue(name, { connection }, createPostgresBackend);
      same.on('error', () => {});
      opened.push(worker, queue, same);
      expect((await reportUsage(queue, event('req_1')))._unsafeUnwrap()).toBe('req_1');
      expect((await reportUsage(same, event('req_1')))._unsafeUnwrap()).toBe('req_1');
      await until(async () => (await queue.getJob('req_1'))?.returnvalue === 'req_1', 'the delivery');
    }
    expect(attempts.get('req_1')).toHaveLength(1);
  });

  it('retries transient failures (503, network, 429) and starts no attempt before Retry-After', async () => {
    const attempts = mockLava((_, attempt) =>
      attempt === 1
        ? lavaErrorResponse(503, 'Service unavailable', 'unavailable')
        : attempt === 2
          ? HttpResponse.error()
          : attempt === 3
            ? HttpResponse.json(
                { error: { message: 'Slow down', code: 'rate_limited', status: 429 } },
                { status: 429, headers: { 'retry-after': '1' } },
              )
            : undefined,
    );
    const { q } = setup();
    await reportUsage(q, event('req_1'), quick);
    await settled(q, 1);
    const job = (await q.getJob('req_1'))!;
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(4);
    // One stack trace per failed attempt, each naming the failure (the LavaError's message after it).
    expect(job.stacktrace?.map((s) => s.split('\n')[0])).toEqual([
      expect.stringMatching(/^Error: api 503 unavailable: .*Service unavailable$/),
      expect.stringMatching(/^Error: network: /),
      expect.stringMatching(/^Error: api 429 rate_limited: .*Slow down$/),
    ]);
    const at = attempts.get('req_1')!.map((a) => a.at);
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(1000); // Retry-After: 1
  });

  it.each([
    [400, 'invalid_request', 'Invalid params: meter_slug'],
    [401, 'unauthorized', 'Invalid secret key'],
    [402, 'insufficient_balance', 'Insufficient balance'],
    [403, 'meter_not_in_plan', 'Meter chat is not included'],
    [404, 'not_found', 'Customer not found'],
    [422, 'unprocessable', 'Unprocessable'],
  ])(
    'a permanent failure (%i) fails the job at once, after one attempt, naming kind, status and code',
    async (status, code, message) => {
      const attempts = mockLava(() => lavaErrorResponse(status, message, code));
      const { q } = setup();
      await reportUsage(q, event('req_1'), quick);
      await settled(q, 1);
      const job = (await q.getJob('req_1'))!;
      expect(await job.getState()).toBe('failed');
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toMatch(new RegExp(`^api ${status} ${code}: .*${message}$`));
      expect(attempts.get('req_1')).toHaveLength(1);
    },
  );

  it("BullMQ's event stream reports final failures only; retryJobs({ state: 'failed' }) delivers them later", async () => {
    let customerExists = false;
    const attempts = mockLava((body, attempt) =>
      body.request_id === 'req_perm'
        ? customerExists
          ? undefined
          : lavaErrorResponse(404, 'Customer not found', 'not_found')
        : attempt === 1
          ? lavaErrorResponse(503, 'Service unavailable', 'unavailable')
          : undefined,
    );
    const name = `events-${++n}`;
    const events = makeQueueEvents(backend, running().url, name);
    opened.push(events);
    const failed: { jobId: string; failedReason: string }[] = [];
    events.on('failed', (event) => failed.push(event));
    await events.waitUntilReady();
    const { q } = setup(name);
    await reportUsage(q, event('req_perm'), quick);
    await reportUsage(q, event('req_retry'), quick);
    await settled(q, 2);
    await until(() => failed.length > 0, 'the failed event');
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for a wrong second event to arrive
    expect(failed).toEqual([
      { jobId: 'req_perm', failedReason: expect.stringMatching(/^api 404 not_found: /), prev: 'active' },
    ]);
    expect(await (await q.getJob('req_retry'))!.getState()).toBe('completed');

    customerExists = true; // the cause fixed: deliver what failed
    await q.retryJobs({ state: 'failed' });
    await until(async () => (await q.getJob('req_perm'))?.returnvalue === 'req_perm', 'the retried delivery');
    expect(attempts.get('req_perm')).toHaveLength(2);
  });

  it('a job whose data is not a valid event (added without reportUsage) fails at once, and sends nothing', async () => {
    const attempts = mockLava();
    const { q } = setup();
    await q.add(USAGE_JOB_NAME, { request_id: 'req_1', customer_id: 'con_1' } as CreateRequestParams, {
      jobId: 'req_1',
      attempts: 5,
    });
    await settled(q, 1);
    const job = (await q.getJob('req_1'))!;
    expect(job.failedReason).toMatch(/^invalid_params: /);
    expect(job.attemptsMade).toBe(1);
    expect(attempts.size).toBe(0);
  });

  it('no job data, reason, stack trace or backend row holds the secret key, even when Lava echoes it', async () => {
    // Answers that quote the key back, raw and as a header: a permanent and a transient failure.
    mockLava((body, attempt) =>
      body.request_id === 'req_perm'
        ? lavaErrorResponse(400, `bad key ${SECRET_KEY}`, 'invalid_request')
        : attempt === 1
          ? lavaErrorResponse(503, `upstream saw Authorization: Bearer ${SECRET_KEY}`, 'unavailable')
          : undefined,
    );
    const name = `leak-${++n}`;
    const { q } = setup(name);
    await reportUsage(q, event('req_perm'), quick);
    await reportUsage(q, event('req_retry'), quick);
    await settled(q, 2);
    const jobs = await q.getJobs(['completed', 'failed']);
    expect(jobs.map((j) => j.id).sort()).toEqual(['req_perm', 'req_retry']);
    const failed = (await q.getJob('req_perm'))!;
    expect(failed.failedReason).toMatch(/^api 400 invalid_request: .*bad key /);
    const text =
      JSON.stringify(jobs.map((j: Job) => j.asJSON())) + (await dumpBackend(backend, running().url));
    expect(text).toContain('req_retry'); // the dump holds the jobs
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(SECRET_KEY.slice(-16));
  });
});
