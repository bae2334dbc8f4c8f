// The forward and rewrite proxies, driven by the official `openai` client, the SDK and plain fetch.
import { gateway, gatewayStream, generateForwardToken } from '@lava-sdk/gateway';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { EMULATOR_SECRET_KEY } from '../src/index';
import { api, billingFixture, forwardToken, useEmulator } from './helpers';

const served = useEmulator();

describe('the openai npm client through /forward', () => {
  it('completes a chat with a forward token, billed to the customer', async () => {
    const { meter, customer } = await billingFixture(served.baseUrl);
    const client = new OpenAI({
      apiKey: generateForwardToken(served.lava, {
        customer_id: customer.customer_id,
        meter_slug: meter.meter_slug,
      }),
      baseURL: `${served.baseUrl}forward?u=https://api.openai.com/v1`,
      maxRetries: 0,
    });
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    expect(completion.choices[0]?.message.content).toBe(
      'Hello from the Lava emulator! You said: "Hello there"',
    );
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    const [record] = [...served.running.emulator.state.requests.values()];
    expect(record?.body).toMatchObject({
      customer_id: customer.customer_id,
      meter_id: meter.meter_id,
      provider: 'openai',
      provider_key_type: 'managed',
      model: 'gpt-4o-mini',
      endpoint: 'POST https://api.openai.com/v1/chat/completions',
      response_id: completion.id,
      status: 'completed',
    });
    expect(record?.body.model_usage).toMatchObject({ total_tokens: completion.usage?.total_tokens });
  });

  it('streams chunks ending with [DONE], and bills after the stream', async () => {
    const { meter, customer } = await billingFixture(served.baseUrl);
    const client = new OpenAI({
      apiKey: forwardToken({ customer_id: customer.customer_id, meter_slug: meter.meter_slug }),
      baseURL: `${served.baseUrl}forward?u=https://api.openai.com/v1`,
      maxRetries: 0,
    });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Stream please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: { total_tokens: number } | undefined | null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Hello from the Lava emulator! You said: "Stream please"');
    expect(usage?.total_tokens).toBeGreaterThan(0);
    const requests = [...served.running.emulator.state.requests.values()];
    expect(requests).toHaveLength(1);
    expect(requests[0]?.total_tokens).toBe(usage?.total_tokens);
  });

  it('is answered 401 with a bad forward token', async () => {
    const client = new OpenAI({
      apiKey: 'not-a-token',
      baseURL: `${served.baseUrl}forward?u=https://api.openai.com/v1`,
      maxRetries: 0,
    });
    await expect(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toMatchObject({
      status: 401,
    });
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

  it('rewrite: an OpenAI client talks to Anthropic', async () => {
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

  it('Anthropic upstream requires max_tokens, in Anthropic error shape, passed through', async () => {
    const res = await api(served.baseUrl, 'POST', 'forward?u=https://api.anthropic.com/v1/messages', {
      model: 'claude-sonnet-4-20250514',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
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
