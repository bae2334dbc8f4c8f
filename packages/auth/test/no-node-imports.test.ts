import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Only auth's Node entry (this package), the full install and the emulator may use Node built-ins (ARCHITECTURE.md),
// and @lava-sdk/bullmq, whose peer BullMQ is a Node library.
const NODE_ALLOWED = new Set(['auth', 'lava', 'emulator', 'bullmq']);
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
// Each entry: [label, source file]. auth's edge entry (what the default export condition gives Workers,
// edge functions and browsers) must be as clean as the browser packages.
const packages: (readonly [string, string])[] = readdirSync(packagesDir)
  .filter((name) => !NODE_ALLOWED.has(name) && existsSync(`${packagesDir}${name}/src/index.ts`))
  .sort()
  .map((name) => [name, `${packagesDir}${name}/src/index.ts`] as const);
packages.push(['auth (edge entry)', `${packagesDir}auth/src/edge.ts`]);

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

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
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
    const names = packages.map(([name]) => name);
    expect(names).toContain('core');
    expect(names).not.toContain('auth');
    expect(names).toContain('auth (edge entry)');
  });

  it.each(packages)('%s', async (_name, entry) => {
    const code = await bundle(entry);
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
