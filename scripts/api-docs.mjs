// Builds the API reference with TypeDoc into docs/api/ (an index, a page per package entry, every export),
// from the entries of each package's exports map, and validates it: every export, field and member
// documented, every {@link} resolving. The reference is written even when validation fails, so it can be
// read.
// It also counts the fields of the exported params and options types (`…Params`, `…Options`) that carry a
// doc comment, as an editor shows them: in the built declarations (dist/*.d.ts) after `pnpm build`, else in
// the sources. Every one must.
//
//   pnpm docs:api          build; exit 1 on an undocumented export, field or member, or a broken link
//   pnpm docs:api --list   also print every undocumented item, by package
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, ReflectionKind } from 'typedoc';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/api');
const list = process.argv.includes('--list');

// ------------------------------------------------------------------ entries: the exports maps

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const packages = readdirSync(join(root, 'packages'))
  .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
  .sort()
  .map((dir) => ({ dir, pkg: readJson(join(root, 'packages', dir, 'package.json')) }));

/**
 * `{ specifier, file, types }` for every public entry (not `/internal`, which has no semver promise): its
 * source, and the declarations its `import` condition gives an editor (built by `pnpm build`).
 */
function entries() {
  const found = [];
  for (const { dir, pkg } of packages)
    for (const [key, target] of Object.entries(pkg.exports ?? {})) {
      if (key.endsWith('.json') || key.endsWith('/internal')) continue;
      const specifier = key === '.' ? pkg.name : `${pkg.name}${key.slice(1)}`;
      const file = join(root, 'packages', dir, 'src', `${key === '.' ? 'index' : key.slice(2)}.ts`);
      if (!existsSync(file)) throw new Error(`${specifier}: no source ${file}`);
      const types = target?.import?.types ?? target?.types;
      if (!types) throw new Error(`${specifier}: no types under the import condition`);
      found.push({ specifier, file, types: join(root, 'packages', dir, types) });
    }
  // lava-sdk re-exports every package: last, so each export is documented on its own package's page.
  return found.sort((a, b) => Number(a.specifier === 'lava-sdk') - Number(b.specifier === 'lava-sdk'));
}

// ------------------------------------------------------------------ params and options fields

/**
 * Every field of every exported params or options type (`…Params`, `…Options`), as a user's editor shows
 * it: `{ entry, type, field, nested, documented }`, read from the built declarations when every entry has
 * them, else from the sources. A field of a union type is one field, documented only when every member
 * that has it documents it. Nested fields (`spend_limit.amount`, `rewrite.url`) are those of the object
 * types the SDK declares, followed through arrays, unions and other interfaces.
 */
function paramsFields(entryPoints) {
  const built = entryPoints.every((e) => existsSync(e.types));
  // The built declarations resolve the packages as an application does (node_modules, exports maps); the
  // sources through tsconfig.docs.json's paths.
  const options = built
    ? {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        strict: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
      }
    : ts.getParsedCommandLineOfConfigFile(
        join(root, 'tsconfig.docs.json'),
        {},
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
      ).options;
  const rootNames = entryPoints.map((e) => (built ? e.types : e.file));
  const program = ts.createProgram({ rootNames, options });
  const checker = program.getTypeChecker();
  const ours = (type) =>
    (type.symbol?.declarations ?? []).some((d) => {
      const file = d.getSourceFile().fileName;
      return file.startsWith(join(root, 'packages')) && !file.includes('/node_modules/');
    });
  const callable = (type) => type.getNonNullableType().getCallSignatures().length > 0;
  /**
   * The SDK's own data types in a field's type, through `| null`, unions and arrays: objects with no
   * methods (a store, a logger or the emulator are values with behaviour, documented as such, not params).
   */
  const objectsIn = (type) => {
    if (type.isUnion()) return type.types.flatMap(objectsIn);
    if (checker.isArrayType(type) || checker.isTupleType(type))
      return checker.getTypeArguments(type).flatMap(objectsIn);
    const data =
      type.flags & ts.TypeFlags.Object &&
      ours(type) &&
      !callable(type) &&
      !checker.getPropertiesOfType(type).some((p) => callable(checker.getTypeOfSymbol(p)));
    return data ? [type] : [];
  };
  const fields = [];
  const seen = new Set();
  /** Adds the fields of `members` (a type, or a union's members) under `path`, then their nested fields. */
  const add = (entry, type, path, members, nested, visited) => {
    const documented = new Map();
    const inner = new Map();
    for (const member of members)
      for (const property of checker.getPropertiesOfType(member)) {
        const name = property.getName();
        const has = property.getDocumentationComment(checker).length > 0;
        documented.set(name, (documented.get(name) ?? true) && has);
        inner.set(name, [...(inner.get(name) ?? []), ...objectsIn(checker.getTypeOfSymbol(property))]);
      }
    for (const [field, has] of documented) {
      fields.push({ entry, type, field: path ? `${path}.${field}` : field, nested, documented: has });
      for (const object of inner.get(field))
        if (!visited.has(object))
          add(entry, type, path ? `${path}.${field}` : field, [object], true, new Set([...visited, object]));
    }
  };
  entryPoints.forEach(({ specifier }, i) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(rootNames[i]));
    for (const exported of checker.getExportsOfModule(module)) {
      const name = exported.getName();
      if (!/(Params|Options)$/.test(name) || seen.has(name)) continue;
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) continue;
      seen.add(name);
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      add(specifier, name, '', type.isUnion() ? type.types : [type], false, new Set([type]));
    }
  });
  return { built, fields };
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
      /Schema$|^SchemaWithPipe$/.test(type.name) &&
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
  const undocumented = [];
  const failures = [];
  for (const message of warnings) {
    const m = /^(.+?) \((\w+)\), defined in (.+?), does not have any documentation/.exec(message);
    failures.push(message);
    if (!m) continue;
    const [, name, kind, where] = m;
    const module = modules.find((m) => name.startsWith(`${m}.`));
    const path = module ? name.slice(module.length + 1) : name;
    undocumented.push({
      name: path.replace(/\.__type/g, ''),
      kind,
      package: where.replace(/\/src\/.*$/, ''),
    });
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
  console.log(
    `docs:api: docs/api/ written (${entryPoints.length} entries); ${undocumented.length} undocumented items`,
  );

  const { built, fields } = paramsFields(entryPoints);
  const bare = fields.filter((f) => !f.documented);
  const count = (nested) => {
    const all = fields.filter((f) => f.nested === nested);
    return `${all.filter((f) => f.documented).length} of ${all.length}`;
  };
  const basis = built ? 'built declarations' : 'sources; run pnpm build for the built declarations';
  console.log(
    `docs:api: ${count(false)} fields of the exported params and options types carry a doc comment, and ${count(true)} of their nested fields (${basis})`,
  );
  for (const f of bare) failures.push(`${f.type}.${f.field} (${f.entry}) has no doc comment`);
  if (failures.length) {
    console.error(failures.join('\n'));
    console.error(`docs:api: ${failures.length} validation errors`);
    process.exit(1);
  }
}

await main();
