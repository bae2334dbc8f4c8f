// openai@7 on its default base URL, with gatewayFetch as its fetch, against the emulator's HTTP server.
import { createLava } from '@lava-sdk/core';
import { gatewayFetch, lavaErrorOf } from '@lava-sdk/gateway';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { billingFixture, eventually, useClients } from './helpers';

// Streamed events 3 ms apart, as a model would send them, so a stream can be aborted halfway.
const env = useClients({ streamDelayMs: 3 });
const CHAT = 'https://api.openai.com/v1/chat/completions';
const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
  },
};

const client = (fetch: typeof globalThis.fetch) => new OpenAI({ apiKey: 'sk-unused', fetch, maxRetries: 0 });

describe('openai@7 through gatewayFetch', () => {
  it('completes a chat billed to the customer, at the endpoint Lava records', async () => {
    const c = await env.customerFetch({ metadata: { feature: 'chat' } });
    const completion = await client(c.fetch).chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    expect(completion.choices[0]?.message.content).toBe(
      'Hello from the Lava emulator! You said: "Hello there"',
    );
    const record = env.forwarded(CHAT);
    expect(record.body).toMatchObject({
      endpoint: `POST ${CHAT}`,
      provider: 'openai',
      provider_key_type: 'managed',
      customer_id: c.customer_id,
      meter_id: c.meter_id,
      model: 'gpt-4o-mini',
      response_id: completion.id,
      status: 'completed',
      metadata: { feature: 'chat' },
    });
    expect(record.body.model_usage).toMatchObject({ total_tokens: completion.usage?.total_tokens });
    expect(record.charge).toBeGreaterThan(0n);
  });

  it('streams chunks, billed once the stream has ended', async () => {
    const c = await env.customerFetch();
    const stream = await client(c.fetch).chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Stream please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Hello from the Lava emulator! You said: "Stream please"');
    const record = env.forwarded(CHAT);
    expect(record.body).toMatchObject({
      endpoint: `POST ${CHAT}`,
      status: 'completed',
      model: 'gpt-4o-mini',
    });
    expect(record.total_tokens).toBe(usage?.total_tokens);
  });

  it('calls the offered tool, then answers the tool result in text', async () => {
    const c = await env.customerFetch();
    const openai = client(c.fetch);
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = await openai.chat.completions.create({ model: 'gpt-4o', messages, tools: [weather] });
    const [choice] = first.choices;
    expect(choice?.finish_reason).toBe('tool_calls');
    const call = choice?.message.tool_calls?.[0];
    if (call?.type !== 'function') throw new Error('expected a function tool call');
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Weather in Paris?', unit: 'celsius' });
    messages.push(choice!.message, { role: 'tool', tool_call_id: call.id, content: '{"temp":21}' });
    const second = await openai.chat.completions.create({ model: 'gpt-4o', messages, tools: [weather] });
    expect(second.choices[0]).toMatchObject({
      finish_reason: 'stop',
      message: { content: expect.any(String) },
    });
    expect(env.records().map((r) => [r.upstream_url, r.body.status])).toEqual([
      [CHAT, 'completed'],
      [CHAT, 'completed'],
    ]);
  });

  it('streams a tool call the SDK reassembles', async () => {
    const c = await env.customerFetch();
    const stream = client(c.fetch).chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Rome' }],
      tools: [weather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    const final = await stream.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      city: 'Rome',
      unit: 'celsius',
    });
    expect(env.forwarded(CHAT).body.status).toBe('completed');
  });

  it('answers the Responses API, streamed and not', async () => {
    const c = await env.customerFetch();
    const openai = client(c.fetch);
    const response = await openai.responses.create({
      model: 'gpt-4.1-mini',
      input: 'Hi responses',
      instructions: 'Be brief',
    });
    expect(response.output_text).toBe('Hello from the Lava emulator! You said: "Hi responses"');
    expect(response.usage?.total_tokens).toBeGreaterThan(0);
    const stream = await openai.responses.create({ model: 'gpt-4.1-mini', input: 'Stream it', stream: true });
    const types: string[] = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(text).toBe('Hello from the Lava emulator! You said: "Stream it"');
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    const records = env.records();
    expect(records.map((r) => r.body.endpoint)).toEqual([
      'POST https://api.openai.com/v1/responses',
      'POST https://api.openai.com/v1/responses',
    ]);
    expect(records.map((r) => r.body.response_id)).toEqual([response.id, expect.stringMatching(/^resp_/)]);
  });

  it('embeds (base64 on the wire, as openai@7 asks) into unit vectors, billed for input tokens', async () => {
    const c = await env.customerFetch();
    const result = await client(c.fetch).embeddings.create({
      model: 'text-embedding-3-small',
      input: ['first text', 'second text'],
      dimensions: 256,
    });
    expect(result.data).toHaveLength(2);
    const [a, b] = result.data.map((d) => d.embedding);
    expect(a).toHaveLength(256);
    expect(Math.hypot(...(a ?? []))).toBeCloseTo(1, 4);
    expect(a).not.toEqual(b);
    const record = env.forwarded('https://api.openai.com/v1/embeddings');
    expect(record.body).toMatchObject({
      endpoint: 'POST https://api.openai.com/v1/embeddings',
      model: 'text-embedding-3-small',
    });
    expect(record.body.model_usage).toMatchObject({
      input_tokens: result.usage.prompt_tokens,
      output_tokens: 0,
    });
  });

  it('lists models with a GET', async () => {
    const c = await env.customerFetch();
    const ids: string[] = [];
    for await (const model of client(c.fetch).models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4o-mini');
    expect(env.forwarded('https://api.openai.com/v1/models').body.endpoint).toBe(
      'GET https://api.openai.com/v1/models',
    );
  });

  it("surfaces an upstream 400 as the client's own BadRequestError, not Lava's", async () => {
    const c = await env.customerFetch();
    const error = await client(c.fetch)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, error: { type: 'invalid_request_error' } });
    expect(lavaErrorOf(error)).toBeUndefined();
    // It reached the provider: recorded as an error, at no cost.
    const record = env.forwarded(CHAT);
    expect(record.body.status).toBe('error');
    expect(record.cost).toBe(0n);
    expect(record.charge).toBe(0n);
  });

  it("answers an unknown model with OpenAI's own 404", async () => {
    const c = await env.customerFetch();
    const error = await client(c.fetch)
      .chat.completions.create({ model: 'gpt-9-ultra', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'model_not_found' });
    expect(env.forwarded(CHAT).charge).toBe(0n);
  });

  it("recovers Lava's own refusal (no credit left) with lavaErrorOf, and nothing is billed", async () => {
    const { meter, customer } = await billingFixture(env.baseUrl, '0');
    const fetch = gatewayFetch(env.lava, { customer_id: customer.customer_id, meter_slug: meter.meter_slug });
    const error = await client(fetch)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(lavaErrorOf(error)).toMatchObject({
      kind: 'api',
      status: 402,
      code: 'insufficient_balance',
      requestId: expect.stringMatching(/^req_/),
    });
    expect(env.records()).toHaveLength(0);
  });

  it("recovers an invalid secret key in the forward token as Lava's 401", async () => {
    const wrong = createLava({ secretKey: 'aks_test_not_a_real_key_000000', baseUrl: env.baseUrl });
    const error = await client(gatewayFetch(wrong))
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(lavaErrorOf(error)).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('stops a stream on abort; the emulator records what was streamed as an error', async () => {
    const c = await env.customerFetch();
    const controller = new AbortController();
    const stream = await client(c.fetch).chat.completions.create(
      {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'A long answer '.repeat(40) }],
        stream: true,
      },
      { signal: controller.signal },
    );
    let chunks = 0;
    // openai's Stream ends the loop quietly when its signal aborts (it treats that as the caller's choice).
    for await (const _ of stream) if (++chunks === 3) controller.abort();
    expect(chunks).toBe(3);
    await eventually(() => env.records().length === 1);
    const record = env.forwarded(CHAT);
    expect(record.body.status).toBe('error');
    // A few words of a ~40-token answer were generated before the client went away.
    const { output_tokens } = record.body.model_usage as { output_tokens: number };
    expect(output_tokens).toBeGreaterThan(0);
    expect(output_tokens).toBeLessThan(20);
  });

  it('refuses a host that is not a Lava provider before sending anything', async () => {
    const openai = new OpenAI({
      apiKey: 'x',
      baseURL: 'https://api.example.com/v1',
      fetch: gatewayFetch(env.lava),
      maxRetries: 0,
    });
    const error = await openai.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(lavaErrorOf(error)).toMatchObject({
      kind: 'invalid_params',
      message: expect.stringContaining('api.example.com'),
    });
    expect(env.records()).toHaveLength(0);
  });
});
