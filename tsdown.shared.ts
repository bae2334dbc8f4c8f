import { readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'tsdown';
import { buildEntries } from './scripts/package-entries.mjs';

/**
 * The two builds every package ships, from the same sources (`package.json` exports say who gets which):
 *
 * - `dist/modules/`: for bundlers (the `module` condition, which webpack, esbuild, Rollup and Vite match and
 *   runtimes do not). One output file per source module, so that with `"sideEffects": false` a bundler drops
 *   every function an app does not import: a single file would keep all of a package's schemas, since
 *   esbuild cannot prove that unused valibot calls in a used file are pure.
 * - `dist/`: for runtimes that load files themselves (Node, Deno, Bun), ESM and CJS with `.d.ts`/`.d.cts`, one
 *   file per entry. Each module a runtime loads costs it about as much as parsing valibot: the per-module
 *   build made `require('@lava-sdk/customers')` read 31 files.
 */
export function packageConfig(overrides: UserConfig = {}) {
  // The package's own package.json names the entries: exports, `#` imports and bins.
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const shared: UserConfig = {
    entry: buildEntries(pkg),
    platform: 'neutral',
    target: 'es2022',
    // .js / .cjs, as every exports map names them (platform node would otherwise emit .mjs).
    fixedExtension: false,
    // Rolldown reports which plugins took long (the .d.ts generation always does, on every package): a
    // timing note, not a problem with the build. Real warnings still print.
    checks: { pluginTimings: false },
    ...overrides,
  };
  return defineConfig([
    {
      ...shared,
      format: ['esm', 'cjs'],
      dts: true,
      // The bundler's interop helpers in a chunk of their own: left to itself, rolldown puts them in one
      // entry, and every other entry then loads that one (core's index would load all of internal).
      outputOptions: { codeSplitting: { groups: [{ name: 'runtime', test: /rolldown[\\/]runtime/ }] } },
    },
    // Bins are for runtimes only.
    {
      ...shared,
      entry: buildEntries({ ...pkg, bin: undefined }),
      format: ['esm'],
      dts: false,
      unbundle: true,
      outDir: 'dist/modules',
    },
  ]);
}
