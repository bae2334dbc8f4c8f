import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Alias every workspace package to its sources, so `pnpm test` works on a fresh clone before any build.
const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));
// A subpath export such as `@lava-sdk/emulator/server` maps to `src/server.ts`.
const alias = readdirSync(packagesDir).flatMap((dir) => {
  const { name } = JSON.parse(readFileSync(`${packagesDir}${dir}/package.json`, 'utf8'));
  return [
    { find: new RegExp(`^${name}$`), replacement: `${packagesDir}${dir}/src/index.ts` },
    { find: new RegExp(`^${name}/(?!package\\.json$)(.+)$`), replacement: `${packagesDir}${dir}/src/$1.ts` },
  ];
});

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Real-browser tests have their own run: `pnpm test:browser` (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'packages/*/test/browser/**'],
    // On CI a JSON report too, from which .ci/run prints its 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/out/vitest.json' }]] : ['default'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
