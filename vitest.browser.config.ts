import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The browser tests (`pnpm test:browser`): Debian's Chromium driven by playwright-core. One file at a time, as
// each launches a browser; they skip with a warning where no Chromium is installed, and fail on CI.
export default defineConfig({
  ...base,
  test: {
    // Not the main config's projects, which would run the whole suite here.
    ...Object.fromEntries(Object.entries(base.test ?? {}).filter(([key]) => key !== 'projects')),
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
