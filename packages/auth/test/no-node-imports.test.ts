import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Only auth (this package), the full install and the emulator may use Node built-ins (DESIGN.md).
const NODE_ALLOWED = new Set(['auth', 'lava', 'emulator']);
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const packages = readdirSync(packagesDir)
  .filter((name) => !NODE_ALLOWED.has(name) && existsSync(`${packagesDir}${name}/src/index.ts`))
  .sort();

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

// @lava-sdk/* → sources; Node built-ins stay as external imports, so the assertions below name them
// (esbuild would otherwise stop at the first one with "Could not resolve").
const resolveWorkspace: Plugin = {
  name: 'workspace',
  setup(b) {
    b.onResolve({ filter: /^@lava-sdk\/[^/]+$/ }, (args) => ({
      path: `${packagesDir}${args.path.slice('@lava-sdk/'.length)}/src/index.ts`,
    }));
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
      builtins.has(args.path) ? { path: args.path, external: true } : undefined,
    );
  },
};

async function bundle(name: string): Promise<string> {
  const result = await build({
    entryPoints: [`${packagesDir}${name}/src/index.ts`],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true, // drops comments, which may mention process.env or Buffer in prose
    logLevel: 'silent',
    plugins: [resolveWorkspace],
  });
  return result.outputFiles.map((file) => file.text).join('\n');
}

describe('browser bundles contain no Node-only code', () => {
  it('covers every other package', () => {
    expect(packages).toContain('core');
    expect(packages).not.toContain('auth');
  });

  it.each(packages)('%s', async (name) => {
    const code = await bundle(name);
    expect(code, 'node: import').not.toMatch(/\bfrom\s*["']node:|\bimport\s*\(?\s*["']node:/);
    expect(code, 'require("node:').not.toMatch(/\brequire\s*\(\s*["']node:/);
    const bareBuiltin = new RegExp(
      `(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)["'](?:${[...builtins].filter((m) => !m.includes(':')).join('|')})["']`,
    );
    expect(code, 'import of a Node built-in').not.toMatch(bareBuiltin);
    // Bare globals: `Buffer…` or `process.` not reached through a property access (globalThis.process?.env is fine).
    expect(code, 'bare Buffer').not.toMatch(/(?<![\w$.])Buffer\b/);
    expect(code, 'bare process.').not.toMatch(/(?<![\w$.])process\s*\??\./);
  });
});
