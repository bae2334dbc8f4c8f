// The base-URL alternatives to gatewayFetch, client by client, as the README's table lists them: which
// helper works with which SDK, and what the emulator (as strict as Lava) refuses, with nothing billed.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import Anthropic from '@anthropic-ai/sdk';
import { ApiError, GoogleGenAI } from '@google/genai';
import { forwardUrl, lavaErrorOf, rewriteUrl } from '@lava-sdk/gateway';
import { providerUrl } from '@lava-sdk/providers';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { billingFixture, forwardToken, useClients } from './helpers';

const env = useClients();

async function token() {
  const { meter, customer } = await billingFixture(env.baseUrl);
  return forwardToken({ customer_id: customer.customer_id, meter_slug: meter.meter_slug });
}

/** The URL Lava received, relative to the emulator's base. */
const received = () => env.records().map((r) => r.raw_url?.replace(env.baseUrl, ''));

describe('openai@7', () => {
  it('providerUrl does not work: openai@7 moves the path in front of ?u=, and Lava has no such endpoint', async () => {
    const openai = new OpenAI({
      apiKey: await token(),
      baseURL: providerUrl(env.lava, 'openai'),
      maxRetries: 0,
    });
    const error = await openai.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(lavaErrorOf(error)).toMatchObject({
      status: 404,
      message: expect.stringContaining('/v1/forward/chat/completions'),
    });
    expect(env.records()).toHaveLength(0);
  });

  it('forwardUrl of the full endpoint does not work either (the path is appended again)', async () => {
    const baseURL = forwardUrl(env.lava, 'https://api.openai.com/v1/chat/completions');
    const openai = new OpenAI({ apiKey: await token(), baseURL, maxRetries: 0 });
    const error = await openai.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(env.records()).toHaveLength(0);
  });

  it('rewriteUrl to a chat endpoint works for chat completions (Lava strips the suffix)', async () => {
    const baseURL = rewriteUrl(env.lava, 'openai', 'https://api.anthropic.com/v1/messages');
    const openai = new OpenAI({ apiKey: await token(), baseURL, maxRetries: 0 });
    const completion = await openai.chat.completions.create({
      model: 'claude-3-5-haiku-20241022',
      messages: [{ role: 'user', content: 'Translate me' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toContain('Translate me');
    const [record] = env.records();
    expect(record?.upstream_url).toBe('https://api.anthropic.com/v1/messages');
    expect(record?.body).toMatchObject({
      provider: 'anthropic',
      endpoint: 'POST https://api.anthropic.com/v1/messages',
    });
    expect(received()).toEqual(['rewrite/openai/https://api.anthropic.com/v1/messages/chat/completions']);
  });
});

describe('@anthropic-ai/sdk', () => {
  it('providerUrl does not work: the SDK adds /v1 again, and Lava refuses a doubled version', async () => {
    const anthropic = new Anthropic({
      apiKey: await token(),
      baseURL: providerUrl(env.lava, 'anthropic'),
      maxRetries: 0,
    });
    const error = await anthropic.messages
      .create({
        model: 'claude-3-5-haiku-20241022',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'x' }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(lavaErrorOf(error)).toMatchObject({
      status: 400,
      code: 'unsupported_endpoint',
      message: expect.stringContaining('doubled version segment (/v1/v1)'),
    });
    expect(env.records()).toHaveLength(0);
  });

  it('forwardUrl of the bare host works, the token as apiKey (sent as x-api-key)', async () => {
    const baseURL = forwardUrl(env.lava, 'https://api.anthropic.com');
    const anthropic = new Anthropic({ apiKey: await token(), baseURL, maxRetries: 0 });
    const message = await anthropic.messages.create({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(message.content[0]).toMatchObject({ type: 'text' });
    expect(env.forwarded('https://api.anthropic.com/v1/messages').body.status).toBe('completed');
  });
});

describe('the AI SDK', () => {
  it('@ai-sdk/openai: providerUrl works, for the Responses default and .chat()', async () => {
    const openai = createOpenAI({ apiKey: await token(), baseURL: providerUrl(env.lava, 'openai') });
    await generateText({ model: openai('gpt-4o-mini'), prompt: 'a', maxRetries: 0 });
    const stream = streamText({ model: openai.chat('gpt-4o-mini'), prompt: 'b', maxRetries: 0 });
    for await (const _ of stream.textStream);
    expect(env.records().map((r) => [r.upstream_url, r.body.status])).toEqual([
      ['https://api.openai.com/v1/responses', 'completed'],
      ['https://api.openai.com/v1/chat/completions', 'completed'],
    ]);
    // lava.providers' un-encoded form, which Lava's docs also show.
    expect(received()).toEqual([
      'forward?u=https://api.openai.com/v1/responses',
      'forward?u=https://api.openai.com/v1/chat/completions',
    ]);
  });

  it('@ai-sdk/anthropic: providerUrl works, the token as apiKey', async () => {
    const anthropic = createAnthropic({ apiKey: await token(), baseURL: providerUrl(env.lava, 'anthropic') });
    const result = await generateText({
      model: anthropic('claude-3-5-haiku-20241022'),
      prompt: 'c',
      maxRetries: 0,
    });
    expect(result.text).toContain('"c"');
    expect(received()).toEqual(['forward?u=https://api.anthropic.com/v1/messages']);
  });
});

describe('@google/genai', () => {
  it('providerUrl does not work: the SDK adds its version after v1beta', async () => {
    const genai = new GoogleGenAI({
      apiKey: await token(),
      httpOptions: { baseUrl: providerUrl(env.lava, 'google') },
    });
    const error = await genai.models
      .generateContent({ model: 'gemini-2.0-flash', contents: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(lavaErrorOf(error)).toMatchObject({
      code: 'unsupported_endpoint',
      message: expect.stringContaining('doubled version segment (/v1beta/v1)'),
    });
    expect(env.records()).toHaveLength(0);
  });

  it('forwardUrl of the bare host works without streaming; a stream puts alt=sse outside u and is refused', async () => {
    const baseUrl = forwardUrl(env.lava, 'https://generativelanguage.googleapis.com');
    const genai = new GoogleGenAI({ apiKey: await token(), httpOptions: { baseUrl } });
    const response = await genai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hi' });
    expect(response.text).toContain('"Hi"');
    const error = await genai.models
      .generateContentStream({ model: 'gemini-2.0-flash', contents: 'x' })
      .catch((e: unknown) => e);
    expect(lavaErrorOf(error)).toMatchObject({
      status: 400,
      code: 'unknown_parameter',
      message: expect.stringContaining('"alt"'),
    });
    expect(env.records().map((r) => r.upstream_url)).toEqual([
      'https://generativelanguage.googleapis.com/v1/models/gemini-2.0-flash:generateContent',
    ]);
  });
});
