// Bundle size in the bundlers users have: esbuild, rollup (+ node-resolve, terser), webpack and Vite (an app
// build, on rolldown), each bundling the BUILT packages (dist, after `pnpm build`) through their
// exports maps, as an app that installed them would. Browser targets, minified ESM, gzip -9.
//
//   pnpm build && pnpm --dir ecosystem install && pnpm --dir ecosystem run bundlers
//
// The entries are bench/size's (the size-limit budgets); they are copied under packages/lava, whose
// node_modules holds every @lava-sdk package, so each bundler resolves them as installed packages.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { build as esbuild } from 'esbuild';
import { rollup } from 'rollup';
import { build as vite } from 'vite';
import webpack from 'webpack';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = `${root}packages/lava/.bundlers/`;
const ENTRIES = ['forwardToken', 'retrieveCustomer', 'gateway', 'gatewayFetch', 'all'];

const gzip = (code) => gzipSync(code, { level: 9 }).length;

const BUNDLERS = {
  async esbuild(entry) {
    const r = await esbuild({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'error',
      tsconfigRaw: '{}',
    });
    return r.outputFiles[0].text;
  },
  async rollup(entry) {
    const bundle = await rollup({
      input: entry,
      plugins: [resolve({ browser: true }), terser()],
      onwarn: () => {},
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    return output.map((o) => (o.type === 'chunk' ? o.code : '')).join('');
  },
  async webpack(entry, name) {
    const out = `${work}webpack-${name}/`;
    await new Promise((done, fail) =>
      webpack(
        {
          mode: 'production',
          entry,
          target: 'web',
          resolve: { tsconfig: false }, // webpack would read the repo's tsconfig paths, which point at src/
          experiments: { outputModule: true },
          output: { path: out, filename: 'out.js', module: true, library: { type: 'module' } },
          devtool: false,
        },
        (error, stats) =>
          error || stats.hasErrors() ? fail(error ?? new Error(stats.toString('errors-only'))) : done(),
      ),
    );
    return readFileSync(`${out}out.js`, 'utf8');
  },
  async vite(entry, name) {
    const out = `${work}vite-${name}/`;
    await vite({
      configFile: false,
      logLevel: 'silent',
      root: work,
      build: {
        outDir: out,
        emptyOutDir: true,
        // An app build (library mode keeps whitespace in ES output), with the entry as its only input.
        rolldownOptions: { input: entry, output: { entryFileNames: 'out.js' } },
      },
    });
    return readFileSync(`${out}out.js`, 'utf8');
  },
};

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const rows = [];
for (const name of ENTRIES) {
  const entry = `${work}${name}.js`;
  copyFileSync(`${root}bench/size/${name}.js`, entry);
  const row = [name];
  for (const bundle of Object.values(BUNDLERS)) row.push(gzip(await bundle(entry, name)));
  rows.push(row);
  console.error(`bundled ${name}`);
}
rmSync(work, { recursive: true, force: true });

console.log(`| entry (bench/size) | ${Object.keys(BUNDLERS).join(' | ')} |`);
console.log(
  `|---|${Object.keys(BUNDLERS)
    .map(() => '--:')
    .join('|')}|`,
);
for (const [name, ...sizes] of rows) console.log(`| ${name} | ${sizes.map((b) => `${b} B`).join(' | ')} |`);
