// What the registry of operations generates is up to date: MIGRATION.md's table and the whole-SDK size
// entry. Regenerate both with `node scripts/docs.mjs`.
import { readFileSync } from 'node:fs';
import { OPERATIONS } from '@lava-sdk/core/internal';
import { describe, expect, it } from 'vitest';
import { ALL_BUNDLE, allBundle, MIGRATION, migrationDocument } from '../scripts/docs.mjs';

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
