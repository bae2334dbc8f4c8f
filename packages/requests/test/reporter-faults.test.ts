// Thousands of usage events through a misbehaving proxy on loopback, in front of the emulator: the proxy
// drops connections before forwarding, forwards and then drops the answer (Lava applied the event, the
// reporter never heard), forwards and then answers 503, and answers 503 with and without Retry-After.
// Counted on the emulator's side: every event recorded once, the total charge exactly the sum.
import { createLava, type LavaError } from '@lava-sdk/core';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { type RunningEmulator, startEmulator } from '@lava-sdk/emulator/server';
import { createUsageReporter } from '@lava-sdk/requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dollars, meteredCustomer, recorded, tokensOf } from './helpers/billing';
import { type Fault, prng, startFaultProxy } from './helpers/faultProxy';

const EVENTS = Number(process.env.FAULT_EVENTS ?? 2000);
const SEED = Number(process.env.FAULT_SEED ?? 14);

let running: RunningEmulator;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());

describe('usage reporter against faults (emulator behind a loopback proxy)', () => {
  it(`delivers ${EVENTS} events exactly once through dropped connections, lost answers and 503s`, async () => {
    const { customerId, meterSlug } = await meteredCustomer(running.baseUrl);
    const random = prng(SEED);
    // About 40 % of POSTs meet a fault; a retry is as likely to meet one as a first attempt.
    // FAULT_SEED and FAULT_EVENTS replay or scale a run.
    const decide = (): Fault => {
      const r = random();
      if (r < 0.1) return 'drop-before';
      if (r < 0.2) return 'drop-after';
      if (r < 0.25) return 'applied-503';
      if (r < 0.32) return '503';
      if (r < 0.395) return '503-retry-after:0';
      if (r < 0.4) return '503-retry-after:1';
      return 'pass';
    };
    const proxy = await startFaultProxy(running.url, (req) => (req.method === 'POST' ? decide() : 'pass'));
    const failures: [LavaError, string][] = [];
    const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: proxy.baseUrl, retryDelayMs: 5 });
    const reporter = createUsageReporter(lava, {
      concurrency: 8,
      maxQueue: EVENTS,
      // Long enough that no event runs out of time on a loaded machine: every failure here is a bug.
      maxAgeMs: 10 * 60_000,
      onError: (error, event) => failures.push([error, event.request_id]),
    });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const ids: string[] = [];
    let expectedTokens = 0;
    for (let i = 0; i < EVENTS; i++) {
      const input_tokens = tokensOf(i);
      expectedTokens += input_tokens;
      const id = reporter.report({
        request_id: `evt_${i}`,
        customer_id: customerId,
        meter_slug: meterSlug,
        input_tokens,
        metadata: { batch: 'faults' },
      });
      ids.push(id._unsafeUnwrap());
      // Events keep arriving while earlier ones are being delivered and retried.
      if (i % 500 === 499) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await reporter.close();
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    await proxy.stop();

    expect(failures).toEqual([]);
    const stats = reporter.stats();
    expect(stats).toMatchObject({ queued: 0, inFlight: 0, delivered: EVENTS, failed: 0 });
    // Each injected fault cost exactly one attempt, and nothing else did.
    expect(stats.retried).toBe(proxy.faults());

    // The emulator's side: one record per event, each with its own tokens, the charge exactly the sum.
    const seen = await recorded(running, customerId);
    expect(seen.ids.sort()).toEqual([...ids].sort());
    for (let i = 0; i < EVENTS; i++) expect(seen.tokensById.get(`evt_${i}`)).toBe(tokensOf(i));
    expect(seen.totals).toEqual({
      total_requests: EVENTS,
      total_usage_tokens: expectedTokens,
      total_cost: expect.any(String),
      total_charge: dollars(expectedTokens),
    });
    const repeated = [...proxy.posts.values()].filter((n) => n > 1).length;
    const applied = (proxy.injected.get('drop-after') ?? 0) + (proxy.injected.get('applied-503') ?? 0);
    expect(applied).toBeGreaterThan(EVENTS / 20); // the double-billing case was exercised, many times
    console.log(
      `[faults] usage reporter: ${EVENTS} events, ${proxy.faults()} faults injected (${[...proxy.injected]
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}); ${applied} applied by the emulator with the answer lost; ${repeated} events sent more than once; ` +
        `emulator: ${seen.totals.total_requests} records, charge $${seen.totals.total_charge}, as expected; ${seconds.toFixed(1)} s, ${((user + system) / 1e6).toFixed(1)} s of CPU for reporter, proxy and emulator together (seed ${SEED})`,
    );
  }, 120_000);
});
