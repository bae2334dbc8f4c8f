// Builds, checks and publishes every package (all share one version, see .changeset/config.json).
//
//   pnpm changeset version        # first: pending changesets → versions and CHANGELOG.md, commit that
//   pnpm release                  # build, checks, then `changeset publish` (npm login needed)
//   pnpm release --dry-run        # the same, publishing nothing and touching no registry
//   --no-build / --no-checks      # skip what an earlier step of the same run already did (.ci/run)
//
// The checks: publint + attw + ESM/CJS loading (pnpm check:packages), READMEs up to date, the consumer
// smoke test (pnpm test:smoke), and each tarball's contents. The real publish is `changeset publish`,
// which publishes the versions npm does not have yet and tags them; push the tags afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspectTarball, packAll, requireBuilt } from './tarballs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
for (const arg of args)
  if (!['--dry-run', '--no-build', '--no-checks'].includes(arg)) {
    console.error(`release: unknown option ${arg}`);
    process.exit(2);
  }
const dryRun = args.has('--dry-run');

const sh = (command, argv) => {
  console.log(`\n$ ${command} ${argv.join(' ')}`);
  execFileSync(command, argv, { cwd: root, stdio: 'inherit' });
};

// Pending changesets mean the versions were not bumped yet: publishing now would ship the old numbers.
const pending = readdirSync(`${root}.changeset`).filter((f) => f.endsWith('.md') && f !== 'README.md');
if (pending.length) {
  const message = `${pending.length} pending changeset(s) (${pending.join(', ')}): run pnpm changeset version and commit first`;
  if (!dryRun) {
    console.error(`release: ${message}`);
    process.exit(1);
  }
  console.log(`release (dry run): ${message}`);
}

if (!args.has('--no-build')) sh('pnpm', ['build']);
requireBuilt();
if (!args.has('--no-checks')) {
  sh('pnpm', ['check:packages']);
  sh('node', ['scripts/package-docs.mjs', '--check']);
  sh('pnpm', ['test:smoke']);
}

// What would be uploaded: the same tarballs pnpm publish makes.
const dest = mkdtempSync(join(tmpdir(), 'lava-sdk-release-'));
try {
  const tarballs = await packAll(dest);
  const inspected = await Promise.all(
    tarballs.map(async (file) => ({ file, ...(await inspectTarball(file)) })),
  );
  const problems = inspected.flatMap((t) => t.problems);
  if (problems.length) {
    console.error(`release: the tarballs are not publishable:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log('\npackage                            version   files   packed');
  for (const { file, pkg, files } of inspected.sort((a, b) => a.pkg.name.localeCompare(b.pkg.name)))
    console.log(
      `${pkg.name.padEnd(34)} ${pkg.version.padEnd(9)} ${String(files).padStart(5)} ${(statSync(file).size / 1024).toFixed(1).padStart(6)} kB`,
    );
} finally {
  rmSync(dest, { recursive: true, force: true });
}

if (dryRun) {
  // Offline: what `changeset publish` would run, without the registry look-ups and the upload.
  console.log(
    `\nrelease (dry run): every package checked and packed; nothing published (changeset publish skipped)`,
  );
} else {
  sh('pnpm', ['exec', 'changeset', 'publish']);
  console.log('\nrelease: published; push the new tags: git push --follow-tags');
}
