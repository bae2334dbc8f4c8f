// Bundles `createLava` + each public function of the registry (OPERATIONS) alone, as a browser would get
// it (esbuild, minified ESM), and prints its gzip size next to the createLava + retrieveCustomer bundle.
// Usage: node scripts/size-report.mjs [--markdown]
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { loadOperations } from './operations.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const SKIP = new Set(['@lava-sdk/auth']);

async function gzipSize(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    mainFields: ['module', 'main'],
    write: false,
    tsconfig: `${ROOT}tsconfig.json`,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const entry = (pkg, fn) =>
  `import { createLava } from '@lava-sdk/core';\nimport { ${fn} } from '${pkg}';\nconsole.log(${fn}, createLava);`;

// One row per function of the registry of operations, but those of Node-only packages.
const rows = [];
const operations = (await loadOperations()).filter((op) => !SKIP.has(op.package));
operations.sort((a, b) => a.package.localeCompare(b.package));
for (const { package: pkg, name } of operations)
  rows.push({ pkg, fn: name, bytes: await gzipSize(entry(pkg, name)) });
const reference = rows.find((r) => r.fn === 'retrieveCustomer')?.bytes ?? 0;
const markdown = process.argv.includes('--markdown');
if (markdown) console.log('| function | gzip bytes | vs retrieveCustomer |\n|---|---|---|');
for (const { pkg, fn, bytes } of rows) {
  const delta = bytes - reference;
  const sign = delta > 0 ? '+' : '';
  console.log(
    markdown
      ? `| \`${fn}\` (${pkg}) | ${bytes} | ${sign}${delta} |`
      : `${fn.padEnd(28)} ${String(bytes).padStart(6)}  ${sign}${delta}`,
  );
}
const worst = Math.max(...rows.map((r) => r.bytes - reference));
console.log(
  `\nreference createLava + retrieveCustomer: ${reference} B; largest delta: +${worst} B over ${rows.length} functions`,
);
