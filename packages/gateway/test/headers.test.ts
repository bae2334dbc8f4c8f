// Exactly which headers a gateway call puts on the wire, against a real server on 127.0.0.1: the
// caller's, the forward token, Content-Type for a JSON body and x-lava-metadata; nothing else of ours
// (no Accept, no generated Idempotency-Key). What the platform's fetch adds itself (host, user-agent,
// accept: */*, …) is measured with a bare fetch to the same server and subtracted.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLava, type LavaClient } from '@lava-sdk/core';
import { gateway, gatewayFetch, gatewayStream } from '@lava-sdk/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../../test/helpers/lava';

let server: Server;
let base: string;
const received: IncomingHttpHeaders[] = [];
/** The headers each call handed to fetch. */
const handed: Record<string, string>[] = [];

const recordingFetch: typeof fetch = (input, init) => {
  handed.push(Object.fromEntries(new Headers(init?.headers)));
  return fetch(input, init);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => {
      const stream = req.url?.includes('stream');
      res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
      res.end(stream ? 'data: {}\n\n' : '{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const lava = (): LavaClient => createLava({ secretKey: SECRET_KEY, baseUrl: base, fetch: recordingFetch });
const token = (header: string | undefined) => JSON.parse(atob(header?.replace(/^Bearer /, '') ?? ''));

/** What the platform's fetch sends on its own for a request with these headers and body. */
async function platform(
  headers: Record<string, string>,
  body: string | undefined,
): Promise<IncomingHttpHeaders> {
  await (
    await fetch(`${base}baseline`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body ?? null,
    })
  ).text();
  return received.at(-1)!;
}

/** The wire headers of the last call, less the platform's own; every value compared. */
async function ours(
  headers: Record<string, string>,
  body: string | undefined,
): Promise<Record<string, string>> {
  const wire = received.at(-1)!;
  const bare = await platform(headers, body);
  const extra: Record<string, string> = {};
  for (const [name, value] of Object.entries(wire)) {
    if (!(name in bare)) extra[name] = String(value);
    else if (!['host', 'content-length'].includes(name)) expect(value, name).toEqual(bare[name]);
  }
  expect(Object.keys(bare).filter((name) => !(name in wire))).toEqual([]);
  return extra;
}

describe('gatewayFetch sends exactly what the SDK asked for, less its credentials, plus the token', () => {
  it('on the wire and as handed to fetch', async () => {
    const sdkHeaders = {
      'content-type': 'application/json',
      'openai-beta': 'assistants=v2',
      'x-stainless-retry-count': '0',
      authorization: 'Bearer sk-provider-key',
      'x-api-key': 'sk-ant-key',
      'x-goog-api-key': 'goog-key',
      'api-key': 'azure-key',
      'xi-api-key': 'eleven-key',
    };
    const body = '{"model":"gpt-4o-mini","messages":[]}';
    const send = gatewayFetch(lava(), {
      customer_id: 'con_1',
      meter_slug: 'm',
      metadata: { feature: 'chat' },
    });
    await (
      await send('https://api.openai.com/v1/chat/completions?key=goog', {
        method: 'POST',
        headers: sdkHeaders,
        body,
      })
    ).text();
    const expected = {
      'content-type': 'application/json',
      'openai-beta': 'assistants=v2',
      'x-stainless-retry-count': '0',
      'x-lava-metadata': '{"feature":"chat"}',
    };
    const { authorization, ...rest } = handed.at(-1)!;
    expect(rest).toEqual(expected);
    expect(token(authorization)).toEqual({ secret_key: SECRET_KEY, customer_id: 'con_1', meter_slug: 'm' });
    const wire = await ours(
      { 'content-type': 'application/json', 'openai-beta': 'assistants=v2', 'x-stainless-retry-count': '0' },
      body,
    );
    expect(Object.keys(wire).sort()).toEqual(['authorization', 'x-lava-metadata']);
  });

  it('a GET with no headers gets only the token', async () => {
    const send = gatewayFetch(lava());
    await (await send(new URL('https://api.anthropic.com/v1/models'))).text();
    expect(Object.keys(handed.at(-1)!)).toEqual(['authorization']);
    expect(await ours({}, undefined)).toEqual({ authorization: expect.stringMatching(/^Bearer /) });
  });
});

describe('gateway() and gatewayStream() add nothing the caller did not ask for', () => {
  it('gateway(): the token, Content-Type for a JSON body, metadata, the caller headers', async () => {
    (
      await gateway(lava(), 'https://api.openai.com/v1/chat/completions', {
        body: { model: 'gpt-4o-mini' },
        metadata: { feature: 'chat' },
        headers: { 'x-trace': 't1' },
      })
    )._unsafeUnwrap();
    const { authorization, ...rest } = handed.at(-1)!;
    expect(rest).toEqual({
      'content-type': 'application/json',
      'x-lava-metadata': '{"feature":"chat"}',
      'x-trace': 't1',
    });
    expect(token(authorization)).toEqual({ secret_key: SECRET_KEY });
    const wire = await ours(
      { 'content-type': 'application/json', 'x-trace': 't1' },
      '{"model":"gpt-4o-mini"}',
    );
    expect(Object.keys(wire).sort()).toEqual(['authorization', 'x-lava-metadata']);
  });

  it("gateway() on the client's default transport: the platform fetch's own headers and ours, nothing else", async () => {
    const plain = createLava({ secretKey: SECRET_KEY, baseUrl: base });
    (
      await gateway(plain, 'https://api.openai.com/v1/chat/completions', {
        body: { model: 'gpt-4o-mini' },
        metadata: { feature: 'chat' },
        headers: { 'x-trace': 't1' },
      })
    )._unsafeUnwrap();
    const wire = await ours(
      { 'content-type': 'application/json', 'x-trace': 't1' },
      '{"model":"gpt-4o-mini"}',
    );
    expect(Object.keys(wire).sort()).toEqual(['authorization', 'x-lava-metadata']);
    expect(received.at(-2)).not.toHaveProperty('idempotency-key');
  });

  it("gateway(): the caller's own idempotencyKey is sent", async () => {
    (
      await gateway(lava(), 'https://api.openai.com/v1/chat/completions', {
        body: {},
        idempotencyKey: 'idem-1',
      })
    )._unsafeUnwrap();
    expect(handed.at(-1)!['idempotency-key']).toBe('idem-1');
  });

  it('gatewayStream(): no Accept of its own; a caller Accept is sent', async () => {
    const first = (
      await gatewayStream(lava(), 'https://api.openai.com/v1/stream', { body: {} })
    )._unsafeUnwrap();
    await first.cancel();
    const { authorization, ...rest } = handed.at(-1)!;
    expect(authorization).toMatch(/^Bearer /);
    expect(rest).toEqual({ 'content-type': 'application/json' });
    const second = (
      await gatewayStream(lava(), 'https://api.openai.com/v1/stream', {
        body: {},
        headers: { accept: 'text/event-stream' },
      })
    )._unsafeUnwrap();
    await second.cancel();
    expect(handed.at(-1)!.accept).toBe('text/event-stream');
  });
});
