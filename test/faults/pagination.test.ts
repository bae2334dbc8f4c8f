// paginate() and collectAll() against a real server that never ends a list: every page is empty, claims
// `has_more: true` and hands out a fresh cursor (issue 17, item 9). Before the fix collectAll(…, { max: 10 })
// sent requests until something else stopped it (1,581 in 2 s); now it stops after MAX_EMPTY_PAGES.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectAll, createLava, MAX_EMPTY_PAGES, paginate } from '@lava-sdk/core';
import { listCustomers } from '@lava-sdk/customers';
import { listRequests } from '@lava-sdk/requests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER, SECRET_KEY, Tally } from './harness';

let server: Server;
let baseUrl = '';
let requests = 0;
let mode: 'empty' | 'trickle' = 'empty';
const tally = new Tally();

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    const cursor = new URL(req.url ?? '/', 'http://x').searchParams.get('cursor') ?? 'c0';
    const n = Number(cursor.slice(1)) + 1;
    // `trickle`: one item every MAX_EMPTY_PAGES - 1 pages, so the empty-page limit never trips.
    const data = mode === 'trickle' && n % (MAX_EMPTY_PAGES - 1) === 0 ? [{ ...CUSTOMER }] : [];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data, has_more: true, next_cursor: `c${n}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  tally.print('pagination.test.ts');
});

// A budget far beyond what the bounded code needs: before the fix, the calls below ran into it.
const lava = () => createLava({ secretKey: SECRET_KEY, baseUrl, maxRetries: 0 });
const budget = () => AbortSignal.timeout(3_000);

describe('a list that never ends with empty pages and fresh cursors', () => {
  it(`collectAll({ max: 10 }) stops after ${MAX_EMPTY_PAGES} requests with invalid_response`, async () => {
    mode = 'empty';
    requests = 0;
    const result = await collectAll(listCustomers, lava(), undefined, { max: 10, signal: budget() });
    tally.add('endless empty pages', 1, requests);
    expect(result.isErr() && result.error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(requests).toBe(MAX_EMPTY_PAGES);
  });

  it('collectAll counts empty pages against its cap: max 3 sends 3 requests', async () => {
    mode = 'empty';
    requests = 0;
    const result = await collectAll(listRequests, lava(), { limit: 100 }, { max: 3, signal: budget() });
    tally.add('endless empty pages', 1, requests);
    expect(result.isOk() && result.value).toEqual([]);
    expect(requests).toBe(3);
  });

  it(`paginate() ends with one Err after ${MAX_EMPTY_PAGES} empty pages, never throwing`, async () => {
    mode = 'empty';
    requests = 0;
    const kinds: string[] = [];
    for await (const item of paginate(listCustomers, lava(), undefined, { signal: budget() })) {
      kinds.push(item.isOk() ? 'ok' : item.error.kind);
    }
    tally.add('endless empty pages', 1, requests);
    expect(kinds).toEqual(['invalid_response']);
    expect(requests).toBe(MAX_EMPTY_PAGES);
  });

  it('collectAll bounds a list that trickles one item every few pages by its cap', async () => {
    mode = 'trickle';
    requests = 0;
    const result = await collectAll(listCustomers, lava(), undefined, { max: 10, signal: budget() });
    tally.add('endless empty pages', 1, requests);
    expect(result.isOk() && result.value.length).toBeLessThanOrEqual(10);
    expect(requests).toBe(10);
  });
});
