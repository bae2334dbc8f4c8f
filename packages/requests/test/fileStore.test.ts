import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUsageReporter, type StoredUsage } from '@lava-sdk/requests';
import { fileStore } from '@lava-sdk/requests/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestRecord } from '../../../test/helpers/fixtures-billing';
import { mockApi, testLava, useMsw } from '../../../test/helpers/lava';

useMsw();
let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lava-filestore-'));
  path = join(dir, 'nested', 'usage.log');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (id: string, reportedAt = 1_700_000_000_000): StoredUsage => ({
  event: {
    request_id: id,
    customer_id: 'con_1',
    meter_slug: 'chat',
    input_tokens: 7,
    metadata: { k: 'v\n"' },
  },
  reportedAt,
});
const lines = () => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('fileStore', () => {
  it('keeps added entries across a close and a new store on the same file, in order, until removed', () => {
    const first = fileStore(path);
    expect(first.load()).toEqual([]);
    first.add(entry('a', 1));
    first.add(entry('b', 2));
    first.add(entry('c', 3));
    first.remove(['b']);
    first.close();
    const second = fileStore(path);
    expect(second.load()).toEqual([entry('a', 1), entry('c', 3)]);
    second.remove(['a', 'c']);
    second.add(entry('a', 4)); // an id queued again after it settled
    second.close();
    const third = fileStore(path);
    expect(third.load()).toEqual([entry('a', 4)]);
    third.close();
  });

  it('add() has written its line to the file when it returns', () => {
    const store = fileStore(path);
    store.load();
    store.add(entry('a'));
    expect(lines().map((l) => JSON.parse(l))).toEqual([{ e: entry('a').event, t: entry('a').reportedAt }]);
    store.remove(['a']);
    expect(JSON.parse(lines().at(-1)!)).toEqual({ d: ['a'] });
    store.close();
  });

  it('drops a torn last line (a crash mid-write) and garbage, and appends cleanly after it', () => {
    const good = (id: string) => JSON.stringify({ e: entry(id).event, t: 5 });
    const torn = good('torn').slice(0, 40);
    const store0 = fileStore(path);
    store0.load();
    store0.close();
    writeFileSync(path, `${good('a')}\nnot json\n{"d":"not a list"}\n[1,2]\n${good('b')}\n${torn}`);
    const store = fileStore(path);
    expect(store.load().map((e) => e.event.request_id)).toEqual(['a', 'b']);
    // The load rewrote the file with the live lines only: no fragment for the next line to join.
    expect(readFileSync(path, 'utf8')).toBe(`${good('a')}\n${good('b')}\n`);
    store.add(entry('c'));
    store.close();
    const again = fileStore(path);
    expect(again.load().map((e) => e.event.request_id)).toEqual(['a', 'b', 'c']);
    again.close();
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('compacts once dead lines outnumber live ones, keeping exactly the live entries', () => {
    const store = fileStore(path, { fsync: false });
    store.load();
    for (let i = 0; i < 3000; i++) store.add(entry(`e${i}`, i));
    for (let i = 0; i < 2990; i += 10) store.remove(Array.from({ length: 10 }, (_, k) => `e${i + k}`));
    // 3000 adds + 299 removes written; compaction left far fewer lines than that.
    expect(lines().length).toBeLessThan(1100);
    store.close();
    const reopened = fileStore(path);
    expect(reopened.load()).toEqual(Array.from({ length: 10 }, (_, k) => entry(`e${2990 + k}`, 2990 + k)));
    expect(lines()).toHaveLength(10);
    reopened.close();
  });

  it('one process per file: a second store is refused while the first is open, a dead owner is taken over', () => {
    const first = fileStore(path);
    first.load();
    expect(() => fileStore(path).load()).toThrow(/in use by another fileStore in this process/);
    first.close();
    expect(existsSync(`${path}.lock`)).toBe(false);

    // A live process holds it: refused, naming the pid and the lock file.
    writeFileSync(`${path}.lock`, `${process.ppid} 1`);
    expect(() => fileStore(path).load()).toThrow(
      new RegExp(`in use by process ${process.ppid}.*usage\\.log\\.lock`),
    );
    // A killed process left it (no such pid), or an earlier process with this pid did (a restarted
    // container): taken over.
    for (const owner of ['999999999 1', `${process.pid} 1`]) {
      writeFileSync(`${path}.lock`, owner);
      const store = fileStore(path);
      expect(store.load()).toEqual([]);
      expect(readFileSync(`${path}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
      store.close();
    }
  });

  it('behind a reporter: the event is in the file when report() returns Ok, and leaves it once delivered', async () => {
    mockApi((s) => ({ ...requestRecord, request_id: (s.body as { request_id: string }).request_id }));
    const reporter = createUsageReporter(testLava(), { store: fileStore(path) });
    const id = reporter.report({ customer_id: 'con_1', meter_slug: 'chat', input_tokens: 3 })._unsafeUnwrap();
    expect(lines().map((l) => JSON.parse(l).e?.request_id)).toEqual([id]);
    await reporter.close();
    expect(lines().map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ e: expect.any(Object) }),
      { d: [id] },
    ]);
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(fileStore(path).load()).toEqual([]);
  });

  it('behind a reporter, a file another store holds makes every report() an Err of kind store', async () => {
    const holder = fileStore(path);
    holder.load();
    const storeErrors: unknown[] = [];
    const reporter = createUsageReporter(testLava(), {
      store: fileStore(path),
      onStoreError: (e) => storeErrors.push(e),
    });
    const refused = reporter.report({ customer_id: 'con_1', meter_slug: 'chat' })._unsafeUnwrapErr();
    expect(refused.kind).toBe('store');
    expect(refused.message).toMatch(/failed to load: Error: .*in use by another fileStore/);
    expect(storeErrors).toHaveLength(1);
    await reporter.close();
    holder.close();
  });
});
