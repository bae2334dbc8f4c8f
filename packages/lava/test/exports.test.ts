// lava-sdk re-exports every export of every package it depends on, by name and as the same binding, and
// the registry of operations (OPERATIONS) lists every public function of every package.
import { readFileSync } from 'node:fs';
import { OPERATIONS } from '@lava-sdk/core/internal';
import * as sdk from 'lava-sdk';
import { describe, expect, it } from 'vitest';

const lavaPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/** The packages lava-sdk re-exports: its @lava-sdk dependencies (one `export *` line each). */
const names = Object.keys(lavaPackage.dependencies)
  .filter((name) => name.startsWith('@lava-sdk/'))
  .sort();
const packages: Record<string, Record<string, unknown>> = {};
for (const name of names) packages[name] = await import(name);

const index = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
const starred = [...index.matchAll(/^export \* from '([^']+)';$/gm)].map((m) => m[1]);

describe('lava-sdk exports', () => {
  for (const [name, module] of Object.entries(packages)) {
    it(`everything of ${name}, values as the same binding`, () => {
      for (const [key, value] of Object.entries(module)) {
        expect((sdk as Record<string, unknown>)[key], key).toBe(value);
      }
    });
  }

  it('re-exports every package it depends on, each with one export *', () => {
    expect(starred.sort()).toEqual(names);
    // Every package of the registry is one of them (and @lava-sdk/core, which holds the registry).
    expect(names).toEqual(expect.arrayContaining([...new Set(OPERATIONS.map((op) => op.package))]));
  });

  it('has no runtime export but those of its packages, the Lava class and neverthrow', () => {
    const theirs = new Set(Object.values(packages).flatMap((module) => Object.keys(module)));
    const own = ['Lava', 'err', 'errAsync', 'ok', 'okAsync', 'Result', 'ResultAsync', 'safeTry'];
    expect(Object.keys(sdk).filter((key) => !theirs.has(key) && !own.includes(key))).toEqual([]);
  });

  it('every operation of the registry is exported by its package and by lava-sdk, as the same function', () => {
    for (const op of OPERATIONS) {
      const fn = packages[op.package]?.[op.name];
      expect(fn === undefined ? undefined : typeof fn, `${op.package} ${op.name}`).toMatch(
        /^(function|object)$/,
      );
      expect((sdk as Record<string, unknown>)[op.name], op.name).toBe(fn);
    }
    expect(typeof sdk.Lava).toBe('function');
  });

  it('the registry lists every public function of every package but core', () => {
    const listed = new Set(OPERATIONS.map((op) => `${op.package} ${op.name}`));
    for (const [name, module] of Object.entries(packages)) {
      if (name === '@lava-sdk/core') continue;
      for (const key of Object.keys(module).filter((k) => /^[a-z]/.test(k))) {
        expect(listed.has(`${name} ${key}`), `${name} exports ${key}: add it to OPERATIONS`).toBe(true);
      }
    }
  });
});
