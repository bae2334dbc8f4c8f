// Timeouts and dropped connections against a real HTTP server on loopback (no msw in this file).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLava } from '@lava-sdk/core';
import { retrieveCustomer } from '@lava-sdk/customers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../../test/helpers/lava';

describe('a real server on 127.0.0.1', () => {
  let server: Server;
  let baseUrl: string;
  let mode: 'slow-body' | 'drop-mid-body' | 'slow-headers' = 'slow-body';
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      if (mode === 'slow-headers') return void setTimeout(() => res.end('{}'), 2_000);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"customer_id":"con_1",');
      if (mode === 'drop-mid-body') return void setTimeout(() => res.destroy(), 20);
      setTimeout(() => res.end('"late":true}'), 8_000);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const client = (timeoutMs: number, maxRetries = 0) =>
    createLava({ secretKey: SECRET_KEY, baseUrl, timeoutMs, maxRetries, retryDelayMs: 1 });

  it('times out while the body is still arriving', async () => {
    mode = 'slow-body';
    hits = 0;
    const started = Date.now();
    const error = (await retrieveCustomer(client(150), 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 150, attempts: 1 });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(hits).toBe(1);
  });

  it('times out waiting for headers, retrying GETs within the budget', async () => {
    mode = 'slow-headers';
    hits = 0;
    const error = (await retrieveCustomer(client(100, 1), 'con_1'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(hits).toBe(2);
  });

  it('with timeoutMs 0 waits as long as it takes, and only the caller’s signal stops it', async () => {
    mode = 'slow-headers';
    hits = 0;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const error = (
      await retrieveCustomer(client(0), 'con_1', { signal: controller.signal })
    )._unsafeUnwrapErr();
    expect(error.kind).toBe('aborted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(hits).toBe(1);
  });

  it('maps a connection dropped mid-body to a network error', async () => {
    mode = 'drop-mid-body';
    const error = (await retrieveCustomer(client(5_000), 'con_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('network');
  });

  it('maps a refused connection to a network error that names the cause', async () => {
    // A port that was free a moment ago (port 9 would not do: fetch blocks it as a "bad port").
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const dead = createLava({
      secretKey: SECRET_KEY,
      baseUrl: `http://127.0.0.1:${port}/v1/`,
      maxRetries: 0,
    });
    const error = (await retrieveCustomer(dead, 'con_1'))._unsafeUnwrapErr();
    expect(error.kind).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });
});
