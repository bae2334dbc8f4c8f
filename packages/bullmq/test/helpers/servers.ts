// Real Redis and PostgreSQL servers for the tests and the benchmark, from the system's packages (Debian:
// `apt-get install -y redis-server postgresql`). Each runs on a free loopback port with its files in a
// fresh temp dir, and is stopped by PID: by `stop()`, and by an exit hook if the process ends first.
// PostgreSQL refuses to run as root: when we are root, it runs as the `postgres` user.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export type Backend = 'redis' | 'postgres';

export interface RunningServer {
  readonly backend: Backend;
  /** `redis://127.0.0.1:<port>` or `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  /** The server's process id (PostgreSQL's postmaster: its backends are its children). */
  readonly pid: number;
  /** Stops the server (SIGINT, then SIGKILL after 10 s) and removes its temp dir. Idempotent. */
  stop(): Promise<void>;
}

function onPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/usr/bin']);
  return dirs.map((dir) => join(dir, name)).find((file) => existsSync(file));
}

/** Debian keeps PostgreSQL's server binaries off PATH, under /usr/lib/postgresql/<version>/bin. */
function postgresBin(): string | undefined {
  if (process.env.LAVA_TEST_PG_BIN) return process.env.LAVA_TEST_PG_BIN;
  const initdb = onPath('initdb');
  if (initdb) return initdb.slice(0, -'/initdb'.length);
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

/**
 * The servers this machine lacks, as the apt package to install; empty when both are there. Tests skip
 * with this message outside CI and fail with it on CI.
 */
export function missingServers(): string[] {
  const missing: string[] = [];
  if (!onPath('redis-server')) missing.push('redis-server');
  if (!postgresBin()) missing.push('postgresql');
  return missing;
}

const running = new Set<ChildProcess>();
const dirs = new Set<string>();
// The last resort if a test run ends without stopping a server (a crash, a timeout): nothing outlives it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `probe` succeeds; rejects if the child exits first or after `timeoutMs`. */
async function waitReady(
  child: ChildProcess,
  probe: () => Promise<boolean>,
  what: string,
  log: () => string,
) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `${what} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log()}`,
      );
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} was not ready after 30 s:\n${log()}`);
}

/** Sends bytes to 127.0.0.1:port and resolves whether the first answer matches. */
function answers(port: number, send: string, expected: (reply: Buffer) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => socket.write(send));
    socket.once('data', (reply) => {
      socket.destroy();
      resolve(expected(reply));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function launch(file: string, args: string[], options: { uid?: number; gid?: number } = {}) {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return { child, log: () => log };
}

function stopper(child: ChildProcess, dir: string, signal: NodeJS.Signals) {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        rmSync(dir, { recursive: true, force: true });
        dirs.delete(dir);
        resolve();
      };
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill(signal);
    });
    return stopping;
  };
}

/** redis-server on a free loopback port, in memory only (no RDB, no AOF). */
export async function startRedis(): Promise<RunningServer> {
  const bin = onPath('redis-server');
  if (!bin) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
  const dir = mkdtempSync(join(tmpdir(), 'lava-redis-'));
  dirs.add(dir);
  const port = await freePort();
  const { child, log } = launch(bin, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
    // BullMQ needs every key kept: never evict.
    '--maxmemory-policy',
    'noeviction',
    '--loglevel',
    'warning',
  ]);
  const stop = stopper(child, dir, 'SIGTERM');
  try {
    await waitReady(
      child,
      () => answers(port, 'PING\r\n', (r) => r.toString() === '+PONG\r\n'),
      'redis-server',
      log,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { backend: 'redis', url: `redis://127.0.0.1:${port}`, port, pid: child.pid!, stop };
}

/** The uid and gid of the `postgres` user, when we are root (PostgreSQL refuses to run as root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Whether the server runs queries (it accepts connections a little before, to say it is starting up). */
async function queries(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * PostgreSQL on a free loopback port: a fresh cluster (initdb, trust auth for the local `postgres`
 * user), tuned for tests (no fsync). The database is `postgres`.
 */
export async function startPostgres(): Promise<RunningServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const user = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'lava-postgres-'));
  dirs.add(dir);
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const init = launch(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    user,
  );
  const initialised = await new Promise<number | null>((resolve) => init.child.once('exit', resolve));
  if (initialised !== 0) {
    rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
    throw new Error(`initdb failed (${initialised}):\n${init.log()}`);
  }
  const port = await freePort();
  const { child, log } = launch(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir, // the Unix socket goes in the temp dir, not /var/run/postgresql
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    user,
  );
  // SIGINT is PostgreSQL's fast shutdown: open sessions are cut, nothing waits for clients.
  const stop = stopper(child, dir, 'SIGINT');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitReady(child, () => queries(url), 'postgres', log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { backend: 'postgres', url, port, pid: child.pid!, stop };
}

/** Starts the server of one backend. */
export const startServer = (backend: Backend): Promise<RunningServer> =>
  backend === 'redis' ? startRedis() : startPostgres();
