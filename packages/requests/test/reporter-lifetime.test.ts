// An idle reporter must not keep a Node process alive, yet flush() must deliver before the process ends.
// Real processes (node + tsx) against a real server on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestRecord } from '../../../test/helpers/fixtures-billing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const child = fileURLToPath(new URL('./fixtures/lifetime-child.ts', import.meta.url));

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
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Line = { what: string; at: number; delivered?: number };

function run(retryDelayMs: number, mode: 'flush' | 'no-flush'): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, baseUrl, String(retryDelayMs), mode], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the ${mode} process did not exit by itself`));
    }, 30_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`exit code ${code}: ${out}`));
      resolve(
        out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Line),
      );
    });
  });
}

const at = (lines: Line[], what: string) => lines.find((l) => l.what === what)!.at;

describe('usage reporter and the Node process lifetime', () => {
  it('between retries the reporter holds the process open only while a flush waits', async () => {
    const [idle, flushed] = await Promise.all([run(20_000, 'no-flush'), run(1000, 'flush')]);
    // No flush: the process ends at once, though a retry was due in ~20 s (the event, in memory, is lost:
    // flush or close before exit, or use fileStore).
    expect(idle.map((l) => l.what)).toEqual(['start', 'exit']);
    expect(at(idle, 'exit') - at(idle, 'start')).toBeLessThan(10_000);
    expect(posts.get('life_no-flush')).toBe(1);
    // flush(): the process waits for the retry (~1 s later), the event is delivered, then it ends.
    expect(flushed.map((l) => l.what)).toEqual(['start', 'flushed', 'exit']);
    expect(flushed[1]).toMatchObject({ delivered: 1, queued: 0, retried: 1 });
    expect(at(flushed, 'flushed') - at(flushed, 'start')).toBeGreaterThanOrEqual(700);
    expect(posts.get('life_flush')).toBe(2);
  }, 60_000);
});
