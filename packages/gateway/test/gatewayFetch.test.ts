// gatewayFetch against a real server on 127.0.0.1: URL mapping, credentials, options, refusals, streams,
// aborts and redirects.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLava, isLavaError } from '@lava-sdk/core';
import { type GatewayFetchOptions, gateway, gatewayFetch } from '@lava-sdk/gateway';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../../test/helpers/lava';

interface Seen {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}
type Handler = (seen: Seen, res: ServerResponse) => void | Promise<void>;

const servers: Server[] = [];
const seen: Seen[] = [];
let handler: Handler = (_s, res) => {
  res.end('{}');
};
let base: string;
let other: string;
const otherSeen: Seen[] = [];

async function listen(record: Seen[], handle: () => Handler): Promise<string> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const entry = {
      method: req.method!,
      url: new URL(req.url!, 'http://127.0.0.1'),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    record.push(entry);
    await handle()(entry, res);
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  base = `${await listen(seen, () => handler)}/v1/`;
  other = await listen(otherSeen, () => (_s, res) => {
    res.end('{"other":true}');
  });
});
afterEach(() => {
  seen.length = 0;
  otherSeen.length = 0;
  handler = (_s, res) => {
    res.end('{}');
  };
});
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

const lava = (options = {}) => createLava({ secretKey: SECRET_KEY, baseUrl: base, ...options });
const tokenOf = (s: Seen) => JSON.parse(atob(String(s.headers.authorization).replace(/^Bearer /, '')));
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('gatewayFetch: the URL Lava receives', () => {
  it.each([
    ['https://api.openai.com/v1/chat/completions'],
    [
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse',
    ],
    ['https://api.groq.com/openai/v1/chat/completions?a=1&b=x%20y'],
  ])('%s → forward?u=<encodeURIComponent(it)>', async (url) => {
    await (await gatewayFetch(lava())(url, { method: 'POST', body: '{}' })).text();
    expect(`${seen[0]!.url.pathname}${seen[0]!.url.search}`).toBe(`/v1/forward?u=${encodeURIComponent(url)}`);
    expect(seen[0]!.url.searchParams.get('u')).toBe(url);
  });

  it("drops Google's key parameter, a credential", async () => {
    const url = 'https://generativelanguage.googleapis.com/v1/models/gemini-2.0-flash:generateContent';
    await (await gatewayFetch(lava())(`${url}?key=AIza-secret`, { method: 'POST', body: '{}' })).text();
    expect(seen[0]!.url.searchParams.get('u')).toBe(url);
    expect(JSON.stringify(seen[0])).not.toContain('AIza-secret');
  });

  it('takes a URL object or a Request (method, headers, body and signal from it)', async () => {
    const send = gatewayFetch(lava());
    await (await send(new URL('https://api.anthropic.com/v1/models'))).text();
    const request = new Request('https://api.anthropic.com/v1/messages', {
      method: 'POST',
      headers: { 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant' },
      body: '{"model":"m"}',
    });
    await (await send(request)).text();
    expect(seen.map((s) => [s.method, s.url.searchParams.get('u')])).toEqual([
      ['GET', 'https://api.anthropic.com/v1/models'],
      ['POST', 'https://api.anthropic.com/v1/messages'],
    ]);
    expect(seen[1]).toMatchObject({ body: '{"model":"m"}', headers: { 'anthropic-version': '2023-06-01' } });
    expect(seen[1]!.headers['x-api-key']).toBeUndefined();
  });

  it('sends through the rewrite proxy, appending the client path for openai and anthropic only', async () => {
    const anthropic = 'https://api.anthropic.com/v1/messages';
    const gemini = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent';
    await (
      await gatewayFetch(lava(), { rewrite: { format: 'openai', url: anthropic } })(
        'https://api.openai.com/v1/chat/completions',
        { method: 'POST', body: '{}' },
      )
    ).text();
    await (
      await gatewayFetch(lava(), { rewrite: { format: 'google', url: gemini } })(
        'https://generativelanguage.googleapis.com/v1/models/x:generateContent',
        { method: 'POST', body: '{}' },
      )
    ).text();
    expect(seen.map((s) => s.url.pathname)).toEqual([
      `/v1/rewrite/openai/${anthropic}/v1/chat/completions`,
      `/v1/rewrite/google/${gemini}`,
    ]);
  });
});

describe('gatewayFetch: who pays, and what else is sent', () => {
  it.each<[string, GatewayFetchOptions, object]>([
    ['the merchant', {}, { secret_key: SECRET_KEY }],
    ['meter-only', { meter_slug: 'm' }, { secret_key: SECRET_KEY, customer_id: null, meter_slug: 'm' }],
    [
      'the customer',
      { customer_id: 'con_1', meter_slug: 'm' },
      { secret_key: SECRET_KEY, customer_id: 'con_1', meter_slug: 'm' },
    ],
    [
      'the merchant for the customer',
      { customer_id: 'con_1', meter_slug: 'm', disable_billing: true },
      { secret_key: SECRET_KEY, customer_id: 'con_1', meter_slug: 'm', disable_billing: true },
    ],
    ['bring your own key', { provider_key: 'sk-own' }, { secret_key: SECRET_KEY, provider_key: 'sk-own' }],
  ])('%s: the token gateway() would send', async (_name, options, token) => {
    await (await gatewayFetch(lava(), options)('https://api.openai.com/v1/models')).text();
    (
      await gateway(lava(), 'https://api.openai.com/v1/models', { ...options, method: 'GET' })
    )._unsafeUnwrap();
    expect(tokenOf(seen[0]!)).toEqual(token);
    expect(seen[0]!.headers.authorization).toBe(seen[1]!.headers.authorization);
  });

  it("adds the client's headers without overriding the SDK's, and metadata as x-lava-metadata", async () => {
    const client = lava({ headers: { 'x-team': 'search', 'x-both': 'client' } });
    const send = gatewayFetch(client, { metadata: { feature: 'naïve' } });
    await (await send('https://api.openai.com/v1/models', { headers: { 'x-both': 'sdk' } })).text();
    expect(seen[0]!.headers).toMatchObject({ 'x-team': 'search', 'x-both': 'sdk' });
    expect(seen[0]!.headers['x-lava-metadata']).toBe('{"feature":"na\\u00efve"}');
    expect(JSON.parse(String(seen[0]!.headers['x-lava-metadata']))).toEqual({ feature: 'naïve' });
  });

  it('uses options.fetch, else the client fetch, else the platform fetch', async () => {
    const calls: string[] = [];
    const tagged =
      (tag: string): typeof fetch =>
      (input, init) => {
        calls.push(tag);
        return fetch(input, init);
      };
    const client = lava({ fetch: tagged('client') });
    await (await gatewayFetch(client)('https://api.openai.com/v1/models')).text();
    await (
      await gatewayFetch(client, { fetch: tagged('option') })('https://api.openai.com/v1/models')
    ).text();
    await (await gatewayFetch(lava())('https://api.openai.com/v1/models')).text();
    expect(calls).toEqual(['client', 'option']);
    expect(seen).toHaveLength(3);
  });
});

describe('gatewayFetch: refusals', () => {
  it.each<[string, GatewayFetchOptions, string]>([
    ['customer_id without meter_slug', { customer_id: 'con_1' }, 'customer_id requires meter_slug'],
    ['bad metadata', { metadata: { 'bad key': 'x' } }, 'metadata.bad key'],
    [
      'an unknown rewrite format',
      { rewrite: { format: 'grpc' as 'openai', url: 'https://api.openai.com/v1' } },
      'rewrite: format must be one of openai',
    ],
    ['a rewrite without url', { rewrite: { format: 'openai', url: '' } }, 'rewrite: url must be a non-empty'],
    ['allowHosts not a list', { allowHosts: 'api.x.ai' as unknown as string[] }, 'allowHosts'],
  ])('throws invalid_params for %s, as gateway() returns it', (_name, options, text) => {
    const error = thrown(() => gatewayFetch(lava(), options));
    expect(isLavaError(error) && error.kind).toBe('invalid_params');
    expect((error as Error).message).toContain(text);
  });

  it('throws the same message gateway() returns for the same options', async () => {
    const error = thrown(() => gatewayFetch(lava(), { customer_id: 'con_1' })) as Error;
    const result = await gateway(lava(), 'https://api.openai.com/v1/models', { customer_id: 'con_1' });
    expect(error.message).toBe(result._unsafeUnwrapErr().message);
  });

  it('throws config without a secret key, and in a browser unless allowed; the key never in the message', () => {
    expect(thrown(() => gatewayFetch(createLava({ secretKey: '', baseUrl: base })))).toMatchObject({
      kind: 'config',
    });
    const g = globalThis as { document?: unknown };
    g.document = {};
    try {
      const error = thrown(() => gatewayFetch(lava())) as Error;
      expect(error).toMatchObject({
        kind: 'config',
        message: expect.stringContaining('dangerouslyAllowBrowser'),
      });
      expect(error.message).not.toContain(SECRET_KEY);
      expect(typeof gatewayFetch(lava({ dangerouslyAllowBrowser: true }))).toBe('function');
    } finally {
      delete g.document;
    }
  });

  it.each([
    ['an unknown host', 'https://api.example.com/v1/chat/completions'],
    ['a look-alike host', 'https://api.openai.com.evil.test/v1/chat/completions'],
    ['plain http to a provider host', 'http://api.openai.com/v1/chat/completions'],
    [
      "Lava's own host (a client given both a Lava base URL and gatewayFetch)",
      'https://api.lava.so/v1/forward',
    ],
  ])('rejects %s with invalid_params, sending nothing', async (_name, url) => {
    const error = await gatewayFetch(lava())(url, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid_params',
      message: expect.stringContaining(new URL(url).origin),
    });
    expect(seen).toHaveLength(0);
  });

  it('forwards an extra host named in allowHosts', async () => {
    const send = gatewayFetch(lava(), { allowHosts: ['api.perplexity.ai'] });
    await (await send('https://api.perplexity.ai/chat/completions', { method: 'POST', body: '{}' })).text();
    expect(seen[0]!.url.searchParams.get('u')).toBe('https://api.perplexity.ai/chat/completions');
  });
});

describe('gatewayFetch: the response, untouched', () => {
  it('streams: the first event is readable before the server has finished', async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    handler = async (_s, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
      await finished;
      res.end('data: last\n\n');
    };
    const response = await gatewayFetch(lava())('https://api.openai.com/v1/chat/completions', {
      method: 'POST',
      body: '{"stream":true}',
    });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    finish();
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value);
    expect(rest).toBe('data: last\n\n');
  });

  it("passes the SDK's abort signal through", async () => {
    handler = () => {}; // never answers
    const controller = new AbortController();
    const pending = gatewayFetch(lava())('https://api.openai.com/v1/models', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('passes error statuses and bodies through, and sends a POST once', async () => {
    handler = (_s, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end('{"error":{"message":"busy"}}');
    };
    const response = await gatewayFetch(lava())('https://api.openai.com/v1/chat/completions', {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { message: 'busy' } });
    expect(seen).toHaveLength(1);
  });

  it.each([301, 302, 307, 308])(
    'does not follow a %i, so the token never reaches another host',
    async (status) => {
      handler = (_s, res) => {
        res.writeHead(status, { location: `${other}/steal` });
        res.end();
      };
      const response = await gatewayFetch(lava())('https://api.openai.com/v1/chat/completions', {
        method: 'POST',
        body: '{}',
      });
      expect(response.status).toBe(status);
      expect(otherSeen).toHaveLength(0);
    },
  );
});
