// Type-checks the TypeScript the docs show, against the built declarations (run `pnpm build` first), as a
// user's strict project compiles it: every ```ts / ```tsx block of the Markdown docs and every `@example`
// in the packages' JSDoc. A block that is deliberately a fragment says so in its info string
// (```ts fragment) and is skipped; an HTML comment `<!-- docs:given … -->` just before a block holds the
// code it assumes (imports, `declare const messages: …`), compiled with it but not shown. An example that
// imports nothing is completed as the package READMEs print it (scripts/examples.mjs).
//
//   node scripts/docs-check.mjs           exit 1 and print each error at its Markdown or source line
//   node scripts/docs-check.mjs --list    also list every block checked or skipped
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { completeExample, homesOf } from './examples.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.tmp/docs-check');
const list = process.argv.includes('--list');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const packageDirs = readdirSync(join(root, 'packages'))
  .filter((d) => existsSync(join(root, 'packages', d, 'package.json')))
  .sort();
const packages = packageDirs.map((dir) => ({
  dir,
  pkg: readJson(join(root, 'packages', dir, 'package.json')),
}));

/** The Markdown files whose code is checked. */
export const MARKDOWN = [
  'README.md',
  'MIGRATION.md',
  'CONTRIBUTING.md',
  'ARCHITECTURE.md',
  'examples/README.md',
  'bench/README.md',
  ...packageDirs.map((dir) => `packages/${dir}/README.md`),
];
const CHECKED = new Set(['ts', 'typescript', 'tsx']);
/** What every example may use without defining it (the app around the call). */
const GIVEN = join(root, 'docs/given.d.ts');

// ------------------------------------------------------------------ blocks

/**
 * The code blocks of a Markdown text: `{ line, lang, flags, code, given }`, `line` the first code line
 * (1-based), `given` the text of a `<!-- docs:given … -->` comment right before the fence.
 */
export function markdownBlocks(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open;
    let end = i + 1;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++;
    const code = lines
      .slice(i + 1, end)
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
      .join('\n');
    const include = /^<!-- include ([\w./-]+)#[\w-]+ -->$/.exec(lines[i - 1]?.trim() ?? '')?.[1];
    blocks.push({
      line: i + 2,
      lang,
      flags: rest.split(/\s+/).filter(Boolean),
      code,
      given: givenBefore(lines, i),
      include,
    });
    i = end;
  }
  return blocks;
}

/** The body of a `<!-- docs:given … -->` comment that ends on the last non-blank line before `index`. */
function givenBefore(lines, index) {
  let last = index - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  if (last < 0 || !lines[last].trimEnd().endsWith('-->')) return undefined;
  let first = last;
  while (first >= 0 && !lines[first].includes('<!--')) first--;
  const comment = lines
    .slice(first, last + 1)
    .join('\n')
    .trim();
  const match = /^<!--\s*docs:given\b([\s\S]*?)-->$/.exec(comment);
  return match ? { code: match[1].trim(), line: first + 1 } : undefined;
}

/** Every `@example` of the JSDoc in a source file: `{ line, code }`, the code inside its fence if it has one. */
export function jsdocExamples(source) {
  const examples = [];
  for (const comment of source.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const startLine = source.slice(0, comment.index).split('\n').length;
    const lines = comment[0]
      .split('\n')
      .map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''));
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i])) continue;
      let end = i + 1;
      while (end < lines.length && !/^@\w/.test(lines[end])) end++;
      const body = [lines[i].replace(/^@example\s*/, ''), ...lines.slice(i + 1, end)];
      const blocks = markdownBlocks(body.join('\n'));
      if (blocks.length) for (const b of blocks) examples.push({ ...b, line: startLine + i + b.line - 1 });
      else examples.push({ line: startLine + i, lang: 'ts', flags: [], code: body.join('\n').trim() });
      i = end - 1;
    }
  }
  return examples;
}

// ------------------------------------------------------------------ where imports resolve: as installed

/**
 * `.tmp/docs-check/node_modules` holds a link to every workspace package (resolved through its exports map
 * to `dist/*.d.ts`, as a user's install is) and to the third-party packages the workspace's packages use,
 * so a doc may import `openai` or `ai` as the README's readers do.
 */
function linkModules() {
  rmSync(out, { recursive: true, force: true });
  const modules = join(out, 'node_modules');
  const link = (name, target) => {
    const at = join(modules, name);
    if (existsSync(at)) return;
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(target, at, 'dir');
  };
  for (const { dir, pkg } of packages) link(pkg.name, join(root, 'packages', dir));
  for (const { dir, pkg } of packages)
    for (const name of Object.keys({
      ...pkg.dependencies,
      ...pkg.devDependencies,
      ...pkg.peerDependencies,
    })) {
      const target = join(root, 'packages', dir, 'node_modules', name);
      if (existsSync(target)) link(name, target);
    }
}

/** Name → entry, from the built declarations of every public entry (what an example imports from). */
function homes(program) {
  const checker = program.getTypeChecker();
  const entries = [];
  let lavaClasses = [];
  for (const { dir, pkg } of packages)
    for (const key of Object.keys(pkg.exports ?? {})) {
      if (key.endsWith('.json')) continue;
      const specifier = key === '.' ? pkg.name : `${pkg.name}${key.slice(1)}`;
      const file = join(root, 'packages', dir, 'dist', `${key === '.' ? 'index' : key.slice(2)}.d.ts`);
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`${specifier}: no ${relative(root, file)}; run pnpm build first`);
      const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source));
      entries.push([specifier, exported.map((s) => s.getName())]);
      if (pkg.name === 'lava-sdk')
        lavaClasses = exported
          .filter((s) =>
            s.declarations?.some((d) => d.getSourceFile() === source && ts.isClassDeclaration(d)),
          )
          .map((s) => s.getName());
    }
  return homesOf(entries, lavaClasses);
}

// ------------------------------------------------------------------ check

const OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  typeRoots: [join(root, 'node_modules/@types')],
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  esModuleInterop: true,
};

/** Every snippet to compile: `{ where, file, text, offset }`, `offset` the lines added above the shown code. */
function snippets(home) {
  const found = [];
  const skipped = [];
  const included = new Set();
  // A Markdown block shows all it needs (or names it in docs:given); a JSDoc example is completed with
  // its imports, as the package READMEs print it.
  const add = (where, block, own) => {
    if (!CHECKED.has(block.lang)) return;
    if (block.flags.includes('fragment')) return skipped.push(where);
    if (block.include) return included.add(block.include); // checked below, as the whole file
    const given = block.given ? `${block.given.code}\n` : '';
    const completed = own ? completeExample(block.code, own, home).text : block.code;
    const added = completed.slice(0, completed.length - block.code.length);
    const { imports, body, wrap } = asModule(block.code);
    const head = `${given}${added}${imports.map((i) => `${i}\n`).join('')}${wrap ? 'export async function example() {\n' : ''}`;
    const name = `${where.replace(/[^\w]+/g, '_')}.${block.lang === 'tsx' ? 'tsx' : 'ts'}`;
    const text = `${head}${body}\n${wrap ? '}\n' : ''}export {};\n`;
    found.push({
      where,
      file: join(out, name),
      text,
      offset: head.split('\n').length - 1,
      lines: body.split('\n').length,
    });
  };
  for (const path of MARKDOWN) {
    if (!existsSync(join(root, path))) continue;
    for (const block of markdownBlocks(readFileSync(join(root, path), 'utf8')))
      add(`${path}:${block.line}`, block);
  }
  for (const { dir, pkg } of packages)
    for (const file of sourceFiles(join(root, 'packages', dir, 'src')))
      for (const block of jsdocExamples(readFileSync(file, 'utf8')))
        add(`${relative(root, file)}:${block.line}`, block, pkg.name);
  // The examples the docs include (and the others beside them), each a whole program.
  for (const file of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(root, 'examples', file), 'utf8');
    found.push({
      where: `examples/${file}:1`,
      file: join(out, `examples_${file}`),
      text,
      offset: 0,
      lines: text.split('\n').length,
    });
  }
  for (const path of included)
    if (!path.startsWith('examples/'))
      throw new Error(`docs:check: an include from ${path}, outside examples/`);
  return { found, skipped };
}

/**
 * The example as a module: its import statements moved to the top (their lines left blank, so line
 * numbers hold) and the rest, unless it exports something, inside an async function, so it may `await`
 * and `return` as the handler or script it is an excerpt of.
 */
function asModule(code) {
  const imports = [];
  const body = code.replace(/^import\s[\s\S]*?(['"])[^'"\n]+\1;?[ \t]*$/gm, (statement) => {
    imports.push(statement);
    return statement.replace(/[^\n]/g, '');
  });
  return { imports, body, wrap: !/^export\s/m.test(body) };
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test(-d)?\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function main() {
  linkModules();
  const dts = packages.flatMap(({ dir, pkg }) =>
    Object.keys(pkg.exports ?? {})
      .filter((k) => !k.endsWith('.json'))
      .map((k) => join(root, 'packages', dir, 'dist', `${k === '.' ? 'index' : k.slice(2)}.d.ts`)),
  );
  const missing = dts.filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(
      `docs:check needs the built declarations (pnpm build): ${missing.map((f) => relative(root, f)).join(', ')}`,
    );
    process.exit(1);
  }
  const home = homes(ts.createProgram({ rootNames: dts, options: OPTIONS }));
  const { found, skipped } = snippets(home);
  for (const s of found) writeFileSync(s.file, s.text);
  const given = join(out, 'given.d.ts');
  writeFileSync(given, readFileSync(GIVEN, 'utf8'));
  const program = ts.createProgram({ rootNames: [given, ...found.map((s) => s.file)], options: OPTIONS });
  const byFile = new Map(found.map((s) => [s.file, s]));
  const errors = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const snippet = d.file && byFile.get(d.file.fileName);
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n    ');
    if (!snippet) {
      errors.push(`${d.file ? relative(root, d.file.fileName) : 'tsc'}: TS${d.code}: ${message}`);
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const [path, first] = snippet.where.split(/:(?=\d+$)/);
    const shown = line - snippet.offset;
    errors.push(
      shown >= 0 && shown < snippet.lines
        ? `${path}:${Number(first) + shown}: TS${d.code}: ${message}`
        : `${snippet.where} (in its docs:given or added imports): TS${d.code}: ${message}`,
    );
  }
  if (list) {
    for (const s of found) console.log(`checked  ${s.where}`);
    for (const where of skipped) console.log(`fragment ${where}`);
  }
  const summary = `docs:check: ${found.length} code blocks and @examples type-checked against the built declarations, ${skipped.length} marked fragment`;
  if (errors.length) {
    console.error(errors.join('\n'));
    console.error(`${summary}; ${errors.length} errors`);
    process.exit(1);
  }
  console.log(`${summary}; no errors`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
