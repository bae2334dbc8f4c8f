// A UsageStore in one file, for Node. Why this design:
//
// - An append-only log, one JSON line per change: `{"e":event,"t":reportedAt}` when an event is queued,
//   `{"d":[request_id, …]}` when events settle. `add()` writes its line with one write() and then
//   fdatasync()s, so the event is on disk, power cut included, before `report()` returns Ok. That costs
//   one disk flush per event (bench/reporter.ts measures it); `{ fsync: false }` skips it and still
//   survives a killed process (the kernel has the bytes), only not a power cut.
// - Removals are not fsynced: a lost removal only means the next process sends the event again, and
//   Lava answers a repeated request_id with the existing record, so nothing is billed twice.
// - A kill cannot tear a line (a write() to a regular file completes or does not happen), but a power cut
//   or a full disk can leave a partial last line. No strict prefix of a JSON object is valid JSON, so a
//   torn line is recognised and dropped on load; a failed write is truncated away at once, so the next
//   line never joins a fragment.
// - Compaction rewrites the live lines into `<path>.tmp`, fsyncs it, renames it over the log (atomic) and
//   fsyncs the directory: at every instant the path holds the complete old log or the complete new one.
//   It runs on load (which also drops a torn tail) and when dead lines outnumber live ones (and 1024).
// - `<path>.lock` holds the owner's pid and start time: two processes appending to one log would lose
//   events at compaction, so a second one is refused while the first lives. A lock left by a killed
//   process is taken over.

import { Buffer } from 'node:buffer';
import {
  closeSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import process from 'node:process';
import type { CreateRequestParams } from './createRequest';
import type { StoredUsage, UsageStore } from './UsageStore';

/** The options of `fileStore()`. */
export interface FileStoreOptions {
  /**
   * fdatasync the log after each event, so `report()`'s Ok survives a power cut. Default true. With
   * false, an event survives a killed process but may not survive the machine going down.
   */
  fsync?: boolean;
}

/** A {@link UsageStore} whose every method is synchronous, so `report()`'s Ok means the event is on disk. */
export interface FileStore extends UsageStore {
  load(): StoredUsage[];
  add(entry: StoredUsage): void;
  remove(requestIds: readonly string[]): void;
  close(): void;
}

/** Writes all of `text` at the end of `fd`; on failure cuts the file back to `size`, so no fragment stays. */
function append(fd: number, text: string, size: number): number {
  const bytes = Buffer.from(text);
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  } catch (error) {
    try {
      ftruncateSync(fd, size);
    } catch {}
    throw error;
  }
  return size + bytes.length;
}

/** The live lines of a log, by request_id, in the order they were queued. */
function readLog(path: string): Map<string, string> {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const live = new Map<string, string>();
  for (const line of text.split('\n')) {
    let record: { e?: { request_id?: unknown }; t?: unknown; d?: unknown };
    try {
      record = JSON.parse(line);
    } catch {
      continue; // empty, or torn by a crash
    }
    const id = record?.e?.request_id;
    if (typeof id === 'string' && typeof record.t === 'number') {
      live.delete(id); // a re-queued id moves to the end
      live.set(id, `${line}\n`);
    } else if (Array.isArray(record?.d)) for (const gone of record.d) live.delete(gone);
  }
  return live;
}

function syncDirectory(path: string): void {
  try {
    const fd = openSync(dirname(path), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {} // not possible on every platform (Windows); the rename itself is still atomic
}

// When this process started: with the pid, it tells this process from an earlier one that had its pid.
const started = String(Math.round(performance.timeOrigin));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<path>.lock`, or throws when a live process (this one included) holds it. */
function lock(lockPath: string, path: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, `${process.pid} ${started}`);
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    let owner: string[] = [];
    try {
      owner = readFileSync(lockPath, 'utf8').split(' ');
    } catch {}
    const pid = Number(owner[0]);
    // The same pid with another start time is a previous life of this pid (a restarted container).
    const ours = pid === process.pid && owner[1] === started;
    if (ours || (pid !== process.pid && pid > 0 && isAlive(pid))) {
      throw new Error(
        `${path} is in use by ${ours ? 'another fileStore in this process' : `process ${pid}`}; one process per file (delete ${lockPath} if no process uses it)`,
      );
    }
    unlinkSync(lockPath);
  }
}

/**
 * A {@link UsageStore} in one file (Node only): queued usage events are on disk before `report()` returns
 * Ok, so a process killed mid-delivery loses nothing, and the next reporter on the same file delivers the
 * rest, each once (Lava is idempotent on `request_id`). The file is an append-only log with a lock beside
 * it (`<path>.lock`); one process per file.
 *
 * @param path - The log file; its directory is created when missing.
 * @param options - `fsync` (default true): flush each event to the disk before `report()` returns.
 * @returns The store, for `createUsageReporter(lava, { store })`.
 * @example
 * ```ts
 * import { createUsageReporter } from '@lava-sdk/requests';
 * import { fileStore } from '@lava-sdk/requests/node';
 *
 * const reporter = createUsageReporter(lava, { store: fileStore('/var/lib/myapp/lava-usage.log') });
 * ```
 */
export function fileStore(path: string, options: FileStoreOptions = {}): FileStore {
  const durable = options.fsync !== false;
  const lockPath = `${path}.lock`;
  const live = new Set<string>();
  let fd: number | undefined;
  let size = 0;
  let lines = 0;

  /** Rewrites the log with only its live lines, atomically; returns them. */
  function compact(): Map<string, string> {
    const entries = readLog(path);
    const tmp = `${path}.tmp`;
    const out = openSync(tmp, 'w');
    try {
      append(out, [...entries.values()].join(''), 0);
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    renameSync(tmp, path);
    syncDirectory(path);
    if (fd !== undefined) closeSync(fd);
    fd = openSync(path, 'a');
    size = fstatSync(fd).size;
    lines = entries.size;
    live.clear();
    for (const id of entries.keys()) live.add(id);
    return entries;
  }

  const opened = (): number => {
    if (fd === undefined) throw new Error(`fileStore(${path}) is not open: the reporter loads it first`);
    return fd;
  };

  return {
    load() {
      if (fd !== undefined) throw new Error(`fileStore(${path}) is already loaded`);
      mkdirSync(dirname(path), { recursive: true });
      lock(lockPath, path);
      try {
        return [...compact().values()].map((line) => {
          const record = JSON.parse(line) as { e: CreateRequestParams; t: number };
          return { event: record.e, reportedAt: record.t };
        });
      } catch (error) {
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
        unlinkSync(lockPath);
        throw error;
      }
    },
    add(entry) {
      const out = opened();
      size = append(out, `${JSON.stringify({ e: entry.event, t: entry.reportedAt })}\n`, size);
      if (durable) fdatasyncSync(out);
      lines++;
      live.add(entry.event.request_id);
    },
    remove(requestIds) {
      if (requestIds.length === 0) return;
      size = append(opened(), `${JSON.stringify({ d: requestIds })}\n`, size);
      lines++;
      for (const id of requestIds) live.delete(id);
      if (lines - live.size > Math.max(1024, live.size)) compact();
    },
    close() {
      if (fd === undefined) return;
      closeSync(fd);
      fd = undefined;
      try {
        unlinkSync(lockPath);
      } catch {}
    },
  };
}
