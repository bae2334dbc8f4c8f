// How a code example that names no imports is completed: each SDK name it uses is imported from the entry
// that exports it, and a bare `lava` is a client made by `createLava()`. The package READMEs print examples
// completed this way (scripts/package-docs.mjs) and scripts/docs-check.mjs type-checks them so, so what
// a reader sees is what is checked.

/** Source text with the contents of string literals blanked (template `${…}` parts are kept). */
export function codeOnly(source) {
  let out = '';
  let quote;
  let depth = 0; // inside `${…}` of a template
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (quote === '`' && c === '$' && source[i + 1] === '{') {
        quote = undefined;
        depth++;
        out += ' ';
        i++;
      } else if (c === quote) quote = undefined;
      out += c === '\n' ? '\n' : ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
      out += ' ';
    } else if (depth && c === '}') {
      depth--;
      quote = '`';
      out += ' ';
    } else out += c;
  }
  return out;
}

/** `@lava-sdk/emulator/server` → `@lava-sdk/emulator`: the package an import specifier installs. */
export const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Which entry a name is imported from: the first public entry that exports it (`lava-sdk`, which
 * re-exports everything, and `/internal` entries are not homes), and `lava-sdk` for its own classes.
 * @param entries - `[specifier, exported names]` for every entry, in package order.
 * @param lavaClasses - The classes `lava-sdk` itself defines (`Lava`).
 */
export function homesOf(entries, lavaClasses = []) {
  const home = new Map();
  for (const [specifier, names] of entries) {
    if (specifier === 'lava-sdk' || specifier.endsWith('/internal')) continue;
    for (const name of names) if (!home.has(name)) home.set(name, specifier);
  }
  for (const name of lavaClasses) home.set(name, 'lava-sdk');
  return home;
}

/**
 * The example with the SDK imports it lacks (names it imports or declares itself are left alone), and the
 * packages to install for it.
 * @param body - The example's code.
 * @param own - The package the example documents (always installed).
 * @param home - Name → entry specifier, from `homesOf`.
 */
export function completeExample(body, own, home) {
  const lines = [];
  const needs = new Set([own]);
  const imported = new Set();
  for (const [statement, specifier] of body.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)) {
    needs.add(packageName(specifier));
    const bindings = statement.replace(/^\s*import\s+(type\s+)?/, '').replace(/\s+from\s+'[^']+'$/, '');
    for (const [, name] of bindings.matchAll(
      /(?:\bas\s+|^|[{,]\s*(?:type\s+)?)([A-Za-z_$][\w$]*)\s*(?=,|}|$)/g,
    ))
      imported.add(name);
  }
  const text = codeOnly(body.replace(/^\s*import\s[^;]*?from\s+'[^']+';?/gm, ''));
  const declared = new Set([...text.matchAll(/\b(?:const|let|function|class)\s+(\w+)/g)].map((m) => m[1]));
  const bySpecifier = new Map();
  const use = (name) => {
    const specifier = home.get(name);
    // A global such as Request or URL is not an import, even where a package exports the same name.
    if (!specifier || declared.has(name) || imported.has(name) || name in globalThis) return;
    const names = bySpecifier.get(specifier) ?? new Set();
    names.add(name);
    bySpecifier.set(specifier, names);
  };
  // Identifiers that are not property names (`x.name`) or object keys (`{ name: … }`).
  // A spread (`...name`) is a use; a property access (`x.name`) is not.
  for (const [, name] of text.matchAll(/(?<![\w$])(?<!(?:^|[^.])\.)([A-Za-z_$][\w$]*)\b(?!\s*:(?!:))/gm))
    use(name);
  const needsClient = /(?<![\w$.])lava\b/.test(text) && !declared.has('lava') && !imported.has('lava');
  if (needsClient) use('createLava');
  for (const [specifier, names] of [...bySpecifier].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`import { ${[...names].sort().join(', ')} } from '${specifier}';`);
    needs.add(packageName(specifier));
  }
  if (lines.length) lines.push('');
  if (needsClient) lines.push('const lava = createLava(); // LAVA_SECRET_KEY from the environment');
  const install = [...needs].sort((a, b) => (a === '@lava-sdk/core' ? -1 : b === '@lava-sdk/core' ? 1 : 0));
  return { text: [...lines, body].join('\n'), install };
}
