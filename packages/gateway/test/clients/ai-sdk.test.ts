// The Vercel AI SDK (`ai` with @ai-sdk/openai and @ai-sdk/anthropic) on its default base URLs, with
// gatewayFetch as the providers' fetch, against the emulator's server. Twice: `ai` 7 with the providers'
// 4.x (Node 22+ by their engines, and what the README recommends), and `ai` 6 with the providers' 3.x,
// which is what npm installs on Node 20 (it skips versions whose engines exclude the running Node).
import * as anthropic4 from '@ai-sdk/anthropic';
import * as openai4 from '@ai-sdk/openai';
import { gatewayFetch, lavaErrorOf } from '@lava-sdk/gateway';
import * as ai7 from 'ai';
import * as ai6 from 'ai-6';
import * as anthropic3 from 'ai-sdk-anthropic-3';
import * as openai3 from 'ai-sdk-openai-3';
import { describe, expect, it } from 'vitest';
import { billingFixture, useClients } from './helpers';

const env = useClients();
const RESPONSES = 'https://api.openai.com/v1/responses';
const CHAT = 'https://api.openai.com/v1/chat/completions';
const MESSAGES = 'https://api.anthropic.com/v1/messages';

// The calls below are the same in both majors; ai 6's modules are typed as ai 7's so one body serves both.
const versions = [
  { label: 'ai 7', ai: ai7, openai: openai4, anthropic: anthropic4 },
  {
    label: 'ai 6',
    ai: ai6 as unknown as typeof ai7,
    openai: openai3 as unknown as typeof openai4,
    anthropic: anthropic3 as unknown as typeof anthropic4,
  },
];

describe.each(versions)('$label', ({ ai, openai, anthropic }) => {
  const { APICallError, generateText, jsonSchema, stepCountIs, streamText, tool } = ai;
  const openaiWith = (fetch: typeof globalThis.fetch) => openai.createOpenAI({ apiKey: 'unused', fetch });
  const anthropicWith = (fetch: typeof globalThis.fetch) =>
    anthropic.createAnthropic({ apiKey: 'unused', fetch });

  describe('@ai-sdk/openai through gatewayFetch', () => {
    it('generateText with the default model: the Responses API', async () => {
      const c = await env.customerFetch();
      const result = await generateText({
        model: openaiWith(c.fetch)('gpt-4o-mini'),
        prompt: 'Hi AI SDK',
        maxRetries: 0,
      });
      expect(result.text).toBe('Hello from the Lava emulator! You said: "Hi AI SDK"');
      expect(result.finishReason).toBe('stop');
      const record = env.forwarded(RESPONSES);
      expect(record.body).toMatchObject({
        endpoint: `POST ${RESPONSES}`,
        provider: 'openai',
        model: 'gpt-4o-mini',
        status: 'completed',
      });
      expect(record.body.model_usage).toMatchObject({
        input_tokens: result.usage.inputTokens,
        output_tokens: result.usage.outputTokens,
      });
    });

    it('streamText with the default model, billed after the stream', async () => {
      const c = await env.customerFetch();
      const result = streamText({
        model: openaiWith(c.fetch)('gpt-4o-mini'),
        prompt: 'Stream, AI SDK',
        maxRetries: 0,
      });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      expect(text).toBe('Hello from the Lava emulator! You said: "Stream, AI SDK"');
      expect((await result.usage).outputTokens).toBeGreaterThan(0);
      expect(env.forwarded(RESPONSES).body).toMatchObject({
        status: 'completed',
        endpoint: `POST ${RESPONSES}`,
      });
    });

    it('runs a tool loop on the Responses API', async () => {
      const c = await env.customerFetch();
      const calls: unknown[] = [];
      const result = await generateText({
        model: openaiWith(c.fetch)('gpt-4.1'),
        prompt: 'Paris',
        tools: {
          weather: tool({
            description: 'The weather in a city',
            inputSchema: jsonSchema<{ city: string }>({
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
              additionalProperties: false,
            }),
            execute: async (input) => {
              calls.push(input);
              return { temperature: 21 };
            },
          }),
        },
        stopWhen: stepCountIs(3),
        maxRetries: 0,
      });
      expect(calls).toEqual([{ city: 'Paris' }]);
      expect(result.steps).toHaveLength(2);
      expect(result.text).toContain('Hello from the Lava emulator!');
      expect(env.records().map((r) => r.upstream_url)).toEqual([RESPONSES, RESPONSES]);
    });

    it('generateText and streamText with .chat(): Chat Completions', async () => {
      const c = await env.customerFetch();
      const model = openaiWith(c.fetch).chat('gpt-4o-mini');
      const result = await generateText({ model, prompt: 'Chat model', maxRetries: 0 });
      expect(result.text).toBe('Hello from the Lava emulator! You said: "Chat model"');
      const streamed = streamText({ model, prompt: 'Chat stream', maxRetries: 0 });
      let text = '';
      for await (const delta of streamed.textStream) text += delta;
      expect(text).toBe('Hello from the Lava emulator! You said: "Chat stream"');
      const records = env.records();
      expect(records.map((r) => [r.upstream_url, r.body.endpoint, r.body.status])).toEqual([
        [CHAT, `POST ${CHAT}`, 'completed'],
        [CHAT, `POST ${CHAT}`, 'completed'],
      ]);
      // The AI SDK asks for usage in the stream; the record bills exactly that.
      expect(records[1]?.body.model_usage).toMatchObject({
        output_tokens: (await streamed.usage).outputTokens,
      });
    });

    it("gives Lava's refusal back through lavaErrorOf", async () => {
      const { meter, customer } = await billingFixture(env.baseUrl, '0');
      const fetch = gatewayFetch(env.lava, {
        customer_id: customer.customer_id,
        meter_slug: meter.meter_slug,
      });
      const error = await generateText({
        model: openaiWith(fetch)('gpt-4o-mini'),
        prompt: 'x',
        maxRetries: 0,
      }).catch((e: unknown) => e);
      expect(APICallError.isInstance(error)).toBe(true);
      expect(lavaErrorOf(error)).toMatchObject({ status: 402, code: 'insufficient_balance' });
      expect(env.records()).toHaveLength(0);
    });
    it("gives Lava's refusal inside streamText as an error part before any text", async () => {
      const { meter, customer } = await billingFixture(env.baseUrl, '0');
      const fetch = gatewayFetch(env.lava, {
        customer_id: customer.customer_id,
        meter_slug: meter.meter_slug,
      });
      const result = streamText({
        model: openaiWith(fetch)('gpt-4o-mini'),
        prompt: 'x',
        maxRetries: 0,
        onError() {},
      });
      const parts: string[] = [];
      let refused: unknown;
      for await (const part of result.fullStream) {
        parts.push(part.type);
        if (part.type === 'error') refused = lavaErrorOf(part.error);
      }
      expect(parts).not.toContain('text-delta');
      expect(refused).toMatchObject({ status: 402, code: 'insufficient_balance' });
    });
  });

  describe('@ai-sdk/anthropic through gatewayFetch', () => {
    it('generateText', async () => {
      const c = await env.customerFetch();
      const result = await generateText({
        model: anthropicWith(c.fetch)('claude-3-5-haiku-20241022'),
        system: 'Be terse',
        prompt: 'Hi from the AI SDK',
        maxRetries: 0,
      });
      expect(result.text).toBe('Hello from the Lava emulator! You said: "Hi from the AI SDK"');
      const record = env.forwarded(MESSAGES);
      expect(record.body).toMatchObject({
        endpoint: `POST ${MESSAGES}`,
        provider: 'anthropic',
        customer_id: c.customer_id,
        model: 'claude-3-5-haiku-20241022',
        status: 'completed',
      });
      expect(record.body.model_usage).toMatchObject({ output_tokens: result.usage.outputTokens });
    });

    it('streamText', async () => {
      const c = await env.customerFetch();
      const result = streamText({
        model: anthropicWith(c.fetch)('claude-sonnet-4-20250514'),
        prompt: 'Stream it',
        maxRetries: 0,
      });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      expect(text).toBe('Hello from the Lava emulator! You said: "Stream it"');
      expect(env.forwarded(MESSAGES).body).toMatchObject({
        status: 'completed',
        model: 'claude-sonnet-4-20250514',
      });
    });

    it("surfaces Anthropic's 404 for an unknown model as an APICallError that is not Lava's", async () => {
      const c = await env.customerFetch();
      const error = await generateText({
        model: anthropicWith(c.fetch)('claude-0'),
        prompt: 'x',
        maxRetries: 0,
      }).catch((e: unknown) => e);
      expect(APICallError.isInstance(error) && error.statusCode).toBe(404);
      expect(lavaErrorOf(error)).toBeUndefined();
    });
  });
});
