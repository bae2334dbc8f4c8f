// Stopping: the CLI as a real child process on SIGINT/SIGTERM, and stop() in-process, with an idle
// keep-alive socket and a half-sent request open. A plain server.close() would wait for both (the
// keep-alive timeout is 5 s). The time is printed; the bound asserted is loose, for a loaded machine.
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMULATOR_SECRET_KEY } from '../src/index';
import { startEmulator } from '../src/server';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const auth = { authorization: `Bearer ${EMULATOR_SECRET_KEY}` };

function startCli(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.on('data', (chunk) => {
      out += chunk;
    });
    child.once('exit', (code) => reject(new Error(`lava-emulator exited with ${code}: ${out}`)));
  });
}

/** An idle keep-alive socket (one finished request) and a POST whose body never completes. */
async function holdConnections(url: string): Promise<{ closed: Promise<unknown> }> {
  const agent = new Agent({ keepAlive: true });
  const idle = await new Promise<import('node:net').Socket>((resolve, reject) => {
    const req = request(`${url}/v1/wallet`, { agent, headers: auth }, (res) => {
      res.resume();
      res.on('end', () => resolve(req.socket!));
    });
    req.on('error', reject);
    req.end();
  });
  const half = request(`${url}/v1/customers`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'content-length': '1000' },
  });
  half.on('error', () => undefined);
  half.write('{"email":');
  await new Promise<void>((resolve) => half.once('socket', (s) => s.once('connect', () => resolve())));
  await new Promise((resolve) => setTimeout(resolve, 50)); // the server has the request by now
  const closed = Promise.all(
    [idle, half.socket!].map(
      (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())),
    ),
  );
  return { closed };
}

describe('the lava-emulator CLI stops at once', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s, with a keep-alive socket and a request in flight',
    async (signal) => {
      const { child, url } = await startCli();
      const { closed } = await holdConnections(url);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const started = performance.now();
      child.kill(signal);
      const code = await exited;
      const ms = performance.now() - started;
      console.log(`[shutdown] lava-emulator exited ${Math.round(ms)} ms after ${signal}`);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(1_000);
      await closed;
    },
  );
});

describe('stop()', () => {
  it('closes idle and busy connections and resolves without waiting for them', async () => {
    const running = await startEmulator();
    const { closed } = await holdConnections(running.url);
    const started = performance.now();
    const stopping = running.stop();
    expect(running.stop()).toBe(stopping); // idempotent
    await stopping;
    await closed;
    const ms = performance.now() - started;
    console.log(`[shutdown] stop() resolved in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(1_000);
    await expect(fetch(`${running.baseUrl}wallet`, { headers: auth })).rejects.toThrow();
  });
});
