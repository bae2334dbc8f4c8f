// One shape for every package's entry points, written from the names alone. An entry `name` (`index` for
// the package root) is built twice (tsdown.shared.ts): `dist/modules/name.js`, one file per source module,
// for bundlers (the `module` condition, which webpack, esbuild, Rollup and Vite match and runtimes do not),
// and `dist/name.{js,cjs}`, one file per entry, for runtimes that load files themselves.
// An entry may differ in Node: `{ node: 'index', default: 'edge' }` (auth's login code), and core's private
// `#platform` import is such a pair too.
// tsdown.shared.ts builds the entries named here; scripts/package-exports.mjs checks every package.json.

const target = (name) => ({
  module: { types: `./dist/${name}.d.ts`, default: `./dist/modules/${name}.js` },
  import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
});
const withoutTypes = (t) =>
  Object.fromEntries(Object.entries(t).map(([condition, { default: file }]) => [condition, file]));

/** The entry name a target points at: `./dist/edge.js`, `{ import: { default: './dist/edge.js' } }` → edge. */
function nameOf(t) {
  while (typeof t === 'object') t = t.import ?? t.default;
  return t.replace(/^.*\/(.+)\.c?js$/, '$1');
}

/** `name`, or `{ node, default }` names when the target has a `node` branch. */
const specOf = (t) =>
  typeof t === 'object' && t.node ? { node: nameOf(t.node), default: nameOf(t) } : nameOf(t);
const namesOf = (spec) => (typeof spec === 'string' ? [spec] : [spec.node, spec.default]);

/** The exports map, subpath → entry spec, read from a package.json (`index` when it has none). */
function exportSpecs(pkg) {
  return Object.entries(pkg.exports ?? { '.': './dist/index.js' })
    .filter(([key]) => !key.endsWith('.json'))
    .map(([key, t]) => [key, specOf(t)]);
}

/** Every source module built as an entry: exports, private imports and bins (`src/<name>.ts`). */
export function buildEntries(pkg) {
  const bins = Object.values(typeof pkg.bin === 'string' ? { bin: pkg.bin } : (pkg.bin ?? {}));
  const names = [
    ...exportSpecs(pkg).flatMap(([, spec]) => namesOf(spec)),
    ...Object.values(pkg.imports ?? {}).flatMap((t) => namesOf(specOf(t))),
    ...bins.map(nameOf),
  ];
  return [...new Set(names)].map((name) => `src/${name}.ts`);
}

/** The conditions of one entry spec; `node` first, so a bundler targeting Node picks Node's code too. */
function conditions(spec, format = (t) => t) {
  return typeof spec === 'string'
    ? format(target(spec))
    : { node: format(target(spec.node)), ...format(target(spec.default)) };
}

/** The package.json fields that follow from the entry names. */
export function entryFields(pkg) {
  const exports = Object.fromEntries(exportSpecs(pkg).map(([key, spec]) => [key, conditions(spec)]));
  exports['./package.json'] = './package.json';
  // The legacy fields, for tools that predate exports: `main` is Node's, `module` a bundler's.
  const [, root = 'index'] = exportSpecs(pkg).find(([key]) => key === '.') ?? [];
  const [node, other] = namesOf(root).length > 1 ? namesOf(root) : [root, root];
  const fields = {
    main: `./dist/${node}.cjs`,
    module: `./dist/modules/${other}.js`,
    types: `./dist/${node}.d.cts`,
    exports,
  };
  if (pkg.imports) {
    fields.imports = Object.fromEntries(
      Object.entries(pkg.imports).map(([name, t]) => [name, conditions(specOf(t), withoutTypes)]),
    );
  }
  return fields;
}
