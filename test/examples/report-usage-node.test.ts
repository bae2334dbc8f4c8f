// examples/report-usage-node.ts as a real process against the emulator: SIGTERM arrives while a reply is
// streaming; the reply still ends whole, its usage is recorded once, and the process exits 0. The order of
// its shutdown (the server first, then the reporter) is what keeps that usage.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import { listRequests } from '@lava-sdk/requests';
import { afterAll, expect, it } from 'vitest';
import { useLocal } from './local';

const root = fileURLToPath(new URL('../..', import.meta.url));
const local = useLocal();
const dir = mkdtempSync(join(tmpdir(), 'lava-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves with the first match of `pattern` in the child's stdout. */
function waitFor(proc: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve(match);
    });
    proc.on('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}: ${out}`)));
  });
}

it('finishes the stream in flight and delivers its usage after SIGTERM', async () => {
  const { customer_id, meter_slug } = await local.customer('5.00');
  const proc = spawn(process.execPath, ['--import', 'tsx', 'examples/report-usage-node.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      LAVA_SECRET_KEY: EMULATOR_SECRET_KEY,
      LAVA_BASE_URL: local.running.baseUrl,
      LAVA_CUSTOMER_ID: customer_id,
      LAVA_METER_SLUG: meter_slug,
      LAVA_USAGE_LOG: join(dir, 'usage.log'),
    },
  });
  let stderr = '';
  proc.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  try {
    const [, url] = await waitFor(proc, /listening on (http:\/\/\S+)/);
    const prompt = 'please stream this reply slowly enough to be cut';
    const response = await fetch(`${url}/work`, { method: 'POST', body: prompt });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let reply = decoder.decode((await reader.read()).value, { stream: true }); // the stream has begun
    proc.kill('SIGTERM');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      reply += decoder.decode(chunk.value, { stream: true });

    expect(reply).toBe(`You said: ${prompt} `);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    const records = (await listRequests(local.lava, { customer_id }))._unsafeUnwrap().data;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ customer_id, metadata: { route: 'work' } });
  } finally {
    proc.kill('SIGKILL');
  }
}, 60_000);
