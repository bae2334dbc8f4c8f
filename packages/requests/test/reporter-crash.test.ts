// Crash safety: a child process reports usage through fileStore and is SIGKILLed mid-delivery, twice;
// then a new reporter on the same file delivers the rest. Every event the child had been told was queued
// is recorded by the emulator exactly once, and the total charge is exactly the sum: nothing lost by the
// kills, nothing billed twice for the events sent again after them.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLava } from '@lava-sdk/core';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { type RunningEmulator, startEmulator } from '@lava-sdk/emulator/server';
import { createUsageReporter } from '@lava-sdk/requests';
import { fileStore } from '@lava-sdk/requests/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dollars, meteredCustomer, recorded, tokensOf } from './helpers/billing';
import { type FaultProxy, prng, startFaultProxy } from './helpers/faultProxy';

// Events the two children report.
const FIRST = 500;
const SECOND = 250;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/report-child.ts', import.meta.url));

let running: RunningEmulator;
let proxy: FaultProxy;
let dir: string;
beforeAll(async () => {
  running = await startEmulator();
  // Every answer is held back a little (so the child has requests in flight when it dies), and some are
  // lost after the emulator applied them.
  const random = prng(7);
  proxy = await startFaultProxy(running.url, (req) =>
    req.method !== 'POST' ? 'pass' : random() < 0.1 ? 'drop-after' : 'delay:2',
  );
  dir = mkdtempSync(join(tmpdir(), 'lava-crash-'));
});
afterAll(async () => {
  await proxy.stop();
  await running.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  /** The highest index the child printed: report() had returned Ok for it. */
  acknowledged: number;
  recordsAtKill: number;
}

/** Runs the child on events [first, first + count) and SIGKILLs it once the emulator holds `killAt` records. */
async function runAndKill(args: string[], first: number, count: number, killAt: number): Promise<Run> {
  const proc: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', child, ...args, String(first), String(count)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout!.on('data', (chunk) => {
    out += chunk;
  });
  proc.stderr!.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    proc.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  let recordsAtKill = -1;
  const watch = setInterval(() => {
    if (recordsAtKill < 0 && running.emulator.state.requests.size >= killAt) {
      recordsAtKill = running.emulator.state.requests.size;
      proc.kill('SIGKILL');
    }
  }, 1);
  const how = await exited;
  clearInterval(watch);
  expect(how, `the child ended on its own: ${err}`).toBe('SIGKILL');
  const printed = out.split('\n').filter((line) => /^\d+$/.test(line));
  return { acknowledged: Number(printed.at(-1) ?? first - 1), recordsAtKill };
}

describe('usage reporter with fileStore, killed with SIGKILL', () => {
  it('a new reporter on the same file delivers the rest, each event exactly once', async () => {
    const started = performance.now();
    const { customerId, meterSlug } = await meteredCustomer(running.baseUrl);
    const path = join(dir, 'usage.log');
    const args = [proxy.baseUrl, path, customerId, meterSlug];

    const first = await runAndKill(args, 0, FIRST, 100);
    const second = await runAndKill(args, FIRST, SECOND, first.recordsAtKill + 100);
    // Killed mid-delivery each time: acknowledged events were still waiting.
    expect(first.recordsAtKill).toBeLessThan(first.acknowledged + 1);
    expect(second.recordsAtKill).toBeLessThan(first.acknowledged + 1 + second.acknowledged - (FIRST - 1));

    // The file a kill left is whole: every line but a possibly torn last one is a record.
    const lines = readFileSync(path, 'utf8').split('\n').slice(0, -1);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: proxy.baseUrl, retryDelayMs: 5 });
    const failures: string[] = [];
    const reporter = createUsageReporter(lava, {
      store: fileStore(path),
      onError: (e, ev) => failures.push(`${ev.request_id}: ${e.message}`),
    });
    const leftOver = reporter.stats().queued;
    await reporter.close();
    expect(failures).toEqual([]);
    expect(fileStore(path).load()).toEqual([]);

    // What the emulator holds: each child's events form a prefix of its range that covers everything
    // acknowledged (the one event being reported at the kill may be there too, as it was on disk).
    const seen = await recorded(running, customerId);
    const indices = seen.ids.map((id) => Number(id.slice(4))).sort((a, b) => a - b);
    const inRange = (from: number, count: number) => indices.filter((i) => i >= from && i < from + count);
    const firstRange = inRange(0, FIRST);
    const secondRange = inRange(FIRST, SECOND);
    expect(firstRange.length - 1 - first.acknowledged).toBeGreaterThanOrEqual(0);
    expect(firstRange.length - 1 - first.acknowledged).toBeLessThanOrEqual(1);
    expect(firstRange).toEqual(Array.from({ length: firstRange.length }, (_, i) => i));
    expect(secondRange.length - 1 - (second.acknowledged - FIRST)).toBeGreaterThanOrEqual(0);
    expect(secondRange.length - 1 - (second.acknowledged - FIRST)).toBeLessThanOrEqual(1);
    expect(secondRange).toEqual(Array.from({ length: secondRange.length }, (_, i) => FIRST + i));
    expect(indices).toHaveLength(firstRange.length + secondRange.length);

    const tokens = indices.reduce((sum, i) => sum + tokensOf(i), 0);
    for (const i of indices) expect(seen.tokensById.get(`evt_${i}`)).toBe(tokensOf(i));
    expect(seen.totals).toMatchObject({
      total_requests: indices.length,
      total_usage_tokens: tokens,
      total_charge: dollars(tokens),
    });
    const sentAgain = [...proxy.posts.values()].filter((n) => n > 1).length;
    console.log(
      `[crash] fileStore: 2 SIGKILLs mid-delivery (at ${first.recordsAtKill} and ${second.recordsAtKill} records; ` +
        `${first.acknowledged + 1} and ${second.acknowledged - (FIRST - 1)} events acknowledged); ${leftOver} left in the file ` +
        `for the last reporter; ${sentAgain} events sent more than once; emulator: ${indices.length} records, ` +
        `charge $${seen.totals.total_charge}, as expected; ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);
});
