#!/usr/bin/env node
import {
  accessSync,
  constants,
  existsSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type LoginOptions, login } from './login';

const USAGE = `Usage: lava-login [options]

Logs in to Lava in your browser and prints the new credentials as JSON.

Options:
  --env-file <path>   Write LAVA_SECRET_KEY=… to this .env file (created with mode 0600; an existing
                      LAVA_SECRET_KEY line is replaced, other lines are kept) and print only a masked key
  --app-url <url>     Lava app to log in to (default https://www.lava.so)
  --api-url <url>     API base to exchange the code at (default: derived from the app URL)
  --timeout <seconds> How long to wait for the browser (default 120)
  --no-browser        Do not open a browser; print the URL to open instead
  -h, --help          Show this help
`;

/** What {@link main} writes to and how it logs in; every field defaults to the real thing. */
export interface CliDeps {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Replaces the browser launcher (tests walk the flow with an HTTP client). Ignored with --no-browser. */
  openBrowser?: LoginOptions['openBrowser'];
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

const KEY_LINE = /^\s*(export\s+)?LAVA_SECRET_KEY\s*=/;

/** `aks_live_…wxyz`: the prefix and the last four characters, never enough to use the key. */
export function maskKey(key: string): string {
  if (key.length < 16) return '****';
  const prefix = /^[a-z]+_(?:live|test)_/.exec(key)?.[0] ?? '';
  return `${prefix}…${key.slice(-4)}`;
}

function envValue(value: string): string {
  return /^[A-Za-z0-9_.\-+/=:]*$/.test(value) ? value : JSON.stringify(value);
}

/**
 * Sets LAVA_SECRET_KEY in a .env file: replaces every existing assignment of it (keeping an `export `
 * prefix), keeps every other line, appends it when absent. A new file is created with mode 0600; an
 * existing file keeps its mode.
 */
export function writeEnvFile(path: string, secretKey: string): void {
  const line = `LAVA_SECRET_KEY=${envValue(secretKey)}`;
  if (!existsSync(path)) {
    writeFileSync(path, `${line}\n`, { mode: 0o600, flag: 'wx' });
    return;
  }
  const text = readFileSync(path, 'utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  let found = false;
  const out = lines.map((l) => {
    const match = KEY_LINE.exec(l);
    if (!match) return l;
    found = true;
    return `${match[1] ?? ''}${line}`;
  });
  if (!found) out.push(line);
  writeFileSync(path, out.join(eol) + eol);
}

function checkWritable(path: string): string | undefined {
  try {
    if (existsSync(path)) {
      if (!statSync(path).isFile()) return `${path} is not a file`;
      accessSync(path, constants.R_OK | constants.W_OK);
    } else {
      accessSync(dirname(path), constants.W_OK);
    }
  } catch (cause) {
    return `cannot write ${path}: ${(cause as Error).message}`;
  }
  return undefined;
}

/**
 * The `lava-login` command. Returns the exit code: 0 on success, 1 when the login fails, 2 for bad usage.
 *
 * @param argv - The arguments after the program name.
 * @param deps - Output streams, browser launcher, fetch and signal; for tests and embedding.
 * @returns The process exit code.
 * @example
 * ```ts fragment
 * process.exitCode = await main(['--env-file', '.env']);
 * ```
 */
export async function main(argv: readonly string[], deps: CliDeps = {}): Promise<number> {
  const out = deps.stdout ?? ((t: string) => process.stdout.write(t));
  const errOut = deps.stderr ?? ((t: string) => process.stderr.write(t));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'env-file': { type: 'string' },
        'app-url': { type: 'string' },
        'api-url': { type: 'string' },
        timeout: { type: 'string' },
        'no-browser': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    errOut(`lava-login: ${(cause as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!(seconds > 0) || !Number.isFinite(seconds)) {
      errOut(`lava-login: --timeout must be a positive number of seconds\n`);
      return 2;
    }
    timeoutMs = Math.round(seconds * 1000);
  }
  const envFile = typeof values['env-file'] === 'string' ? resolve(values['env-file']) : undefined;
  // Checked before the login: the code is single use, so a failed write afterwards would lose the key.
  const problem = envFile && checkWritable(envFile);
  if (problem) {
    errOut(`lava-login: ${problem}\n`);
    return 1;
  }
  const printUrl = (url: string) => errOut(`Open this URL in a browser to log in to Lava:\n\n  ${url}\n\n`);
  const result = await login({
    appBaseUrl: values['app-url'] as string | undefined,
    apiBaseUrl: values['api-url'] as string | undefined,
    timeoutMs,
    signal: deps.signal,
    fetch: deps.fetch,
    openBrowser: values['no-browser'] ? printUrl : deps.openBrowser,
    onUrl: (url) => printUrl(url),
  });
  if (result.isErr()) {
    errOut(`lava-login: ${result.error.message}\n`);
    return 1;
  }
  const credentials = result.value;
  if (!envFile) {
    out(`${JSON.stringify(credentials, null, 2)}\n`);
    return 0;
  }
  try {
    writeEnvFile(envFile, credentials.secret_key);
  } catch (cause) {
    errOut(`lava-login: could not write ${envFile}: ${(cause as Error).message}\n`);
    return 1;
  }
  out(`Wrote LAVA_SECRET_KEY=${maskKey(credentials.secret_key)} to ${envFile}\n`);
  if (process.platform !== 'win32' && (statSync(envFile).mode & 0o077) !== 0) {
    errOut(`lava-login: warning: ${envFile} is readable by other users; consider chmod 600\n`);
  }
  return 0;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  main(process.argv.slice(2), { signal: controller.signal }).then((code) => {
    process.exitCode = controller.signal.aborted ? 130 : code;
  });
}
