// Fault injection against a real misbehaving server on 127.0.0.1: every fault × every kind of call,
// then random fault sequences (fast-check) checked against the documented retry policy.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, VARIANTS } from './calls';
import { type CaseResult, runCase } from './check';
import {
  FAULTS,
  type Fault,
  type FaultServer,
  pool,
  SECRET_KEY,
  startFaultServer,
  Tally,
  typedOutcome,
  watchUnhandled,
} from './harness';

let server: FaultServer;
const tally = new Tally();
const unhandled = watchUnhandled();

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  unhandled.stop();
  await server.close();
  tally.print('faults.test.ts');
  console.log(
    `[faults] faults.test.ts | faults injected by kind: ${JSON.stringify(Object.fromEntries(server.injected))}`,
  );
});

function report(results: { label: string; result: CaseResult }[]): string[] {
  return results.flatMap(({ label, result }) => result.problems.map((p) => `${label}: ${p}`));
}

describe('every fault × every call', () => {
  // Client and server share this process's event loop, so the cheap faults run 12 at a time and the
  // multi-megabyte ones 2 at a time with a larger budget: the budget must measure the SDK, not the box.
  const groups = [
    { name: 'fault matrix (fault × call × retries)', huge: false, limit: 16, timeoutMs: 1_500 },
    { name: 'huge bodies (3-5 MB) × call × retries', huge: true, limit: 3, timeoutMs: 8_000 },
  ];
  it.each(groups)(
    '$name: ends in Ok or a typed LavaError, within budget, with one idempotency key',
    async (group) => {
      const before = server.totalInjected();
      const faults = FAULTS.filter((f) => f.startsWith('huge-') === group.huge);
      const scripts: Fault[][] = faults.flatMap((f) => [[f], [f, 'ok']]);
      const runs = scripts.flatMap((script) =>
        VARIANTS.flatMap((variant) =>
          (group.huge ? [2] : [0, 2]).map((maxRetries) => async () => ({
            label: `${script.join('→')} | ${variant.name} | maxRetries ${maxRetries}`,
            result: await runCase(server, script, variant, {
              maxRetries,
              // A stall costs its whole budget on every attempt: keep that budget short.
              timeoutMs: /^stall-/.test(script[0]!) ? 500 : group.timeoutMs,
            }),
          })),
        ),
      );
      const results = await pool(runs, group.limit);
      const problems = report(results);
      tally.add(group.name, results.length, server.totalInjected() - before, problems.length);
      expect(problems).toEqual([]);
      // Every fault was delivered at least once.
      for (const fault of faults) expect(server.injected.get(fault) ?? 0, fault).toBeGreaterThan(0);
    },
    60_000,
  );

  it('never lets an unknown status or Retry-After form escape the error mapping', async () => {
    const before = server.totalInjected();
    const statuses = [100, 199, 300, 304, 402, 410, 418, 422, 451, 499, 500, 501, 504, 507, 520, 599];
    const values = [
      '0',
      '0.01',
      '-1',
      'soon',
      '1e3',
      '',
      ' 0 ',
      new Date(0).toUTCString(),
      'Thu, 01 Jan 1970',
    ];
    const scripts: Fault[][] = statuses.flatMap((status) =>
      values.map((value) => [`retry-after:${status}:${value}` as Fault, 'ok' as Fault]),
    );
    const results = await pool(
      scripts.map((script) => async () => {
        const { baseUrl, seen } = server.scenario(script);
        const { lava } = client(baseUrl, { maxRetries: 1 });
        const result = await VARIANTS[0]!.call(lava, {});
        const outcome = typedOutcome(result);
        return { label: script[0]!, outcome, seen: seen.length };
      }),
    );
    const problems = results.flatMap(({ label, outcome, seen }) => [
      ...(outcome.problem ? [`${label}: ${outcome.problem}`] : []),
      ...(seen > 2 ? [`${label}: ${seen} attempts`] : []),
    ]);
    tally.add(
      'odd statuses × Retry-After values',
      results.length,
      server.totalInjected() - before,
      problems.length,
    );
    expect(problems).toEqual([]);
  });
});

describe('Retry-After with a real wait', () => {
  it('waits for Retry-After in seconds and as an HTTP date, and stays bounded', async () => {
    const before = server.totalInjected();
    const date = new Date(Date.now() + 1_500).toUTCString();
    const cases: Fault[][] = [
      ['retry-after:429:1', 'ok'],
      ['retry-after:503:1', 'ok'],
      [`retry-after:503:${date}` as Fault, 'ok'],
    ];
    const results = await Promise.all(
      cases.map(async (script) => {
        const { baseUrl, seen } = server.scenario(script);
        const { lava } = client(baseUrl, { maxRetries: 1 });
        const started = Date.now();
        const result = await VARIANTS[1]!.call(lava, {});
        return { result, elapsed: Date.now() - started, seen };
      }),
    );
    for (const { result, elapsed, seen } of results) {
      expect(typedOutcome(result).ok).toBe(true);
      expect(seen).toHaveLength(2);
      expect(new Set(seen.map((s) => s.headers['idempotency-key'])).size).toBe(1);
      // It waited (the date has one-second resolution, so only a loose lower bound) and not forever.
      expect(elapsed).toBeGreaterThanOrEqual(400);
      expect(elapsed).toBeLessThan(5_000);
    }
    tally.add('Retry-After waits (seconds, HTTP date)', cases.length, server.totalInjected() - before);
  });
});

describe('random fault sequences (fast-check)', () => {
  // Faults that cost little time; the slow and huge ones are covered exhaustively above.
  const cheap = FAULTS.filter((f) => !/^(huge-|stall-|redirect-loop)/.test(f));
  const anyFault = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<Fault>(...cheap) },
    { weight: 2, arbitrary: fc.constant<Fault>('ok') },
    { weight: 1, arbitrary: fc.constantFrom<Fault>('stall-headers', 'stall-body') },
  );

  it('matches the documented retry policy exactly and breaks no invariant', async () => {
    const before = server.totalInjected();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyFault, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...VARIANTS),
        fc.integer({ min: 0, max: 3 }),
        async (script, variant, maxRetries) => {
          cases++;
          const { problems } = await runCase(server, script, variant, { maxRetries, timeoutMs: 250 });
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 60, seed: 20_260_501 },
    );
    tally.add('random fault sequences vs retry-policy oracle', cases, server.totalInjected() - before);
  }, 60_000);

  it('bounds attempts for any per-call maxRetries and timeoutMs a caller can pass', async () => {
    const before = server.totalInjected();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Fault>('503', 'reset', '429-ra-0'),
        fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -2, max: 3 })),
        fc.oneof(fc.integer({ min: -5, max: 300 }), fc.double({ min: -1, max: 300 })),
        async (fault, maxRetries, timeoutMs) => {
          cases++;
          const { baseUrl, seen } = server.scenario([fault]);
          const { lava } = client(baseUrl, { maxRetries: 0 });
          const result = await VARIANTS[0]!.call(lava, { maxRetries, timeoutMs });
          const outcome = typedOutcome(result);
          expect(outcome.problem).toBeUndefined();
          // Either refused up front (nothing sent) or bounded by the budget it was given.
          if (outcome.error?.kind === 'config') expect(seen).toHaveLength(0);
          else expect(seen.length).toBeLessThanOrEqual(Math.floor(maxRetries) + 1);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
    tally.add('per-call maxRetries/timeoutMs fuzz', cases, server.totalInjected() - before);
  }, 30_000);

  it('refuses NaN and Infinity budgets with a config error and sends nothing', async () => {
    for (const bad of [
      { maxRetries: Number.NaN },
      { maxRetries: Number.POSITIVE_INFINITY },
      { timeoutMs: Number.NaN },
    ]) {
      const { baseUrl, seen } = server.scenario(['503']);
      const { lava } = client(baseUrl, { maxRetries: 2 });
      const controller = new AbortController();
      const stop = setTimeout(() => controller.abort(), 1_500);
      const result = await VARIANTS[0]!.call(lava, { ...bad, signal: controller.signal });
      clearTimeout(stop);
      expect(typedOutcome(result).error?.kind).toBe('config');
      expect(seen).toHaveLength(0);
    }
    tally.add('per-call NaN/Infinity budgets', 3);
  });
});

describe('a huge error page', () => {
  // BUG (core, transport.ts apiError(), line 62): `.replace(/(<[^>]*>|\s)+/g, ' ')` runs over the whole
  // body before `.slice(0, 200)`, and `<[^>]*>` rescans to the end of the text from every `<` that has
  // no closing `>`: quadratic. A 500 whose body is 40 KB of `<` blocks the event loop ~2.5 s (1 MB:
  // ~25 min; 20 KB here: ~0.5 s), and no timeout or abort can interrupt synchronous work. Fix: cap the text and make the tag
  // pattern stop at the next `<`:
  //   clean.slice(0, 10_000).replace(/<[^<>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200)
  it('maps a 500 made of unclosed "<" to an api error in linear time', async () => {
    const { apiError } = await import('@lava-sdk/core/internal');
    const body = '<'.repeat(20_000);
    const started = Date.now();
    const error = apiError(500, body, undefined, 1);
    const elapsed = Date.now() - started;
    tally.add('pathological HTML error body', 1, 1);
    expect(error.kind).toBe('api');
    expect(elapsed).toBeLessThan(150);
  });
});

afterAll(() => {
  expect(unhandled.reasons).toEqual([]);
  expect(SECRET_KEY).toMatch(/^aks_test_/);
});
