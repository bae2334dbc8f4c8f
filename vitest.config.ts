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

// Core's `#platform` import (package.json `imports`): tests run in Node, so its `node` entry.
alias.push({ find: /^#platform$/, replacement: `${packagesDir}core/src/platform.node.ts` });

export default defineConfig({
  resolve: { alias },
  test: {
    // The fault suite runs twice: as is (REST over node:http in Node) and forced onto the fetch path.
    projects: [
      {
        extends: true,
        test: {
          name: 'sdk',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          // Real-browser tests have their own run: `pnpm test:browser` (vitest.browser.config.ts).
          exclude: [...configDefaults.exclude, 'packages/*/test/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'faults on fetch',
          include: ['test/faults/**/*.test.ts'],
          env: { LAVA_FAULTS_TRANSPORT: 'fetch' },
        },
      },
    ],
    // On CI a JSON report too, from which .ci/run prints its 'N passed, N failed' line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/out/vitest.json' }]] : ['default'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The project's own tests run every client strict: a 2xx that differs from the documented schemas (our
    // emulator's answers, our fixtures) is an error here, so the two cannot drift apart unnoticed. The drift
    // tests ask for 'warn' themselves.
    env: { LAVA_RESPONSE_VALIDATION: 'strict' },
  },
});
