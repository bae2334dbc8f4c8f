// Usage reporting: events per second through createUsageReporter (memory, and fileStore with and
// without fsync) against sequential createRequest calls, the cost of one report() call, and the memory
// each queued event holds. Called by bench/run.ts with the built packages and the bench server's URL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestParams, SECRET_KEY } from './fixtures';

type Core = typeof import('@lava-sdk/core');
type Requests = typeof import('@lava-sdk/requests');
type RequestsNode = typeof import('@lava-sdk/requests/node');

export interface ReporterBenchInput {
  base: string;
  core: Core;
  requests: Requests;
  requestsNode: RequestsNode | undefined;
  /** Built `dist` directory of a package, for the fresh-process memory measurement. */
  dist: (name: string, entry?: string) => string;
  scaled: (n: number) => number;
  fmt: (n: number, digits?: number) => string;
}

const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Row {
  /** events per second, from the first report() to the end of flush(): delivery included */
  eps: number;
  /** µs spent inside report() per event (for createRequest: the whole call) */
  reportUs: number;
  /** client-process CPU time (user + system) per event, in µs */
  cpuUs: number;
}

/**
 * Memory each queued event keeps: `n` events reported to a server that never answers, in a fresh
 * process, heap measured after full GCs (the process is then killed with its queue).
 */
function heapPerQueuedEvent(input: ReporterBenchInput, n: number, store: 'memory' | 'fileStore'): number {
  const dir = mkdtempSync(join(tmpdir(), 'lava-bench-heap-'));
  const code = `
    import { createServer } from 'node:net';
    const { createLava } = await import(${JSON.stringify(pathToFileURL(input.dist('core')).href)});
    const { createUsageReporter } = await import(${JSON.stringify(pathToFileURL(input.dist('requests')).href)});
    const { fileStore } = await import(${JSON.stringify(pathToFileURL(input.dist('requests', 'node')).href)});
    const stall = createServer(() => {}); // accepts, never answers: every event stays queued
    await new Promise((r) => stall.listen(0, '127.0.0.1', r));
    const lava = createLava({ secretKey: ${JSON.stringify(SECRET_KEY)}, baseUrl: 'http://127.0.0.1:' + stall.address().port + '/v1/' });
    const reporter = createUsageReporter(lava, {
      concurrency: 1, maxQueue: ${n + 1}, onError: () => {},
      ${store === 'fileStore' ? `store: fileStore(${JSON.stringify(join(dir, 'usage.log'))}, { fsync: false }),` : ''}
    });
    const params = ${JSON.stringify(createRequestParams)};
    reporter.report({ ...params, request_id: 'warm' });
    await new Promise((r) => setTimeout(r, 50));
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < ${n}; i++) {
      if (reporter.report({ ...params, request_id: 'evt_' + String(i).padStart(8, '0') }).isErr()) throw new Error('refused');
    }
    gc(); gc();
    const after = process.memoryUsage().heapUsed;
    if (reporter.stats().queued + reporter.stats().inFlight !== ${n + 1}) throw new Error('not all queued');
    process.stdout.write(String((after - before) / ${n}));
    process.exit(0);`;
  try {
    return Number(
      execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], {
        encoding: 'utf8',
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Impls = Record<string, () => Promise<Row>>;

/** Runs every implementation in ROUNDS interleaved rounds (order rotated) and keeps the median of each. */
async function compareRuns(impls: Impls): Promise<Record<string, Row>> {
  const names = Object.keys(impls);
  const rows: Record<string, Row[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) await impls[name]!(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      rows[name]!.push(await impls[name]!());
    }
  }
  const pick = (name: string, key: keyof Row) => median(rows[name]!.map((r) => r[key]));
  return Object.fromEntries(
    names.map((n) => [n, { eps: pick(n, 'eps'), reportUs: pick(n, 'reportUs'), cpuUs: pick(n, 'cpuUs') }]),
  );
}

export async function benchReporter(
  input: ReporterBenchInput,
): Promise<{ lines: string[]; results: unknown }> {
  const { base, core, requests, requestsNode, scaled, fmt } = input;
  const dir = mkdtempSync(join(tmpdir(), 'lava-bench-store-'));
  let run = 0;
  const onError = (error: { message: string }) => {
    throw new Error(`benchmark sanity check failed: an event failed: ${error.message}`);
  };

  /** The implementations compared, for `count` events per run against `baseUrl`. */
  const implsFor = (baseUrl: string, count: number): Impls => {
    const lava = core.createLava({ secretKey: SECRET_KEY, baseUrl });
    const timed = async (body: () => Promise<number>): Promise<Row> => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const inReport = await body();
      const elapsed = performance.now() - start;
      const { user, system } = process.cpuUsage(cpu);
      return {
        eps: (count / elapsed) * 1000,
        reportUs: ((inReport || elapsed) / count) * 1000,
        cpuUs: (user + system) / count,
      };
    };
    const viaReporter =
      (options: Parameters<Requests['createUsageReporter']>[1], store?: 'fsync' | 'no fsync') => () =>
        timed(async () => {
          const reporter = requests.createUsageReporter(lava, {
            ...options,
            maxQueue: count,
            onError,
            store:
              store && requestsNode?.fileStore(join(dir, `usage-${run}.log`), { fsync: store === 'fsync' }),
          });
          const prefix = `r${run++}_`;
          let inReport = 0;
          for (let i = 0; i < count; i++) {
            const t = performance.now();
            const queued = reporter.report({ ...createRequestParams, request_id: `${prefix}${i}` });
            inReport += performance.now() - t;
            if (queued.isErr()) throw new Error(`benchmark sanity check failed: ${queued.error.message}`);
          }
          await reporter.close();
          if (reporter.stats().delivered !== count)
            throw new Error('benchmark sanity check failed: not all delivered');
          return inReport;
        });
    const impls: Impls = {
      'createRequest, sequential (await each)': () =>
        timed(async () => {
          const prefix = `s${run++}_`;
          for (let i = 0; i < count; i++) {
            const r = await requests.createRequest(lava, {
              ...createRequestParams,
              request_id: `${prefix}${i}`,
            });
            if (r.isErr()) throw new Error(`benchmark sanity check failed: ${r.error.message}`);
          }
          return 0;
        }),
      'reporter, memory, concurrency 4 (default)': viaReporter({}),
      'reporter, memory, concurrency 8': viaReporter({ concurrency: 8 }),
    };
    if (requestsNode) {
      impls['reporter, fileStore (fsync each report)'] = viaReporter({}, 'fsync');
      impls['reporter, fileStore { fsync: false }'] = viaReporter({}, 'no fsync');
    }
    return impls;
  };

  let fsType = '';
  try {
    fsType = `, filesystem type 0x${statfsSync(tmpdir()).type.toString(16)}`;
  } catch {}
  const lines: string[] = [
    `Usage reporting (delivery included: from the first report() to the end of close(); fileStore in ${tmpdir()}${fsType}):`,
    '',
  ];
  const results: Record<string, unknown> = {};
  try {
    for (const [label, baseUrl, count] of [
      ['loopback', base, scaled(2000)],
      ['server answering 20 ms later', base.replace(/\/v1\/$/, '/rtt20/v1/'), scaled(200)],
    ] as const) {
      const stats = await compareRuns(implsFor(baseUrl, count));
      results[label] = stats;
      const names = Object.keys(stats);
      const sequential = stats[names[0]!]!.eps;
      lines.push(
        `| usage events, ${label}, ${fmt(count)} per run | events/s | µs in report() per event | client CPU µs/event | vs sequential createRequest |`,
        '|---|--:|--:|--:|--:|',
        ...names.map((name) => {
          const { eps, reportUs, cpuUs } = stats[name]!;
          const inReport = name.startsWith('createRequest')
            ? `(${fmt(reportUs)} per call)`
            : fmt(reportUs, 1);
          return `| ${name} | ${fmt(eps)} | ${inReport} | ${fmt(cpuUs)} | ${name === names[0] ? '—' : `${(eps / sequential).toFixed(2)}×`} |`;
        }),
        '',
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const heapN = 10_000;
  const memory = heapPerQueuedEvent(input, heapN, 'memory');
  const file = requestsNode ? heapPerQueuedEvent(input, heapN, 'fileStore') : undefined;
  lines.push(
    `| memory per queued event (${fmt(heapN)} queued, fresh process, after GC) | bytes |`,
    '|---|--:|',
    `| reporter, memory | ${fmt(memory)} |`,
    ...(file === undefined
      ? []
      : [`| reporter, fileStore (the event is on disk; the store keeps its id) | ${fmt(file)} |`]),
  );
  results.heapPerQueuedEvent = { memory, fileStore: file };
  return { lines, results };
}
