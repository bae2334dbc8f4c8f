// Redirects to another origin (the Authorization must not follow) and aborts at every stage of a call.
import { send } from '@lava-sdk/core/internal';
import { gateway } from '@lava-sdk/gateway';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, VARIANTS } from './calls';
import {
  type Fault,
  type FaultServer,
  leakIn,
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
  tally.print('redirect-abort.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

describe('a redirect to another host', () => {
  // REST calls are sent with redirect: 'manual': a 3xx is returned as an api error and nothing (no
  // Authorization, no body with customer data, no Idempotency-Key) ever reaches the other host.
  it('is never followed by a REST call, for 301/302/303/307/308 and every method', async () => {
    const before = server.totalInjected();
    const localPort = new URL(server.localTargetOrigin).port;
    const targets = [
      server.targetOrigin, // 127.0.0.2 (or another port when 127.0.0.2 cannot be bound)
      server.localTargetOrigin, // 127.0.0.1, another port
      `http://localhost:${localPort}`, // another host name for the same loopback
    ];
    const runs = targets.flatMap((origin, o) =>
      [301, 302, 303, 307, 308].flatMap((code) =>
        VARIANTS.map((variant, v) => async () => {
          // A landing path unique to this case, so concurrent cases can tell their hits apart.
          const mark = `/landed-${o}-${code}-${v}`;
          const { baseUrl, seen } = server.scenario([`redirect:${code}:${origin}${mark}` as Fault]);
          const { lava, logs } = client(baseUrl, { maxRetries: 0, timeoutMs: 3_000 });
          const result = await variant.call(lava, {});
          const label = `${code} → ${origin} ${variant.name}`;
          const outcome = typedOutcome(result);
          expect(outcome.problem, label).toBeUndefined();
          expect(seen[0]?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
          expect(outcome.error, label).toMatchObject({ kind: 'api', status: code });
          expect(seen, label).toHaveLength(1);
          const landed = server.targetSeen.filter((hit) => hit.path.startsWith(`${mark}/`));
          expect(landed, label).toHaveLength(0);
          if (outcome.error) expect(leakIn(outcome.error, logs, [SECRET_KEY])).toBeUndefined();
        }),
      ),
    );
    await pool(runs, 8);
    const cases = runs.length;
    tally.add(
      'cross-origin redirects (3 origins × 5 codes × 7 calls)',
      cases,
      server.totalInjected() - before,
    );
  }, 30_000);

  it('never carries a forward token to another host from the gateway', async () => {
    const before = server.totalInjected();
    let cases = 0;
    for (const code of [301, 302, 307, 308]) {
      const from = server.targetSeen.length;
      const { baseUrl, seen } = server.scenario([
        `redirect:${code}:${server.targetOrigin}/elsewhere` as Fault,
      ]);
      const { lava } = client(baseUrl, { maxRetries: 0 });
      const result = await gateway(lava, 'https://api.openai.com/v1/chat/completions', {
        body: { model: 'gpt-4o-mini', messages: [] },
        customer_id: 'con_1',
        meter_slug: 'ai',
      });
      cases++;
      expect(typedOutcome(result).problem).toBeUndefined();
      expect(seen[0]?.headers.authorization).toMatch(/^Bearer eyJzZWNyZXRfa2V5Ijoi/);
      const landed = server.targetSeen.slice(from);
      expect(landed).toHaveLength(1);
      expect(landed[0]!.headers.authorization).toBeUndefined();
      expect(JSON.stringify(landed[0]!.rawHeaders)).not.toContain('eyJzZWNyZXRfa2V5Ijoi');
    }
    tally.add('gateway cross-origin redirects (forward token)', cases, server.totalInjected() - before);
  });

  it('is not followed on the same origin either: the caller sees the 308 and its Location', async () => {
    const { baseUrl, seen } = server.scenario(['ok']);
    const moved = server.scenario([`redirect:308:${baseUrl.replace(/\/v1\/$/, '')}` as Fault]);
    const { lava } = client(moved.baseUrl, { maxRetries: 0 });
    const outcome = typedOutcome(await VARIANTS[0]!.call(lava, {}));
    expect(outcome.error).toMatchObject({ kind: 'api', status: 308 });
    expect(moved.seen).toHaveLength(1);
    expect(seen).toHaveLength(0);
    tally.add('same-origin redirect returned, not followed', 1, 1);
  });
});

describe('an abort', () => {
  const promptly = 1_000;

  async function abortAfter(script: Fault[], delayMs: number, variant = VARIANTS[0]!, retryDelayMs = 5) {
    const { baseUrl, seen } = server.scenario(script);
    const { lava, logs } = client(baseUrl, { maxRetries: 3, timeoutMs: 10_000, retryDelayMs });
    const started_ = () => logs.filter((l) => l.event === 'request').length;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), delayMs);
    const started = Date.now();
    const result = await variant.call(lava, { signal: controller.signal });
    const elapsed = Date.now() - started;
    // Attempts the SDK started by the time it settled; a request already in flight may still reach
    // the server a moment later, but no new attempt may start.
    const count = started_();
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (started_() !== count) throw new Error('an attempt started after the call settled');
    return { outcome: typedOutcome(result), elapsed, seen, countAtEnd: count };
  }

  it('stops a call waiting for headers, or for the rest of a body', async () => {
    const before = server.totalInjected();
    await Promise.all(
      (['stall-headers', 'stall-body'] as const).flatMap((fault) =>
        VARIANTS.map(async (variant) => {
          const { outcome, elapsed, seen, countAtEnd } = await abortAfter([fault], 100, variant);
          expect(outcome.error?.kind, `${fault} ${variant.name}`).toBe('aborted');
          expect(elapsed).toBeLessThan(100 + promptly);
          expect(seen.length).toBe(1);
          expect(countAtEnd).toBe(1); // no further attempt after the abort
        }),
      ),
    );
    tally.add('abort while stalled (headers, body)', 14, server.totalInjected() - before);
  });

  it('stops during the backoff sleep, for a long Retry-After and for a long backoff', async () => {
    const before = server.totalInjected();
    const cases: [Fault[], number][] = [
      [['retry-after:503:30'], 5], // waits 30 s for Retry-After
      [['retry-after:429:59'], 5],
      [['503'], 20_000], // backoff of 20 s
      [['reset'], 20_000],
    ];
    await Promise.all(
      cases.flatMap(([script, retryDelayMs]) =>
        [VARIANTS[0]!, VARIANTS[1]!].map(async (variant) => {
          const { outcome, elapsed, seen, countAtEnd } = await abortAfter(script, 150, variant, retryDelayMs);
          expect(outcome.error?.kind, script[0]).toBe('aborted');
          expect(elapsed).toBeLessThan(150 + promptly);
          expect(seen).toHaveLength(1);
          expect(countAtEnd).toBe(1);
        }),
      ),
    );
    tally.add('abort during backoff sleep', cases.length * 2, server.totalInjected() - before);
  });

  it('stops a streamed body: the read rejects and the server sees the connection close', async () => {
    const before = server.totalInjected();
    let cases = 0;
    for (const abortAfterChunks of [1, 3, 10]) {
      const { baseUrl, seen, closed } = server.scenario(['stream-forever']);
      const { lava } = client(baseUrl, { maxRetries: 0, timeoutMs: 200 });
      const controller = new AbortController();
      const sent = await send(
        lava,
        { method: 'GET', url: `${baseUrl}stream`, stream: true },
        { signal: controller.signal },
      );
      expect(sent.isOk()).toBe(true);
      const reader = sent._unsafeUnwrap().response!.body!.getReader();
      for (let i = 0; i < abortAfterChunks; i++) expect((await reader.read()).done).toBe(false);
      // Past the attempt's timeout: a stream is not cut by it, only by the caller.
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await reader.read()).done).toBe(false);
      const abortedAt = Date.now();
      controller.abort();
      const ended = await (async () => {
        try {
          for (;;) if ((await reader.read()).done) return 'done';
        } catch (error) {
          return (error as Error).name;
        }
      })();
      expect(['AbortError', 'done']).toContain(ended);
      expect(Date.now() - abortedAt).toBeLessThan(promptly);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(closed.length).toBe(1);
      expect(closed[0]! - abortedAt).toBeLessThan(promptly);
      expect(seen).toHaveLength(1);
      cases++;
    }
    // Aborted before anything was read: the unread body is released without an unhandled rejection.
    const { baseUrl, closed } = server.scenario(['stream-forever']);
    const controller = new AbortController();
    const sent = await send(
      client(baseUrl).lava,
      { method: 'GET', url: `${baseUrl}stream`, stream: true },
      { signal: controller.signal },
    );
    expect(sent.isOk()).toBe(true);
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed.length).toBe(1);
    tally.add('abort during a streamed body', cases + 1, server.totalInjected() - before);
  });

  it('at a random moment of a random faulty call: aborted (or already settled), promptly, nothing after', async () => {
    const before = server.totalInjected();
    let cases = 0;
    const fault = fc.constantFrom<Fault>(
      'stall-headers',
      'stall-body',
      '503',
      'reset',
      '429-ra-0',
      'ok',
      'drop-mid-body',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fault, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 250 }),
        fc.constantFrom(...VARIANTS),
        async (script, delayMs, variant) => {
          cases++;
          const { outcome, elapsed, seen, countAtEnd } = await abortAfter(script, delayMs, variant, 40);
          expect(outcome.problem).toBeUndefined();
          expect(elapsed).toBeLessThan(delayMs + promptly);
          expect(seen.length).toBeLessThanOrEqual(countAtEnd);
          expect(countAtEnd).toBeLessThanOrEqual(4);
        },
      ),
      { numRuns: 30, seed: 99 },
    );
    tally.add('abort at a random moment (fast-check)', cases, server.totalInjected() - before);
  }, 30_000);

  it('sends nothing for a signal aborted before the call', async () => {
    for (const variant of VARIANTS) {
      const { baseUrl, seen } = server.scenario(['ok']);
      const result = await variant.call(client(baseUrl).lava, { signal: AbortSignal.abort() });
      expect(typedOutcome(result).error?.kind).toBe('aborted');
      expect(seen).toHaveLength(0);
    }
    tally.add('pre-aborted signal sends nothing', VARIANTS.length);
  });
});
