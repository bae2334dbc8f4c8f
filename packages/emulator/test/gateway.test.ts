// The forward and rewrite proxies, driven by plain fetch, the SDK and the official `openai` client; the
// real provider SDKs on gatewayFetch are in packages/gateway/test/clients.
import { gateway, gatewayStream } from '@lava-sdk/gateway';
import { type ProviderName, providerApis, providerEndpoints, providers } from '@lava-sdk/providers';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { EMULATOR_SECRET_KEY } from '../src/index';
import { api, billingFixture, forwardToken, useEmulator } from './helpers';

const served = useEmulator();

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] };
const lavaShape = (code: string, status: number) => ({
  error: { message: expect.any(String), code, status },
});

describe('forward targets: only real endpoints of known providers, as Lava forwards them', () => {
  it.each([
    [
      'an unknown host',
      'https://api.example.com/v1/chat/completions',
      'unsupported_provider',
      /api\.example\.com is not a Lava provider/,
    ],
    [
      'a look-alike host',
      'https://api.openai.com.evil.test/v1/chat/completions',
      'unsupported_provider',
      /not a Lava provider/,
    ],
    ['plain http', 'http://api.openai.com/v1/chat/completions', 'invalid_target_url', /must be https/],
    [
      'a doubled version segment',
      'https://api.anthropic.com/v1/v1/messages',
      'unsupported_endpoint',
      /doubled version segment \(\/v1\/v1\)/,
    ],
    [
      'a tripled version segment',
      'https://api.anthropic.com/v1/v1/v1/messages',
      'unsupported_endpoint',
      /doubled version segment/,
    ],
    [
      'Gemini after v1beta',
      'https://generativelanguage.googleapis.com/v1beta/v1/models/gemini-2.0-flash:generateContent',
      'unsupported_endpoint',
      /doubled version segment \(\/v1beta\/v1\)/,
    ],
    [
      'a repeated path',
      'https://api.openai.com/v1/chat/completions/chat/completions',
      'unsupported_endpoint',
      /repeated path/,
    ],
    [
      'extra segments',
      'https://api.openai.com/v1/foo/bar/chat/completions',
      'unsupported_endpoint',
      /extra path segments \/foo\/bar/,
    ],
    ['an unknown path', 'https://api.openai.com/v1/nope', 'unsupported_endpoint', /unknown path/],
    [
      'a path outside the base',
      'https://api.openai.com/chat/completions',
      'unsupported_endpoint',
      /under https:\/\/api\.openai\.com\/v1/,
    ],
    [
      'a trailing slash',
      'https://api.openai.com/v1/chat/completions/',
      'unsupported_endpoint',
      /unknown path/,
    ],
    [
      'a Responses API on a provider without one',
      'https://api.groq.com/openai/v1/responses',
      'unsupported_endpoint',
      /unknown path/,
    ],
    ['a scheme-less u', 'api.openai.com/v1/chat/completions', 'invalid_target_url', /full provider URL/],
  ])("refuses %s in Lava's error shape, billing nothing", async (_name, target, code, message) => {
    const before = served.running.emulator.state.merchant.balance;
    const res = await api(served.baseUrl, 'POST', `forward?u=${encodeURIComponent(target)}`, chat);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(lavaShape(code, 400));
    expect(res.body.error.message).toMatch(message);
    expect(served.running.emulator.state.requests.size).toBe(0);
    expect(served.running.emulator.state.merchant.balance).toBe(before);
  });

  it('knows every endpoint of every provider in @lava-sdk/providers (one list, not a copy)', async () => {
    const checked: string[] = [];
    for (const name of Object.keys(providers) as ProviderName[]) {
      const { api: wire, otherBases = [] } = providerApis[name];
      for (const base of [providers[name], ...otherBases]) {
        for (const spec of providerEndpoints[wire]) {
          const [method, path] = spec.split(' ') as [string, string];
          const target = `${base}${path.replace(/\{[a-z_]+\}/g, 'x')}`;
          const res = await api(
            served.baseUrl,
            method,
            `forward?u=${encodeURIComponent(target)}`,
            method === 'POST' ? {} : undefined,
            {
              authorization: `Bearer ${EMULATOR_SECRET_KEY}`,
              'anthropic-version': '2023-06-01',
            },
          );
          // Served (a provider answer: 200, 400, 404) or known and not emulated (501); never refused as unknown.
          expect(String(res.body?.error?.code), `${spec} at ${base}`).not.toMatch(
            /^unsupported_|invalid_target_url/,
          );
          checked.push(target);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(28 * 5);
    // Nothing emulated was billed: a body of {} or a model 'x' is a provider error, at no cost.
    for (const record of served.running.emulator.state.requests.values()) expect(record.charge).toBe(0n);
  });

  it('refuses a known path with the wrong method', async () => {
    const res = await api(
      served.baseUrl,
      'GET',
      `forward?u=${encodeURIComponent('https://api.openai.com/v1/chat/completions')}`,
    );
    expect(res.body).toEqual(lavaShape('unsupported_endpoint', 400));
    expect(res.body.error.message).toMatch(/no GET .* \(it takes POST\)/);
  });

  it('refuses the path form /v1/forward/<path>?u=<base> (what openai@7 makes of providerUrl)', async () => {
    for (const path of [
      'forward/chat/completions?u=https://api.openai.com/v1',
      `forward/foo/bar/chat/completions?u=${encodeURIComponent('https://api.openai.com/v1/nope')}`,
    ]) {
      const res = await api(served.baseUrl, 'POST', path, chat);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(lavaShape('not_found', 404));
    }
    expect(served.running.emulator.state.requests.size).toBe(0);
  });

  it('refuses query parameters Lava does not take (a provider query left outside u)', async () => {
    const u = encodeURIComponent(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent',
    );
    const res = await api(served.baseUrl, 'POST', `forward?u=${u}&alt=sse`, {
      contents: [{ parts: [{ text: 'x' }] }],
    });
    expect(res.body).toEqual(lavaShape('unknown_parameter', 400));
    expect(res.body.error.message).toContain('inside u');
    const twice = await api(served.baseUrl, 'POST', `forward?u=${u}&u=${u}`, {});
    expect(twice.status).toBe(400);
    expect(served.running.emulator.state.requests.size).toBe(0);
  });

  it('answers a real endpoint it does not emulate with 501, billing nothing', async () => {
    for (const target of ['https://api.openai.com/v1/audio/speech', 'https://api.elevenlabs.io/v1/voices']) {
      const method = target.endsWith('voices') ? 'GET' : 'POST';
      const res = await api(
        served.baseUrl,
        method,
        `forward?u=${encodeURIComponent(target)}`,
        method === 'GET' ? undefined : {},
      );
      expect(res.body).toEqual(lavaShape('not_emulated', 501));
    }
    expect(served.running.emulator.state.requests.size).toBe(0);
  });

  it.each([
    [
      'openai',
      'https://api.openai.com/v1/chat/completions',
      { model: 'gpt-5-nope', messages: [{ role: 'user', content: 'x' }] },
      {},
      {
        error: {
          message: 'The model `gpt-5-nope` does not exist or you do not have access to it.',
          type: 'invalid_request_error',
          param: null,
          code: 'model_not_found',
        },
      },
    ],
    [
      'anthropic',
      'https://api.anthropic.com/v1/messages',
      { model: 'claude-nope', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] },
      { 'anthropic-version': '2023-06-01' },
      { type: 'error', error: { type: 'not_found_error', message: 'model: claude-nope' } },
    ],
    [
      'google',
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-nope:generateContent',
      { contents: [{ parts: [{ text: 'x' }] }] },
      {},
      {
        error: {
          code: 404,
          message: expect.stringContaining('models/gemini-nope is not found for API version v1beta'),
          status: 'NOT_FOUND',
        },
      },
    ],
    [
      'a model of another provider',
      'https://api.openai.com/v1/chat/completions',
      { model: 'claude-3-5-haiku-20241022', messages: [{ role: 'user', content: 'x' }] },
      {},
      { error: expect.objectContaining({ code: 'model_not_found' }) },
    ],
  ])(
    "answers an unknown %s model with the provider's own 404, charging nothing",
    async (_name, target, body, headers, expected) => {
      const res = await api(served.baseUrl, 'POST', `forward?u=${encodeURIComponent(target)}`, body, {
        authorization: `Bearer ${EMULATOR_SECRET_KEY}`,
        ...headers,
      });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(expected);
      const [record] = [...served.running.emulator.state.requests.values()];
      expect(record?.body.status).toBe('error');
      expect(record?.cost).toBe(0n);
    },
  );

  it('records the raw URL each call arrived with and the upstream it resolved; null for POST /requests', async () => {
    const u = 'https://api.openai.com/v1/chat/completions';
    await api(
      served.baseUrl,
      'POST',
      `forward?u=${encodeURIComponent(u)}&metadata=${encodeURIComponent('{"a":"b"}')}`,
      chat,
    );
    await api(served.baseUrl, 'POST', `forward?u=${u}`, chat);
    const { meter, customer } = await billingFixture(served.baseUrl);
    await api(served.baseUrl, 'POST', 'requests', {
      request_id: 'mine_1',
      customer_id: customer.customer_id,
      meter_slug: meter.meter_slug,
      input_tokens: 1,
    });
    const records = [...served.running.emulator.state.requests.values()];
    expect(records.map((r) => [r.raw_url, r.upstream_url])).toEqual([
      [`${served.baseUrl}forward?u=${encodeURIComponent(u)}&metadata=${encodeURIComponent('{"a":"b"}')}`, u],
      [`${served.baseUrl}forward?u=${u}`, u],
      [null, null],
    ]);
  });

  it('masks a key credential in the recorded raw URL and keeps it out of the upstream URL', async () => {
    const u = encodeURIComponent(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent',
    );
    const res = await api(
      served.baseUrl,
      'POST',
      `forward?u=${u}&key=${EMULATOR_SECRET_KEY}`,
      { contents: [{ parts: [{ text: 'x' }] }] },
      {},
    );
    expect(res.status).toBe(200);
    const [record] = [...served.running.emulator.state.requests.values()];
    expect(record?.raw_url).toBe(`${served.baseUrl}forward?u=${u}&key=%5Bredacted%5D`);
    expect(record?.upstream_url).not.toContain(EMULATOR_SECRET_KEY);
  });

  it('refuses rewrite targets that are not chat endpoints of a known provider', async () => {
    for (const [target, code] of [
      ['api.example.com/v1/messages', 'unsupported_provider'],
      ['api.anthropic.com/v1/v1/messages', 'unsupported_endpoint'],
      ['api.openai.com/v1/embeddings', 'unsupported_endpoint'],
    ] as const) {
      const res = await api(served.baseUrl, 'POST', `rewrite/openai/${target}`, chat);
      expect(res.body).toEqual(lavaShape(code, 400));
    }
    expect(served.running.emulator.state.requests.size).toBe(0);
  });

  it("is answered 401 with a bad forward token, in Lava's shape", async () => {
    const res = await api(
      served.baseUrl,
      'POST',
      `forward?u=${encodeURIComponent('https://api.openai.com/v1/chat/completions')}`,
      chat,
      {
        authorization: 'Bearer not-a-token',
      },
    );
    expect(res.status).toBe(401);
    expect(res.body).toEqual(lavaShape('invalid_forward_token', 401));
  });
});

describe('gateway modes and the SDK', () => {
  it('secret key only: the merchant wallet pays the provider cost', async () => {
    const before = served.running.emulator.state.merchant.balance;
    const result = await gateway<{ usage: object }>(
      served.lava,
      'https://api.openai.com/v1/chat/completions',
      {
        body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
      },
    );
    expect(result.isOk()).toBe(true);
    const [record] = [...served.running.emulator.state.requests.values()];
    expect(record?.body.customer_id).toBeUndefined();
    expect(record?.cost).toBeGreaterThan(0n);
    expect(served.running.emulator.state.merchant.balance).toBe(before - (record?.cost ?? 0n));
  });

  it('disable_billing: the merchant pays, the customer is still attributed', async () => {
    const { meter, customer } = await billingFixture(served.baseUrl);
    await gateway(served.lava, 'https://api.openai.com/v1/chat/completions', {
      customer_id: customer.customer_id,
      meter_slug: meter.meter_slug,
      disable_billing: true,
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
    });
    const [record] = [...served.running.emulator.state.requests.values()];
    expect(record?.customer_id).toBe(customer.customer_id);
    const sub = await api(served.baseUrl, 'GET', `customers/${customer.customer_id}/subscription`);
    expect(sub.body.subscription.credits.total_remaining).toBe('5.00');
  });

  it('provider_key marks the request unmanaged and leaves the wallet alone', async () => {
    const before = served.running.emulator.state.merchant.balance;
    const res = await api(
      served.baseUrl,
      'POST',
      'forward?u=https%3A%2F%2Fapi.openai.com%2Fv1%2Fchat%2Fcompletions',
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] },
      {
        authorization: `Bearer ${forwardToken({ customer_id: null, meter_slug: null, provider_key: 'sk-mine' })}`,
      },
    );
    expect(res.status).toBe(200);
    expect([...served.running.emulator.state.requests.values()][0]?.body.provider_key_type).toBe('unmanaged');
    expect(served.running.emulator.state.merchant.balance).toBe(before);
  });

  it('gatewayStream reads Anthropic message events', async () => {
    const stream = (
      await gatewayStream(served.lava, 'https://api.anthropic.com/v1/messages', {
        headers: { 'anthropic-version': '2023-06-01' },
        body: {
          model: 'claude-sonnet-4-20250514',
          max_tokens: 200,
          messages: [{ role: 'user', content: 'Hi Claude' }],
        },
      })
    )._unsafeUnwrap();
    const types: string[] = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.event);
      const json = event.json as { delta?: { text?: string } };
      if (event.event === 'content_block_delta') text += json.delta?.text ?? '';
    }
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
    expect(types).toContain('message_delta');
    expect(text).toBe('Hello from the Lava emulator! You said: "Hi Claude"');
    expect(stream.requestId).toMatch(/^req_/);
    expect(served.running.emulator.state.requests.get(stream.requestId ?? '')?.body.provider).toBe(
      'anthropic',
    );
  });

  it("rewrite: an OpenAI client talks to Anthropic (scheme-less target, as Lava's docs write it)", async () => {
    const client = new OpenAI({
      apiKey: EMULATOR_SECRET_KEY,
      baseURL: `${served.baseUrl}rewrite/openai/api.anthropic.com/v1/messages`,
      maxRetries: 0,
    });
    const completion = await client.chat.completions.create({
      model: 'claude-3-5-haiku-20241022',
      messages: [{ role: 'user', content: 'Translate me' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toContain('Translate me');
    const [record] = [...served.running.emulator.state.requests.values()];
    expect(record?.body).toMatchObject({
      provider: 'anthropic',
      endpoint: 'POST https://api.anthropic.com/v1/messages',
    });
  });

  it('Anthropic upstream requires anthropic-version and max_tokens, in Anthropic error shape, passed through', async () => {
    const body = { model: 'claude-sonnet-4-20250514', messages: [{ role: 'user', content: 'x' }] };
    const url = 'forward?u=https://api.anthropic.com/v1/messages';
    const unversioned = await api(served.baseUrl, 'POST', url, body);
    expect(unversioned.body).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' },
    });
    const res = await api(served.baseUrl, 'POST', url, body, {
      authorization: `Bearer ${EMULATOR_SECRET_KEY}`,
      'anthropic-version': '2023-06-01',
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
    });
    expect(res.headers.get('x-lava-request-id')).toMatch(/^req_/);
  });

  it('records gateway metadata from the header, query and per-key headers', async () => {
    await api(
      served.baseUrl,
      'POST',
      `forward?u=https://api.openai.com/v1/chat/completions&metadata=${encodeURIComponent('{"a":"1"}')}`,
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] },
      {
        authorization: `Bearer ${EMULATOR_SECRET_KEY}`,
        'x-lava-metadata': '{"b":"2"}',
        'x-lava-metadata-feature': 'chat',
      },
    );
    expect([...served.running.emulator.state.requests.values()][0]?.metadata).toEqual({
      a: '1',
      b: '2',
      feature: 'chat',
    });
  });

  it.each([
    ['no credential', {}, 401, 'auth_header_missing'],
    ['garbage token', { authorization: 'Bearer %%%' }, 401, 'invalid_forward_token'],
    [
      'base64 of non-JSON',
      { authorization: `Bearer ${Buffer.from('hello').toString('base64')}` },
      401,
      'invalid_forward_token',
    ],
    [
      'wrong secret in token',
      { authorization: `Bearer ${Buffer.from('{"secret_key":"aks_test_nope"}').toString('base64')}` },
      401,
      'invalid_api_key',
    ],
    ['unknown meter', { authorization: `Bearer ${forwardToken({ meter_slug: 'nope' })}` }, 404, 'not_found'],
    [
      'customer without meter',
      { authorization: `Bearer ${forwardToken({ customer_id: 'con_x' })}` },
      400,
      'invalid_forward_token',
    ],
  ])('rejects %s', async (_name, headers, status, code) => {
    const res = await api(
      served.baseUrl,
      'POST',
      'forward?u=https://api.openai.com/v1/chat/completions',
      { model: 'm', messages: [] },
      headers,
    );
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { message: expect.any(String), code, status } });
  });

  it('rejects a missing or unknown target URL', async () => {
    expect((await api(served.baseUrl, 'POST', 'forward', {})).body.error.code).toBe('missing_target_url');
    expect(
      (await api(served.baseUrl, 'POST', 'forward?u=https://evil.example.com/v1', {})).body.error.code,
    ).toBe('unsupported_provider');
  });

  it('answers 402 when the customer has no credits, and when the wallet is empty', async () => {
    const { meter, customer } = await billingFixture(served.baseUrl, '0');
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] };
    const token = forwardToken({ customer_id: customer.customer_id, meter_slug: meter.meter_slug });
    const res = await api(
      served.baseUrl,
      'POST',
      'forward?u=https://api.openai.com/v1/chat/completions',
      body,
      { authorization: `Bearer ${token}` },
    );
    expect(res.status).toBe(402);
    served.running.emulator.state.merchant.balance = 0n;
    const merchant = await api(
      served.baseUrl,
      'POST',
      'forward?u=https://api.openai.com/v1/chat/completions',
      body,
    );
    expect(merchant.body).toEqual({
      error: { message: expect.any(String), code: 'insufficient_balance', status: 402 },
    });
  });
});
