// BullMQ queues and workers on either backend, as users build them: the Redis default, or PostgreSQL
// through createPostgresBackend (the third argument of Queue, the fourth of Worker). Used by the tests, their child processes and the benchmark.
import type { CreateRequestParams } from '@lava-sdk/requests';
import {
  createPostgresBackend,
  Queue,
  QueueEvents,
  type QueueOptions,
  Worker,
  type WorkerOptions,
  withBackend,
} from 'bullmq';
import IORedis from 'ioredis';
import pg from 'pg';
import type { UsageProcessor } from '../../src/usageProcessor';
import type { Backend } from './servers';

// BullMQ's typed way to the PostgreSQL backend: the classes with createPostgresBackend bound.
const OnPostgres = withBackend(createPostgresBackend);

/** A queue of usage jobs on either backend (typed as the Redis one: the methods the tests use are the same). */
export type UsageTestQueue = Queue<CreateRequestParams, string>;
export type UsageTestWorker = Worker<CreateRequestParams, string>;

/**
 * A Queue with an 'error' listener: `close()` returns while pool sockets are still closing. PostgreSQL's
 * schema is migrated by a connection that says `migrate: true` (without it BullMQ throws
 * `SchemaMigrationRequiredError`): `prepareBackend` does it once, before the tests connect.
 */
export function makeQueue(
  backend: Backend,
  url: string,
  name: string,
  options: Omit<QueueOptions, 'connection'> & { migrate?: boolean } = {},
): UsageTestQueue {
  const { migrate = false, ...rest } = options;
  const queue =
    backend === 'postgres'
      ? (new OnPostgres.Queue<CreateRequestParams, string>(name, {
          ...rest,
          connection: { connectionString: url, migrate },
        }) as unknown as UsageTestQueue)
      : new Queue<CreateRequestParams, string>(name, { ...rest, connection: { url } });
  queue.on('error', () => {});
  return queue;
}

export function makeWorker(
  backend: Backend,
  url: string,
  name: string,
  processor: UsageProcessor,
  options: Omit<WorkerOptions, 'connection'> = {},
): UsageTestWorker {
  const worker =
    backend === 'postgres'
      ? (new OnPostgres.Worker<CreateRequestParams, string>(name, processor, {
          ...options,
          connection: { connectionString: url },
        }) as unknown as UsageTestWorker)
      : new Worker<CreateRequestParams, string>(name, processor, { ...options, connection: { url } });
  worker.on('error', () => {});
  return worker;
}

/** BullMQ's event stream of a queue, across processes. */
export function makeQueueEvents(backend: Backend, url: string, name: string): QueueEvents {
  const events =
    backend === 'postgres'
      ? (new OnPostgres.QueueEvents(name, {
          connection: { connectionString: url },
        }) as unknown as QueueEvents)
      : new QueueEvents(name, { connection: { url } });
  events.on('error', () => {});
  return events;
}

/**
 * Makes a fresh server ready for BullMQ: PostgreSQL's schema is migrated once here, as a deployment
 * would (`migrate: true` on one connection), so that every other queue and worker connects without it.
 */
export async function prepareBackend(backend: Backend, url: string): Promise<void> {
  if (backend !== 'postgres') return;
  const queue = makeQueue(backend, url, 'migrate', { migrate: true });
  await queue.waitUntilReady();
  await queue.close();
}

/** Polls `check` every 50 ms until it returns true; throws `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One section of Redis's `INFO` (`memory`, `cpu`, …), as `name: value` pairs. */
export async function redisInfo(url: string, section: string): Promise<Record<string, string>> {
  const redis = new IORedis(url, { lazyConnect: true });
  await redis.connect();
  try {
    const info: Record<string, string> = {};
    for (const line of (await redis.info(section)).split('\r\n')) {
      const at = line.indexOf(':');
      if (at > 0 && !line.startsWith('#')) info[line.slice(0, at)] = line.slice(at + 1);
    }
    return info;
  } finally {
    redis.disconnect();
  }
}

/** The bytes of BullMQ's PostgreSQL tables (schema `bullmq`), indexes and TOAST included. */
export async function postgresBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `SELECT sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))::bigint AS bytes
       FROM pg_tables WHERE schemaname = 'bullmq'`,
    );
    return Number(rows[0]!.bytes);
  } finally {
    await client.end();
  }
}

/**
 * Everything the backend holds, as text: every Redis key's value, or every row of every table in
 * BullMQ's PostgreSQL schema. Leak checks search it for credentials.
 */
export async function dumpBackend(backend: Backend, url: string): Promise<string> {
  if (backend === 'redis') {
    const redis = new IORedis(url, { lazyConnect: true });
    await redis.connect();
    try {
      const parts: string[] = [];
      for (const key of await redis.keys('*')) {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.getBuffer(key)
            : type === 'hash'
              ? await redis.hgetallBuffer(key)
              : type === 'list'
                ? await redis.lrangeBuffer(key, 0, -1)
                : type === 'set'
                  ? await redis.smembersBuffer(key)
                  : type === 'zset'
                    ? await redis.zrangeBuffer(key, 0, -1)
                    : type === 'stream'
                      ? await redis.xrange(key, '-', '+')
                      : null;
        // Buffers as latin1, so msgpack-packed values still show any ASCII they hold.
        parts.push(
          key,
          JSON.stringify(value, (_, v) =>
            v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v,
          ),
        );
      }
      return parts.join('\n');
    } finally {
      redis.disconnect();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    );
    const parts: string[] = [];
    for (const { schema, name } of tables) {
      const { rows } = await client.query(`SELECT t::text AS row FROM "${schema}"."${name}" t`);
      parts.push(`${schema}.${name}`, ...rows.map((r) => r.row as string));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}
