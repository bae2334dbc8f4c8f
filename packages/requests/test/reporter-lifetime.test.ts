// An idle reporter must not keep a process alive, yet flush() must deliver before the process ends. Real
// processes against a real server on 127.0.0.1: Node (the sources, through tsx), Deno and Bun (the same
// module bundled by esbuild, as an app would ship it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestRecord } from '../../../test/helpers/fixtures-billing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/lifetime-child.ts', import.meta.url));
// Deno and Bun come with the runtime matrix (ecosystem/, installed by `pnpm test:runtimes` and by .ci/run
// before the tests). Without them locally those two cases are skipped, saying so; in CI they must run.
const bin = (name: string) => `${root}ecosystem/node_modules/.bin/${name}`;
const missing = ['deno', 'bun'].filter((name) => !existsSync(bin(name)));
if (missing.length && process.env.CI)
  throw new Error(`${missing.join(', ')} not installed: run pnpm --dir ecosystem install`);
if (missing.length)
  console.warn(
    `[reporter-lifetime] skipping ${missing.join(', ')}: run pnpm --dir ecosystem install to test them`,
  );

// The first POST of each request_id gets a 503, the next ones the record.
const posts = new Map<string, number>();
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    const id = JSON.parse(body).request_id as string;
    const n = (posts.get(id) ?? 0) + 1;
    posts.set(id, n);
    res.writeHead(n === 1 ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(n === 1 ? { error: 'unavailable' } : { ...requestRecord, request_id: id }));
  });
});
let baseUrl = '';
let dir = '';
let bundled = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  dir = mkdtempSync(join(tmpdir(), 'lava-lifetime-'));
  bundled = join(dir, 'child.js');
  await build({
    entryPoints: [child],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    tsconfig: `${root}tsconfig.json`,
    outfile: bundled,
    logLevel: 'silent',
  });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const commands: Record<string, () => string[]> = {
  node: () => [process.execPath, '--import', 'tsx', child],
  deno: () => [bin('deno'), 'run', '--allow-env', '--allow-net', bundled],
  bun: () => [bin('bun'), bundled],
};

interface Run {
  lines: string[];
  /** ms from the `start` line to the process's exit */
  afterStart: number;
}

function run(runtime: string, retryDelayMs: number, mode: 'flush' | 'no-flush'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const [command, ...args] = commands[runtime]!();
    const proc = spawn(command!, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BASE: baseUrl, DELAY: String(retryDelayMs), MODE: mode, RUNTIME: runtime },
    });
    let out = '';
    let started = 0;
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (!started && out.includes('start\n')) started = performance.now();
    });
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${runtime} ${mode}: the process did not exit by itself`));
    }, 60_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${runtime} ${mode}: exit code ${code}: ${out}`));
      resolve({ lines: out.trim().split('\n'), afterStart: performance.now() - started });
    });
  });
}

describe('usage reporter and the process lifetime', () => {
  it.each(Object.keys(commands).filter((runtime) => !missing.includes(runtime)))(
    '%s: a pending retry does not hold the process open; a flush does, until it is delivered',
    async (runtime) => {
      const [idle, flushed] = await Promise.all([
        run(runtime, 20_000, 'no-flush'),
        run(runtime, 1000, 'flush'),
      ]);
      // No flush: the process ends at once, though a retry was due in about 20 s (the event, in memory,
      // is lost: flush or close before exit, or use fileStore).
      expect(idle.lines).toEqual(['start']);
      expect(idle.afterStart).toBeLessThan(10_000);
      expect(posts.get(`life_${runtime}_no-flush`)).toBe(1);
      // flush(): the process waits for the retry (about 1 s later), the event is delivered, then it ends.
      expect(flushed.lines[0]).toBe('start');
      expect(JSON.parse(flushed.lines[1]!.replace(/^flushed /, ''))).toMatchObject({
        delivered: 1,
        queued: 0,
        retried: 1,
      });
      expect(flushed.afterStart).toBeGreaterThanOrEqual(700);
      expect(posts.get(`life_${runtime}_flush`)).toBe(2);
    },
    90_000,
  );
});
