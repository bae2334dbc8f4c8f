// Writes the generated parts of the docs, so a figure or an example exists once:
//   <!-- fig KEY -->…<!-- /fig -->            a figure of docs/figures.json (scripts/figures.mjs), inline
//   <!-- table NAME -->…<!-- /table -->       a table made from those figures
//   <!-- include PATH#REGION -->…<!-- /include -->
//                                             the code between `// #region REGION` and `// #endregion`
//                                             in PATH (an example the tests run), as a ```ts block
//
//   node scripts/docs-fill.mjs           rewrite the marked places
//   node scripts/docs-fill.mjs --check   exit 1 and name the stale files (test/docs.test.ts runs it)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFigures } from './figures.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The docs with marked places. The package READMEs are not among them: scripts/package-docs.mjs writes
 * them whole, with the figures it reads from scripts/figures.mjs.
 */
export const FILLED = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'MIGRATION.md', 'bench/README.md'];

/** The lines between `// #region name` and `// #endregion`, without their common indentation. */
export function region(source, name, where) {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.trim() === `// #region ${name}`);
  const end = lines.findIndex((l, i) => i > start && /^\s*\/\/ #endregion\b/.test(l));
  if (start < 0 || end < 0) throw new Error(`${where}: no // #region ${name} … // #endregion`);
  const body = lines.slice(start + 1, end).filter((l) => !/^\s*\/\/ #(end)?region\b/.test(l));
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)[0].length));
  return body.map((l) => l.slice(indent)).join('\n');
}

/** The text with every marked place written; throws on an unknown figure, table or region. */
export function fill(text, { values, tables }, file) {
  return (
    text
      // A marker quoted in inline code (CONTRIBUTING.md shows the syntax) is not a place to fill.
      .replace(/(?<!`)<!-- fig ([\w.@/:-]+) -->[\s\S]*?<!-- \/fig -->/g, (_m, key) => {
        if (!(key in values)) throw new Error(`${file}: no figure ${key} in docs/figures.json`);
        return `<!-- fig ${key} -->${values[key]}<!-- /fig -->`;
      })
      .replace(/<!-- table ([\w.-]+) -->\n[\s\S]*?<!-- \/table -->/g, (_m, name) => {
        if (!tables[name]) throw new Error(`${file}: no table ${name} (docs/figures.json lacks its figures)`);
        return `<!-- table ${name} -->\n${tables[name]}\n<!-- /table -->`;
      })
      .replace(/<!-- include ([\w./-]+)#([\w-]+) -->\n[\s\S]*?<!-- \/include -->/g, (_m, path, name) => {
        const source = readFileSync(join(root, path), 'utf8');
        return `<!-- include ${path}#${name} -->\n\`\`\`ts\n${region(source, name, path)}\n\`\`\`\n<!-- /include -->`;
      })
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const figures = await loadFigures();
  const stale = [];
  for (const file of FILLED) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const current = readFileSync(path, 'utf8');
    const wanted = fill(current, figures, file);
    if (wanted === current) continue;
    stale.push(file);
    if (!check) writeFileSync(path, wanted);
  }
  if (check && stale.length) {
    console.error(`Out of date (run pnpm docs:fill):\n${stale.map((f) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`docs:fill: ${stale.length} of ${FILLED.length} files ${check ? 'stale' : 'written'}`);
}
