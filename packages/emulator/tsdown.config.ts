import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/server.ts', 'src/msw.ts', 'src/cli.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'es2022',
  clean: true,
  // .js and .cjs, as the exports map says (platform 'node' would default to .mjs).
  fixedExtension: false,
});
