// Many processes, as a real deployment runs them: 3 producer processes report usage through reportUsage
// while 2 worker processes deliver it with usageProcessor, through a fault-injecting proxy in front of the
// emulator (dropped connections, answers lost after Lava applied them, 5xx, 429 with Retry-After), and
// one worker is SIGKILLed mid-delivery. Then, on the emulator's side: every valid event recorded once and
// billed once, nothing lost; repeats queued nothing; invalid events refused and never queued; unknown
// customers failed at once, after exactly one attempt. On Redis and on PostgreSQL.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usageJobId } from '@lava-sdk/bullmq';
import { collectAll, createLava } from '@lava-sdk/core';
import { getCustomerSubscription } from '@lava-sdk/customers';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { type RunningEmulator, startEmulator } from '@lava-sdk/emulator/server';
import { type CreateRequestParams, listRequests } from '@lava-sdk/requests';
import { retrieveUsage } from '@lava-sdk/usage';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dollars, meteredCustomer, tokensOf } from '../../requests/test/helpers/billing';
import { type Fault, type FaultProxy, prng, startFaultProxy } from '../../requests/test/helpers/faultProxy';
import { describeBackends } from './helpers/backends';
import { dumpBackend, makeQueue, until } from './helpers/queues';

const PRODUCERS = 3;
const VALID = 240; // distinct valid events, 80 per producer
const CREDIT = '10000.00';
const SEED = Number(process.env.LAVA_BULLMQ_SEED ?? 23);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url));

interface Child {
  proc: ChildProcess;
  out: () => string;
  exited: Promise<NodeJS.Signals | number | null>;
}

const children = new Set<ChildProcess>();
function launch(name: string, args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', fixture(name), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let out = '';
  proc.stdout!.on('data', (chunk) => {
    out += chunk;
  });
  proc.stderr!.on('data', (chunk) => {
    out += chunk;
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    proc.once('exit', (code, signal) => {
      children.delete(proc);
      resolve(signal ?? code);
    }),
  );
  return { proc, out: () => out, exited };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lava-bullmq-'));
});
afterAll(() => {
  for (const proc of children) proc.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeBackends(
  '3 producer and 2 worker processes, one SIGKILLed, 25 % of attempts faulted',
  (backend, running) => {
    // A fresh emulator per backend: its customer and records are this run's only.
    let emulator: RunningEmulator;
    let proxy: FaultProxy | undefined;
    let queue: Queue<CreateRequestParams, string> | undefined;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(async () => {
      for (const proc of children) proc.kill('SIGKILL');
      await proxy?.stop();
      await queue?.close();
      await emulator?.stop();
    });

    it('delivers every valid event once, bills it once, and loses nothing', async () => {
      const started = performance.now();
      const { url } = running();
      const name = `usage-${backend}`;
      queue = makeQueue(backend, url, name);
      const { customerId, meterSlug } = await meteredCustomer(emulator.baseUrl, CREDIT);
      const unknownCustomer = `con_unknown_${backend}`;

      // What each producer reports: its share of the valid events (interleaved, so all three report at
      // once), repeats of its own and of the others' events, invalid events and unknown customers' events.
      const valid = (i: number): CreateRequestParams => ({
        request_id: `evt_${backend}_${i}`,
        customer_id: customerId,
        meter_slug: meterSlug,
        input_tokens: tokensOf(i),
        metadata: { index: String(i) },
      });
      const invalid: Partial<CreateRequestParams>[] = [
        { input_tokens: -1 },
        { meter_slug: '' },
        { metadata: { 'not a key': 'x' } },
        { customer_id: undefined as unknown as string },
      ];
      const unknown = (p: number, k: number): CreateRequestParams => ({
        ...valid(0),
        request_id: `evt_${backend}_unknown_${p}_${k}`,
        customer_id: unknownCustomer,
      });
      const plans = Array.from({ length: PRODUCERS }, (_, p) => {
        const events: { event: CreateRequestParams; expect: 'ok' | 'repeat' | 'invalid' | 'unknown' }[] = [];
        for (let i = p; i < VALID; i += PRODUCERS) {
          events.push({ event: valid(i), expect: 'ok' });
          if (i % 16 === p) events.push({ event: valid(i), expect: 'repeat' }); // its own, again
          if (i % 8 === p) events.push({ event: valid((i + 1) % VALID), expect: 'repeat' }); // another's
          if (i % 20 === p) {
            const flaw = invalid[((i / 20) % invalid.length) | 0]!;
            events.push({
              event: { ...valid(i), ...flaw, request_id: `evt_${backend}_invalid_${i}` },
              expect: 'invalid',
            });
          }
        }
        for (let k = 0; k < 2; k++)
          events.splice(20 + k * 30, 0, { event: unknown(p, k), expect: 'unknown' });
        return events;
      });
      const invalidIds = plans
        .flat()
        .filter((e) => e.expect === 'invalid')
        .map((e) => e.event.request_id);
      const unknownIds = plans
        .flat()
        .filter((e) => e.expect === 'unknown')
        .map((e) => e.event.request_id);

      // The proxy: about 25 % of attempts faulted (seeded), every other answer held 20 ms so that each
      // worker has deliveries in flight when one is killed. Unknown customers' events pass untouched, so
      // their single attempt is Lava's 404. Every attempt is logged with its time and fault.
      const random = prng(SEED);
      const log = new Map<string, { at: number; fault: Fault }[]>();
      proxy = await startFaultProxy(emulator.url, (req, _n, body) => {
        if (req.method !== 'POST') return 'pass';
        const { request_id: id, customer_id } = body as CreateRequestParams;
        const r = random();
        const fault: Fault =
          customer_id === unknownCustomer || r >= 0.25
            ? 'delay:20'
            : r < 0.05
              ? 'drop-before'
              : r < 0.1
                ? 'drop-after'
                : r < 0.15
                  ? 'applied-503'
                  : r < 0.2
                    ? '503'
                    : '429-retry-after:1';
        log.set(id, [...(log.get(id) ?? []), { at: Date.now(), fault }]);
        return fault;
      });

      // Two workers (concurrency 8 each), then three producers.
      const workers = [0, 1].map(() => launch('worker', [backend, url, name, proxy!.baseUrl, '8']));
      await until(() => workers.every((w) => w.out().includes('ready')), 'the workers to connect');
      const producers = plans.map((events, p) => {
        const file = join(dir, `${backend}-${p}.json`);
        writeFileSync(file, JSON.stringify(events.map((e) => e.event)));
        return launch('producer', [backend, url, name, file]);
      });

      // SIGKILL the first worker once a third of the events were sent, with deliveries in flight.
      await until(() => (proxy?.posts.size ?? 0) >= VALID / 3, 'a third of the events to be sent');
      const postsAtKill = proxy.posts.size;
      workers[0]!.proc.kill('SIGKILL');
      expect(await workers[0]!.exited).toBe('SIGKILL');

      for (const producer of producers) expect(await producer.exited, producer.out()).toBe(0);
      await until(
        async () => {
          const { completed = 0, failed = 0 } = await queue!.getJobCounts('completed', 'failed');
          return completed + failed === VALID + unknownIds.length;
        },
        'every job to settle',
        60_000,
      );
      workers[1]!.proc.kill('SIGTERM');
      expect(await workers[1]!.exited).toBe(0);

      // Producers: Ok for every valid event, repeat and unknown customer; invalid_params for the invalid.
      producers.forEach((producer, p) => {
        const lines = producer.out().trim().split('\n');
        expect(lines).toEqual(
          plans[p]!.map(({ event, expect: e }, index) =>
            e === 'invalid' ? `err invalid_params ${index}` : `ok ${event.request_id}`,
          ),
        );
      });

      // The queue: one job per valid event and per unknown customer's event; repeats added nothing and
      // invalid events were never queued.
      const completed = await queue.getJobs(['completed'], 0, -1);
      const failed = await queue.getJobs(['failed'], 0, -1);
      const validIds = Array.from({ length: VALID }, (_, i) => valid(i).request_id);
      expect(completed.map((j) => j.id).sort()).toEqual(validIds.map(usageJobId).sort());
      expect(failed.map((j) => j.id).sort()).toEqual(unknownIds.map(usageJobId).sort());
      for (const id of invalidIds) {
        expect(await queue.getJob(usageJobId(id))).toBeUndefined();
        expect(proxy.posts.get(id)).toBeUndefined();
      }
      // Unknown customers: failed at once, after one attempt, the reason naming kind, status and code, sent
      // once. A job the killed worker held (stalledCounter 1) may have been sent by it too, its 404 lost
      // with it; the other worker's run is then the one attempt.
      let heldByKilled = 0;
      for (const job of failed) {
        expect(job.attemptsMade).toBe(1);
        expect(job.failedReason).toMatch(/^api 404 not_found: .*Customer/);
        const sent = proxy.posts.get(job.data.request_id);
        if (job.stalledCounter === 0) expect(sent).toBe(1);
        else {
          heldByKilled++;
          expect(sent).toBeGreaterThanOrEqual(1);
          expect(sent).toBeLessThanOrEqual(1 + job.stalledCounter);
        }
      }
      // The kill left deliveries unfinished: BullMQ's stalled-job recovery handed them to the other worker.
      const recovered = completed.filter((j) => j.stalledCounter > 0).length;
      expect(recovered).toBeGreaterThan(0);

      // Retry-After honoured: no attempt started less than 1 s after a 429 with `Retry-After: 1`.
      let throttled = 0;
      for (const attempts of log.values())
        for (let k = 0; k + 1 < attempts.length; k++)
          if (attempts[k]!.fault === '429-retry-after:1') {
            throttled++;
            expect(attempts[k + 1]!.at - attempts[k]!.at).toBeGreaterThanOrEqual(1000);
          }

      // The emulator's side, through Lava's API: each valid event recorded once, each billed once.
      const lava = createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: emulator.baseUrl });
      const records = (
        await collectAll(listRequests, lava, { customer_id: customerId }, { max: 10_000 })
      )._unsafeUnwrap();
      expect(records.map((r) => r.request_id).sort()).toEqual([...validIds].sort());
      const tokens = Array.from({ length: VALID }, (_, i) => tokensOf(i)).reduce((a, b) => a + b, 0);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const usage = (
        await retrieveUsage(lava, { start: yesterday, customer_id: customerId })
      )._unsafeUnwrap();
      expect(usage.totals).toMatchObject({
        total_requests: VALID,
        total_usage_tokens: tokens,
        total_charge: dollars(tokens),
      });
      const subscription = (await getCustomerSubscription(lava, customerId))._unsafeUnwrap();
      // $1 per million tokens, taken from the plan's included credit.
      expect(Number(subscription.subscription?.credits.total_remaining)).toBeCloseTo(
        Number(CREDIT) - tokens / 1e6,
        8,
      );

      // Faults: about a quarter of all attempts, every kind of them, and events sent more than once.
      const attempts = [...log.values()].flat();
      const faulted = attempts.filter((a) => a.fault !== 'delay:20');
      expect(faulted.length / attempts.length).toBeGreaterThan(0.15);
      expect(faulted.length / attempts.length).toBeLessThan(0.35);
      for (const kind of ['drop-before', 'drop-after', 'applied-503', '503', '429-retry-after:1'])
        expect(
          faulted.some((a) => a.fault === kind),
          kind,
        ).toBe(true);

      // No job, reason, stack trace or backend row holds the secret key.
      const stored =
        JSON.stringify([...completed, ...failed].map((j) => j.asJSON())) + (await dumpBackend(backend, url));
      expect(stored).toContain(validIds[0]);
      expect(stored).not.toContain(EMULATOR_SECRET_KEY);

      const sentAgain = [...proxy.posts.values()].filter((n) => n > 1).length;
      console.log(
        `[bullmq] ${backend}: ${VALID} events by ${PRODUCERS} producers (+ repeats, ${invalidIds.length} invalid, ` +
          `${unknownIds.length} unknown customers, ${heldByKilled} of them held by the killed worker), 2 workers, ` +
          `one SIGKILLed after ${postsAtKill} events sent; ` +
          `${attempts.length} attempts, ${faulted.length} faulted (${((100 * faulted.length) / attempts.length).toFixed(0)} %), ` +
          `${throttled} answered 429 Retry-After: 1; ${recovered} jobs recovered from the killed worker, ` +
          `${sentAgain} events sent more than once; emulator: ${records.length} records, charge $${usage.totals.total_charge}, ` +
          `as expected; ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED})`,
      );
    }, 120_000);
  },
);
