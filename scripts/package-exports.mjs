// Checks that every packages/*/package.json names its entry points in the one shape of
// scripts/package-entries.mjs (exit 1 on a difference), or rewrites them.
//
//   node scripts/package-exports.mjs          check
//   node scripts/package-exports.mjs --write  rewrite
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { entryFields } from './package-entries.mjs';

const dirs = readdirSync(new URL('../packages/', import.meta.url));
let differ = 0;
for (const dir of dirs) {
  const file = new URL(`../packages/${dir}/package.json`, import.meta.url);
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const fields = entryFields(pkg);
  const stale = Object.keys(fields).filter((k) => JSON.stringify(pkg[k]) !== JSON.stringify(fields[k]));
  if (stale.length === 0) continue;
  if (process.argv.includes('--write')) {
    // Existing keys keep their place; a new one goes last.
    writeFileSync(file, `${JSON.stringify(Object.assign(pkg, fields), null, 2)}\n`);
    console.log(`packages/${dir}/package.json: wrote ${stale.join(', ')}`);
  } else {
    differ++;
    console.error(
      `packages/${dir}/package.json: ${stale.join(', ')} differ (node scripts/package-exports.mjs --write)`,
    );
  }
}
if (differ) process.exit(1);
