// Packs every package as `pnpm publish` would (workspace: ranges replaced by versions) and checks each
// tarball holds what a user needs. Shared by the release script and the consumer smoke test.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

/** The package directories, `packages/<dir>`, that have a package.json. */
export const packageDirs = () =>
  readdirSync(`${root}packages`)
    .filter((d) => existsSync(`${root}packages/${d}/package.json`))
    .sort();

/** Exits with a message when a package has no dist (pnpm build first). */
export function requireBuilt() {
  const missing = packageDirs().filter((d) => !existsSync(`${root}packages/${d}/dist/index.js`));
  if (missing.length) {
    console.error(`not built: ${missing.map((d) => `packages/${d}`).join(', ')}: run pnpm build first`);
    process.exit(1);
  }
}

/** Packs every package into `dest`; returns the tarball paths. */
export async function packAll(dest) {
  await exec('pnpm', ['-r', '--filter', './packages/*', 'pack', '--pack-destination', dest], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const files = readdirSync(dest)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => `${dest}/${f}`);
  if (files.length !== packageDirs().length)
    throw new Error(`${files.length} tarballs for ${packageDirs().length} packages`);
  return files;
}

const NEEDED = ['package/package.json', 'package/README.md', 'package/LICENSE', 'package/dist/index.js'];
const ALLOWED = /^package\/(dist\/|package\.json$|README\.md$|LICENSE$)/;

/**
 * What is wrong with one tarball: a missing README, LICENSE or dist; stray files (sources, tests);
 * a `workspace:` range left in; a pinned third-party dependency; missing npm metadata.
 * @returns `{ pkg, files, problems }`: the packed package.json, the entry count, and the problems found.
 */
export async function inspectTarball(file) {
  const name = file.split('/').at(-1);
  const { stdout } = await exec('tar', ['-tzf', file], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const entries = stdout.split('\n').filter(Boolean);
  const problems = [];
  for (const needed of NEEDED) if (!entries.includes(needed)) problems.push(`${name}: no ${needed.slice(8)}`);
  const stray = entries.filter((e) => !ALLOWED.test(e));
  if (stray.length) problems.push(`${name}: unexpected ${stray.slice(0, 3).join(', ')}`);
  const pkg = JSON.parse(
    (await exec('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' })).stdout,
  );
  if (JSON.stringify(pkg).includes('workspace:'))
    problems.push(`${name}: a workspace: range survived packing`);
  for (const [dep, range] of Object.entries(pkg.dependencies ?? {}))
    if (!dep.startsWith('@lava-sdk/') && !range.startsWith('^'))
      problems.push(`${name}: ${dep}@${range} is pinned`);
  for (const field of ['description', 'repository', 'homepage', 'bugs', 'license', 'engines'])
    if (!pkg[field]) problems.push(`${name}: no ${field}`);
  return { pkg, files: entries.length, problems };
}
