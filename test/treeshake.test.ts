// Tree-shaking: a bundle that imports one function must not carry the code of another. Bundles are built
// with esbuild from the sources (the root tsconfig's paths), so this runs before any `pnpm build`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPERATIONS } from '@lava-sdk/core/internal';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Bundle {
  code: string;
  /** Every input file (relative to the root) that put at least one byte into the output. */
  used: string[];
  metafile: Metafile;
}

async function bundle(source: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    mainFields: ['module', 'main'],
    tsconfig: `${root}tsconfig.json`,
    // Unminified, so function names survive for the assertions; tree-shaking is on regardless.
    minify: false,
    treeShaking: true,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return {
    code: result.outputFiles.map((f) => f.text).join('\n'),
    used: Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
    metafile: result.metafile,
  };
}

const importOnly = (pkg: string, fn: string) => `import { ${fn} } from '${pkg}';\nglobalThis.keep = ${fn};\n`;
const fromDependency = (used: string[], name: string) =>
  used.filter(
    (path) => path.includes(`node_modules/${name}/`) || path.includes(`node_modules/.pnpm/${name}@`),
  );

describe('tree-shaking', () => {
  it('retrieveCustomer carries neither listCustomers, createCustomer nor paginate', async () => {
    const { code, used } = await bundle(importOnly('@lava-sdk/customers', 'retrieveCustomer'));
    expect(code).toMatch(/function retrieveCustomer\b/);
    for (const other of ['listCustomers', 'createCustomer', 'updateCustomer', 'deleteCustomer', 'paginate']) {
      expect(code, other).not.toMatch(new RegExp(`function ${other}\\d*\\b`));
    }
    // listCustomers' page schema and paginate's cursor logic
    expect(code).not.toContain('has_more');
    expect(code).not.toContain('next_cursor');
    // createCustomer's params schema (fields.ts)
    expect(code).not.toContain('E.164');
    expect(code).not.toContain('once serialized');
    expect(used).not.toContain('packages/customers/src/fields.ts');
    expect(used).not.toContain('packages/customers/src/listCustomers.ts');
  });

  it('the same checks see listCustomers and createCustomer when they are imported (control)', async () => {
    const list = await bundle(importOnly('@lava-sdk/customers', 'listCustomers'));
    expect(list.code).toContain('has_more');
    const create = await bundle(importOnly('@lava-sdk/customers', 'createCustomer'));
    expect(create.code).toContain('E.164');
  });

  it('generateForwardToken carries no ofetch, neverthrow or valibot (with or without createLava)', async () => {
    for (const source of [
      importOnly('@lava-sdk/gateway', 'generateForwardToken'),
      `import { createLava } from '@lava-sdk/core';\nimport { generateForwardToken } from '@lava-sdk/gateway';\nglobalThis.keep = generateForwardToken(createLava({ secretKey: 'aks_test_x' }));\n`,
    ]) {
      const { code, used } = await bundle(source);
      expect(code).toMatch(/function generateForwardToken\b/);
      for (const dep of ['ofetch', 'neverthrow', 'valibot', 'ufo', 'destr']) {
        expect(fromDependency(used, dep), dep).toEqual([]);
      }
      for (const other of ['gateway', 'gatewayStream', 'request', 'send']) {
        expect(code, other).not.toMatch(new RegExp(`function ${other}\\d*\\b`));
      }
    }
  });

  it('createRequest and the other functions of requests carry none of the usage reporter', async () => {
    const { code, used } = await bundle(
      `import { createRequest, listRequests, retrieveRequest } from '@lava-sdk/requests';\nglobalThis.keep = [createRequest, listRequests, retrieveRequest];\n`,
    );
    expect(code).toMatch(/function createRequest\b/);
    expect(used).not.toContain('packages/requests/src/createUsageReporter.ts');
    expect(code).not.toContain('usage queue is full');
  });

  it('the usage reporter carries no Node built-in, no fileStore and not the Request record schema', async () => {
    const { code, used } = await bundle(importOnly('@lava-sdk/requests', 'createUsageReporter'));
    expect(code).toMatch(/function createUsageReporter\b/);
    expect(used).not.toContain('packages/requests/src/fileStore.ts');
    expect(used).not.toContain('packages/requests/src/Request.ts');
    expect(code).not.toMatch(/node:|fdatasync|Buffer\b/);
  });

  // Every exported function of every browser-capable package: importing it alone puts no byte of a
  // module of its own package into the bundle unless that module is among its own imports.
  const packagesDir = `${root}packages/`;
  const NODE_ONLY = new Set(['auth', 'emulator', 'lava', 'bullmq']);
  const cases = readdirSync(packagesDir)
    .filter((name) => !NODE_ONLY.has(name) && existsSync(`${packagesDir}${name}/src/index.ts`))
    .flatMap((name) => {
      const pkg = JSON.parse(readFileSync(`${packagesDir}${name}/package.json`, 'utf8')).name as string;
      const index = readFileSync(`${packagesDir}${name}/src/index.ts`, 'utf8');
      // `export { a, type B, c } from './c'`: the value exports whose name starts lower-case are functions.
      const fns = [...index.matchAll(/export\s*\{([^}]*)\}\s*from\s*'\.\/([^']+)'/g)].flatMap(
        ([, list, file]) =>
          list!
            .split(',')
            .map((s) => s.trim())
            .filter((s) => /^[a-z]\w*$/.test(s))
            .map((fn) => [name, pkg, fn, `packages/${name}/src/${file}.ts`] as const),
      );
      return fns;
    });

  it('finds the functions to check', () => {
    expect(cases.map((c) => c[2])).toEqual(
      expect.arrayContaining(['retrieveCustomer', 'gateway', 'createLava']),
    );
  });

  it.each(cases)('%s: %s.%s pulls in only its own imports', async (name, pkg, fn, file) => {
    const { used, metafile } = await bundle(importOnly(pkg, fn));
    // The function's module and what it imports within its package, transitively (not through index.ts).
    const allowed = new Set<string>();
    const visit = (path: string) => {
      if (allowed.has(path) || !path.startsWith(`packages/${name}/src/`) || path.endsWith('/index.ts'))
        return;
      allowed.add(path);
      for (const i of metafile.inputs[path]?.imports ?? []) visit(i.path);
    };
    visit(file);
    const ownPackage = used.filter((path) => path.startsWith(`packages/${name}/src/`));
    expect(ownPackage.filter((path) => !allowed.has(path))).toEqual([]);
  });

  // Op files import their wire from the registry (core's operations.ts): the bundle of one REST function
  // holds its own wire and nothing else of the registry, neither another operation's wire nor its name.
  const wired = OPERATIONS.filter((op) => 'wire' in op && op.package !== '@lava-sdk/auth');
  it.each(wired.map((op) => [op.name, op.package, op.wire] as const))(
    'registry: %s carries its own wire only',
    async (fn, pkg, wire) => {
      const { code } = await bundle(importOnly(pkg, fn));
      expect(code).toContain(`"${wire}"`);
      for (const other of OPERATIONS) {
        if (other.name === fn) continue;
        if ('wire' in other && other.wire !== wire) expect(code, other.name).not.toContain(`"${other.wire}"`);
        expect(code, other.name).not.toContain(`"${other.name}"`);
      }
      expect(code).not.toContain('OPERATIONS');
    },
  );
});
