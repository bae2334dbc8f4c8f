// Built-in fake upstream providers: OpenAI-compatible chat completions and Anthropic messages, with
// deterministic replies, token usage, and server-sent events when the body has `stream: true`.
import type { ReplyFunction } from './context';
import { randomString } from './ids';
import { isPlainObject } from './validate';

export type ChatFormat = 'openai' | 'anthropic';

/** A chat request, whatever format it came in. */
export interface ChatInput {
  model: string;
  /** Every message's text, for the token count. */
  prompt: string;
  /** The last user message, which the default reply echoes. */
  lastUser: string;
  messages: number;
  stream: boolean;
  includeUsage: boolean;
  maxTokens?: number | undefined;
}

export interface Completion {
  id: string;
  model: string;
  text: string;
  inputTokens: number;
  outputTokens: number;
  truncated: boolean;
  created: number;
}

/** About four characters a token, as a rule of thumb; at least one. */
export function countTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** A provider-shaped error response (the gateway passes provider errors through unchanged). */
export function providerError(format: ChatFormat, status: number, message: string): Response {
  const type = status === 404 ? 'not_found_error' : 'invalid_request_error';
  const body =
    format === 'anthropic'
      ? { type: 'error', error: { type, message } }
      : {
          error: {
            message,
            type: 'invalid_request_error',
            param: null,
            code: status === 404 ? 'unknown_url' : null,
          },
        };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (isPlainObject(part) && typeof part.text === 'string' ? part.text : ''))
      .filter(Boolean)
      .join('\n');
  }
  return '';
}

/** Parses a chat body in `format`; a provider-shaped 400 Response when it is not one. */
export function parseChat(format: ChatFormat, raw: string, strict: boolean): ChatInput | Response {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return providerError(format, 400, 'We could not parse the JSON body of your request.');
  }
  if (!isPlainObject(body)) return providerError(format, 400, 'The request body must be a JSON object.');
  if (typeof body.model !== 'string' || body.model === '') {
    return providerError(format, 400, 'you must provide a model parameter');
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return providerError(format, 400, 'messages: must be a non-empty array');
  }
  const maxTokens = body.max_tokens ?? body.max_completion_tokens;
  if (
    maxTokens !== undefined &&
    maxTokens !== null &&
    (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1)
  ) {
    return providerError(format, 400, 'max_tokens: must be a positive integer');
  }
  if (format === 'anthropic' && strict && maxTokens === undefined) {
    return providerError(format, 400, 'max_tokens: Field required');
  }
  const parts: string[] = [];
  if (format === 'anthropic' && body.system !== undefined) parts.push(textOf(body.system));
  let lastUser = '';
  for (const [i, message] of body.messages.entries()) {
    if (!isPlainObject(message) || typeof message.role !== 'string') {
      return providerError(format, 400, `messages.${i}: each message needs a role and content`);
    }
    const text = textOf(message.content);
    parts.push(text);
    if (message.role === 'user') lastUser = text;
  }
  const options = isPlainObject(body.stream_options) ? body.stream_options : {};
  return {
    model: body.model,
    prompt: parts.join('\n'),
    lastUser,
    messages: body.messages.length,
    stream: body.stream === true,
    includeUsage: options.include_usage === true,
    maxTokens: typeof maxTokens === 'number' ? maxTokens : undefined,
  };
}

export const defaultReply: ReplyFunction = ({ prompt }) => {
  const said = prompt.length > 120 ? `${prompt.slice(0, 117)}...` : prompt;
  return `Hello from the Lava emulator! You said: "${said}"`;
};

export function complete(
  reply: ReplyFunction,
  provider: string,
  format: ChatFormat,
  input: ChatInput,
): Completion {
  let text = reply({ provider, model: input.model, prompt: input.lastUser });
  let truncated = false;
  if (input.maxTokens !== undefined && countTokens(text) > input.maxTokens) {
    text = text.slice(0, input.maxTokens * 4);
    truncated = true;
  }
  return {
    id: format === 'anthropic' ? `msg_emu${randomString(20)}` : `chatcmpl-emu${randomString(20)}`,
    model: input.model,
    text,
    inputTokens: countTokens(input.prompt) + 3 * input.messages,
    outputTokens: countTokens(text),
    truncated,
    created: Math.floor(Date.now() / 1000),
  };
}

const encoder = new TextEncoder();

/** An SSE response whose chunks are produced one per pull; `onDone` runs before the stream closes. */
function sse(chunks: string[], onDone: () => void): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) {
        controller.enqueue(encoder.encode(chunk));
        return;
      }
      try {
        onDone();
      } finally {
        controller.close();
      }
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    },
  });
}

function pieces(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

function openaiResponse(c: Completion, input: ChatInput, onDone: () => void): Response {
  const finish = c.truncated ? 'length' : 'stop';
  const usage = {
    prompt_tokens: c.inputTokens,
    completion_tokens: c.outputTokens,
    total_tokens: c.inputTokens + c.outputTokens,
  };
  if (!input.stream) {
    onDone();
    return new Response(
      JSON.stringify({
        id: c.id,
        object: 'chat.completion',
        created: c.created,
        model: c.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: c.text, refusal: null },
            logprobs: null,
            finish_reason: finish,
          },
        ],
        usage,
        system_fingerprint: 'fp_lava_emulator',
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  }
  const base = {
    id: c.id,
    object: 'chat.completion.chunk',
    created: c.created,
    model: c.model,
    system_fingerprint: 'fp_lava_emulator',
  };
  const chunk = (delta: object, finish_reason: string | null) =>
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason }] })}\n\n`;
  const chunks = [
    chunk({ role: 'assistant', content: '', refusal: null }, null),
    ...pieces(c.text).map((content) => chunk({ content }, null)),
    chunk({}, finish),
  ];
  if (input.includeUsage) chunks.push(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
  chunks.push('data: [DONE]\n\n');
  return sse(chunks, onDone);
}

function anthropicResponse(c: Completion, input: ChatInput, onDone: () => void): Response {
  const stop = c.truncated ? 'max_tokens' : 'end_turn';
  if (!input.stream) {
    onDone();
    return new Response(
      JSON.stringify({
        id: c.id,
        type: 'message',
        role: 'assistant',
        model: c.model,
        content: [{ type: 'text', text: c.text }],
        stop_reason: stop,
        stop_sequence: null,
        usage: { input_tokens: c.inputTokens, output_tokens: c.outputTokens },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  }
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const chunks = [
    event('message_start', {
      message: {
        id: c.id,
        type: 'message',
        role: 'assistant',
        model: c.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: c.inputTokens, output_tokens: 1 },
      },
    }),
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    event('ping', {}),
    ...pieces(c.text).map((text) =>
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
    ),
    event('content_block_stop', { index: 0 }),
    event('message_delta', {
      delta: { stop_reason: stop, stop_sequence: null },
      usage: { output_tokens: c.outputTokens },
    }),
    event('message_stop', {}),
  ];
  return sse(chunks, onDone);
}

/** Renders a completion in the client's format, as JSON or as server-sent events. */
export function renderChat(
  format: ChatFormat,
  c: Completion,
  input: ChatInput,
  onDone: () => void,
): Response {
  return format === 'anthropic' ? anthropicResponse(c, input, onDone) : openaiResponse(c, input, onDone);
}

/** The provider's model list, in its own format. */
export function renderModels(
  format: ChatFormat,
  models: { id: string; created: number; owned_by: string }[],
): Response {
  const body =
    format === 'anthropic'
      ? {
          data: models.map((m) => ({
            type: 'model',
            id: m.id,
            display_name: m.id,
            created_at: new Date(m.created * 1000).toISOString(),
          })),
          has_more: false,
          first_id: models[0]?.id ?? null,
          last_id: models[models.length - 1]?.id ?? null,
        }
      : {
          object: 'list',
          data: models.map((m) => ({ id: m.id, object: 'model', created: m.created, owned_by: m.owned_by })),
        };
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}
