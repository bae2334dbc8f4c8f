// lava-sdk re-exports every export of every package, by name and as the same binding, and the registry of
// operations (OPERATIONS) lists every public function of every package.
import { readFileSync } from 'node:fs';
import * as auth from '@lava-sdk/auth';
import * as checkoutSessions from '@lava-sdk/checkout-sessions';
import * as core from '@lava-sdk/core';
import { OPERATIONS } from '@lava-sdk/core/internal';
import * as creditBundles from '@lava-sdk/credit-bundles';
import * as customers from '@lava-sdk/customers';
import * as gateway from '@lava-sdk/gateway';
import * as meters from '@lava-sdk/meters';
import * as models from '@lava-sdk/models';
import * as paymentMethods from '@lava-sdk/payment-methods';
import * as providers from '@lava-sdk/providers';
import * as requests from '@lava-sdk/requests';
import * as secretKeys from '@lava-sdk/secret-keys';
import * as services from '@lava-sdk/services';
import * as spendKeys from '@lava-sdk/spend-keys';
import * as subscriptions from '@lava-sdk/subscriptions';
import * as usage from '@lava-sdk/usage';
import * as wallet from '@lava-sdk/wallet';
import * as webhooks from '@lava-sdk/webhooks';
import * as sdk from 'lava-sdk';
import { describe, expect, it } from 'vitest';

const packages: Record<string, Record<string, unknown>> = {
  '@lava-sdk/auth': auth,
  '@lava-sdk/checkout-sessions': checkoutSessions,
  '@lava-sdk/core': core,
  '@lava-sdk/credit-bundles': creditBundles,
  '@lava-sdk/customers': customers,
  '@lava-sdk/gateway': gateway,
  '@lava-sdk/meters': meters,
  '@lava-sdk/models': models,
  '@lava-sdk/payment-methods': paymentMethods,
  '@lava-sdk/providers': providers,
  '@lava-sdk/requests': requests,
  '@lava-sdk/secret-keys': secretKeys,
  '@lava-sdk/services': services,
  '@lava-sdk/spend-keys': spendKeys,
  '@lava-sdk/subscriptions': subscriptions,
  '@lava-sdk/usage': usage,
  '@lava-sdk/wallet': wallet,
  '@lava-sdk/webhooks': webhooks,
};

/** The names an index module exports, by the module they come from (`export { a, type B } from '…'`). */
function exportedNames(file: URL, from?: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)]
    .filter((m) => from === undefined || m[2] === from)
    .flatMap((m) =>
      (m[1] ?? '')
        .split(',')
        .map(
          (s) =>
            s
              .replace(/^\s*type\s+/, '')
              .trim()
              .split(/\s+as\s+/)
              .pop() ?? '',
        )
        .filter(Boolean),
    );
}

const dirOf = (name: string) => (name === '@lava-sdk/core' ? 'core' : name.replace('@lava-sdk/', ''));
const indexOf = (name: string) => new URL(`../../${dirOf(name)}/src/index.ts`, import.meta.url);

describe('lava-sdk exports', () => {
  for (const [name, module] of Object.entries(packages)) {
    it(`everything of ${name}, values as the same binding`, () => {
      for (const [key, value] of Object.entries(module)) {
        expect((sdk as Record<string, unknown>)[key], key).toBe(value);
      }
    });
  }

  it('lists every export of every package by name, types included, and nothing else but its own', () => {
    const index = new URL('../src/index.ts', import.meta.url);
    const theirs = Object.keys(packages).flatMap((name) => exportedNames(indexOf(name)));
    const compat = readFileSync(new URL('../src/compat.ts', import.meta.url), 'utf8');
    const own = [...compat.matchAll(/^export type (\w+)/gm)].map((m) => m[1]);
    const expected = [
      ...theirs,
      ...own,
      ...exportedNames(index, './Lava'),
      ...exportedNames(index, 'neverthrow'),
    ].sort();
    const ours = [...exportedNames(index, './compat'), ...exportedNames(index)].filter(
      (name, i, all) => all.indexOf(name) === i,
    );
    expect(ours.sort()).toEqual([...new Set(expected)]);
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
