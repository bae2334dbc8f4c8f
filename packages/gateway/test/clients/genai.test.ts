// @google/genai on its default base URL, with gatewayFetch as `httpOptions.fetch`, against the emulator.
import { ApiError, GoogleGenAI, Type } from '@google/genai';
import { gatewayFetch, lavaErrorOf } from '@lava-sdk/gateway';
import { describe, expect, it } from 'vitest';
import { useClients } from './helpers';

const env = useClients();
// @google/genai calls the stable v1 unless told otherwise.
const GEMINI = 'https://generativelanguage.googleapis.com/v1/models/gemini-2.0-flash';
const genai = (fetch: typeof globalThis.fetch, apiVersion?: string) =>
  new GoogleGenAI({ apiKey: 'unused', httpOptions: { fetch, ...(apiVersion && { apiVersion }) } });

describe('@google/genai through gatewayFetch', () => {
  it('generateContent, billed to the customer at the endpoint Lava records', async () => {
    const c = await env.customerFetch();
    const response = await genai(c.fetch).models.generateContent({
      model: 'gemini-2.0-flash',
      contents: 'Hello Gemini',
      config: { systemInstruction: 'Be brief' },
    });
    expect(response.text).toBe('Hello from the Lava emulator! You said: "Hello Gemini"');
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    const record = env.forwarded(`${GEMINI}:generateContent`);
    expect(record.body).toMatchObject({
      endpoint: `POST ${GEMINI}:generateContent`,
      provider: 'google',
      customer_id: c.customer_id,
      model: 'gemini-2.0-flash',
      response_id: response.responseId,
      status: 'completed',
    });
    expect(record.body.model_usage).toMatchObject({
      input_tokens: response.usageMetadata?.promptTokenCount,
      output_tokens: response.usageMetadata?.candidatesTokenCount,
    });
  });

  it('generateContentStream: alt=sse stays inside u, and the record bills the whole stream', async () => {
    const c = await env.customerFetch();
    const stream = await genai(c.fetch).models.generateContentStream({
      model: 'gemini-2.0-flash',
      contents: 'Stream Gemini',
    });
    let text = '';
    let total: number | undefined;
    for await (const chunk of stream) {
      text += chunk.text ?? '';
      total = chunk.usageMetadata?.totalTokenCount ?? total;
    }
    expect(text).toBe('Hello from the Lava emulator! You said: "Stream Gemini"');
    const record = env.forwarded(`${GEMINI}:streamGenerateContent?alt=sse`);
    expect(record.body).toMatchObject({
      endpoint: `POST ${GEMINI}:streamGenerateContent`,
      status: 'completed',
    });
    expect(record.total_tokens).toBe(total);
  });

  it('calls a declared function, and on v1beta when asked', async () => {
    const c = await env.customerFetch();
    const response = await genai(c.fetch, 'v1beta').models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Lisbon',
      config: {
        tools: [
          {
            functionDeclarations: [
              {
                name: 'get_time',
                parameters: {
                  type: Type.OBJECT,
                  properties: { city: { type: Type.STRING } },
                  required: ['city'],
                },
              },
            ],
          },
        ],
      },
    });
    expect(response.functionCalls).toEqual([{ name: 'get_time', args: { city: 'Lisbon' } }]);
    const url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';
    expect(env.forwarded(url).body.endpoint).toBe(`POST ${url}`);
  });

  it('counts tokens', async () => {
    const c = await env.customerFetch();
    const count = await genai(c.fetch).models.countTokens({
      model: 'gemini-2.0-flash',
      contents: 'Count me',
    });
    expect(count.totalTokens).toBeGreaterThan(0);
    env.forwarded(`${GEMINI}:countTokens`);
  });

  it("answers an unknown model with Google's own 404, which is not Lava's", async () => {
    const c = await env.customerFetch();
    const error = await genai(c.fetch)
      .models.generateContent({ model: 'gemini-0', contents: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect(JSON.parse((error as ApiError).message)).toMatchObject({
      error: { code: 404, status: 'NOT_FOUND' },
    });
    expect(lavaErrorOf(error)).toBeUndefined();
  });

  it("gives Lava's refusal back through lavaErrorOf", async () => {
    env.running.emulator.state.merchant.balance = 0n;
    const error = await genai(gatewayFetch(env.lava))
      .models.generateContent({ model: 'gemini-2.0-flash', contents: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(lavaErrorOf(error)).toMatchObject({ kind: 'api', status: 402, code: 'insufficient_balance' });
    expect(env.records()).toHaveLength(0);
  });
});
