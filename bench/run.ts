// Speed benchmarks: a bare node:http keep-alive request + JSON.parse (the floor), raw fetch, the official
// @lavapayments/nodejs and lava-sdk, against one local node:http server (bench/server.ts, its own process) on
// 127.0.0.1. Every loop is bounded.
//
//   pnpm build && pnpm bench            (BENCH_SCALE=0.2 for a quick run; BENCH_JSON=path to save results)
//
// Ours is measured from the BUILT dist (what users install), not the sources.
import { execFileSync, fork } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Lava } from '@lavapayments/nodejs';
import { createRequestParams, SECRET_KEY } from './fixtures';
import { benchReporter } from './reporter';

type Core = typeof import('@lava-sdk/core');
type Customers = typeof import('@lava-sdk/customers');
type Requests = typeof import('@lava-sdk/requests');
type Gateway = typeof import('@lava-sdk/gateway');

const root = fileURLToPath(new URL('..', import.meta.url));
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const scaled = (n: number) => Math.max(20, Math.round(n * SCALE));
const ROUNDS = 3;
const CONCURRENCY = 8;

const dist = (name: string, entry = 'index') => `${root}packages/${name}/dist/${entry}.js`;
const officialEsm = `${root}node_modules/@lavapayments/nodejs/dist/index.mjs`;

async function loadBuilt<T>(name: string, entry?: string): Promise<T | undefined> {
  if (!existsSync(dist(name, entry))) return undefined;
  return (await import(pathToFileURL(dist(name, entry)).href)) as T;
}

// ---------------------------------------------------------------- measurement

interface Stats {
  rps: number;
  /** Client-process CPU time (user + system) per request, in µs: steadier than req/s on a busy machine. */
  cpuUs: number;
  p50: number;
  p99: number;
}

const quantile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Runs `fn` exactly `count` times with `concurrency` workers; returns throughput and latency quantiles. */
async function measure(fn: () => Promise<void>, count: number, concurrency: number): Promise<Stats> {
  const latencies = new Float64Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const k = next++;
      const start = performance.now();
      await fn();
      latencies[k] = performance.now() - start;
    }
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  latencies.sort();
  return {
    rps: (count / elapsed) * 1000,
    cpuUs: (user + system) / count,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Measures every implementation of one operation in ROUNDS interleaved rounds (the order rotates each
 * round, so drift from other load on the machine hits every implementation alike) and keeps, per
 * implementation, the round with the median throughput.
 */
async function compare(
  impls: Record<string, () => Promise<void>>,
  count: number,
  concurrency: number,
): Promise<Record<string, Stats>> {
  const names = Object.keys(impls);
  const runs: Record<string, Stats[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) await measure(impls[name]!, Math.ceil(count / 4), concurrency); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      runs[name]!.push(await measure(impls[name]!, count, concurrency));
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = [...runs[name]!].sort((a, b) => a.rps - b.rps);
      return [name, sorted[Math.floor(sorted.length / 2)]!];
    }),
  );
}

function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(`benchmark sanity check failed: ${what}`);
}

/**
 * Client CPU per call of each implementation, sequentially, the implementations taking turns call by call
 * (so every one meets the same load on a shared machine), over `count` calls each: the figure issue 21 set a
 * target for, lava-sdk's CPU over the bare node:http floor.
 */
async function cpuPerCall(impls: Record<string, () => Promise<void>>, count: number) {
  const names = Object.keys(impls);
  for (const name of names) for (let i = 0; i < Math.ceil(count / 10); i++) await impls[name]!(); // warm-up
  const total: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length]!;
      const cpu = process.cpuUsage();
      await impls[name]!();
      const { user, system } = process.cpuUsage(cpu);
      total[name]! += user + system;
    }
  }
  return Object.fromEntries(names.map((n) => [n, total[n]! / count]));
}

// ---------------------------------------------------------------- bare node:http

/**
 * The floor of a Node client: `node:http` with a keep-alive agent, the Authorization header, the body
 * collected and `JSON.parse`d. No timeout, retry, validation or error mapping.
 */
function bareHttp(base: string) {
  const agent = new Agent({ keepAlive: true });
  const call = (method: string, path: string, body?: string) =>
    new Promise<unknown>((resolve, reject) => {
      const headers: Record<string, string | number> = { authorization: `Bearer ${SECRET_KEY}` };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      httpRequest(`${base}${path}`, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res
          .on('data', (chunk: Buffer) => chunks.push(chunk))
          .on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())))
          .on('error', reject);
      })
        .on('error', reject)
        .end(body);
    });
  return { call, close: () => agent.destroy() };
}

// ---------------------------------------------------------------- server

async function startServer(): Promise<{ port: number; stop: () => void }> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_KEY: SECRET_KEY },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { port, stop: () => child.kill() };
}

// ---------------------------------------------------------------- child-process measurements

/**
 * One fresh `node` process that loads a package by name (`require` or `import()`) from packages/lava, where
 * every package of the workspace and the official SDK resolve as in an app: its wall time, in ms.
 */
function coldStart(code: string, esm: boolean): number {
  const start = performance.now();
  execFileSync(process.execPath, [...(esm ? ['--input-type=module'] : []), '-e', code], {
    cwd: `${root}packages/lava`,
    stdio: 'ignore',
  });
  return performance.now() - start;
}

/** Retained heap per client: N clients kept alive in a fresh process, heap measured after full GCs. */
function heapPerClient(kind: 'ours' | 'official', n: number): number {
  const make =
    kind === 'ours'
      ? `const { createLava } = await import(${JSON.stringify(pathToFileURL(dist('core')).href)});
         const make = (i) => createLava({ secretKey: ${JSON.stringify(SECRET_KEY)} + i, baseUrl: 'http://127.0.0.1:1/v1/' });`
      : `const { Lava } = await import(${JSON.stringify(pathToFileURL(officialEsm).href)});
         const make = (i) => new Lava(${JSON.stringify(SECRET_KEY)} + i, { baseUrl: 'http://127.0.0.1:1/v1/' });`;
  const code = `${make}
    make(0); gc(); gc();
    const before = process.memoryUsage().heapUsed;
    const keep = [];
    for (let i = 0; i < ${n}; i++) keep.push(make(i));
    gc(); gc();
    const after = process.memoryUsage().heapUsed;
    process.stdout.write(String((after - before) / keep.length));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  return Number(out);
}

// ---------------------------------------------------------------- main

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const signed = (n: number) => `${n < 0 ? '−' : '+'}${fmt(Math.abs(n))}`;

async function main(): Promise<void> {
  const core = await loadBuilt<Core>('core');
  const customers = await loadBuilt<Customers>('customers');
  const requests = await loadBuilt<Requests>('requests');
  const gatewayPkg = await loadBuilt<Gateway>('gateway');
  if (!core || !customers) throw new Error('build @lava-sdk/core and @lava-sdk/customers first: pnpm build');

  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}/v1/`;
  const bare = bareHttp(base);
  const loadAtStart = os.loadavg();
  const lines: string[] = [];
  const notes: string[] = [];
  const results: Record<string, unknown> = {};
  try {
    // Default options: in Node, REST calls go over node:http, with the per-attempt timeout and validation.
    const ours = core.createLava({ secretKey: SECRET_KEY, baseUrl: base });
    // The same client given a `fetch` of its own: the path every other runtime takes.
    const oursFetch = core.createLava({ secretKey: SECRET_KEY, baseUrl: base, fetch: globalThis.fetch });
    const official = new Lava(SECRET_KEY, { baseUrl: base });
    const auth = { authorization: `Bearer ${SECRET_KEY}` };
    const jsonHeaders = { ...auth, 'content-type': 'application/json' };

    type Impls = Record<string, () => Promise<void>>;
    const ops: [string, Impls, number][] = [
      [
        'retrieveCustomer',
        {
          'bare node:http': async () => {
            const body = (await bare.call('GET', 'customers/con_1')) as { customer_id?: string };
            must(!!body.customer_id, 'bare retrieve');
          },
          'raw fetch': async () => {
            const res = await fetch(`${base}customers/con_1`, { headers: auth });
            const body = (await res.json()) as { customer_id?: string };
            must(res.ok && !!body.customer_id, 'raw retrieve');
          },
          official: async () => {
            const c = await official.customers.retrieve('con_1');
            must(!!c.customer_id, 'official retrieve');
          },
          'lava-sdk': async () => {
            const r = await customers.retrieveCustomer(ours, 'con_1');
            must(r.isOk(), 'ours retrieve');
          },
          'lava-sdk, fetch path': async () => {
            const r = await customers.retrieveCustomer(oursFetch, 'con_1');
            must(r.isOk(), 'ours retrieve, fetch path');
          },
        },
        2000,
      ],
      [
        'listCustomers (100 items)',
        {
          'bare node:http': async () => {
            const body = (await bare.call('GET', 'customers?limit=100')) as { data: unknown[] };
            must(body.data.length === 100, 'bare list');
          },
          'raw fetch': async () => {
            const res = await fetch(`${base}customers?limit=100`, { headers: auth });
            const body = (await res.json()) as { data: unknown[] };
            must(res.ok && body.data.length === 100, 'raw list');
          },
          official: async () => {
            const page = await official.customers.list({ limit: 100 });
            must(page.data.length === 100, 'official list');
          },
          'lava-sdk': async () => {
            const r = await customers.listCustomers(ours, { limit: 100 });
            must(r.isOk() && r.value.data.length === 100, 'ours list');
          },
          'lava-sdk, fetch path': async () => {
            const r = await customers.listCustomers(oursFetch, { limit: 100 });
            must(r.isOk() && r.value.data.length === 100, 'ours list, fetch path');
          },
        },
        600,
      ],
    ];
    if (requests) {
      ops.push([
        'createRequest',
        {
          'bare node:http': async () => {
            const body = (await bare.call('POST', 'requests', JSON.stringify(createRequestParams))) as {
              request_id?: string;
            };
            must(!!body.request_id, 'bare create');
          },
          'raw fetch': async () => {
            const res = await fetch(`${base}requests`, {
              method: 'POST',
              headers: jsonHeaders,
              body: JSON.stringify(createRequestParams),
            });
            const body = (await res.json()) as { request_id?: string };
            must(res.ok && !!body.request_id, 'raw create');
          },
          official: async () => {
            const r = await official.requests.create(createRequestParams);
            must(!!r.request_id, 'official create');
          },
          'lava-sdk': async () => {
            const r = await requests.createRequest(ours, createRequestParams);
            must(r.isOk(), 'ours create');
          },
          'lava-sdk, fetch path': async () => {
            const r = await requests.createRequest(oursFetch, createRequestParams);
            must(r.isOk(), 'ours create, fetch path');
          },
        },
        2000,
      ]);
    } else {
      notes.push('@lava-sdk/requests is not built: createCustomer measured in place of createRequest.');
      ops.push([
        'createCustomer (in place of createRequest)',
        {
          'raw fetch': async () => {
            const res = await fetch(`${base}customers`, {
              method: 'POST',
              headers: jsonHeaders,
              body: JSON.stringify({ reference_id: 'user_42', email: 'ada@example.com' }),
            });
            must(res.ok && !!((await res.json()) as { customer_id?: string }).customer_id, 'raw create');
          },
          official: async () => {
            const c = await official.customers.create({ reference_id: 'user_42', email: 'ada@example.com' });
            must(!!c.customer_id, 'official create');
          },
          'lava-sdk': async () => {
            const r = await customers.createCustomer(ours, {
              reference_id: 'user_42',
              email: 'ada@example.com',
            });
            must(r.isOk(), 'ours create');
          },
        },
        2000,
      ]);
    }

    lines.push(
      '| operation | mode | client | req/s | p50 ms | p99 ms | client CPU µs/req | CPU over bare node:http | vs raw fetch | vs official |',
      '|---|---|---|--:|--:|--:|--:|--:|--:|--:|',
    );
    const rest: Record<string, unknown> = {};
    for (const [op, impls, count] of ops) {
      for (const [mode, concurrency] of [
        ['sequential', 1],
        [`concurrency ${CONCURRENCY}`, CONCURRENCY],
      ] as const) {
        const stats = await compare(impls, scaled(count), concurrency);
        rest[`${op} / ${mode}`] = stats;
        const raw = stats['raw fetch']!.rps;
        const off = stats.official!.rps;
        const floor = stats['bare node:http']?.cpuUs;
        for (const [name, s] of Object.entries(stats)) {
          const over = floor === undefined || name === 'bare node:http' ? '—' : signed(s.cpuUs - floor);
          lines.push(
            `| ${op} | ${mode} | ${name} | ${fmt(s.rps)} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${fmt(s.cpuUs)} | ${over} | ${name === 'raw fetch' || name === 'bare node:http' ? '—' : ratio(s.rps, raw)} | ${name.startsWith('lava-sdk') ? ratio(s.rps, off) : '—'} |`,
          );
        }
        console.error(`measured ${op} (${mode})`);
      }
    }
    results.rest = rest;

    // ---- client CPU per call over the bare node:http floor, the two clients taking turns call by call. Only
    // the two node:http clients: fetch's garbage and background work would be charged to whichever call runs
    // next, and the table above has their figures.
    const perCall: Record<string, Record<string, number>> = {};
    lines.push(
      '',
      `| client CPU per call, sequential, bare node:http and lava-sdk taking turns call by call (${fmt(scaled(20_000))} calls each) | µs/call | over bare node:http |`,
      '|---|--:|--:|',
    );
    for (const [op, impls] of ops) {
      if (op.startsWith('listCustomers')) continue;
      const pair = { 'bare node:http': impls['bare node:http']!, 'lava-sdk': impls['lava-sdk']! };
      const cpu = await cpuPerCall(pair, scaled(20_000));
      perCall[op] = cpu;
      for (const [name, us] of Object.entries(cpu)) {
        const over = name === 'bare node:http' ? '—' : signed(us - cpu['bare node:http']!);
        lines.push(`| ${op}: ${name} | ${fmt(us)} | ${over} |`);
      }
      console.error(`measured ${op} (CPU per call)`);
    }
    results.cpuPerCall = perCall;

    // ---- usage reporting: createUsageReporter against sequential createRequest
    if (requests) {
      lines.push('');
      const requestsNode = await loadBuilt<typeof import('@lava-sdk/requests/node')>('requests', 'node');
      const reporter = await benchReporter({ base, core, requests, requestsNode, dist, scaled, fmt });
      lines.push(...reporter.lines);
      results.reporter = reporter.results;
      console.error('measured usage reporter');
    }

    // ---- gatewayStream: time to first event
    lines.push('');
    if (gatewayPkg) {
      const providerUrl = 'https://api.openai.com/v1/chat/completions';
      const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
      const token = gatewayPkg.generateForwardToken(ours);
      const forward = `${base}forward?u=${encodeURIComponent(providerUrl)}`;
      let firstAt = 0;
      const ttfe: Impls = {
        'raw fetch': async () => {
          const res = await fetch(forward, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              accept: 'text/event-stream',
            },
            body: JSON.stringify({ ...body, stream: true }),
          });
          const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
          let text = '';
          let events = 0;
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            text += value;
            while (text.includes('\n\n')) {
              if (events++ === 0) firstAt = performance.now();
              text = text.slice(text.indexOf('\n\n') + 2);
            }
          }
          must(events === 6, 'raw stream');
        },
        'lava-sdk': async () => {
          const r = await gatewayPkg.gatewayStream(ours, providerUrl, { body });
          must(r.isOk(), 'ours stream');
          let events = 0;
          for await (const _ of r._unsafeUnwrap()) if (events++ === 0) firstAt = performance.now();
          must(events === 5, 'ours stream'); // [DONE] ends the iteration
        },
      };
      const names = Object.keys(ttfe);
      const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
      const n = scaled(600);
      for (let i = 0; i < n + 50; i++) {
        for (const name of names) {
          const start = performance.now();
          await ttfe[name]!();
          if (i >= 50) samples[name]!.push(firstAt - start); // first 50: warm-up
        }
      }
      lines.push(
        '| gatewayStream, time to first event (sequential) | p50 ms | p99 ms | p50 vs raw fetch |',
        '|---|--:|--:|--:|',
      );
      const q = (xs: number[], p: number) => quantile(Float64Array.from(xs).sort(), p);
      const rawP50 = q(samples['raw fetch']!, 0.5);
      for (const name of names) {
        const xs = samples[name]!;
        lines.push(
          `| ${name} | ${fmt(q(xs, 0.5), 2)} | ${fmt(q(xs, 0.99), 2)} | ${name === 'raw fetch' ? '—' : `${(q(xs, 0.5) / rawP50).toFixed(2)}× the time`} |`,
        );
      }
      results.gatewayStream = Object.fromEntries(
        names.map((n) => [n, { p50: q(samples[n]!, 0.5), p99: q(samples[n]!, 0.99) }]),
      );
      console.error('measured gatewayStream');
    } else {
      notes.push('@lava-sdk/gateway is not built: gatewayStream not measured.');
    }

    // ---- paginate over 100 000 items, heap sampled during the iteration
    lines.push('');
    const gen = core.createLava({
      secretKey: SECRET_KEY,
      baseUrl: `http://127.0.0.1:${server.port}/gen/v1/`,
    });
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapStart = process.memoryUsage().heapUsed;
    let heapPeak = heapStart;
    const liveAfterGc: number[] = [];
    let items = 0;
    const started = performance.now();
    for await (const c of core.paginate(customers.listCustomers, gen, { limit: 100 })) {
      items++;
      if (items % 1000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      if (gc && items % 20_000 === 0) {
        gc();
        liveAfterGc.push(process.memoryUsage().heapUsed);
      }
      must(c.isOk() && c.value.customer_id.length > 0, 'paginate item');
    }
    const pageMs = performance.now() - started;
    must(items === 100_000, `paginate saw ${items} items`);
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    lines.push(
      '| paginate(listCustomers, { limit: 100 }) over 100,000 items | |',
      '|---|--:|',
      `| time | ${fmt(pageMs / 1000, 1)} s (${fmt(items / (pageMs / 1000))} items/s) |`,
      `| heapUsed at start (after GC) | ${mb(heapStart)} |`,
      `| peak heapUsed sampled every 1,000 items | ${mb(heapPeak)} (+${mb(heapPeak - heapStart)}) |`,
    );
    if (liveAfterGc.length) {
      lines.push(
        `| live heap after GC at 20k, 40k, 60k, 80k, 100k items | ${liveAfterGc.map(mb).join(', ')} |`,
      );
    } else notes.push('run with --expose-gc (pnpm bench does) for the post-GC heap samples.');
    results.paginate = { items, ms: pageMs, heapStart, heapPeak, liveAfterGc };
    console.error('measured paginate');
  } finally {
    bare.close();
    server.stop();
  }

  // ---- cold start (fresh processes, interleaved), and heap per client
  const runs = Math.max(7, Math.round(21 * Math.min(1, SCALE)));
  const targets: [label: string, code: string, esm: boolean][] = [
    ['`node -e 0`', '0', false],
    ["lava-sdk: `require('@lava-sdk/customers')`", "require('@lava-sdk/customers').retrieveCustomer", false],
    ["lava-sdk: `import('@lava-sdk/customers')`", "await import('@lava-sdk/customers')", true],
    ["lava-sdk: `require('lava-sdk')`", "require('lava-sdk').Lava", false],
    ["lava-sdk: `import('lava-sdk')`", "await import('lava-sdk')", true],
    ["official: `require('@lavapayments/nodejs')`", "require('@lavapayments/nodejs').Lava", false],
    ["official: `import('@lavapayments/nodejs')`", "await import('@lavapayments/nodejs')", true],
  ];
  const cold: Record<string, number[]> = Object.fromEntries(targets.map(([label]) => [label, []]));
  for (let i = 0; i < runs; i++) {
    for (const [label, code, esm] of targets) cold[label]!.push(coldStart(code, esm)); // one of each per pass
  }
  const baseMs = median(cold[targets[0]![0]]!);
  lines.push(
    '',
    `| cold start, a fresh \`node\` process (median of ${runs}) | process wall ms | over \`node -e 0\` |`,
    '|---|--:|--:|',
  );
  const coldMedians: Record<string, number> = {};
  for (const [label] of targets) {
    const ms = median(cold[label]!);
    coldMedians[label] = ms;
    lines.push(`| ${label} | ${fmt(ms, 1)} | ${ms === baseMs ? '—' : `+${fmt(ms - baseMs, 1)}`} |`);
  }
  results.coldStart = coldMedians;
  console.error('measured cold start');

  const heapN = 10_000;
  const heapOurs = heapPerClient('ours', heapN);
  const heapOfficial = heapPerClient('official', heapN);
  lines.push(
    '',
    `| heap per client (${fmt(heapN)} kept alive, after GC) | bytes |`,
    '|---|--:|',
    `| lava-sdk \`createLava()\` | ${fmt(heapOurs)} |`,
    `| official \`new Lava()\` | ${fmt(heapOfficial)} |`,
  );
  results.heapPerClient = { ours: heapOurs, official: heapOfficial };

  const cpu = os.cpus();
  const header = [
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.release()}; load average (1, 5, 15 min) at the start ${loadAtStart
      .map((l) => l.toFixed(1))
      .join(' ')}, at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}.`,
    `BENCH_SCALE=${SCALE}, ${ROUNDS} interleaved rounds per row (median round shown), concurrency ${CONCURRENCY}.`,
    ...notes.map((n) => `Note: ${n}`),
  ];
  const out = [...header, '', ...lines].join('\n');
  console.log(out);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
}

await main();
