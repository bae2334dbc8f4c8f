// Checks every built package (run `pnpm build` first):
// - publint and attw: the exports map, types for ESM and CJS, files;
// - every entry of the exports map loads from ESM (import()) and from CJS (require()) in a fresh Node
//   process, through the package's own name (self-reference), so the real exports map is what resolves,
//   and both module systems expose the same export names;
// - a LavaError made by each of core's builds prints as `LavaError` (its class name, `constructor.name`,
//   `util.inspect`), which a bundler renaming the class (`LavaError$1`) would break;
// - an app's neverthrow is the SDK's: results are `instanceof` the app's classes (ESM, CJS, bundled).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const dirs = readdirSync('packages')
  .map((d) => `packages/${d}`)
  .sort();

/** Every JS entry of the exports map: `.`, `./server`, … (not `./package.json`). */
function entries(dir) {
  const { name, exports = { '.': {} } } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  return Object.keys(exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => (key === '.' ? name : `${name}${key.slice(1)}`));
}

// Prints the sorted export names of one specifier, loaded one way.
const esmProbe = (spec) =>
  `const m = await import(${JSON.stringify(spec)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default' && k !== 'module.exports').sort()));`;
const cjsProbe = (spec) =>
  `const m = require(${JSON.stringify(spec)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()));`;

async function loads(dir) {
  const problems = [];
  for (const spec of entries(dir)) {
    const names = {};
    for (const [kind, argv] of [
      ['import()', ['--input-type=module', '-e', esmProbe(spec)]],
      ['require()', ['-e', cjsProbe(spec)]],
    ]) {
      try {
        const { stdout } = await run(process.execPath, argv, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        names[kind] = JSON.parse(stdout.trim().split('\n').at(-1));
        if (names[kind].length === 0) problems.push(`${kind} of ${spec} has no exports`);
      } catch (error) {
        problems.push(
          `${kind} of ${spec} fails: ${(error.stderr || error.message).trim().split('\n').slice(0, 6).join('\n  ')}`,
        );
      }
    }
    const [esm, cjs] = [names['import()'], names['require()']];
    if (esm && cjs && JSON.stringify(esm) !== JSON.stringify(cjs)) {
      const only = (a, b) => a.filter((n) => !b.includes(n)).join(', ') || '—';
      problems.push(
        `${spec}: ESM and CJS export different names (ESM only: ${only(esm, cjs)}; CJS only: ${only(cjs, esm)})`,
      );
    }
  }
  if (problems.length)
    throw Object.assign(new Error(problems.join('\n')), { stdout: `${problems.join('\n')}\n` });
}

// Core's three builds: ESM and CJS for runtimes (by package name), and the per-module build for bundlers.
const errorNameProbe = (load) =>
  `${load}; const e = m.lavaError('network', 'probe'); const { inspect } = require('node:util');` +
  ` console.log(JSON.stringify([e.constructor.name, e.name, inspect(e).split(':')[0], String(e)]));`;
async function errorNames() {
  const want = JSON.stringify(['LavaError', 'LavaError', 'LavaError', 'LavaError: probe']);
  const problems = [];
  for (const [build, code] of [
    [
      'ESM',
      `const { createRequire } = await import('node:module'); const require = createRequire(import.meta.url); const m = await import('@lava-sdk/core/internal')`,
    ],
    ['CJS', `const m = require('@lava-sdk/core/internal')`],
    [
      'modules',
      `const { createRequire } = await import('node:module'); const require = createRequire(import.meta.url); const m = await import('./dist/modules/internal.js')`,
    ],
  ]) {
    const argv =
      build === 'CJS' ? ['-e', errorNameProbe(code)] : ['--input-type=module', '-e', errorNameProbe(code)];
    const { stdout } = await run(process.execPath, argv, { cwd: 'packages/core', encoding: 'utf8' });
    const got = stdout.trim();
    if (got !== want) problems.push(`${build} build: a LavaError prints as ${got}, not ${want}`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

// The app's neverthrow and the SDK's are one copy: a result the built packages return is an instance of
// the app's own `ResultAsync`, `Err` and `Ok`, from an ESM app and a CJS app, and from an app bundled by
// esbuild for Node and for browsers (the `module` build). Run from packages/lava, whose node_modules hold
// every package and neverthrow as an app's would; `lava-sdk` re-exports the same classes.
const resultProbe = `
  const check = async ({ ResultAsync, Ok, Err }, { createLava, retrieveCustomer, lavaSdk }) => {
    const lava = createLava({ secretKey: 'aks_test_PROBEnotreal0123456789abcdef', baseUrl: 'http://127.0.0.1:9/v1/', maxRetries: 0, timeoutMs: 1 });
    const pending = retrieveCustomer(lava, ''); // invalid_params: nothing is sent
    const failed = await pending;
    return JSON.stringify([pending instanceof ResultAsync, failed instanceof Err,
      lavaSdk.ResultAsync === ResultAsync, lavaSdk.ok(1) instanceof Ok]);
  };`;
const resultApps = {
  ESM: `${resultProbe}
    const neverthrow = await import('neverthrow');
    const lavaSdk = await import('lava-sdk');
    const { createLava } = await import('@lava-sdk/core');
    const { retrieveCustomer } = await import('@lava-sdk/customers');
    console.log(await check(neverthrow, { createLava, retrieveCustomer, lavaSdk }));`,
  CJS: `${resultProbe}
    const run = async () => console.log(await check(require('neverthrow'),
      { ...require('@lava-sdk/core'), ...require('@lava-sdk/customers'), lavaSdk: require('lava-sdk') }));
    run();`,
  // The same app as one module an app bundler would build (imports hoisted, so no await import()).
  bundle: `import * as neverthrow from 'neverthrow';
    import * as lavaSdk from 'lava-sdk';
    import { createLava } from '@lava-sdk/core';
    import { retrieveCustomer } from '@lava-sdk/customers';
    ${resultProbe}
    console.log(await check(neverthrow, { createLava, retrieveCustomer, lavaSdk }));`,
};
async function oneNeverthrow() {
  const want = JSON.stringify([true, true, true, true]);
  const cwd = 'packages/lava';
  const problems = [];
  const runs = [
    ['ESM app', () => run(process.execPath, ['--input-type=module', '-e', resultApps.ESM], { cwd })],
    ['CJS app', () => run(process.execPath, ['-e', resultApps.CJS], { cwd })],
  ];
  for (const platform of ['node', 'browser']) {
    runs.push([
      `app bundled by esbuild --platform=${platform}`,
      async () => {
        const { build } = await import('esbuild');
        const out = await build({
          stdin: { contents: resultApps.bundle, resolveDir: cwd, loader: 'js' },
          bundle: true,
          format: 'esm',
          platform,
          write: false,
          logLevel: 'error',
          // The built packages through their exports maps, not the sources the root tsconfig's paths name.
          tsconfigRaw: '{}',
        });
        const code = out.outputFiles[0].text;
        // A message neverthrow holds once.
        const copies = code.split('Do not use this generator out of `safeTry`').length - 1;
        if (copies !== 1) throw new Error(`the bundle holds ${copies} copies of neverthrow`);
        const dir = mkdtempSync(join(tmpdir(), 'lava-neverthrow-'));
        try {
          writeFileSync(join(dir, 'app.mjs'), code);
          return await run(process.execPath, [join(dir, 'app.mjs')], { cwd });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    ]);
  }
  for (const [app, go] of runs) {
    try {
      const got = (await go()).stdout.trim();
      if (got !== want)
        problems.push(`${app}: [ResultAsync, Err, lava-sdk's ResultAsync, its ok() an Ok] gave ${got}`);
    } catch (error) {
      problems.push(`${app}: ${(error.stderr || error.message).trim().split('\n').slice(0, 4).join(' / ')}`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

// One tool at a time over all packages, so no two jobs pack the same directory at once.
const jobs = [
  ...dirs.map((dir) => ['publint', dir, () => run(bin('publint'), [dir, '--strict'], { encoding: 'utf8' })]),
  ...dirs.map((dir) => [
    'attw',
    dir,
    () =>
      run(
        bin('attw'),
        ['--pack', dir, '--format', 'table', '--ignore-rules', 'cjs-resolves-to-esm', '--profile', 'node16'],
        {
          encoding: 'utf8',
        },
      ),
  ]),
  ...dirs.map((dir) => ['load ESM+CJS', dir, () => loads(dir)]),
  ['LavaError name', 'packages/core', errorNames],
  ['one neverthrow (instanceof)', 'packages/lava', oneNeverthrow],
];

let failed = 0;
let next = 0;
const worker = async () => {
  while (next < jobs.length) {
    const [tool, dir, job] = jobs[next++];
    try {
      await job();
    } catch (error) {
      failed++;
      console.error(
        `✗ ${tool} ${dir}\n${error.stdout ?? ''}${error.stderr ?? ''}${error.stdout || error.stderr ? '' : error.message}`,
      );
    }
  }
};
// Packing and Node start-up wait on the disk as much as on the CPU: a few at a time is faster on 2 cores.
await Promise.all(Array.from({ length: Math.max(2, Math.min(4, availableParallelism() * 2)) }, worker));
console.log(`package checks: ${jobs.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
