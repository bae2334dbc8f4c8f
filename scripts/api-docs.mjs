// Builds the API reference with TypeDoc into docs/api/ (an index, a page per package entry, every export),
// from the entries of each package's exports map, and validates it: every export and every field documented,
// every {@link} resolving. The reference is written even when validation fails, so it can be read.
//
//   pnpm docs:api                 build; exit 1 on a broken link or on an undocumented export, except the
//                                 params types' fields while PARAMS_DOCUMENTED below is false (listed, counted)
//   pnpm docs:api --strict        as if PARAMS_DOCUMENTED were true: every undocumented item fails
//   pnpm docs:api --list          also print every undocumented item, by package
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, ReflectionKind } from 'typedoc';
import ts from 'typescript';
import { loadOperations } from './operations.mjs';

/**
 * Whether the params types are documented interfaces yet. While false, what is undocumented in them is
 * reported and counted but does not fail the build: the exports declared in an operation's module
 * (`packages/<package>/src/<operation>.ts`: its params type, inferred from its valibot schema, and the
 * options and results declared beside it), the fields declared there, and types inferred with
 * `ParamsOf<…>`. Set it to true once they are documented, and every undocumented item fails the build.
 */
const PARAMS_DOCUMENTED = false;

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/api');
const strict = PARAMS_DOCUMENTED || process.argv.includes('--strict');
const list = process.argv.includes('--list');

// ------------------------------------------------------------------ entries: the exports maps

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const packages = readdirSync(join(root, 'packages'))
  .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
  .sort()
  .map((dir) => ({ dir, pkg: readJson(join(root, 'packages', dir, 'package.json')) }));

/** `{ specifier, file }` for every public entry (not `/internal`, which has no semver promise). */
function entries() {
  const found = [];
  for (const { dir, pkg } of packages)
    for (const key of Object.keys(pkg.exports ?? {})) {
      if (key.endsWith('.json') || key.endsWith('/internal')) continue;
      const specifier = key === '.' ? pkg.name : `${pkg.name}${key.slice(1)}`;
      const file = join(root, 'packages', dir, 'src', `${key === '.' ? 'index' : key.slice(2)}.ts`);
      if (!existsSync(file)) throw new Error(`${specifier}: no source ${file}`);
      found.push({ specifier, file });
    }
  // lava-sdk re-exports every package: last, so each export is documented on its own package's page.
  return found.sort((a, b) => Number(a.specifier === 'lava-sdk') - Number(b.specifier === 'lava-sdk'));
}

// ------------------------------------------------------------------ params and options fields

/**
 * Every field of every exported params or options type (`…Params`, `…Options`), as a user's editor shows
 * it on hover: `{ entry, type, field, documented }`. Union types count each member's fields once.
 */
function paramsFields(entryPoints) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.docs.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic() {},
    },
  );
  const program = ts.createProgram({ rootNames: entryPoints.map((e) => e.file), options: config.options });
  const checker = program.getTypeChecker();
  const fields = [];
  const seen = new Set();
  for (const { specifier, file } of entryPoints) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file));
    for (const exported of checker.getExportsOfModule(module)) {
      const name = exported.getName();
      if (!/(Params|Options)$/.test(name) || seen.has(name)) continue;
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) continue;
      seen.add(name);
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const members = type.isUnion() ? type.types : [type];
      const names = new Set();
      for (const member of members)
        for (const property of checker.getPropertiesOfType(member)) {
          if (names.has(property.getName())) continue;
          names.add(property.getName());
          const documented = property.getDocumentationComment(checker).length > 0;
          fields.push({ entry: specifier, type: name, field: property.getName(), documented });
        }
    }
  }
  return fields;
}

// ------------------------------------------------------------------ build and validate

async function main() {
  const entryPoints = entries();
  const app = await Application.bootstrapWithPlugins({
    entryPoints: entryPoints.map((e) => e.file),
    entryPointStrategy: 'resolve',
    tsconfig: join(root, 'tsconfig.docs.json'),
    out,
    name: 'lava-sdk',
    readme: join(root, 'docs/api-index.md'),
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    // Re-exported third-party types (neverthrow's Result) are linked to, not documented again.
    externalSymbolLinkMappings: {},
    sort: ['kind', 'alphabetical'],
    validation: { notExported: false, notDocumented: true, invalidLink: true },
    packagesRequiringDocumentation: packages.map((p) => p.pkg.name),
    treatWarningsAsErrors: false,
    logLevel: 'Warn',
    githubPages: false,
    sourceLinkTemplate: 'https://github.com/lava-sdk/lava-sdk/blob/main/{path}#L{line}',
  });

  // Validation warnings are collected here and judged below; everything else TypeDoc says is printed.
  const warnings = [];
  const validationWarning = app.logger.validationWarning.bind(app.logger);
  app.logger.validationWarning = (message, ...rest) => {
    warnings.push(message);
    if (list) validationWarning(message, ...rest);
  };

  const project = await app.convert();
  if (!project) {
    console.error('docs:api: TypeDoc could not convert the project');
    process.exit(1);
  }
  // A page per entry, named as it is imported (`@lava-sdk/emulator/server`), not by its source path.
  const bySource = new Map(entryPoints.map((e) => [e.file, e.specifier]));
  for (const module of project.children ?? []) {
    const specifier = bySource.get(module.sources?.[0]?.fullFileName);
    if (!specifier) throw new Error(`docs:api: no entry for the module ${module.name}`);
    module.name = specifier;
  }
  // A schema value (`export const Customer = v.looseObject({ … })`) shows as its valibot type, without the
  // type arguments that spell out valibot's internals: its fields are documented on the interface of the
  // same name.
  for (const reflection of project.getReflectionsByKind(ReflectionKind.Variable | ReflectionKind.TypeAlias)) {
    const type = reflection.type;
    if (
      type?.type === 'reference' &&
      type.package === 'valibot' &&
      /Schema$/.test(type.name) &&
      type.typeArguments
    ) {
      project.removeTypeReflections(type);
      type.typeArguments = undefined;
    }
  }
  app.validate(project);
  rmSync(out, { recursive: true, force: true });
  await app.generateDocs(project, out);

  const modules = entryPoints.map((e) => e.specifier).sort((a, b) => b.length - a.length);
  const operationModules = new Set(
    (await loadOperations()).map((op) =>
      `${op.package}/src/${op.name}.ts`.replace(/^lava-sdk\//, 'lava-sdk/'),
    ),
  );
  const declaredIn = (reflection) => {
    const file = reflection?.sources?.[0]?.fullFileName;
    const dir = file && /\/packages\/([^/]+)\/src\/(.+)$/.exec(file);
    return dir ? `${packages.find((p) => p.dir === dir[1]).pkg.name}/src/${dir[2]}` : undefined;
  };
  /** Whether an undocumented item belongs to the params types (see PARAMS_DOCUMENTED). */
  const inParamsTypes = (module, path, where) => {
    if (operationModules.has(where)) return true;
    const top = project.getChildByName([module, path.split('.')[0]]);
    if (top && operationModules.has(declaredIn(top))) return true;
    return top?.type?.type === 'reference' && top.type.name === 'ParamsOf';
  };
  const undocumented = [];
  const failures = [];
  for (const message of warnings) {
    const m = /^(.+?) \((\w+)\), defined in (.+?), does not have any documentation/.exec(message);
    if (!m) {
      failures.push(message);
      continue;
    }
    const [, name, kind, where] = m;
    const module = modules.find((m) => name.startsWith(`${m}.`));
    const path = module ? name.slice(module.length + 1) : name;
    const item = { name: path.replace(/\.__type/g, ''), kind, package: where.replace(/\/src\/.*$/, '') };
    item.params = inParamsTypes(module, path, where);
    undocumented.push(item);
    if (strict || !item.params) failures.push(message);
  }

  const byPackage = new Map();
  for (const item of undocumented) {
    const names = byPackage.get(item.package) ?? new Set();
    names.add(item.name);
    byPackage.set(item.package, names);
  }
  if (list)
    for (const [pkg, names] of [...byPackage].sort())
      console.log(`  ${pkg} (${names.size}): ${[...names].join(', ')}`);
  const params = undocumented.filter((i) => i.params).length;
  console.log(
    `docs:api: docs/api/ written (${entryPoints.length} entries); ${undocumented.length} undocumented items, ${params} of them params types' fields${strict ? '' : ' (reported, not failed: PARAMS_DOCUMENTED is false)'}`,
  );
  const fields = paramsFields(entryPoints);
  const bare = fields.filter((f) => !f.documented);
  console.log(
    `docs:api: ${fields.length - bare.length} of ${fields.length} fields of the exported params and options types carry a doc comment`,
  );
  if (list) {
    const byEntry = new Map();
    for (const f of bare) byEntry.set(f.entry, [...(byEntry.get(f.entry) ?? []), `${f.type}.${f.field}`]);
    for (const [entry, names] of byEntry) console.log(`  ${entry} (${names.length}): ${names.join(', ')}`);
  }
  if (PARAMS_DOCUMENTED || strict)
    for (const f of bare) failures.push(`${f.type}.${f.field} (${f.entry}) has no doc comment`);
  if (failures.length) {
    console.error(failures.join('\n'));
    console.error(`docs:api: ${failures.length} validation errors`);
    process.exit(1);
  }
}

await main();
