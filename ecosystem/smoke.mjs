// Consumer smoke test: what a user gets from npm, before it is published.
//
//   pnpm build && pnpm test:smoke
//
// Packs every package (pnpm pack, as pnpm publish would), checks each tarball (README, LICENSE, dist, no
// sources, no workspace: ranges), installs the tarballs with npm into a fresh project outside the
// workspace (a temp dir), then, in that project:
// - an ESM script (consumer/esm.mjs) in Node, Deno and Bun, with its own emulator from /server;
// - a CommonJS script (consumer/cjs.cjs) against the lava-emulator CLI, configured by environment;
// - a strict user file (consumer/strict.ts) type-checked under node16 and bundler resolution, with
//   TypeScript 6.0 and 5.4 (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck off);
// - a Worker (consumer/worker.mjs) using the `Lava` class, bundled as wrangler does and run in workerd
//   without nodejs_compat; its bundle must import no node:* module, and its size is printed.
// One line per check, then `smoke: N passed, N failed`; exits non-zero on any failure. LAVA_SMOKE_KEEP=1
// keeps the temp project.
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { inspectTarball, packAll, packageDirs, requireBuilt } from '../scripts/tarballs.mjs';

const exec = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const TIMEOUT_MS = 180_000;

requireBuilt();
const packages = packageDirs();

const project = mkdtempSync(join(tmpdir(), 'lava-sdk-smoke-'));
const tarballs = `${project}/tarballs`;
mkdirSync(tarballs);

let passed = 0;
let failed = 0;
const results = [];
/** Runs one check; a failure is reported and counted, and the later checks still run. */
async function step(name, fn) {
  const started = performance.now();
  try {
    const detail = await fn();
    passed++;
    results.push(
      `✓ ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`,
    );
  } catch (error) {
    failed++;
    const text = `${error?.stdout ?? ''}${error?.stderr ?? ''}${error?.message ?? error}`.trim();
    results.push(`✗ ${name}: ${text.split('\n').slice(0, 30).join('\n    ')}`);
  }
  console.log(results.at(-1));
}
const run = (file, args, options = {}) =>
  exec(file, args, { cwd: project, timeout: TIMEOUT_MS, encoding: 'utf8', maxBuffer: 32 << 20, ...options });

// ------------------------------------------------------------------ pack, as publish would

let packed = [];
await step(`pack ${packages.length} packages`, async () => {
  packed = await packAll(tarballs);
  return `${packed.length} tarballs`;
});

await step('tarballs hold README, LICENSE, dist and a publishable package.json', async () => {
  const problems = (await Promise.all(packed.map(inspectTarball))).flatMap((t) => t.problems);
  if (problems.length) throw new Error(problems.join('\n'));
});

// ------------------------------------------------------------------ a fresh project, installed with npm

cpSync(`${here}consumer`, project, { recursive: true });
writeFileSync(
  `${project}/package.json`,
  `${JSON.stringify({ name: 'lava-sdk-smoke-consumer', version: '0.0.0', private: true }, null, 2)}\n`,
);

await step('npm install the tarballs into a project outside the workspace', async () => {
  const files = readdirSync(tarballs).map((f) => `./tarballs/${f}`);
  // @types/node for the node16 type check only; the SDK itself needs no @types package.
  await run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    ...files,
    '@types/node@~20.19.43',
  ]);
  const installed = readdirSync(`${project}/node_modules/@lava-sdk`).length;
  // One copy of each: the tarballs' own dependencies on each other resolve to the installed tarballs.
  const { stdout } = await run('npm', ['ls', '--all', '--parseable']);
  const copies = stdout.split('\n').filter((p) => /node_modules\/@lava-sdk\/core$/.test(p));
  if (copies.length !== 1)
    throw new Error(`@lava-sdk/core installed ${copies.length} times:\n${copies.join('\n')}`);
  return `${installed} @lava-sdk packages + lava-sdk, one copy of core, in ${project}`;
});

// ------------------------------------------------------------------ scripts

const bin = (name) => `${here}node_modules/.bin/${name}`;
await step('ESM script in Node', async () => (await run(process.execPath, ['esm.mjs'])).stdout.trim());
await step('ESM script in Deno', async () =>
  (await run(bin('deno'), ['run', '--quiet', '--no-prompt', '-A', 'esm.mjs'])).stdout.trim(),
);
await step('ESM script in Bun', async () => (await run(bin('bun'), ['esm.mjs'])).stdout.trim());

/** Starts `lava-emulator --port 0` from the project's node_modules/.bin; resolves with its URL and key. */
function startCli() {
  const child = spawn(`${project}/node_modules/.bin/lava-emulator`, ['--port', '0'], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`lava-emulator printed no URL: ${out}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`lava-emulator exited with ${code}: ${out}`)));
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const baseUrl = /LAVA_BASE_URL=(\S+)/.exec(out)?.[1];
      const key = /LAVA_SECRET_KEY=(\S+)/.exec(out)?.[1];
      if (baseUrl && key) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, baseUrl, key });
      }
    });
  });
}

await step('CommonJS script against the lava-emulator CLI', async () => {
  const { child, baseUrl, key } = await startCli();
  try {
    const { stdout } = await run(process.execPath, ['cjs.cjs'], {
      env: { ...process.env, LAVA_BASE_URL: baseUrl, LAVA_SECRET_KEY: key },
    });
    return stdout.trim();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const started = performance.now();
    child.kill('SIGTERM');
    await exited;
    console.log(`  lava-emulator stopped ${Math.round(performance.now() - started)} ms after SIGTERM`);
  }
});

// ------------------------------------------------------------------ types, as a strict user compiles them

const compilers = [
  ['TypeScript 6.0', `${root}node_modules/typescript/bin/tsc`],
  ['TypeScript 5.4', `${here}node_modules/typescript-5.4/bin/tsc`],
];
// Known problems in the SDK's declarations, owned elsewhere: reported on every run, not failed on. Keep
// this list empty; remove an entry as soon as its fix lands (the run says when it no longer occurs).
const KNOWN = [];
// node16 resolves `import` in strict.mts and `require` in strict.cts (the .d.ts and .d.cts types).
cpSync(`${project}/strict.ts`, `${project}/strict.mts`);
cpSync(`${project}/strict.ts`, `${project}/strict.cts`);
const seenKnown = new Set();
/** One compile: the SDK declaration files it read and its errors (tsc exits non-zero on any). */
const compile = (tsc, config) =>
  run(process.execPath, [tsc, '-p', config, '--pretty', 'false', '--listFiles'], { timeout: 600_000 }).then(
    ({ stdout }) => stdout,
    (error) => {
      // tsc exits 1 or 2 when it reports errors; anything else (killed, timed out, crashed) is a failure.
      if (error.killed || error.signal || ![1, 2].includes(error.code)) throw error;
      return error.stdout;
    },
  );
// Two compiles at a time: they are CPU-bound, and CI has two cores.
const jobs = compilers.flatMap(([label, tsc]) =>
  ['tsconfig.node16.json', 'tsconfig.bundler.json'].map((config) => ({ label, tsc, config })),
);
for (let i = 0; i < jobs.length; i += 2) {
  const batch = jobs.slice(i, i + 2).map((job) => {
    const output = compile(job.tsc, job.config);
    output.catch(() => undefined); // awaited in step() below; no unhandled rejection meanwhile
    return { ...job, output };
  });
  for (const { label, config, output } of batch) {
    await step(`${label}, ${config.split('.')[1]} resolution: the strict user file compiles`, async () => {
      const lines = (await output).split('\n');
      const own = lines.filter((f) =>
        /node_modules\/(@lava-sdk\/[^/]+|lava-sdk)\/dist\/.*\.d\.c?ts$/.test(f),
      );
      if (own.length === 0)
        throw new Error(`tsc read no declaration file of the SDK:\n${lines.slice(0, 20).join('\n')}`);
      const errors = lines.filter((l) => /error TS\d+/.test(l));
      const known = errors.filter((line) => KNOWN.some((k) => k.pattern.test(line) && seenKnown.add(k)));
      const unknown = errors.filter((line) => !known.includes(line));
      if (unknown.length) throw new Error(unknown.join('\n'));
      const note = known.length ? `; ${known.length} known errors (listed below)` : '';
      return `${own.length} declaration files of the SDK checked${note}`;
    });
  }
}
for (const k of KNOWN)
  console.log(
    seenKnown.has(k)
      ? `  known problem, still there: ${k.what}`
      : `  known problem gone, remove it from KNOWN: ${k.what}`,
  );

// ------------------------------------------------------------------ workerd, no nodejs_compat

const { startEmulator } = await import(
  pathToFileURL(`${project}/node_modules/@lava-sdk/emulator/dist/server.js`).href
);
const { EMULATOR_SECRET_KEY } = await import(
  pathToFileURL(`${project}/node_modules/@lava-sdk/emulator/dist/index.js`).href
);

await step('new Lava() in workerd without nodejs_compat', async () => {
  // As wrangler bundles a Worker: esbuild, the workerd/worker/browser conditions, no Node polyfills.
  const bundled = await build({
    absWorkingDir: project,
    entryPoints: ['worker.mjs'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = bundled.outputFiles[0].text;
  if (/\b(?:from|import|require)\s*\(?\s*["']node:/.test(code))
    throw new Error('the Worker bundle imports node:*');
  const inputs = Object.keys(bundled.metafile.inputs);
  if (!inputs.some((f) => f.endsWith('@lava-sdk/auth/dist/edge.js')))
    throw new Error('not the edge build of auth');
  if (inputs.some((f) => /@lava-sdk\/auth\/dist\/(login|openBrowser)\.js$/.test(f)))
    throw new Error('the Node login code is in the Worker bundle');
  const local = await startEmulator();
  const mf = new Miniflare({
    modules: true,
    script: code,
    compatibilityDate: '2025-01-01',
    compatibilityFlags: [],
    bindings: { LAVA_SECRET_KEY: EMULATOR_SECRET_KEY, LAVA_BASE_URL: local.baseUrl },
  });
  try {
    const res = await mf.dispatchFetch('http://localhost/');
    const text = await res.text();
    if (!res.ok) throw new Error(text);
    const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
    const size = { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
    // For the docs' figures (scripts/figures.mjs record reads it after a CI run).
    mkdirSync(`${root}.ci/out`, { recursive: true });
    writeFileSync(`${root}.ci/out/worker-bundle.json`, JSON.stringify(size));
    return `${text}; bundle ${kb(size.minified)} minified, ${kb(size.gzip)} gzip`;
  } finally {
    await mf.dispose();
    await local.stop();
  }
});

if (process.env.LAVA_SMOKE_KEEP) console.log(`kept ${project}`);
else rmSync(project, { recursive: true, force: true });
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
