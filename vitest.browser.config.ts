import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The browser tests (`pnpm test:browser`): Debian's Chromium driven by playwright-core. One file at a time, as
// each launches a browser; they skip with a warning where no Chromium is installed, and fail on CI.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['packages/*/test/browser/**/*.test.ts'],
    exclude: configDefaults.exclude,
    fileParallelism: false,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.ci/out/vitest-browser.json' }]]
      : ['default'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
