// Usage delivery across processes: events per second through BullMQ on Redis and on PostgreSQL (worker
// processes running usageProcessor), against the in-process createUsageReporter and a bare createRequest
// loop at the same total concurrency, all against one emulator in its own process; the same under 25 %
// faulted attempts; and what a queued job costs Redis (INFO memory) and PostgreSQL (table size).
//
//   pnpm build && pnpm bench:bullmq      (BENCH_SCALE=0.2 for a quick run, BENCH_ROUNDS=5 for steadier medians,
//                                       BENCH_JSON=path to save results)
//
// Needs redis-server and PostgreSQL installed (Debian: apt-get install -y redis-server postgresql); the
// bench starts its own, on free loopback ports. Loads the BUILT packages, as bench/run.ts does.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  makeQueue,
  postgresBytes,
  prepareBackend,
  redisInfo,
  type UsageTestQueue,
  until,
} from '../packages/bullmq/test/helpers/queues';
import {
  type Backend,
  missingServers,
  type RunningServer,
  startPostgres,
  startRedis,
} from '../packages/bullmq/test/helpers/servers';
import { type Fault, prng, startFaultProxy } from '../packages/requests/test/helpers/faultProxy';

type Core = typeof import('@lava-sdk/core');
type Customers = typeof import('@lava-sdk/customers');
type Meters = typeof import('@lava-sdk/meters');
type Subscriptions = typeof import('@lava-sdk/subscriptions');
type Requests = typeof import('@lava-sdk/requests');
type Bullmq = typeof import('@lava-sdk/bullmq');
type Emulator = typeof import('@lava-sdk/emulator');
type CreateRequestParams = import('@lava-sdk/requests').CreateRequestParams;

const root = fileURLToPath(new URL('..', import.meta.url));
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const scaled = (n: number) => Math.max(50, Math.round(n * SCALE));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** In-flight requests at once, for every contender: the loop, the reporter, and the workers together. */
const CONCURRENCY = 16;
const EVENTS = scaled(3000);
const MEMORY_JOBS = scaled(10_000);

const dist = (name: string, entry = 'index') => `${root}packages/${name}/dist/${entry}.js`;
const built = <T>(name: string, entry?: string) =>
  import(pathToFileURL(dist(name, entry)).href) as Promise<T>;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const must = (ok: boolean, what: string) => {
  if (!ok) throw new Error(`benchmark sanity check failed: ${what}`);
};

// ---------------------------------------------------------------- processes

interface Forked {
  proc: ChildProcess;
  ready: Promise<Record<string, unknown>>;
}

const forked = new Set<ChildProcess>();
process.once('exit', () => {
  for (const proc of forked) proc.kill();
});
function forkChild(args: string[]): Forked {
  const proc = fork(fileURLToPath(new URL('./bullmq-child.ts', import.meta.url)), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  forked.add(proc);
  proc.once('exit', () => forked.delete(proc));
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as Record<string, unknown>));
    proc.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
  return { proc, ready };
}

const askCpu = (proc: ChildProcess) =>
  new Promise<number>((resolve) => {
    proc.once('message', (m) => resolve((m as { cpu: number }).cpu));
    proc.send('cpu');
  });

const TICK_US = 1e6 / 100; // Linux reports process times in clock ticks of 10 ms (USER_HZ)

/** CPU time (µs) of a process and its children, live and exited (PostgreSQL forks one per connection). */
function treeCpuUs(pid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [ppid, utime, stime, cutime, cstime] = [1, 11, 12, 13, 14].map((i) => Number(fields[i]));
    if (Number(entry) === pid) total += utime! + stime! + cutime! + cstime!;
    else if (ppid === pid) total += utime! + stime!;
  }
  return total * TICK_US;
}

/** A customer on a plan with a metered usage price ($1 per million tokens) and credit for every run. */
async function meteredCustomer(lava: ReturnType<Core['createLava']>) {
  const { createCustomer } = await built<Customers>('customers');
  const { createMeter } = await built<Meters>('meters');
  const { createPlan, createSubscription } = await built<Subscriptions>('subscriptions');
  const meter = (
    await createMeter(lava, {
      name: 'Bench tokens',
      rate_type: 'fixed',
      tier_type: 'tokens_1m',
      tiers: [{ start: '0', rate: '1' }],
    })
  )._unsafeUnwrap();
  const plan = (
    await createPlan(lava, {
      name: 'Bench',
      period_amount: '0',
      billing_interval: 'month',
      included_credit: '10000.00', // the most a plan takes; the bench charges about $1 per 3,000 events
      meter_ids: [meter.meter_id],
    })
  )._unsafeUnwrap();
  const customer = (
    await createCustomer(lava, { reference_id: 'bench', email: 'bench@example.com' })
  )._unsafeUnwrap();
  (
    await createSubscription(lava, { customer_id: customer.customer_id, plan_id: plan.plan_id })
  )._unsafeUnwrap();
  return { customerId: customer.customer_id, meterSlug: meter.meter_slug };
}

// ---------------------------------------------------------------- contenders

interface Row {
  /** events delivered per second */
  eps: number;
  /** CPU µs per event of the delivering processes (the loop's or reporter's process, or the workers) */
  clientUs: number;
  /** CPU µs per event of the queue's server (redis-server, PostgreSQL), 0 without one */
  backendUs: number;
  /** CPU µs per event of the emulator */
  emulatorUs: number;
  /** reportUsage calls per second and µs of CPU per call in the producer (BullMQ only) */
  enqueueEps?: number;
  enqueueUs?: number;
}

/** Runs `fn(i)` for i in [0, count) with `concurrency` at once. */
async function pool(count: number, concurrency: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}

// Ctrl-C or a kill: exit through process.exit, whose 'exit' hook (servers.ts) stops the servers.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main() {
  for (const name of ['core', 'requests', 'bullmq', 'emulator', 'customers', 'meters', 'subscriptions'])
    if (!existsSync(dist(name))) throw new Error(`packages/${name} is not built: run pnpm build first`);
  const missing = missingServers();
  if (missing.length)
    throw new Error(`${missing.join(' and ')} not installed (apt-get install -y redis-server postgresql)`);
  const core = await built<Core>('core');
  const requests = await built<Requests>('requests');
  const bullmq = await built<Bullmq>('bullmq');
  const { EMULATOR_SECRET_KEY } = await built<Emulator>('emulator');

  const servers: Partial<Record<Backend, RunningServer>> = {};
  const queues: UsageTestQueue[] = [];
  const lines: string[] = [];
  const results: Record<string, unknown> = {};
  try {
    servers.redis = await startRedis();
    servers.postgres = await startPostgres();
    await prepareBackend('postgres', servers.postgres.url);
    const emulatorChild = forkChild(['emulator']);
    const emulator = (await emulatorChild.ready) as { url: string; baseUrl: string };
    const emulatorPid = emulatorChild.proc.pid!;
    const { customerId, meterSlug } = await meteredCustomer(
      core.createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl: emulator.baseUrl }),
    );
    const event = (id: string, i: number): CreateRequestParams => ({
      request_id: id,
      customer_id: customerId,
      meter_slug: meterSlug,
      input_tokens: 100 + (i % 400),
      output_tokens: 80,
      metadata: { feature: 'chat', region: 'eu' },
    });
    let run = 0;
    const redisUrl = servers.redis.url;
    const redisCpuUs = async () => {
      const info = await redisInfo(redisUrl, 'cpu');
      return (Number(info.used_cpu_user) + Number(info.used_cpu_sys)) * 1e6;
    };

    /** Times one delivery of `count` events: wall time, and the CPU of every process involved. */
    const timed = async (
      count: number,
      client: () => Promise<number>,
      deliver: () => Promise<void>,
      backend?: Backend,
    ): Promise<Omit<Row, 'enqueueEps' | 'enqueueUs'>> => {
      const backendCpu = () =>
        backend === 'redis' ? redisCpuUs() : backend ? Promise.resolve(treeCpuUs(servers.postgres!.pid)) : 0;
      const [client0, backend0, emulator0] = [await client(), await backendCpu(), treeCpuUs(emulatorPid)];
      const start = performance.now();
      await deliver();
      const elapsed = performance.now() - start;
      const [client1, backend1, emulator1] = [await client(), await backendCpu(), treeCpuUs(emulatorPid)];
      return {
        eps: (count / elapsed) * 1000,
        clientUs: (client1 - client0) / count,
        backendUs: (backend1 - backend0) / count,
        emulatorUs: (emulator1 - emulator0) / count,
      };
    };
    const ownCpu = async () => {
      const { user, system } = process.cpuUsage();
      return user + system;
    };

    type Contender = (count: number) => Promise<Row>;
    const loop =
      (baseUrl: string): Contender =>
      (count) => {
        const lava = core.createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl });
        const prefix = `loop${run++}`;
        return timed(count, ownCpu, () =>
          pool(count, CONCURRENCY, async (i) => {
            const r = await requests.createRequest(lava, event(`${prefix}_${i}`, i));
            must(r.isOk(), `createRequest: ${r.isErr() && r.error.message}`);
          }),
        );
      };
    const reporter =
      (baseUrl: string): Contender =>
      (count) => {
        const lava = core.createLava({ secretKey: EMULATOR_SECRET_KEY, baseUrl, retryDelayMs: 100 });
        const prefix = `rep${run++}`;
        return timed(count, ownCpu, async () => {
          const r = requests.createUsageReporter(lava, {
            concurrency: CONCURRENCY,
            maxQueue: count,
            onError: (e) => must(false, `reporter: ${e.message}`),
          });
          for (let i = 0; i < count; i++) must(r.report(event(`${prefix}_${i}`, i)).isOk(), 'report');
          await r.close();
          must(r.stats().delivered === count, 'reporter delivered all');
        });
      };
    /**
     * BullMQ: `workers` processes of `CONCURRENCY / workers` each, started once. Each run pauses the
     * queue, fills it with reportUsage (timed: the producer's cost), resumes it, and times the delivery.
     */
    const viaBullmq = async (backend: Backend, workers: number, baseUrl: string, backoffMs?: number) => {
      const { url } = servers[backend]!;
      const name = `bench-${backend}-${workers}-${run++}`;
      const queue = makeQueue(backend, url, name);
      queues.push(queue);
      const children = Array.from({ length: workers }, () =>
        forkChild(['worker', backend, url, name, baseUrl, String(CONCURRENCY / workers)]),
      );
      await Promise.all(children.map((c) => c.ready));
      const workersCpu = async () =>
        (await Promise.all(children.map((c) => askCpu(c.proc)))).reduce((a, b) => a + b);
      const options = backoffMs ? { backoff: { type: bullmq.USAGE_BACKOFF, delay: backoffMs } } : {};
      const contender: Contender = async (count) => {
        const prefix = `${name}_${run++}`;
        await queue.pause();
        const cpu = process.cpuUsage();
        const started = performance.now();
        await pool(count, CONCURRENCY, async (i) => {
          must((await bullmq.reportUsage(queue, event(`${prefix}_${i}`, i), options)).isOk(), 'reportUsage');
        });
        const enqueueMs = performance.now() - started;
        const { user, system } = process.cpuUsage(cpu);
        const { completed: before = 0 } = await queue.getJobCounts('completed');
        const row = await timed(
          count,
          workersCpu,
          async () => {
            await queue.resume();
            await until(
              async () => ((await queue.getJobCounts('completed')).completed ?? 0) - before === count,
              `${count} jobs delivered`,
              600_000,
            );
          },
          backend,
        );
        const { failed = 0 } = await queue.getJobCounts('failed');
        must(failed === 0, `${failed} jobs failed`);
        return { ...row, enqueueEps: (count / enqueueMs) * 1000, enqueueUs: (user + system) / count };
      };
      return {
        contender,
        stop: () => {
          for (const c of children) c.proc.disconnect();
        },
      };
    };

    // ---- no faults: every contender, interleaved rounds, the median round of each
    const bull = {
      redis1: await viaBullmq('redis', 1, emulator.baseUrl),
      redis2: await viaBullmq('redis', 2, emulator.baseUrl),
      postgres1: await viaBullmq('postgres', 1, emulator.baseUrl),
      postgres2: await viaBullmq('postgres', 2, emulator.baseUrl),
    };
    const contenders: Record<string, Contender> = {
      [`createRequest loop, concurrency ${CONCURRENCY} (one process)`]: loop(emulator.baseUrl),
      [`createUsageReporter, concurrency ${CONCURRENCY} (in process)`]: reporter(emulator.baseUrl),
      [`BullMQ on Redis, 1 worker process × ${CONCURRENCY}`]: bull.redis1.contender,
      [`BullMQ on Redis, 2 worker processes × ${CONCURRENCY / 2}`]: bull.redis2.contender,
      [`BullMQ on PostgreSQL, 1 worker process × ${CONCURRENCY}`]: bull.postgres1.contender,
      [`BullMQ on PostgreSQL, 2 worker processes × ${CONCURRENCY / 2}`]: bull.postgres2.contender,
    };
    const names = Object.keys(contenders);
    const rows: Record<string, Row[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (const name of names) await contenders[name]!(Math.ceil(EVENTS / 4)); // warm-up
    console.error('warmed up');
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + round) % names.length]!;
        rows[name]!.push(await contenders[name]!(EVENTS));
        console.error(`round ${round + 1}: ${name}: ${fmt(rows[name]!.at(-1)!.eps)} events/s`);
      }
    }
    for (const b of Object.values(bull)) b.stop();
    const best = Object.fromEntries(
      names.map((n) => [n, [...rows[n]!].sort((a, b) => a.eps - b.eps)[Math.floor(ROUNDS / 2)]!]),
    );
    results.throughput = best;
    const bare = best[names[0]!]!.eps;
    const row = (name: string, r: Row) =>
      `| ${name} | ${fmt(r.eps)} | ${r === best[names[0]!] ? '—' : `${(r.eps / bare).toFixed(2)}×`} | ${fmt(r.clientUs)} | ${r.backendUs ? fmt(r.backendUs) : '—'} | ${fmt(r.emulatorUs)} | ${r.enqueueEps ? `${fmt(r.enqueueEps)} / ${fmt(r.enqueueUs!)}` : '—'} |`;
    lines.push(
      `| ${fmt(EVENTS)} events per run, no faults | events/s | vs the loop | CPU µs/event: delivering processes | queue server | emulator | reportUsage calls/s / CPU µs per call |`,
      '|---|--:|--:|--:|--:|--:|--:|',
      ...names.map((n) => row(n, best[n]!)),
      '',
    );

    // ---- 25 % of attempts faulted: drops before and after Lava applied the event, 503 before and after
    const random = prng(23);
    const proxy = await startFaultProxy(emulator.url, (req) => {
      if (req.method !== 'POST') return 'pass';
      const r = random();
      const faults: Fault[] = ['drop-before', 'drop-after', 'applied-503', '503'];
      return r < 0.25 ? faults[Math.floor(r / 0.0625)]! : 'pass';
    });
    try {
      const faulted: Record<string, Contender> = {
        [`createUsageReporter, concurrency ${CONCURRENCY} (client backoff 100 ms)`]: reporter(proxy.baseUrl),
      };
      const faultedBull = {
        redis: await viaBullmq('redis', 2, proxy.baseUrl, 100),
        postgres: await viaBullmq('postgres', 2, proxy.baseUrl, 100),
      };
      faulted[`BullMQ on Redis, 2 workers × ${CONCURRENCY / 2} (first backoff 100 ms)`] =
        faultedBull.redis.contender;
      faulted[`BullMQ on PostgreSQL, 2 workers × ${CONCURRENCY / 2} (first backoff 100 ms)`] =
        faultedBull.postgres.contender;
      const faultRows: Record<string, Row> = {};
      const before = proxy.faults();
      for (const [name, contender] of Object.entries(faulted)) {
        faultRows[name] = await contender(EVENTS);
        console.error(`faults: ${name}: ${fmt(faultRows[name]!.eps)} events/s`);
      }
      for (const b of Object.values(faultedBull)) b.stop();
      results.underFaults = {
        rows: faultRows,
        faults: proxy.faults() - before,
        injected: Object.fromEntries(proxy.injected),
      };
      lines.push(
        `| ${fmt(EVENTS)} events per run, 25 % of attempts faulted (${[...proxy.injected.keys()].join(', ')}) | events/s | vs the loop without faults | CPU µs/event: delivering processes | queue server | emulator | reportUsage calls/s / CPU µs per call |`,
        '|---|--:|--:|--:|--:|--:|--:|',
        ...Object.entries(faultRows).map(([n, r]) => row(n, r)),
        '',
      );
    } finally {
      await proxy.stop();
    }

    // ---- what a job costs the backend: waiting, then kept after delivery (removeOnComplete: 1 hour)
    const memory: Record<string, { waiting: number; completed: number }> = {};
    for (const backend of ['redis', 'postgres'] as const) {
      const { url } = servers[backend]!;
      const name = `memory-${backend}`;
      const size = async () =>
        backend === 'redis' ? Number((await redisInfo(url, 'memory')).used_memory) : postgresBytes(url);
      const queue = makeQueue(backend, url, name);
      queues.push(queue);
      await queue.pause();
      const empty = await size();
      await pool(MEMORY_JOBS, CONCURRENCY, async (i) => {
        must((await bullmq.reportUsage(queue, event(`${name}_${i}`, i))).isOk(), 'reportUsage');
      });
      const waiting = await size();
      const worker = forkChild(['worker', backend, url, name, emulator.baseUrl, String(CONCURRENCY)]);
      await worker.ready;
      await queue.resume();
      await until(
        async () => (await queue.getJobCounts('completed')).completed === MEMORY_JOBS,
        'the memory jobs delivered',
        600_000,
      );
      worker.proc.disconnect();
      const completed = await size();
      memory[backend] = {
        waiting: (waiting - empty) / MEMORY_JOBS,
        completed: (completed - empty) / MEMORY_JOBS,
      };
    }
    results.bytesPerJob = memory;
    lines.push(
      `| bytes per job (${fmt(MEMORY_JOBS)} jobs, one event each with 2 metadata pairs) | waiting | completed, kept for dedupe |`,
      '|---|--:|--:|',
      `| Redis: \`INFO memory\` used_memory | ${fmt(memory.redis!.waiting)} | ${fmt(memory.redis!.completed)} |`,
      `| PostgreSQL: BullMQ's tables with indexes and TOAST (no VACUUM) | ${fmt(memory.postgres!.waiting)} | ${fmt(memory.postgres!.completed)} |`,
    );
  } finally {
    for (const queue of queues) await queue.close().catch(() => {});
    for (const proc of forked) proc.kill();
    for (const server of Object.values(servers)) await server.stop();
  }

  const cpu = os.cpus();
  const header = [
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.release()}; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}.`,
    `BENCH_SCALE=${SCALE}, ${ROUNDS} interleaved rounds per row without faults (median round shown), one round under faults; ${CONCURRENCY} requests in flight at most for every contender.`,
  ];
  console.log([...header, '', ...lines].join('\n'));
  if (process.env.BENCH_JSON) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
  }
}

await main();
