import type { LavaError } from '@lava-sdk/core';
import {
  type CreateRequestParams,
  createUsageReporter,
  type StoredUsage,
  type UsageStore,
} from '@lava-sdk/requests';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestRecord } from '../../../test/helpers/fixtures-billing';
import {
  BASE_URL,
  lavaErrorResponse,
  mockApi,
  SECRET_KEY,
  type Seen,
  server,
  testLava,
  useMsw,
} from '../../../test/helpers/lava';

useMsw();
const lava = testLava();
const event = { customer_id: 'con_1', meter_slug: 'chat', input_tokens: 120 };
const recorded = (seen: Seen) => ({
  ...requestRecord,
  request_id: (seen.body as { request_id: string }).request_id,
});
const noError = () => {
  throw new Error('onError must not be called');
};

afterEach(() => vi.restoreAllMocks());

/** A server whose answers wait until released; records how many requests were open at once. */
function heldServer() {
  const gates: (() => void)[] = [];
  let open = 0;
  const state = { maxOpen: 0, bodies: [] as { request_id: string }[] };
  server.use(
    http.post(`${BASE_URL}requests`, async ({ request }) => {
      const body = (await request.json()) as { request_id: string };
      state.bodies.push(body);
      state.maxOpen = Math.max(state.maxOpen, ++open);
      await new Promise<void>((resolve) => gates.push(resolve));
      open--;
      return HttpResponse.json({ ...requestRecord, request_id: body.request_id });
    }),
  );
  const releaseAll = async () => {
    while (gates.length) gates.shift()!();
  };
  return { state, gates, releaseAll };
}

const settleSoon = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('createUsageReporter: report()', () => {
  it('queues synchronously, returns Ok(request_id), and sends POST /requests with the event', async () => {
    const seen = mockApi(recorded);
    const reporter = createUsageReporter(lava, { onError: noError });
    const given = reporter.report({ ...event, request_id: 'job_1', metadata: { feature: 'chat' } });
    const generated = reporter.report(event);
    expect(given._unsafeUnwrap()).toBe('job_1');
    expect(generated._unsafeUnwrap()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(reporter.stats()).toMatchObject({ queued: 2, inFlight: 0, delivered: 0 });
    expect(seen).toHaveLength(0); // nothing is sent inside report()
    await reporter.flush();
    expect(reporter.stats()).toEqual({ queued: 0, inFlight: 0, delivered: 2, failed: 0, retried: 0 });
    expect(seen.map((s) => [s.method, s.path, s.headers.authorization])).toEqual([
      ['POST', '/v1/requests', `Bearer ${SECRET_KEY}`],
      ['POST', '/v1/requests', `Bearer ${SECRET_KEY}`],
    ]);
    expect(seen[0]!.body).toEqual({ ...event, request_id: 'job_1', metadata: { feature: 'chat' } });
    expect(seen[1]!.body).toEqual({ ...event, request_id: generated._unsafeUnwrap() });
  });

  it.each<[string, unknown, string]>([
    ['a missing customer_id', { meter_slug: 'chat' }, 'customer_id'],
    ['a negative count', { ...event, output_tokens: -1 }, 'output_tokens'],
    ['an empty request_id', { ...event, request_id: '' }, 'request_id'],
    ['a metadata key with a space', { ...event, metadata: { 'a b': 'x' } }, 'metadata'],
    ['null', null, ''],
    ['a string', 'event', ''],
  ])('%s is invalid_params, with nothing queued or sent', async (_, input, path) => {
    const seen = mockApi(recorded);
    const reporter = createUsageReporter(lava, { onError: noError });
    const result = reporter.report(input as never);
    const error = result._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    if (error.kind === 'invalid_params') expect(error.issues.some((i) => i.path.startsWith(path))).toBe(true);
    expect(reporter.stats().queued).toBe(0);
    await reporter.flush();
    expect(seen).toHaveLength(0);
  });

  it('an id that is already queued is queued once (Lava keeps the first event of an id)', async () => {
    const seen = mockApi(recorded);
    const reporter = createUsageReporter(lava, { onError: noError });
    expect(reporter.report({ ...event, request_id: 'job_1' })._unsafeUnwrap()).toBe('job_1');
    expect(reporter.report({ ...event, request_id: 'job_1', input_tokens: 5 })._unsafeUnwrap()).toBe('job_1');
    await reporter.flush();
    expect(seen).toHaveLength(1);
    expect((seen[0]!.body as CreateRequestParams).input_tokens).toBe(120);
  });

  it('refuses with queue_full beyond maxQueue, handing the event back; accepts again once drained', async () => {
    const held = heldServer();
    const reporter = createUsageReporter(lava, { maxQueue: 2, onError: noError });
    expect(reporter.report(event).isOk()).toBe(true);
    expect(reporter.report(event).isOk()).toBe(true);
    const third = { ...event, request_id: 'job_3' };
    const refused = reporter.report(third)._unsafeUnwrapErr();
    expect(refused).toMatchObject({ kind: 'queue_full', event: third });
    expect(refused.message).toMatch(/full \(2 events\)/);
    const flushed = reporter.flush();
    await vi.waitFor(() => expect(held.gates).toHaveLength(2));
    await held.releaseAll();
    await flushed;
    expect(reporter.report(third).isOk()).toBe(true);
    await vi.waitFor(() => expect(held.gates).toHaveLength(1));
    await held.releaseAll();
    await reporter.close();
    expect(reporter.stats().delivered).toBe(3);
  });

  it('refuses with closed after close(), handing the event back; close() delivers what was queued', async () => {
    const seen = mockApi(recorded);
    const reporter = createUsageReporter(lava, { onError: noError });
    reporter.report({ ...event, request_id: 'before' });
    const closing = reporter.close();
    const late = { ...event, request_id: 'after' };
    expect(reporter.report(late)._unsafeUnwrapErr()).toMatchObject({ kind: 'closed', event: late });
    await closing;
    expect(seen.map((s) => (s.body as CreateRequestParams).request_id)).toEqual(['before']);
    expect(reporter.close()).toBe(closing);
  });

  it('invalid options are a config error from report(), and flush() and close() still resolve', async () => {
    for (const options of [
      { concurrency: 0 },
      { concurrency: 1.5 },
      { maxAgeMs: -1 },
      { maxAgeMs: Number.NaN },
      { maxQueue: 0 },
      { onError: 'log' },
      { store: {} },
    ]) {
      const reporter = createUsageReporter(lava, options as never);
      const error = reporter.report(event)._unsafeUnwrapErr();
      expect(error.kind, JSON.stringify(options)).toBe('config');
      expect(error.message).toMatch(/^Invalid usage reporter options: /);
      await reporter.close();
    }
  });
});

describe('createUsageReporter: delivery', () => {
  it('retries network errors and retryable statuses with the same request_id, then delivers', async () => {
    const answers = [
      () => HttpResponse.error(),
      () => lavaErrorResponse(408, 'timeout'),
      () => lavaErrorResponse(409, 'in progress'),
      () => lavaErrorResponse(429, 'slow down'),
      () => lavaErrorResponse(500, 'oops'),
      () => lavaErrorResponse(502, 'bad gateway'),
      () => lavaErrorResponse(503, 'unavailable'),
      () => lavaErrorResponse(504, 'gateway timeout'),
      () => new HttpResponse('<html>login</html>', { headers: { 'content-type': 'text/html' } }),
    ];
    const seen = mockApi((s, n) => answers[n - 1]?.() ?? recorded(s));
    const reporter = createUsageReporter(lava, { onError: noError });
    const id = reporter.report(event)._unsafeUnwrap();
    await reporter.flush();
    expect(seen).toHaveLength(answers.length + 1);
    // Byte for byte the same body on every attempt, so Lava sees one request_id.
    expect(new Set(seen.map((s) => s.rawBody)).size).toBe(1);
    expect(seen[0]!.body).toEqual({ ...event, request_id: id });
    expect(reporter.stats()).toEqual({
      queued: 0,
      inFlight: 0,
      delivered: 1,
      failed: 0,
      retried: answers.length,
    });
  });

  it.each([400, 401, 402, 403, 404, 422])(
    '%i is final: not retried, handed to onError once',
    async (status) => {
      const seen = mockApi(() => lavaErrorResponse(status, 'no', 'nope'));
      const failures: [LavaError, CreateRequestParams][] = [];
      const reporter = createUsageReporter(lava, { onError: (e, ev) => failures.push([e, ev]) });
      reporter.report({ ...event, request_id: 'job_1' });
      await reporter.flush();
      expect(seen).toHaveLength(1);
      expect(failures).toHaveLength(1);
      expect(failures[0]![0]).toMatchObject({ kind: 'api', status, code: 'nope' });
      expect(failures[0]![1]).toEqual({ ...event, request_id: 'job_1' });
      expect(JSON.stringify(failures[0]![0])).not.toContain(SECRET_KEY);
      expect(reporter.stats()).toMatchObject({ delivered: 0, failed: 1, retried: 0, queued: 0 });
    },
  );

  it('waits the Retry-After Lava asks for, not the (1 ms) backoff', async () => {
    const at: number[] = [];
    mockApi((s, n) => {
      at.push(performance.now());
      return n === 1
        ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '0.25' } })
        : recorded(s);
    });
    const reporter = createUsageReporter(lava, { onError: noError });
    reporter.report(event);
    await reporter.flush();
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(240);
  });

  it('a Retry-After beyond maxAgeMs ends the event at once, with retryAfterMs on the error', async () => {
    const seen = mockApi(() => new HttpResponse(null, { status: 503, headers: { 'retry-after': '3600' } }));
    const failures: LavaError[] = [];
    const reporter = createUsageReporter(lava, { maxAgeMs: 60_000, onError: (e) => failures.push(e) });
    reporter.report(event);
    const started = Date.now();
    await reporter.flush();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
    expect(failures[0]).toMatchObject({ kind: 'api', status: 503, retryAfterMs: 3_600_000 });
  });

  it('retries until maxAgeMs, then hands the last error to onError; every event gets one attempt', async () => {
    const seen = mockApi(() => lavaErrorResponse(503, 'down'));
    const failures: LavaError[] = [];
    const reporter = createUsageReporter(testLava({ retryDelayMs: 10 }), {
      maxAgeMs: 150,
      onError: (e) => failures.push(e),
    });
    const started = Date.now();
    reporter.report(event);
    await reporter.flush();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
    expect(seen.length).toBeGreaterThan(2);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ kind: 'api', status: 503 });
    expect(reporter.stats()).toMatchObject({ failed: 1, retried: seen.length - 1 });

    const once = mockApi(() => lavaErrorResponse(503, 'down'));
    const none = createUsageReporter(lava, { maxAgeMs: 0, onError: (e) => failures.push(e) });
    none.report(event);
    await none.flush();
    expect(once).toHaveLength(1);
    expect(failures).toHaveLength(2);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const held = heldServer();
    const reporter = createUsageReporter(lava, { concurrency: 3, onError: noError });
    for (let i = 0; i < 10; i++) reporter.report({ ...event, request_id: `job_${i}` });
    const flushed = reporter.flush();
    for (let released = 0; released < 10; released++) {
      await vi.waitFor(() => expect(held.gates.length).toBeGreaterThan(0));
      expect(reporter.stats().inFlight).toBeLessThanOrEqual(3);
      held.gates.shift()!();
    }
    await flushed;
    expect(held.state.maxOpen).toBe(3);
    expect(held.state.bodies.map((b) => b.request_id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `job_${i}`),
    );
  });

  it('flush() waits for events reported before it, not after', async () => {
    const held = heldServer();
    const reporter = createUsageReporter(lava, { onError: noError });
    reporter.report({ ...event, request_id: 'first' });
    let flushed = false;
    const flushing = reporter.flush().then(() => {
      flushed = true;
    });
    reporter.report({ ...event, request_id: 'second' });
    await vi.waitFor(() => expect(held.gates).toHaveLength(2));
    held.gates.shift()!(); // the first one only
    await flushing;
    expect(flushed).toBe(true);
    expect(reporter.stats()).toMatchObject({ delivered: 1, inFlight: 1 });
    await held.releaseAll();
    await reporter.close();
    expect(reporter.stats().delivered).toBe(2);
  });

  it('an onError that throws does not stop the reporter', async () => {
    mockApi((s) =>
      (s.body as CreateRequestParams).request_id === 'bad' ? lavaErrorResponse(400, 'no') : recorded(s),
    );
    const reporter = createUsageReporter(lava, {
      onError: () => {
        throw new Error('user bug');
      },
    });
    reporter.report({ ...event, request_id: 'bad' });
    reporter.report({ ...event, request_id: 'good' });
    await reporter.close();
    expect(reporter.stats()).toMatchObject({ delivered: 1, failed: 1 });
  });

  it('without onError, a failed event is written to console.error (never dropped unseen), key redacted', async () => {
    mockApi(() => lavaErrorResponse(400, `bad key ${SECRET_KEY}`));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reporter = createUsageReporter(lava);
    reporter.report({ ...event, request_id: 'job_1' });
    await reporter.flush();
    expect(logged).toHaveBeenCalledTimes(1);
    const line = String(logged.mock.calls[0]![0]);
    expect(line).toMatch(/usage event job_1 was not delivered \(api\)/);
    expect(line).not.toContain(SECRET_KEY);
  });

  it('sends timeoutMs and headers options with every attempt; the transport retries nothing itself', async () => {
    const seen = mockApi((s, n) => (n === 1 ? lavaErrorResponse(503, 'down') : recorded(s)));
    const reporter = createUsageReporter(lava, { headers: { 'x-app': 'billing' }, onError: noError });
    reporter.report(event);
    await reporter.flush();
    expect(seen.map((s) => s.headers['x-app'])).toEqual(['billing', 'billing']);
    // Two separate calls (the reporter's retry), not one call retried by the transport.
    expect(seen[0]!.headers['idempotency-key']).not.toBe(seen[1]!.headers['idempotency-key']);
    expect(reporter.stats().retried).toBe(1);
  });
});

/** An asynchronous store over a Map, as a Redis or KV store would be, recording its calls. */
function asyncStore(initial: StoredUsage[] = []) {
  const data = new Map(initial.map((e) => [e.event.request_id, e]));
  const calls: string[] = [];
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
  const store: UsageStore = {
    load: async () => {
      await tick();
      calls.push('load');
      return [...data.values()];
    },
    add: async (entry) => {
      await tick();
      calls.push(`add ${entry.event.request_id}`);
      data.set(entry.event.request_id, entry);
    },
    remove: async (ids) => {
      calls.push(`remove ${ids.join(',')}`);
      for (const id of ids) data.delete(id);
    },
    close: () => {
      calls.push('close');
    },
  };
  return { store, data, calls };
}

describe('createUsageReporter: stores', () => {
  it('delivers what the store kept from a previous process, keeping its reportedAt for maxAgeMs', async () => {
    const seen = mockApi(recorded);
    const old = { event: { ...event, request_id: 'left_over' }, reportedAt: Date.now() - 3_600_000 };
    const { store, data, calls } = asyncStore([old]);
    const failures: LavaError[] = [];
    const reporter = createUsageReporter(lava, { store, maxAgeMs: 60_000, onError: (e) => failures.push(e) });
    await reporter.close();
    // Past its maxAgeMs already, but it still gets its attempt, which succeeds.
    expect(seen.map((s) => (s.body as CreateRequestParams).request_id)).toEqual(['left_over']);
    expect(failures).toEqual([]);
    expect(data.size).toBe(0);
    expect(calls).toEqual(['load', 'remove left_over', 'close']);
  });

  it('sends an event only after the store has it, and removes it once delivered', async () => {
    const { store, data, calls } = asyncStore();
    mockApi((s) => {
      calls.push(`send ${(s.body as CreateRequestParams).request_id}`);
      return recorded(s);
    });
    const reporter = createUsageReporter(lava, { store, onError: noError });
    reporter.report({ ...event, request_id: 'a' });
    reporter.report({ ...event, request_id: 'b' });
    await reporter.flush();
    for (const id of ['a', 'b']) {
      const at = (what: string) =>
        calls.findIndex(
          (c) =>
            c === what || (what === 'remove' && c.startsWith('remove') && c.slice(7).split(',').includes(id)),
        );
      expect(at(`add ${id}`), id).toBeGreaterThan(at('load'));
      expect(at(`send ${id}`), id).toBeGreaterThan(at(`add ${id}`));
      expect(at('remove'), id).toBeGreaterThan(at(`send ${id}`));
    }
    expect(data.size).toBe(0);
    await reporter.close();
  });

  it('a failed event leaves the store too', async () => {
    mockApi(() => lavaErrorResponse(404, 'no such meter'));
    const { store, data } = asyncStore();
    const failures: string[] = [];
    const reporter = createUsageReporter(lava, { store, onError: (_, ev) => failures.push(ev.request_id) });
    reporter.report({ ...event, request_id: 'x' });
    await reporter.close();
    expect(failures).toEqual(['x']);
    expect(data.size).toBe(0);
  });

  it('an add that throws refuses the event (kind store), with nothing queued', async () => {
    const seen = mockApi(recorded);
    const storeErrors: unknown[] = [];
    const reporter = createUsageReporter(lava, {
      store: {
        load: () => [],
        add: () => {
          throw new Error('ENOSPC: no space left on device');
        },
        remove: () => {},
      },
      onStoreError: (e) => storeErrors.push(e),
      onError: noError,
    });
    const refused = reporter.report(event)._unsafeUnwrapErr();
    expect(refused).toMatchObject({ kind: 'store', event });
    expect(refused.message).toMatch(/ENOSPC/);
    expect(storeErrors).toHaveLength(1);
    await reporter.close();
    expect(seen).toHaveLength(0);
  });

  it('a store that fails to load refuses every report (kind store); an async add that rejects still delivers', async () => {
    const broken = createUsageReporter(lava, {
      store: { load: () => Promise.reject(new Error('redis is down')), add: () => {}, remove: () => {} },
      onError: noError,
    });
    await broken.flush();
    expect(broken.report(event)._unsafeUnwrapErr()).toMatchObject({ kind: 'store' });
    expect(broken.report(event)._unsafeUnwrapErr().message).toMatch(/failed to load: Error: redis is down/);

    const seen = mockApi(recorded);
    const storeErrors: unknown[] = [];
    const flaky = createUsageReporter(lava, {
      store: { load: () => [], add: () => Promise.reject(new Error('timeout')), remove: () => {} },
      onStoreError: (e) => storeErrors.push(e),
      onError: noError,
    });
    expect(flaky.report(event).isOk()).toBe(true);
    await flaky.close();
    expect(seen).toHaveLength(1);
    expect(storeErrors).toHaveLength(1);
  });

  it('events reported while an async store loads are kept apart from the loaded ones (no duplicates)', async () => {
    const seen = mockApi(recorded);
    const { store } = asyncStore([{ event: { ...event, request_id: 'dup' }, reportedAt: Date.now() }]);
    const reporter = createUsageReporter(lava, { store, onError: noError });
    reporter.report({ ...event, request_id: 'dup' }); // the same id, reported before the load finished
    reporter.report({ ...event, request_id: 'new' });
    await reporter.close();
    expect(seen.map((s) => (s.body as CreateRequestParams).request_id).sort()).toEqual(['dup', 'new']);
  });
});

describe('createUsageReporter: timers', () => {
  it('between retries only an unref()ed timer is pending, until someone flushes', async () => {
    mockApi((s, n) => (n === 1 ? lavaErrorResponse(503, 'down') : recorded(s)));
    const made: { ref: boolean; ms: number }[] = [];
    const real = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = real(fn, ms);
      const state = { ref: true, ms: ms ?? 0 };
      made.push(state);
      const { ref, unref } = timer;
      timer.ref = () => {
        state.ref = true;
        return ref.call(timer);
      };
      timer.unref = () => {
        state.ref = false;
        return unref.call(timer);
      };
      return timer;
    }) as typeof setTimeout);
    const reporter = createUsageReporter(testLava({ retryDelayMs: 200 }), { onError: noError });
    reporter.report(event);
    await vi.waitFor(() => expect(reporter.stats().retried).toBe(1));
    vi.mocked(globalThis.setTimeout).mockRestore();
    // The backoff: 200 ms less up to 25 % jitter (the transport's own timers are 60 s timeouts).
    const backoffs = made.filter((t) => t.ms >= 150 && t.ms <= 200);
    expect(backoffs).toHaveLength(1);
    const backoff = backoffs[0]!;
    expect(backoff.ref).toBe(false); // idle: the process may exit
    const flushed = reporter.flush();
    expect(backoff.ref).toBe(true); // flushing: the process stays up until the retry is done
    await flushed;
    expect(reporter.stats().delivered).toBe(1);
    await settleSoon();
  });
});
