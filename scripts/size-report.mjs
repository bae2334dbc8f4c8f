// Bundles `createLava` + each public function alone, as a browser would get it (esbuild, minified ESM),
// and prints its gzip size next to the createLava + retrieveCustomer reference bundle.
// Usage: node scripts/size-report.mjs [--markdown]
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = new URL('../', import.meta.url).pathname;
const SKIP = new Set(['core', 'lava', 'emulator', 'auth']);

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

const rows = [];
for (const dir of readdirSync(`${ROOT}packages`)) {
  if (SKIP.has(dir)) continue;
  const { name } = JSON.parse(readFileSync(`${ROOT}packages/${dir}/package.json`, 'utf8'));
  const index = readFileSync(`${ROOT}packages/${dir}/src/index.ts`, 'utf8');
  // Exported values whose name starts lower-case are the functions (schemas are PascalCase).
  const names = [...index.matchAll(/export\s*\{([^}]*)\}/g)]
    .flatMap((m) => m[1].split(','))
    .map((s) =>
      s
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    )
    .filter((s) => s && !s.startsWith('type ') && /^[a-z]/.test(s));
  for (const fn of names) rows.push({ pkg: name, fn, bytes: await gzipSize(entry(name, fn)) });
}
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
