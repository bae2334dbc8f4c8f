import { readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'tsdown';
import { buildEntries } from './scripts/package-entries.mjs';

/*
 * neverthrow is imported by its package name in every build, so the SDK's results are instances of the
 * neverthrow an app imports: Node resolves both to neverthrow's CommonJS `main` (it has no `exports` map),
 * a browser bundler both to its `module`. Rewriting the import to `neverthrow/dist/index.es.js` spared
 * Node's ESM loader reading CommonJS exports (about 5 ms CPU) and a Node-platform bundle 0.38 kB, but gave
 * an ESM app or a Node bundle a second neverthrow, whose `ResultAsync` and `Err` the SDK's results were not
 * (issue 22; scripts/check-packages.mjs checks it).
 */

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
 *
 * `runtime.inline` names more dependencies to inline in the runtime build (lava-sdk's own packages).
 */
export function packageConfig(overrides: UserConfig = {}, runtime: { inline?: RegExp[] } = {}) {
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
    // Node's built-ins are never bundled: only Node-only modules import them, and on platform neutral
    // rolldown would warn about each.
    deps: {
      ...overrides.deps,
      neverBundle: [/^node:/, ...((overrides.deps?.neverBundle as string[]) ?? [])],
    },
  };
  const runtimeBuild = (format: 'esm' | 'cjs'): UserConfig => ({
    ...shared,
    format: [format],
    dts: true,
    deps: {
      ...shared.deps,
      // valibot's used functions inlined: loading all of valibot (213 kB) was most of a cold start. (The
      // bundler build imports it, so an app's bundle holds one copy.) Code only: the declarations keep
      // importing it, so the types name the app's own valibot, and lava-sdk's its packages' types.
      // neverthrow stays a dependency: results are the app's own neverthrow classes.
      alwaysBundle: (id: string, importer: string | undefined) =>
        !importer?.endsWith('.d.ts') && [/^valibot$/, ...(runtime.inline ?? [])].some((p) => p.test(id)),
    },
    outputOptions: {
      // The bundler's interop helpers in a chunk of their own: left to itself, rolldown puts them in one
      // entry, and every other entry then loads that one (core's index would load all of internal).
      codeSplitting: { groups: [{ name: 'runtime', test: /rolldown[\\/]runtime/ }] },
    },
  });
  return defineConfig([
    runtimeBuild('esm'),
    runtimeBuild('cjs'),
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
