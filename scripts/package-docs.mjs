// Writes every package's README.md and LICENSE, and the package table of the root README, from facts the
// repo already holds: each package.json (name, description, exports, bin, dependencies), the exports of
// each entry's source (src/index.ts, src/server.ts, …) with their JSDoc, and the root LICENSE. One
// template, so twenty READMEs never drift by hand.
//
//   node scripts/package-docs.mjs           write them
//   node scripts/package-docs.mjs --check   exit 1 and name the stale files (test/packages.test.ts runs it)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { completeExample, homesOf } from './examples.mjs';
import { loadFigures } from './figures.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

// ------------------------------------------------------------------ facts kept here (one list)

/** Where each package runs; every package not named here runs everywhere. Root README and READMEs use it. */
const EVERYWHERE = 'Node 20+, Deno, Bun, Cloudflare Workers, Vercel Edge, browsers';
const RUNTIMES = {
  '@lava-sdk/auth': `exchangeAuthCode(): ${EVERYWHERE}. login(), openBrowser() and the lava-login CLI: Node 20+, Deno, Bun (elsewhere the package resolves to a build whose login() returns a \`config\` error and imports no \`node:*\` module)`,
  '@lava-sdk/bullmq': 'Node 20+ (BullMQ 6, on Redis or PostgreSQL)',
  '@lava-sdk/emulator': `the emulator and \`/msw\`: ${EVERYWHERE}. \`/server\` and the lava-emulator CLI: Node 20+, Deno, Bun`,
  'lava-sdk': `${EVERYWHERE} (\`Lava.login()\` needs Node, Deno or Bun)`,
};
/** The oldest TypeScript CI checks the types with (scripts/figures.mjs reads it from package.json). */
const TYPESCRIPT = `${(await loadFigures()).values['typescript.oldest']}+`;

// ------------------------------------------------------------------ packages

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const dirs = readdirSync(`${root}packages`)
  .filter((d) => existsSync(`${root}packages/${d}/package.json`))
  .sort();
const packages = dirs.map((dir) => {
  const pkg = readJson(`${root}packages/${dir}/package.json`);
  return { dir, pkg, entries: entriesOf(dir, pkg) };
});
const repoUrl = repositoryUrl(packages[0].pkg);
const rootDocs = `${repoUrl}#readme`;

function repositoryUrl(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!url) throw new Error(`${pkg.name}: no repository in package.json`);
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** `{ specifier, file }` for every JS entry of the exports map; a conditional entry takes its first target. */
function entriesOf(dir, pkg) {
  const firstTarget = (value) => {
    if (typeof value === 'string') return value;
    for (const [condition, inner] of Object.entries(value ?? {})) {
      if (condition === 'types') continue;
      const found = firstTarget(inner);
      if (found) return found;
    }
    return undefined;
  };
  return Object.entries(pkg.exports ?? { '.': pkg.main })
    .filter(([key]) => !key.endsWith('.json'))
    .map(([key, value]) => {
      const target = firstTarget(value);
      const file = `${root}packages/${dir}/${target.replace(/^\.\/dist\/(modules\/)?/, 'src/').replace(/\.c?js$/, '.ts')}`;
      if (!existsSync(file)) throw new Error(`${pkg.name}: no source ${file} for the export ${key}`);
      return { specifier: key === '.' ? pkg.name : `${pkg.name}${key.slice(1)}`, file };
    });
}

// ------------------------------------------------------------------ exports and their JSDoc

const config = ts.getParsedCommandLineOfConfigFile(
  `${root}tsconfig.json`,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
);
const program = ts.createProgram({
  rootNames: packages.flatMap((p) => p.entries.map((e) => e.file)),
  options: { ...config.options, noEmit: true },
});
const checker = program.getTypeChecker();

const packageOfFile = (fileName) => /\/packages\/([^/]+)\/src\//.exec(fileName)?.[1];

/** The first sentence of a JSDoc summary, on one line (a `.` inside backticks does not end it). */
function firstSentence(text) {
  const paragraph = text
    .split(/\n\s*\n/)[0]
    .replace(/\{@link\s+([^}|\s]+)[^}]*\}/g, '`$1`')
    .replace(/\s+/g, ' ')
    .trim();
  let inCode = false;
  for (let i = 0; i < paragraph.length; i++) {
    if (paragraph[i] === '`') inCode = !inCode;
    else if (!inCode && paragraph[i] === '.' && (i + 1 === paragraph.length || paragraph[i + 1] === ' '))
      return paragraph.slice(0, i + 1);
  }
  return paragraph;
}

function exampleOf(symbol) {
  const tag = symbol.getJsDocTags(checker).find((t) => t.name === 'example');
  if (!tag) return undefined;
  const text = ts.displayPartsToString(tag.text);
  return /```\w*\n([\s\S]*?)```/.exec(text)?.[1].trimEnd() ?? text.trim();
}

/** `name(a, b?, options?)` from a function declaration (or a const holding an arrow function). */
function signature(name, declaration) {
  const fn = ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
  if (!fn || !('parameters' in fn)) return `${name}()`;
  const params = fn.parameters.map((p) => {
    const id = ts.isIdentifier(p.name) ? p.name.text.replace(/^_/, '') : 'options';
    return `${p.dotDotDotToken ? '...' : ''}${id}${p.questionToken || p.initializer ? '?' : ''}`;
  });
  return `${name}(${params.join(', ')})`;
}

/** The return type as the source writes it (`ResultAsync<Customer, LavaError>`), else as inferred. */
function returnType(declaration) {
  const fn = ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
  if (fn?.type) return fn.type.getText().replace(/\s+/g, ' ');
  const [call] = checker.getTypeAtLocation(declaration).getCallSignatures();
  return call ? checker.typeToString(checker.getReturnTypeOfSignature(call)) : '';
}

/** Every export of one entry: functions, classes, values (schemas and constants) and type-only names. */
function exportsOf(file) {
  const source = program.getSourceFile(file);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const out = { functions: [], classes: [], values: [], types: [], reexports: new Map(), docs: undefined };
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const name = exported.getName();
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration) continue;
    const from = packageOfFile(declaration.getSourceFile().fileName);
    const own = packageOfFile(file);
    // `export * from '@lava-sdk/x'` (lava-sdk): summarised per package, documented in that package.
    if (from && from !== own) {
      const names = out.reexports.get(from) ?? [];
      names.push(name);
      out.reexports.set(from, names);
      continue;
    }
    const summary = firstSentence(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
    const item = { name, summary, example: exampleOf(symbol), symbol };
    const isFunction =
      ts.isFunctionDeclaration(declaration) ||
      (ts.isVariableDeclaration(declaration) &&
        declaration.initializer &&
        (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)));
    if (isFunction)
      out.functions.push({
        ...item,
        signature: signature(name, declaration),
        returns: returnType(declaration),
      });
    else if (ts.isClassDeclaration(declaration)) out.classes.push(item);
    else if (symbol.flags & ts.SymbolFlags.Value) out.values.push(item);
    else out.types.push(item);
  }
  // A `/** … @packageDocumentation */` block at the top of the entry overrides the intro and example.
  const first = ts.getJSDocCommentsAndTags(source.statements[0] ?? source)[0];
  if (first && ts.isJSDoc(first) && first.tags?.some((t) => t.tagName.text === 'packageDocumentation')) {
    const example = first.tags.find((t) => t.tagName.text === 'example');
    const text = ts.getTextOfJSDocComment(example?.comment) ?? '';
    out.docs = {
      intro: (ts.getTextOfJSDocComment(first.comment) ?? '').trim(),
      example: /```\w*\n([\s\S]*?)```/.exec(text)?.[1].trimEnd(),
    };
  }
  return out;
}

const modules = new Map();
for (const p of packages) for (const e of p.entries) modules.set(e.specifier, exportsOf(e.file));

// Which entry exports a name, so an example's imports can be written for it (lava-sdk re-exports all).
const home = homesOf(
  [...modules].map(([specifier, m]) => [
    specifier,
    [m.functions, m.classes, m.values, m.types].flatMap((list) => list.map(({ name }) => name)),
  ]),
  (modules.get('lava-sdk')?.classes ?? []).map(({ name }) => name),
);

// ------------------------------------------------------------------ the README template

const code = (s) => `\`${s}\``;
const cell = (s) => s.replace(/\|/g, '\\|');

function table(rows, head) {
  if (rows.length === 0) return [];
  const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [row(head), `|${head.map(() => '---|').join('')}`, ...rows.map(row), ''];
}

function entrySection(m) {
  const lines = [];
  lines.push(
    ...table(
      m.classes.map((c) => [code(c.name), c.summary]),
      ['class', 'what'],
    ),
  );
  lines.push(
    ...table(
      m.functions.map((f) => [code(f.signature), f.returns ? code(f.returns) : '', f.summary]),
      ['function', 'returns', 'what'],
    ),
  );
  const documented = m.values.filter((v) => v.summary);
  lines.push(
    ...table(
      documented.map((v) => [code(v.name), v.summary]),
      ['schema or value', 'what'],
    ),
  );
  const bare = m.values.filter((v) => !v.summary);
  if (bare.length) lines.push(`Constants: ${bare.map((v) => code(v.name)).join(', ')}.`, '');
  if (m.types.length) lines.push(`Types: ${m.types.map((t) => code(t.name)).join(', ')}.`, '');
  if (m.reexports.size) {
    const links = [...m.reexports.keys()].map((dir) => {
      const { name } = packages.find((p) => p.dir === dir).pkg;
      return `[${code(name)}](${repoUrl}/tree/main/packages/${dir}#readme)`;
    });
    const count = [...m.reexports.values()].reduce((n, names) => n + names.length, 0);
    lines.push(`And every export of ${links.join(', ')} (${count} names).`, '');
  }
  return lines;
}

/**
 * The package's example (its `@packageDocumentation` one, else its first class's or function's) and install
 * list. A package built on core lists core too, even when its example needs no client: core makes the
 * client its other functions take, and the app should depend on it directly.
 */
function exampleFor(pkg) {
  const main = modules.get(pkg.name);
  const pick = main.docs?.example
    ? main.docs.example
    : (main.classes.find((c) => c.example) ?? main.functions.find((f) => f.example))?.example;
  const example = pick ? completeExample(pick, pkg.name, home) : { text: undefined, install: [pkg.name] };
  const core = '@lava-sdk/core';
  if (pkg.dependencies?.[core] && !example.install.includes(core) && pkg.name !== 'lava-sdk')
    example.install = [core, ...example.install];
  return example;
}

function readme({ dir, pkg, entries }) {
  const main = modules.get(pkg.name);
  const example = exampleFor(pkg);
  const lines = [
    `# ${pkg.name}`,
    '',
    `${pkg.description}.`,
    '',
    `Part of [lava-sdk](${rootDocs}), a functional, tree-shakeable TypeScript client for [Lava](https://lava.so): usage-based billing and an AI gateway.`,
    '',
    ...(main.docs?.intro ? [main.docs.intro, ''] : []),
    '```bash',
    `npm install ${example.install.join(' ')}`,
    '```',
    '',
    `Runs on: ${RUNTIMES[pkg.name] ?? EVERYWHERE}. Types for TypeScript ${TYPESCRIPT}, ESM and CommonJS.`,
    '',
  ];
  if (example.text) lines.push('## Example', '', '```ts', example.text, '```', '');
  for (const { specifier } of entries) {
    const heading = specifier === pkg.name ? '## API' : `## ${code(specifier)}`;
    if (specifier.endsWith('/internal')) {
      lines.push(
        heading,
        '',
        "What the SDK's own packages share (transport, schemas, helpers); no semver promise, not for applications.",
        '',
      );
      continue;
    }
    lines.push(heading, '', ...entrySection(modules.get(specifier)));
  }
  if (pkg.bin) {
    lines.push('## Command line', '');
    for (const name of Object.keys(pkg.bin))
      lines.push(`- ${code(name)}: run ${code(`npx ${name} --help`)}.`);
    lines.push('');
  }
  lines.push(
    '## More',
    '',
    `Errors (\`LavaError\` kinds), per-call options, pagination, the emulator, sizes and runtimes: [the lava-sdk README](${rootDocs}). Source: [${`packages/${dir}`}](${repoUrl}/tree/main/packages/${dir}). License: ${pkg.license}.`,
    '',
    `API reference: every export and field with its documentation, a page per package, built by \`pnpm docs:api\` in [the repository](${repoUrl}) into \`docs/api/\`. Your editor shows the same documentation on hover.`,
    '',
    `<!-- Generated by scripts/package-docs.mjs from package.json and the JSDoc of src/; edit those, then run pnpm docs:packages. -->`,
    '',
  );
  return lines.join('\n');
}

function rootTable() {
  const lines = ['| package | install | runs on | what |', '|---|---|---|---|'];
  for (const { dir, pkg } of packages) {
    const install = `npm install ${exampleFor(pkg).install.join(' ')}`;
    lines.push(
      `| [${code(pkg.name)}](packages/${dir}#readme) | ${code(install)} | ${cell(RUNTIMES[pkg.name] ?? EVERYWHERE)} | ${cell(pkg.description)} |`,
    );
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------ write or check

const BEGIN = '<!-- packages:begin (generated by scripts/package-docs.mjs) -->';
const END = '<!-- packages:end -->';
const license = readFileSync(`${root}LICENSE`, 'utf8');
const rootReadme = readFileSync(`${root}README.md`, 'utf8');
const [before, rest] = rootReadme.split(BEGIN);
if (rest === undefined || !rest.includes(END))
  throw new Error(`README.md lacks the ${BEGIN} … ${END} markers`);
const wanted = new Map([
  [`${root}README.md`, `${before}${BEGIN}\n${rootTable()}\n${END}${rest.split(END)[1]}`],
]);
for (const p of packages) {
  wanted.set(`${root}packages/${p.dir}/README.md`, readme(p));
  wanted.set(`${root}packages/${p.dir}/LICENSE`, license);
}

const stale = [...wanted].filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
if (check) {
  if (stale.length) {
    console.error(
      `Out of date (run pnpm docs:packages):\n${stale.map(([f]) => `  ${f.slice(root.length)}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`package docs: ${wanted.size} files up to date`);
} else {
  for (const [file, text] of stale) writeFileSync(file, text);
  console.log(`package docs: ${stale.length} of ${wanted.size} files written`);
}
