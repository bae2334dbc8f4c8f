// What is generated into the docs is up to date: MIGRATION.md's table and the whole-SDK size entry (from the
// registry of operations), and the figures and included examples (pnpm docs:fill). The docs' code checker
// reads the blocks it should, the API contract the source comments cite has each cited section, and every
// params schema is compared with its documented interface.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { OPERATIONS } from '@lava-sdk/core/internal';
import { describe, expect, it } from 'vitest';
import { ALL_BUNDLE, allBundle, MIGRATION, migrationDocument } from '../scripts/docs.mjs';
import { jsdocExamples, markdownBlocks } from '../scripts/docs-check.mjs';
import { fill, region } from '../scripts/docs-fill.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('generated from OPERATIONS', () => {
  it('MIGRATION.md lists every operation (run `node scripts/docs.mjs` after changing the registry)', () => {
    const current = readFileSync(MIGRATION, 'utf8');
    expect(migrationDocument(current, OPERATIONS)).toBe(current);
    for (const op of OPERATIONS) expect(current, op.name).toContain(`\`${op.name}\``);
  });

  it('bench/size/all.js imports every browser-capable package', () => {
    expect(readFileSync(ALL_BUNDLE, 'utf8')).toBe(allBundle(OPERATIONS));
  });
});

describe('figures and examples in the docs (pnpm docs:fill)', () => {
  it('every marked figure, table and included example is current', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/docs-fill.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(stdout).toMatch(/docs:fill: 0 of \d+ files stale/);
  }, 60_000);

  it('writes a figure between its markers, and refuses one that was never measured', () => {
    const figures = { values: { 'size.x': '1.23 kB' }, tables: { t: '| a |\n|---|' } };
    expect(fill('is <!-- fig size.x -->9 kB<!-- /fig --> gzip', figures, 'f.md')).toBe(
      'is <!-- fig size.x -->1.23 kB<!-- /fig --> gzip',
    );
    expect(fill('<!-- table t -->\nold\n<!-- /table -->', figures, 'f.md')).toBe(
      '<!-- table t -->\n| a |\n|---|\n<!-- /table -->',
    );
    expect(() => fill('<!-- fig size.y -->1<!-- /fig -->', figures, 'f.md')).toThrow(/no figure size\.y/);
  });

  it('includes a region without its markers and its indentation', () => {
    const source = 'a();\n  // #region r\n  b();\n  // #endregion r\nc();\n';
    expect(region(source, 'r', 'x.ts')).toBe('b();');
    expect(() => region(source, 's', 'x.ts')).toThrow(/no \/\/ #region s/);
  });
});

describe('the blocks docs:check compiles', () => {
  it('takes each fenced block with its language, flags, docs:given comment and include', () => {
    const blocks = markdownBlocks(
      [
        '<!-- docs:given',
        'declare const id: string;',
        '-->',
        '```ts',
        'use(id);',
        '```',
        '```ts fragment',
        'shape;',
        '```',
        '<!-- include examples/a.ts#r -->',
        '```ts',
        'b();',
        '```',
        '```bash',
        'ls',
        '```',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      {
        line: 5,
        lang: 'ts',
        flags: [],
        code: 'use(id);',
        given: { code: 'declare const id: string;', line: 1 },
      },
      { line: 8, lang: 'ts', flags: ['fragment'], code: 'shape;', given: undefined, include: undefined },
      { line: 12, lang: 'ts', flags: [], code: 'b();', given: undefined, include: 'examples/a.ts' },
      { line: 15, lang: 'bash', flags: [], code: 'ls', given: undefined, include: undefined },
    ]);
  });

  it('takes every @example of the JSDoc, at its source line', () => {
    const source = [
      '/**',
      ' * Does it.',
      ' * @example',
      ' * ```ts',
      ' * doIt(lava);',
      ' * ```',
      ' */',
      'export function doIt() {}',
    ].join('\n');
    expect(jsdocExamples(source)).toEqual([
      expect.objectContaining({ line: 5, lang: 'ts', code: 'doIt(lava);' }),
    ]);
  });
});

describe('docs/lava-api.md, the API contract', () => {
  it('has every section the source comments cite', () => {
    const contract = readFileSync(join(root, 'docs/lava-api.md'), 'utf8');
    const sections = new Set([...contract.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.? /gm)].map((m) => m[1]));
    const cited = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (name === 'node_modules' || name === 'dist') return [];
        return statSync(path).isDirectory() ? walk(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
      });
    for (const file of ['packages', 'test', 'bench', 'scripts'].flatMap((d) => walk(join(root, d))))
      for (const [, section] of readFileSync(file, 'utf8').matchAll(/lava-api\.md §(\d+(?:\.\d+)*)/g))
        cited.add(section!);
    expect(cited.size).toBeGreaterThan(10);
    expect([...cited].filter((s) => !sections.has(s))).toEqual([]);
  });
});

describe('params types: documented interfaces, checked against their schemas', () => {
  it("every params schema is compared with its interface in its package's type tests", () => {
    // `export interface XParams` (what users read) beside `export const XParams` (what runs): the type test
    // `expectTypeOf<ParamsOf<typeof XParams>>().toEqualTypeOf<XParams>()` fails on any field in one and not
    // the other, or typed differently. A new pair needs its line there.
    const unchecked: string[] = [];
    for (const pkg of readdirSync(join(root, 'packages'))) {
      const read = (dir: string, pattern: RegExp) =>
        readdirSync(join(root, 'packages', pkg, dir), { recursive: true })
          .map(String)
          .filter((f) => pattern.test(f) && !f.includes('node_modules'))
          .map((f) => readFileSync(join(root, 'packages', pkg, dir, f), 'utf8'))
          .join('\n');
      const sources = read('src', /\.ts$/);
      const schemas = new Set([...sources.matchAll(/^export const (\w+Params)\b/gm)].map((m) => m[1]!));
      const types = new Set(
        [...sources.matchAll(/^export (?:interface|type) (\w+Params)\b/gm)].map((m) => m[1]!),
      );
      const typeTests = read('test', /\.test-d\.ts$/);
      for (const name of schemas) {
        if (!types.has(name)) unchecked.push(`${pkg}: ${name} has a schema and no interface`);
        else if (!new RegExp(`ParamsOf<typeof (\\w+\\.)?${name}>`).test(typeTests))
          unchecked.push(`${pkg}: ${name} is not compared with its schema`);
      }
    }
    expect(unchecked).toEqual([]);
  });
});
