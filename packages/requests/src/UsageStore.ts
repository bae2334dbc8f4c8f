import type { CreateRequestParams } from './createRequest';

/** One queued usage event, as a {@link UsageStore} keeps it. */
export interface StoredUsage {
  /** The event's `createRequest` params, validated, `request_id` included. */
  readonly event: CreateRequestParams;
  /** When it was first reported, in ms since the epoch: `maxAgeMs` counts from here, across restarts. */
  readonly reportedAt: number;
}

/**
 * Where a usage reporter keeps the events it has not delivered yet, so that a restarted process delivers
 * what the last one left. Without a store, events live in memory only. `fileStore(path)` from
 * `@lava-sdk/requests/node` is the Node implementation; anything with these four methods plugs in.
 *
 * - `load()` is called once, when the reporter is created: it returns what a previous process left.
 * - `add(entry)` is called by `report()`. A store whose `add` is synchronous makes `report()` durable:
 *   `Ok` means the store has the event. An asynchronous `add` (Redis, Workers KV) lets `report()` return
 *   at once; the event is sent only after `add` resolves, and `flush()` waits for both.
 * - `remove(requestIds)` is called once events are delivered or have finally failed. A remove that is lost
 *   (a crash just after delivery) only means the event is sent again by the next process, which Lava
 *   answers with the existing record: idempotent on `request_id`, never billed twice.
 * - `close()`, if present, is called by the reporter's `close()`.
 *
 * A method that throws (or rejects) reaches the reporter's `onStoreError`; an `add` that throws makes
 * `report()` return an `Err` of kind `store`, with nothing queued.
 *
 * A store belongs to one process at a time: `load()` hands a new process everything the store holds, so a
 * store shared by live processes (one Redis hash for every pod) would have each of them send the others'
 * events, and a dead process's events would wait for a restart. For usage from many processes, use a job
 * queue that hands work between processes: `@lava-sdk/bullmq` (BullMQ on Redis or PostgreSQL).
 */
export interface UsageStore {
  /** What a previous process left undelivered. */
  load(): readonly StoredUsage[] | Promise<readonly StoredUsage[]>;
  /** Keeps one event until it is removed. */
  add(entry: StoredUsage): void | Promise<void>;
  /** Forgets events that were delivered or finally failed. */
  remove(requestIds: readonly string[]): void | Promise<void>;
  /** Releases what the store holds open (a file, a lock). */
  close?(): void | Promise<void>;
}
