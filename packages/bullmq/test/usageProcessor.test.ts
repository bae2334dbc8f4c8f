// The processor, the backoff and the job ids through their public functions, without a queue: Lava is
// mocked at the network boundary by msw, and the processor is called as BullMQ's Worker calls it.
import {
  MAX_BACKOFF_MS,
  USAGE_BACKOFF,
  USAGE_JOB_OPTIONS,
  usageBackoff,
  usageJobId,
  usageProcessor,
} from '@lava-sdk/bullmq';
import { RETRY_STATUSES } from '@lava-sdk/core/internal';
import type { CreateRequestParams } from '@lava-sdk/requests';
import { type Job, UnrecoverableError } from 'bullmq';
import fc from 'fast-check';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { requestRecord } from '../../../test/helpers/fixtures-billing';
import { BASE_URL, mockApi, SECRET_KEY, server, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
const process = usageProcessor(testLava());
const data: CreateRequestParams = {
  request_id: 'req_1',
  customer_id: 'con_1',
  meter_slug: 'chat',
  input_tokens: 5,
};
const job = (d: unknown = data) =>
  ({ data: d, opts: { ...USAGE_JOB_OPTIONS } }) as unknown as Job<CreateRequestParams, string>;

/** What the processor threw, or undefined when it resolved. */
async function thrown(run: Promise<string>): Promise<Error | undefined> {
  try {
    await run;
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

describe('usageProcessor', () => {
  it('sends the job once as POST /requests (no retry of its own) and resolves to the request_id', async () => {
    const seen = mockApi(() => ({ ...requestRecord, request_id: 'req_1' }));
    await expect(process(job())).resolves.toBe('req_1');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v1/requests', body: data });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
  });

  it("retries exactly the statuses core's transport retries, and fails every other one at once", async () => {
    for (let status = 300; status <= 599; status++) {
      mockApi(() => HttpResponse.json({ error: { message: 'no', code: 'x', status } }, { status }));
      const error = await thrown(process(job()));
      const transient = RETRY_STATUSES.test(String(status));
      expect(error, String(status)).toBeInstanceOf(transient ? Error : UnrecoverableError);
      expect(error instanceof UnrecoverableError, String(status)).toBe(!transient);
      expect(error!.message).toMatch(new RegExp(`^api ${status}( x)?: `)); // a 304 has no body, so no code
    }
  });

  it('retries a network failure, a 2xx that is not a record, and an aborted attempt', async () => {
    server.use(http.post(`${BASE_URL}requests`, () => HttpResponse.error()));
    const network = await thrown(process(job()));
    expect(network).not.toBeInstanceOf(UnrecoverableError);
    expect(network!.message).toMatch(/^network: /);

    mockApi(() => new HttpResponse('<html>proxy</html>', { headers: { 'content-type': 'text/html' } }));
    const page = await thrown(process(job()));
    expect(page).not.toBeInstanceOf(UnrecoverableError);
    expect(page!.message).toMatch(/^invalid_response: /);

    mockApi(() => ({ ...requestRecord, request_id: 'req_1' }));
    const aborted = await thrown(process(job(), 'token', AbortSignal.abort()));
    expect(aborted).not.toBeInstanceOf(UnrecoverableError);
    expect(aborted!.message).toMatch(/^aborted: /);
  });

  it("puts Lava's Retry-After on the error, so usageBackoff waits at least that long", async () => {
    mockApi(() =>
      HttpResponse.json(
        { error: { message: 'slow', code: 'rate_limited', status: 429 } },
        {
          status: 429,
          headers: { 'retry-after': '120' },
        },
      ),
    );
    const error = await thrown(process(job()));
    expect(error).toMatchObject({
      retryAfterMs: 120_000,
      message: expect.stringMatching(/^api 429 rate_limited: /),
    });
    expect(usageBackoff(1, USAGE_BACKOFF, error, job())).toBe(120_000);
  });

  it('fails invalid job data at once (invalid_params) and sends nothing', async () => {
    const seen = mockApi(() => requestRecord);
    const error = await thrown(process(job({ request_id: 'req_1', meter_slug: 'chat' })));
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(error!.message).toMatch(/^invalid_params: /);
    expect(seen).toHaveLength(0);
  });

  it('never puts the secret key in what it throws, even when Lava quotes it back', async () => {
    for (const status of [400, 503]) {
      mockApi(() =>
        HttpResponse.json(
          { error: { message: `key ${SECRET_KEY} / Bearer ${SECRET_KEY}`, status } },
          { status },
        ),
      );
      const error = await thrown(process(job()));
      const text = `${error!.message}\n${error!.stack}\n${JSON.stringify(error)}`;
      expect(text).toContain('key ');
      expect(text).not.toContain(SECRET_KEY);
    }
  });
});

describe('usageBackoff', () => {
  const base = (delay?: number) =>
    ({ opts: { backoff: delay === undefined ? USAGE_BACKOFF : { type: USAGE_BACKOFF, delay } } }) as Job;

  it("doubles the job's backoff.delay per attempt, up to MAX_BACKOFF_MS, minus at most 25 % jitter", () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect([1, 2, 3, 4, 10].map((n) => usageBackoff(n, USAGE_BACKOFF, undefined, base(1000)))).toEqual([
      1000, 2000, 4000, 8000, 300_000,
    ]);
    expect(usageBackoff(60, USAGE_BACKOFF, undefined, base(1000))).toBe(MAX_BACKOFF_MS);
    expect(usageBackoff(1, USAGE_BACKOFF, undefined, base())).toBe(1000); // no delay given: 1 s
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    expect(usageBackoff(3, USAGE_BACKOFF, undefined, base(1000))).toBe(3000);
    vi.restoreAllMocks();
  });

  it('never returns less than the Retry-After on the error; ignores one that is not a positive number', () => {
    const withRetryAfter = (ms: unknown) => Object.assign(new Error('x'), { retryAfterMs: ms });
    expect(usageBackoff(1, USAGE_BACKOFF, withRetryAfter(90_000), base(1000))).toBe(90_000);
    expect(usageBackoff(9, USAGE_BACKOFF, withRetryAfter(24 * 3600_000), base(1000))).toBe(24 * 3600_000);
    for (const bad of [Number.NaN, -5, '900000', null, Number.POSITIVE_INFINITY])
      expect(usageBackoff(1, USAGE_BACKOFF, withRetryAfter(bad), base(10))).toBeLessThanOrEqual(10);
  });

  it('with the default options, 25 attempts span more than an hour even with the most jitter', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    let total = 0;
    for (let made = 1; made < USAGE_JOB_OPTIONS.attempts; made++)
      total += usageBackoff(made, USAGE_BACKOFF, undefined, { opts: USAGE_JOB_OPTIONS } as Job) as number;
    vi.restoreAllMocks();
    expect(total).toBeGreaterThan(3600_000);
  });
});

describe('usageJobId', () => {
  it('is the request_id, except where BullMQ refuses it: integers and colons', () => {
    expect(['req_1', 'a-b_c', '4e3', '1.5', ' 7', 'évt'].map(usageJobId)).toEqual([
      'req_1',
      'a-b_c',
      '4e3',
      '1.5',
      ' 7',
      'évt',
    ]);
    expect(['42', '0', '-7', 'a:b', '%', '42%'].map(usageJobId)).toEqual([
      '42%',
      '0%',
      '-7%',
      'a%3Ab',
      '%25',
      '42%25',
    ]);
  });

  it('never maps two request_ids to one job id, and never makes an id BullMQ refuses', () => {
    const chars = fc.constantFrom('0', '1', '9', '-', ':', '%', '2', '5', '3', 'A', 'a', 'x');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: chars, minLength: 1, maxLength: 6 }), { maxLength: 40 }),
        (ids) => {
          const jobIds = ids.map(usageJobId);
          expect(new Set(jobIds).size).toBe(ids.length);
          for (const id of jobIds) {
            expect(`${Number.parseInt(id, 10)}`).not.toBe(id); // BullMQ: 'Custom Id cannot be integers'
            expect(id).not.toContain(':'); // BullMQ: 'Custom Id cannot contain :'
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
