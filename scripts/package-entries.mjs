// One shape for every package's entry points, written from the names alone. An entry `name` (`index` for
// the package root) is built twice (tsdown.shared.ts): `dist/modules/name.js`, one file per source module,
// for bundlers (the `module` condition, which webpack, esbuild, Rollup and Vite match and runtimes do not),
// and `dist/name.{js,cjs}`, one file per entry, for runtimes that load files themselves.
// tsdown.shared.ts builds the entries named here; scripts/package-exports.mjs checks every package.json.

const target = (name) => ({
  module: { types: `./dist/${name}.d.ts`, default: `./dist/modules/${name}.js` },
  import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
});
const withoutTypes = (t) =>
  Object.fromEntries(Object.entries(t).map(([condition, { default: file }]) => [condition, file]));

/** The entry names of a package: `index` for `.`, `server` for `./server`, … */
export function entryNames(pkg) {
  return Object.keys(pkg.exports ?? { '.': {} })
    .filter((key) => !key.endsWith('.json'))
    .map((key) => (key === '.' ? 'index' : key.slice(2)));
}

/** The files behind private `#name` imports (core's `#platform`): `platform.node`, `platform`. */
export function importNames(pkg) {
  return Object.values(pkg.imports ?? {}).flatMap((byCondition) =>
    Object.values(byCondition).map((t) =>
      (typeof t === 'string' ? t : t.import).replace(/^.*\/(.+)\.js$/, '$1'),
    ),
  );
}

/** The package.json fields that follow from the entry names. */
export function entryFields(pkg) {
  const exports = Object.fromEntries(
    entryNames(pkg).map((name) => [name === 'index' ? '.' : `./${name}`, target(name)]),
  );
  exports['./package.json'] = './package.json';
  const fields = {
    main: './dist/index.cjs',
    module: './dist/modules/index.js',
    types: './dist/index.d.cts',
    exports,
  };
  if (pkg.imports) {
    fields.imports = Object.fromEntries(
      Object.entries(pkg.imports).map(([name, byCondition]) => [
        name,
        Object.fromEntries(
          Object.entries(byCondition).map(([condition, t]) => [
            condition,
            withoutTypes(target((typeof t === 'string' ? t : t.import).replace(/^.*\/(.+)\.js$/, '$1'))),
          ]),
        ),
      ]),
    );
  }
  return fields;
}

/** Every source module built as an entry: exports, private imports and bins (`src/<name>.ts`). */
export function buildEntries(pkg) {
  const bins = Object.values(typeof pkg.bin === 'string' ? { bin: pkg.bin } : (pkg.bin ?? {}));
  const names = [
    ...entryNames(pkg),
    ...importNames(pkg),
    ...bins.map((b) => b.replace(/^.*\/(.+)\.js$/, '$1')),
  ];
  return [...new Set(names)].map((name) => `src/${name}.ts`);
}
