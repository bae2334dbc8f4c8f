import { defineConfig } from 'tsdown';

export default defineConfig({
  // cli: the `lava-login` bin (package.json "bin" points at dist/cli.js).
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'es2022',
  clean: true,
  // .js / .cjs, as package.json names them (platform node would otherwise emit .mjs).
  fixedExtension: false,
});
