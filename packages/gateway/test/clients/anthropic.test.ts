// @anthropic-ai/sdk on its default base URL, with gatewayFetch as its fetch, against the emulator's server.
import Anthropic from '@anthropic-ai/sdk';
import { gatewayFetch, lavaErrorOf } from '@lava-sdk/gateway';
import { describe, expect, it } from 'vitest';
import { useClients } from './helpers';

const env = useClients();
const MESSAGES = 'https://api.anthropic.com/v1/messages';
const client = (fetch: typeof globalThis.fetch) =>
  new Anthropic({ apiKey: 'sk-ant-unused', fetch, maxRetries: 0 });

describe('@anthropic-ai/sdk through gatewayFetch', () => {
  it('creates a message billed to the customer, at the endpoint Lava records', async () => {
    const c = await env.customerFetch();
    const message = await client(c.fetch).messages.create({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 200,
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'Hi Claude' }],
    });
    expect(message.content).toEqual([
      { type: 'text', text: 'Hello from the Lava emulator! You said: "Hi Claude"' },
    ]);
    expect(message.stop_reason).toBe('end_turn');
    const record = env.forwarded(MESSAGES);
    expect(record.body).toMatchObject({
      endpoint: `POST ${MESSAGES}`,
      provider: 'anthropic',
      customer_id: c.customer_id,
      model: 'claude-3-5-haiku-20241022',
      response_id: message.id,
      status: 'completed',
    });
    expect(record.body.model_usage).toMatchObject({
      input_tokens: message.usage.input_tokens,
      output_tokens: message.usage.output_tokens,
    });
  });

  it('streams with messages.stream(), billed after the last event', async () => {
    const c = await env.customerFetch();
    const stream = client(c.fetch).messages.stream({
      model: 'claude-sonnet-4-20250514',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Stream, Claude' }],
    });
    let text = '';
    stream.on('text', (delta) => {
      text += delta;
    });
    const final = await stream.finalMessage();
    expect(text).toBe('Hello from the Lava emulator! You said: "Stream, Claude"');
    expect(final.usage.output_tokens).toBeGreaterThan(0);
    const record = env.forwarded(MESSAGES);
    expect(record.body).toMatchObject({
      status: 'completed',
      model: 'claude-sonnet-4-20250514',
      response_id: final.id,
    });
    expect(record.body.model_usage).toMatchObject({ output_tokens: final.usage.output_tokens });
  });

  it('uses the offered tool, streamed and not', async () => {
    const c = await env.customerFetch();
    const anthropic = client(c.fetch);
    const tools: Anthropic.Tool[] = [
      {
        name: 'lookup',
        description: 'Looks a word up',
        input_schema: { type: 'object', properties: { word: { type: 'string' } }, required: ['word'] },
      },
    ];
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'lava' }];
    const first = await anthropic.messages.create({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 100,
      tools,
      messages,
    });
    expect(first.stop_reason).toBe('tool_use');
    const use = first.content[0];
    if (use?.type !== 'tool_use') throw new Error('expected tool_use');
    expect(use).toMatchObject({ name: 'lookup', input: { word: 'lava' } });
    const streamed = await anthropic.messages
      .stream({ model: 'claude-3-5-haiku-20241022', max_tokens: 100, tools, messages })
      .finalMessage();
    expect(streamed.content[0]).toMatchObject({ type: 'tool_use', name: 'lookup', input: { word: 'lava' } });
    messages.push(
      { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: 'molten rock' }] },
    );
    const last = await anthropic.messages.create({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 100,
      tools,
      messages,
    });
    expect(last.stop_reason).toBe('end_turn');
    expect(env.records().map((r) => r.body.endpoint)).toEqual(Array(3).fill(`POST ${MESSAGES}`));
  });

  it('counts tokens and lists models', async () => {
    const c = await env.customerFetch();
    const anthropic = client(c.fetch);
    const count = await anthropic.messages.countTokens({
      model: 'claude-3-5-haiku-20241022',
      messages: [{ role: 'user', content: 'How many tokens is this?' }],
    });
    expect(count.input_tokens).toBeGreaterThan(0);
    const ids: string[] = [];
    for await (const model of anthropic.models.list()) ids.push(model.id);
    expect(ids).toEqual(['claude-sonnet-4-20250514', 'claude-3-5-haiku-20241022']);
    expect(env.records().map((r) => r.upstream_url)).toEqual([
      'https://api.anthropic.com/v1/messages/count_tokens',
      'https://api.anthropic.com/v1/models',
    ]);
  });

  it("surfaces Anthropic's own errors as the SDK's types; lavaErrorOf tells them from Lava's", async () => {
    const c = await env.customerFetch();
    const unknown = await client(c.fetch)
      .messages.create({ model: 'claude-9', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);
    expect(unknown).toMatchObject({
      error: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-9' } },
    });
    expect(lavaErrorOf(unknown)).toBeUndefined();

    const noCredit = await client(
      gatewayFetch(env.lava, { customer_id: 'con_nobody', meter_slug: c.meter_slug }),
    )
      .messages.create({ model: 'claude-9', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(noCredit).toBeInstanceOf(Anthropic.NotFoundError);
    expect(lavaErrorOf(noCredit)).toMatchObject({
      kind: 'api',
      status: 404,
      code: 'not_found',
      message: expect.stringContaining('Customer not found'),
    });
    expect(env.records()).toHaveLength(1);
  });
});
