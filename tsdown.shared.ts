import { defineConfig, type UserConfig } from 'tsdown';

/**
 * The build every package shares: ESM + CJS with .d.ts/.d.cts, one output file per source module
 * (`unbundle`), so that with `"sideEffects": false` a bundler drops every function an app does not
 * import. A single-file dist would keep all of a package's schemas, since esbuild cannot prove that
 * unused valibot calls in a used file are pure.
 */
export function packageConfig(overrides: UserConfig = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'neutral',
    target: 'es2022',
    clean: true,
    unbundle: true,
    // .js / .cjs, as every exports map names them (platform node would otherwise emit .mjs).
    fixedExtension: false,
    // Rolldown reports which plugins took long (the .d.ts generation always does, on every package): a
    // timing note, not a problem with the build. Real warnings still print.
    checks: { pluginTimings: false },
    ...overrides,
  });
}
