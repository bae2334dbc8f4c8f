import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, maskKey, writeEnvFile } from '../src/cli';
import { credentials, parseAuthUrl, probe, startApi } from './helpers/servers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lava-login-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs main with a simulated browser that completes the callback; collects stdout and stderr. */
async function run(argv: string[], walk = true) {
  const api = await startApi();
  let stdout = '';
  let stderr = '';
  const opened: string[] = [];
  const code = await main([...argv, '--api-url', api.baseUrl], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    openBrowser: async (url) => {
      opened.push(url);
      if (!walk) return;
      const { callback, state } = parseAuthUrl(url);
      const res = await fetch(`${callback}?code=cli-code-123&state=${state}`);
      expect(res.status).toBe(200);
    },
  });
  return { code, stdout, stderr, api, opened };
}

describe('lava-login main', () => {
  it('prints the credentials as JSON without --env-file', async () => {
    const { code, stdout, api } = await run([]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(credentials);
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ code: 'cli-code-123' });
  });

  it('creates the --env-file with mode 0600 and prints only a masked key', async () => {
    const file = join(dir, '.env');
    const { code, stdout, stderr } = await run(['--env-file', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`LAVA_SECRET_KEY=${credentials.secret_key}\n`);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(stdout).toContain('aks_test_…CRET');
    expect(stdout).toContain(file);
    expect(stdout + stderr).not.toContain(credentials.secret_key);
  });

  it('replaces an existing LAVA_SECRET_KEY line and keeps every other line and the mode', async () => {
    const file = join(dir, '.env');
    writeFileSync(file, '# comment\nFOO=bar\nLAVA_SECRET_KEY=aks_test_old\nexport LAVA_BASE_URL=x\nLAST=1', {
      mode: 0o640,
    });
    const { code, stderr } = await run(['--env-file', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      `# comment\nFOO=bar\nLAVA_SECRET_KEY=${credentials.secret_key}\nexport LAVA_BASE_URL=x\nLAST=1\n`,
    );
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o640);
      expect(stderr).toContain('readable by other users');
    }
  });

  it('prints the URL instead of opening a browser with --no-browser', async () => {
    const { code, stderr, opened } = await run(['--no-browser', '--timeout', '0.2']);
    expect(opened).toHaveLength(0);
    expect(code).toBe(1);
    expect(stderr).toMatch(/https:\/\/www\.lava\.so\/auth\/connect\?state=[0-9a-f]{32}&port=(\d+)/);
    expect(stderr).toContain('timed out');
    const port = Number(/port=(\d+)/.exec(stderr)![1]);
    expect(await probe(port)).toBe('ECONNREFUSED');
  });

  it('passes --app-url through', async () => {
    const { code, opened } = await run(['--app-url', 'https://sandbox.lava.so']);
    expect(code).toBe(0);
    expect(opened[0]).toMatch(/^https:\/\/sandbox\.lava\.so\/auth\/connect\?/);
  });

  it('exits 1 before logging in when the env file cannot be written', async () => {
    const { code, stderr, opened } = await run(['--env-file', join(dir, 'missing-dir', '.env')]);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot write');
    expect(opened).toHaveLength(0);
  });

  it('prints help and rejects unknown flags and bad timeouts', async () => {
    let out = '';
    expect(await main(['--help'], { stdout: (t) => (out += t) })).toBe(0);
    expect(out).toContain('Usage: lava-login');
    let err = '';
    expect(await main(['--frobnicate'], { stderr: (t) => (err += t) })).toBe(2);
    expect(err).toContain('Usage: lava-login');
    expect(await main(['--timeout', 'soon'], { stderr: () => {} })).toBe(2);
  });
});

describe('writeEnvFile', () => {
  it('keeps CRLF line endings, an export prefix, and replaces every assignment', () => {
    const file = join(dir, '.env');
    writeFileSync(file, 'A=1\r\nexport LAVA_SECRET_KEY=old\r\nLAVA_SECRET_KEY = older\r\n');
    writeEnvFile(file, 'aks_live_new');
    expect(readFileSync(file, 'utf8')).toBe(
      'A=1\r\nexport LAVA_SECRET_KEY=aks_live_new\r\nLAVA_SECRET_KEY=aks_live_new\r\n',
    );
  });

  it('quotes a value that could break the file', () => {
    const file = join(dir, '.env');
    writeEnvFile(file, 'x y\nINJECTED=1');
    expect(readFileSync(file, 'utf8')).toBe('LAVA_SECRET_KEY="x y\\nINJECTED=1"\n');
  });

  it('masks keys', () => {
    expect(maskKey('aks_live_abcdefghijklmnop1234')).toBe('aks_live_…1234');
    expect(maskKey('short')).toBe('****');
  });
});
