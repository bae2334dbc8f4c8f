/**
 * A streamed chat reply through Lava, answered with a real HTTP status when Lava refuses the call (402 no
 * credit, 404 unknown customer) instead of a 200 whose stream then fails. Two web-standard handlers
 * (`(request: Request) => Promise<Response>`: Hono, Next.js route handlers, Workers, Deno, Bun), one per
 * client: the `openai` SDK and the AI SDK's `streamText`. The README's "Refusals in a streamed reply"
 * shows them; test/examples/stream-refusals.test.ts runs both against the emulator.
 *
 *   POST { "customer_id": "con_…", "message": "Hello" }  →  200 text/plain, streamed
 *                                                       →  402 / 404 { error, code } from Lava
 */
import { createOpenAI } from '@ai-sdk/openai';
import type { LavaClient, LavaError } from '@lava-sdk/core';
import { gatewayFetch, lavaErrorOf } from '@lava-sdk/gateway';
import { streamText } from 'ai';
import OpenAI from 'openai';

interface ChatRequest {
  customer_id: string;
  message: string;
}

// #region refusal
/** Lava's refusal as the answer: its status (402, 404, …), its message and code. */
function refusal(error: LavaError): Response {
  const status = error.kind === 'api' ? error.status : 502;
  const code = error.kind === 'api' ? error.code : error.kind;
  return Response.json({ error: error.message, code }, { status });
}
// #endregion refusal

/** Plain text, written as the chunks arrive. */
function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The `openai` SDK: a refusal comes as the error of `create()`, before any byte of the stream. */
export function openaiChat(lava: LavaClient, meterSlug: string) {
  return async (request: Request): Promise<Response> => {
    const { customer_id, message } = (await request.json()) as ChatRequest;
    const openai = new OpenAI({
      apiKey: 'unused',
      maxRetries: 0,
      fetch: gatewayFetch(lava, { customer_id, meter_slug: meterSlug }),
    });
    // #region openai
    let stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
    try {
      stream = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: message }],
        stream: true,
      });
    } catch (error) {
      const refused = lavaErrorOf(error); // Lava's own answer, or undefined when the provider refused
      if (refused) return refusal(refused);
      throw error;
    }
    async function* text() {
      for await (const chunk of stream) yield chunk.choices[0]?.delta.content ?? '';
    }
    return new Response(textStream(text()), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
    // #endregion openai
  };
}

/**
 * The AI SDK: `streamText` returns at once and the refusal arrives later, as an `error` part of the
 * stream. Wait for the first text (or that error) before answering; the response still streams the
 * whole reply, because each of the result's streams starts from the beginning.
 */
export function aiSdkChat(lava: LavaClient, meterSlug: string) {
  return async (request: Request): Promise<Response> => {
    const { customer_id, message } = (await request.json()) as ChatRequest;
    const openai = createOpenAI({
      apiKey: 'unused',
      fetch: gatewayFetch(lava, { customer_id, meter_slug: meterSlug }),
    });
    // #region ai-sdk
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: message, maxRetries: 0 });
    for await (const part of result.fullStream) {
      if (part.type === 'error') {
        const refused = lavaErrorOf(part.error);
        if (refused) return refusal(refused);
        throw part.error;
      }
      if (part.type === 'text-delta') break; // the model is answering: stream the reply
    }
    return result.toTextStreamResponse();
    // #endregion ai-sdk
  };
}
