import { defineConfig } from 'vitest/config';

// `pnpm test:types`: the *.test-d.ts files, type-checked against the built declarations (run `pnpm build`
// first). No runtime test runs here.
export default defineConfig({
  test: {
    include: [],
    typecheck: {
      enabled: true,
      only: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.typetests.json',
    },
  },
});
