// The one set of numbers the docs quote: docs/figures.json, written only from measurements, read by
// scripts/docs-fill.mjs, which writes every figure into the docs' marked places. So the README, the package
// READMEs, ARCHITECTURE.md and bench/README.md cannot disagree, and no figure is typed by hand.
//
//   node scripts/figures.mjs record [dir]     read a CI run's outputs (default .ci/out: steps.tsv, the step
//                                             times .ci/run writes; vitest.json; size.json; install.json)
//   node scripts/figures.mjs record-bench f   read what `pnpm bench > f` printed (its tables are the figures)
//   node scripts/figures.mjs record-bundlers f  read the table `pnpm --dir ecosystem run bundlers > f` printed
//   node scripts/figures.mjs record-bullmq f    read what `pnpm bench:bullmq > f` printed (bench/bullmq.ts)
//   then: pnpm docs:fill
//
// Versions (TypeScript, the provider clients) are read from the package.json files the CI installs from.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const FIGURES_FILE = join(root, 'docs/figures.json');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// ------------------------------------------------------------------ formats

const grouped = (n) => Math.round(n).toLocaleString('en-US');
/** `35 s`, `1 min 55 s`, `12 min`. */
export function duration(seconds) {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 && m < 10 ? `${m} min ${s % 60} s` : `${Math.round(s / 60)} min`;
}
/** size-limit's units: `556 B`, `7.43 kB`, `22.77 kB` (1 kB = 1000 B, as size-limit prints). */
export function bytes(n) {
  return n < 1000 ? `${n} B` : `${(n / 1000).toFixed(2)} kB`;
}
const megabytes = (n) => `${Math.round(n / 1e6)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const minor = (version) => version.split('.').slice(0, 2).join('.');

// ------------------------------------------------------------------ reading

/** The `name → { bytes, limit }` of each size-limit entry, keyed by its bench/size file (`retrieveCustomer`, `retrieveCustomer.node`). */
async function sizeEntries() {
  const { default: config } = await import(join(root, '.size-limit.js'));
  return config.map((entry) => ({
    name: entry.name,
    key: `${entry.path.replace(/^.*\/|\.js$/g, '')}${entry.modifyEsbuildConfig ? '.node' : ''}`,
    limit: entry.limit,
  }));
}

/** Versions as CI installs them: the oldest TypeScript of the type tests and the smoke test, and the clients. */
function versions() {
  const root_ = readJson(join(root, 'package.json')).devDependencies;
  const eco = readJson(join(root, 'ecosystem/package.json')).devDependencies;
  const gateway = readJson(join(root, 'packages/gateway/package.json')).devDependencies;
  const aliased = (spec) => spec.replace(/^npm:(@?[^@]+)@/, '');
  const typeTests = aliased(Object.entries(root_).find(([name]) => name.startsWith('typescript-'))[1]);
  const smoke = aliased(Object.entries(eco).find(([name]) => name.startsWith('typescript-'))[1]);
  const v = {
    'typescript.oldest': minor(typeTests),
    'typescript.typeTests': typeTests,
    'typescript.current': root_.typescript,
    'typescript.smoke': smoke,
    node: readJson(join(root, 'package.json')).engines.node.replace(/^>=\s*/, ''),
  };
  for (const [name, spec] of Object.entries(gateway)) v[`client.${name}`] = minor(aliased(spec));
  return v;
}

/** Every figure the docs may quote, formatted, by key; and the generated tables, by name. */
export async function loadFigures() {
  const f = existsSync(FIGURES_FILE) ? readJson(FIGURES_FILE) : {};
  const values = { ...versions() };
  const tables = {};
  if (f.measured) {
    values['measured.date'] = f.measured.date;
    values['measured.machine'] = f.measured.machine;
    values['measured.load'] = f.measured.load;
  }
  if (f.install) {
    values['install.size'] = megabytes(f.install.bytes);
    values['install.packages'] = grouped(f.install.packages);
    values['install.time'] = duration(f.install.seconds);
  }
  if (f.tests) {
    values['tests.count'] = grouped(f.tests.count);
    values['tests.files'] = grouped(f.tests.files);
    for (const [file, seconds] of Object.entries(f.tests.fileSeconds ?? {}))
      values[`time.file:${file}`] = duration(seconds);
  }
  if (f.workerBundle) {
    values['size.worker.minified'] = `${(f.workerBundle.minified / 1024).toFixed(1)} KiB`;
    values['size.worker.gzip'] = `${(f.workerBundle.gzip / 1024).toFixed(1)} KiB`;
  }
  if (f.bundlers) tables.bundlers = f.bundlers.markdown.trim();
  for (const [step, { seconds, cpuSeconds }] of Object.entries(f.steps ?? {})) {
    values[`time.${step}`] = duration(seconds);
    values[`cpu.${step}`] = duration(cpuSeconds);
  }
  const sizes = await sizeEntries();
  for (const { key, limit } of sizes) {
    values[`budget.${key}`] = limit;
    if (f.size?.[key] !== undefined) values[`size.${key}`] = bytes(f.size[key]);
  }
  if (f.size) tables.size = sizeTable(f.size, sizes);
  if (f.bench) {
    Object.assign(values, benchValues(f.bench));
    Object.assign(tables, benchTables(f.bench));
  }
  if (f.bullmq) {
    const bullmq = bullmqFigures(f.bullmq);
    Object.assign(values, bullmq.values);
    Object.assign(tables, bullmq.tables);
  }
  return { values, tables };
}

/** README's Size table: each budgeted bundle, measured and budgeted. */
function sizeTable(size, entries) {
  const label = {
    gatewayForwardTokenBare: '`generateForwardToken` alone (from a `{ secretKey }`)',
    forwardToken: '`createLava` + `generateForwardToken`',
    retrieveCustomer: '`createLava` + `retrieveCustomer`, browser',
    'retrieveCustomer.node': '`createLava` + `retrieveCustomer`, Node (`--platform=node`, from dist)',
    gateway: '`createLava` + `gateway()`',
    gatewayFetch: '`createLava` + `gatewayFetch`',
    usageReporter: '`createLava` + `createUsageReporter`',
    all: 'the whole SDK (every browser package)',
  };
  return [
    '| bundle | gzip | budget in CI |',
    '|---|--:|--:|',
    ...entries
      .filter(({ key }) => size[key] !== undefined)
      .map(({ key, limit }) => `| ${label[key] ?? key} | ${bytes(size[key])} | ${limit} |`),
  ].join('\n');
}

// ------------------------------------------------------------------ the bench

/** The tables of the bench's printed output: `[header cells, ...rows of cells]` each. */
function tablesOf(markdown) {
  const tables = [];
  let current;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = line
      .slice(1, -1)
      .trim()
      .split(/\s*\|\s*/);
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue; // the header's separator
    if (!current) {
      current = [];
      tables.push(current);
    }
    current.push(cells);
  }
  return tables;
}

const num = (cell) => Number(cell.replace(/[^\d.]/g, ''));

/** The figures of a bench run, read from the tables it printed (bench/run.ts, bench/reporter.ts). */
export function parseBench(markdown) {
  const results = { rest: {}, cpuPerCall: {}, coldStart: {}, heapPerClient: {}, reporter: {} };
  for (const [head, ...rows] of tablesOf(markdown)) {
    const title = head[0];
    if (title === 'operation')
      for (const [op, mode, client, rps, p50, p99, cpuUs] of rows) {
        const key = `${op} / ${mode}`;
        results.rest[key] ??= {};
        results.rest[key][client] = { rps: num(rps), p50: num(p50), p99: num(p99), cpuUs: num(cpuUs) };
      }
    else if (title.startsWith('client CPU per call'))
      // `retrieveCustomer: bare node:http | 224 | —`: µs per call of each client, taking turns call by call.
      for (const [label, us] of rows) {
        const [op, client] = label.split(': ');
        results.cpuPerCall[op] ??= {};
        results.cpuPerCall[op][client] = num(us);
      }
    else if (title.startsWith('cold start'))
      for (const [label, ms] of rows) results.coldStart[label] = num(ms);
    else if (title.startsWith('heap per client'))
      for (const [label, bytes] of rows)
        results.heapPerClient[label.startsWith('lava-sdk') ? 'ours' : 'official'] = num(bytes);
    else if (title.startsWith('usage events, ')) {
      const label = title.includes('20 ms') ? 'server answering 20 ms later' : 'loopback';
      results.reporter[label] = Object.fromEntries(
        rows.map(([name, eps, reportUs, cpuUs]) => [
          name,
          { eps: num(eps), reportUs: num(reportUs), cpuUs: num(cpuUs) },
        ]),
      );
    } else if (title.startsWith('memory per queued event'))
      results.reporter.heapPerQueuedEvent = {
        memory: num(rows.find(([name]) => name.includes('memory'))[1]),
        fileStore: num(rows.find(([name]) => name.includes('fileStore'))[1]),
      };
  }
  return results;
}

const REST = ['retrieveCustomer', 'createRequest'];
const MODES = ['sequential', 'concurrency 8'];

function benchValues(bench) {
  const v = {};
  const results = parseBench(bench.markdown);
  const rest = results.rest;
  const vsRaw = [];
  for (const op of REST)
    for (const mode of MODES) {
      const s = rest[`${op} / ${mode}`];
      if (s) vsRaw.push(s['lava-sdk'].rps / s['raw fetch'].rps);
    }
  for (const [key, stats] of Object.entries(rest)) {
    // `bench.retrieveCustomer.seq.vsRaw`, `bench.listCustomers.c8.vsOfficial`, …
    const [label, modeLabel] = key.split(' / ');
    const op = label.split(' ')[0];
    const mode = modeLabel === 'sequential' ? 'seq' : `c${modeLabel.replace(/\D/g, '')}`;
    const raw = stats['raw fetch'].rps;
    v[`bench.${op}.${mode}.vsRaw`] = ratio(stats['lava-sdk'].rps, raw);
    v[`bench.${op}.${mode}.vsOfficial`] = ratio(stats['lava-sdk'].rps, stats.official.rps);
    v[`bench.${op}.${mode}.fetchVsRaw`] = ratio(stats['lava-sdk, fetch path'].rps, raw);
  }
  const range = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}×`;
  v['bench.vsRawFetch'] = range(vsRaw);
  const list = MODES.map((mode) => rest[`listCustomers (100 items) / ${mode}`]).filter(Boolean);
  if (list.length)
    v['bench.list.vsRawFetch'] = range(list.map((s) => s['lava-sdk'].rps / s['raw fetch'].rps));
  v['bench.machine'] = bench.machine;
  // lava-sdk's client CPU over the bare node:http floor (issue 21): per call, and in the block rounds.
  const over = (us) => `${us < 0 ? '−' : '+'}${Math.abs(Math.round(us))} µs`;
  const perCall = results.cpuPerCall.retrieveCustomer;
  if (perCall) v['bench.cpu.overBare'] = over(perCall['lava-sdk'] - perCall['bare node:http']);
  const block = rest['retrieveCustomer / sequential'];
  if (block?.['bare node:http'])
    v['bench.cpu.overBare.block'] = over(block['lava-sdk'].cpuUs - block['bare node:http'].cpuUs);
  const cold = results.coldStart;
  const base = cold['`node -e 0`'];
  const later = (label) => {
    const ms = cold[label] - base;
    return `${ms < 0 ? '−' : '+'}${Math.abs(ms).toFixed(1)} ms`;
  };
  v['bench.cold.require'] = later("lava-sdk: `require('@lava-sdk/customers')`");
  v['bench.cold.import'] = later("lava-sdk: `import('@lava-sdk/customers')`");
  v['bench.cold.requireAll'] = later("lava-sdk: `require('lava-sdk')`");
  v['bench.cold.importAll'] = later("lava-sdk: `import('lava-sdk')`");
  v['bench.cold.officialRequire'] = later("official: `require('@lavapayments/nodejs')`");
  v['bench.cold.officialImport'] = later("official: `import('@lavapayments/nodejs')`");
  const heap = results.heapPerClient;
  v['bench.heap.ours'] = `${grouped(heap.ours)} B`;
  v['bench.heap.official'] = `${grouped(heap.official)} B`;
  const loopback = results.reporter.loopback;
  if (loopback) {
    const [sequential, ...reporters] = Object.values(loopback);
    const memory = Object.entries(loopback)
      .filter(([name]) => name.includes('memory'))
      .map(([, r]) => r.eps / sequential.eps);
    v['bench.reporter.loopback'] = `${Math.min(...memory).toFixed(2)}–${Math.max(...memory).toFixed(2)}×`;
    const at = (label) => reporters.length && loopback[label]?.reportUs;
    v['bench.reporter.fsyncUs'] = grouped(at('reporter, fileStore (fsync each report)'));
    v['bench.reporter.noFsyncUs'] = (
      Math.round(at('reporter, fileStore { fsync: false }') * 10) / 10
    ).toString();
  }
  const slow = results.reporter['server answering 20 ms later'];
  if (slow) {
    const sequential = Object.values(slow)[0].eps;
    v['bench.reporter.slow.c4'] = ratio(slow['reporter, memory, concurrency 4 (default)'].eps, sequential);
    v['bench.reporter.slow.c8'] = ratio(slow['reporter, memory, concurrency 8'].eps, sequential);
  }
  const queued = results.reporter.heapPerQueuedEvent;
  if (queued) {
    v['bench.queued.memory'] = grouped(queued.memory);
    v['bench.queued.fileStore'] = grouped(queued.fileStore);
    v['bench.queued.maxQueue'] = `${((queued.memory * 10_000) / 1e6).toFixed(1)} MB`;
  }
  return v;
}

function benchTables(bench) {
  const results = parseBench(bench.markdown);
  const rest = results.rest;
  // The bare node:http floor, when the run measured it (bench/run.ts since issue 21).
  const bare = rest['retrieveCustomer / sequential']?.['bare node:http'] !== undefined;
  const clients = [
    ...(bare ? ['bare node:http'] : []),
    'raw fetch',
    'official',
    'lava-sdk',
    'lava-sdk, fetch path',
  ];
  const rows = [];
  for (const op of REST)
    for (const mode of MODES) {
      const s = rest[`${op} / ${mode}`];
      if (!s) continue;
      const raw = s['raw fetch'].rps;
      const official = s.official.rps;
      rows.push(
        `| \`${op}\` req/s, ${mode} | ${bare ? `${grouped(s['bare node:http'].rps)} | ` : ''}${grouped(raw)} | ${grouped(official)} | ${grouped(s['lava-sdk'].rps)} (${ratio(s['lava-sdk'].rps, raw)} raw, ${ratio(s['lava-sdk'].rps, official)} official) | ${grouped(s['lava-sdk, fetch path'].rps)} (${ratio(s['lava-sdk, fetch path'].rps, raw)}) |`,
      );
    }
  const perCall = results.cpuPerCall.retrieveCustomer;
  if (perCall) {
    const floor = perCall['bare node:http'];
    rows.push(
      `| client CPU µs per \`retrieveCustomer\`, sequential, taking turns call by call with bare node:http | ${grouped(floor)} | | | ${grouped(perCall['lava-sdk'])} (+${grouped(perCall['lava-sdk'] - floor)}) | |`,
    );
  }
  const cpu = rest['retrieveCustomer / concurrency 8'];
  if (cpu)
    rows.push(
      `| client CPU µs per \`retrieveCustomer\`, concurrency 8 | ${clients.map((c) => grouped(cpu[c].cpuUs)).join(' | ')} |`,
    );
  const speed = [
    `| figure | ${clients.map((c) => (c === 'lava-sdk' ? 'lava-sdk (node:http)' : c)).join(' | ')} |`,
    `|---|${clients.map(() => '--:').join('|')}|`,
    ...rows,
  ].join('\n');
  const slow = results.reporter['server answering 20 ms later'];
  const reporter = slow
    ? [
        '| 200 events, server answering 20 ms later | events/s | µs in `report()` per event | vs sequential `createRequest` |',
        '|---|--:|--:|--:|',
        ...Object.entries(slow).map(([name, s], i, all) => {
          const first = all[0][1].eps;
          const inReport =
            i === 0 ? `(${grouped(s.reportUs)} per call)` : (Math.round(s.reportUs * 10) / 10).toString();
          return `| ${name} | ${grouped(s.eps)} | ${inReport} | ${i === 0 ? '—' : ratio(s.eps, first)} |`;
        }),
      ].join('\n')
    : '';
  return { speed, reporter, bench: bench.markdown.trim() };
}

// ------------------------------------------------------------------ the BullMQ bench

/** The figures of a `pnpm bench:bullmq` run, read from the tables it printed (bench/bullmq.ts). */
export function parseBullmq(markdown) {
  const results = { throughput: {}, faults: {}, bytes: {} };
  for (const [head, ...rows] of tablesOf(markdown)) {
    const title = head[0];
    const into = title.includes('faulted')
      ? results.faults
      : title.includes('no faults')
        ? results.throughput
        : undefined;
    if (into)
      for (const [name, eps, vsLoop, deliverUs, serverUs, emulatorUs, enqueue] of rows) {
        const [callsPerSecond, cpuPerCall] = enqueue === '—' ? [] : enqueue.split(' / ').map(num);
        into[name] = {
          eps: num(eps),
          vsLoop: vsLoop === '—' ? undefined : num(vsLoop),
          deliverUs: num(deliverUs),
          serverUs: serverUs === '—' ? undefined : num(serverUs),
          emulatorUs: num(emulatorUs),
          enqueue: callsPerSecond === undefined ? undefined : { callsPerSecond, cpuPerCall },
        };
      }
    else if (title.startsWith('bytes per job'))
      for (const [name, waiting, kept] of rows)
        results.bytes[name.startsWith('Redis') ? 'redis' : 'postgres'] = {
          waiting: num(waiting),
          kept: num(kept),
        };
  }
  const contenders = Object.keys(results.throughput).length;
  if (
    contenders < 6 ||
    Object.keys(results.faults).length < 3 ||
    !results.bytes.redis ||
    !results.bytes.postgres
  )
    throw new Error('not the tables of bench/bullmq.ts (6 contenders, 3 under faults, bytes per job)');
  return results;
}

/** The README's BullMQ figures and table, and bench/README's whole printed run. */
function bullmqFigures(bullmq) {
  const { throughput, faults, bytes: perJob } = parseBullmq(bullmq.markdown);
  const rows = Object.entries(throughput);
  const on = (backend) => rows.filter(([name]) => name.includes(backend)).map(([, r]) => r);
  const ratios = (rs) => {
    const xs = rs.map((r) => r.vsLoop);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    return lo === hi ? `${lo.toFixed(2)}×` : `${lo.toFixed(2)}–${hi.toFixed(2)}×`;
  };
  const [redis1] = on('Redis');
  const [pg1] = on('PostgreSQL');
  // In the order bench/bullmq.ts runs them under faults: the reporter, BullMQ on Redis, on PostgreSQL.
  const faulted = ['createUsageReporter', 'BullMQ on Redis', 'BullMQ on PostgreSQL'].map(
    (start) => Object.entries(faults).find(([name]) => name.startsWith(start))[1],
  );
  const values = {
    'bullmq.machine': bullmq.machine,
    'bullmq.redis.vsLoop': ratios(on('Redis')),
    'bullmq.postgres.vsLoop': ratios(on('PostgreSQL')),
    'bullmq.faults.vsLoop': faulted.map((r) => `${r.vsLoop.toFixed(2)}×`).join(' / '),
    'bullmq.redis.enqueueRate': grouped(redis1.enqueue.callsPerSecond),
    'bullmq.redis.enqueueUs': grouped(redis1.enqueue.cpuPerCall),
    'bullmq.postgres.enqueueRate': grouped(pg1.enqueue.callsPerSecond),
    'bullmq.postgres.enqueueUs': grouped(pg1.enqueue.cpuPerCall),
    'bullmq.redis.bytesWaiting': grouped(perJob.redis.waiting),
    'bullmq.redis.bytesKept': grouped(perJob.redis.kept),
    'bullmq.postgres.bytesWaiting': grouped(perJob.postgres.waiting),
    'bullmq.postgres.bytesKept': grouped(perJob.postgres.kept),
    // What an hour of kept jobs (the default `removeOnComplete: { age: 3600 }`) holds per event a second.
    'bullmq.redis.keptHour': `${((perJob.redis.kept * 3600) / 1e6).toFixed(1)} MB`,
  };
  const cpu = (r) =>
    r.serverUs === undefined ? grouped(r.deliverUs) : `${grouped(r.deliverUs)} + ${grouped(r.serverUs)}`;
  const readme = [
    '| 3,000 events, 16 requests in flight (median round) | events/s | vs the loop | CPU µs per event: delivering processes + queue server |',
    '|---|--:|--:|--:|',
    ...rows.map(
      ([name, r]) =>
        `| ${name} | ${grouped(r.eps)} | ${r.vsLoop === undefined ? '—' : `${r.vsLoop.toFixed(2)}×`} | ${cpu(r)} |`,
    ),
    `| 25 % of attempts faulted: reporter / BullMQ on Redis, 2 × 8 / on PostgreSQL, 2 × 8 | ${faulted.map((r) => grouped(r.eps)).join(' / ')} | ${values['bullmq.faults.vsLoop']} | |`,
  ].join('\n');
  return { values, tables: { 'bullmq.readme': readme, bullmq: bullmq.markdown.trim() } };
}

// ------------------------------------------------------------------ recording

function load() {
  return existsSync(FIGURES_FILE) ? readJson(FIGURES_FILE) : {};
}
function save(f) {
  writeFileSync(FIGURES_FILE, `${JSON.stringify(f, null, 2)}\n`);
}
function machine() {
  const cpu = os.cpus();
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
  };
}

/**
 * Reads a CI run's outputs (.ci/run writes them) into docs/figures.json: each file that is there, so
 * `pnpm size-limit --json > .ci/out/size.json` alone re-records the sizes after a change that moves them.
 */
async function record(dir) {
  const f = load();
  const at = (file) => (existsSync(join(dir, file)) ? join(dir, file) : undefined);
  const read = [];
  if (at('steps.tsv')) {
    f.measured = at('machine.json') ? readJson(at('machine.json')) : machine();
    f.steps = {};
    for (const line of readFileSync(at('steps.tsv'), 'utf8').trim().split('\n')) {
      const [name, seconds, cpuSeconds] = line.split('\t');
      f.steps[name] = { seconds: Number(seconds), cpuSeconds: Number(cpuSeconds) };
    }
    read.push('steps.tsv');
  }
  if (at('vitest.json')) {
    const vitest = readJson(at('vitest.json'));
    // Paths relative to the checkout the run was in (a clean clone's, not necessarily this one): the
    // test files sit under packages/ and test/, so their common directory is the checkout's root.
    const names = vitest.testResults.map((r) => r.name);
    const common = names.reduce((a, b) => {
      let n = 0;
      while (n < a.length && a[n] === b[n]) n++;
      return a.slice(0, n);
    });
    const base = common.slice(0, common.lastIndexOf('/') + 1);
    const fileSeconds = {};
    for (const r of vitest.testResults)
      fileSeconds[r.name.slice(base.length)] = Math.round((r.endTime - r.startTime) / 100) / 10;
    f.tests = {
      count: vitest.numPassedTests + vitest.numFailedTests,
      files: vitest.testResults.length,
      fileSeconds,
    };
    read.push('vitest.json');
  }
  for (const [file, key] of [
    ['install.json', 'install'],
    ['worker-bundle.json', 'workerBundle'],
  ])
    if (at(file)) {
      f[key] = readJson(at(file));
      read.push(file);
    }
  if (at('size.json')) {
    const sizes = await sizeEntries();
    f.size = {};
    for (const { name, size } of readJson(at('size.json'))) {
      const entry = sizes.find((e) => e.name === name);
      if (entry) f.size[entry.key] = size;
    }
    read.push('size.json');
  }
  if (!read.length) throw new Error(`${dir}: none of steps.tsv, vitest.json, install.json, size.json`);
  save(f);
  console.log(`docs/figures.json: ${read.join(', ')} from ${dir} recorded; now run pnpm docs:fill`);
}

/** The table `pnpm --dir ecosystem run bundlers` prints, saved to a file. */
function recordBundlers(file) {
  const f = load();
  f.bundlers = { date: new Date().toISOString().slice(0, 10), markdown: readFileSync(file, 'utf8').trim() };
  save(f);
  console.log(`docs/figures.json: the bundlers table in ${file} recorded; now run pnpm docs:fill`);
}

/**
 * What a bench printed, from its `Machine:` line on (pnpm's own lines before it are dropped), checked by
 * `parse` (so a wrong file fails here, not in docs:fill) and kept under `key` of docs/figures.json.
 */
function recordRun(file, key, parse, what) {
  const f = load();
  const printed = readFileSync(file, 'utf8');
  const markdown = printed.slice(printed.indexOf('Machine: ')).trim();
  if (!markdown.startsWith('Machine: ')) throw new Error(`${file}: no "Machine:" line, not a bench output`);
  parse(markdown);
  f[key] = { machine: markdown.split('\n')[0].replace(/^Machine: /, ''), markdown };
  save(f);
  console.log(`docs/figures.json: the ${what} run in ${file} recorded; now run pnpm docs:fill`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, arg] = process.argv.slice(2);
  if (command === 'record') await record(arg ?? join(root, '.ci/out'));
  else if (command === 'record-bench' && arg) recordRun(arg, 'bench', parseBench, 'bench');
  else if (command === 'record-bundlers' && arg) recordBundlers(arg);
  else if (command === 'record-bullmq' && arg) recordRun(arg, 'bullmq', parseBullmq, 'BullMQ bench');
  else {
    console.error(
      'usage: node scripts/figures.mjs record [dir] | record-bench <printed.txt> | record-bundlers <table.md> | record-bullmq <printed.txt>',
    );
    process.exit(1);
  }
}
