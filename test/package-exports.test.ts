// Every package.json names its entry points in the one shape of scripts/package-entries.mjs: the `module`
// condition for bundlers, `import`/`require` for runtimes, `node` first where Node gets other code.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('every package.json exports map is the generated one (node scripts/package-exports.mjs --write)', () => {
  const script = fileURLToPath(new URL('../scripts/package-exports.mjs', import.meta.url));
  expect(() => execFileSync(process.execPath, [script], { stdio: 'pipe' })).not.toThrow();
});
