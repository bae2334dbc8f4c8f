// publint and attw over every built package: the exports map, types for ESM and CJS, files.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const dirs = readdirSync('packages').map((d) => `packages/${d}`);
let failed = 0;
for (const dir of dirs) {
  for (const [tool, args] of [
    ['publint', [dir, '--strict']],
    ['attw', ['--pack', dir, '--format', 'table', '--ignore-rules', 'cjs-resolves-to-esm']],
  ]) {
    try {
      execFileSync(bin(tool), args, { stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      failed++;
      console.error(`✗ ${tool} ${dir}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
console.log(`package checks: ${dirs.length * 2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
