// What every published package must carry, checked on the sources (no build needed): npm metadata, the
// Node floor, caret ranges for third-party dependencies, and READMEs/LICENSEs generated from the code.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dirs = readdirSync(`${root}packages`).sort();
const read = (dir: string) => JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8'));
const rootLicense = readFileSync(`${root}LICENSE`, 'utf8');

describe.each(dirs)('packages/%s', (dir) => {
  const pkg = read(dir);

  it('has the metadata npm shows', () => {
    expect(pkg.description).toEqual(expect.any(String));
    expect(pkg.description.length).toBeGreaterThan(20);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['lava', 'sdk']));
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/lava-sdk/lava-sdk.git',
      directory: `packages/${dir}`,
    });
    expect(pkg.homepage).toBe(`https://github.com/lava-sdk/lava-sdk/tree/main/packages/${dir}#readme`);
    expect(pkg.bugs).toEqual({ url: 'https://github.com/lava-sdk/lava-sdk/issues' });
  });

  it('needs Node 20 (global crypto.randomUUID), and ships its README and LICENSE', () => {
    expect(pkg.engines).toEqual({ node: '>=20' });
    expect(pkg.files).toEqual(['dist', 'README.md', 'LICENSE']);
    expect(readFileSync(`${root}packages/${dir}/LICENSE`, 'utf8')).toBe(rootLicense);
  });

  it('takes third-party dependencies as caret ranges, so installs dedupe them', () => {
    for (const [name, range] of Object.entries<string>(pkg.dependencies ?? {})) {
      if (range.startsWith('workspace:')) continue;
      expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/);
    }
  });
});

describe('generated package docs', () => {
  it('READMEs, LICENSE copies and the root package table match the sources (pnpm docs:packages)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [`${root}scripts/package-docs.mjs`, '--check'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(stdout).toMatch(/package docs: \d+ files up to date/);
  }, 120_000);
});
