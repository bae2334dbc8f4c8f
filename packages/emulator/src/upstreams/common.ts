// What every fake upstream shares: the normalised chat input, the completion it produces, provider error
// shapes, server-sent events, token counts and the arguments of a tool call.
import type { ReplyFunction } from '../context';
import { randomString } from '../ids';
import { isPlainObject } from '../validate';

/** The wire format a request is read in and a response rendered in. */
export type WireFormat = 'openai' | 'anthropic' | 'google';

/** A function the request offers the model, in any format. */
export interface ToolSpec {
  name: string;
  /** Its JSON Schema (OpenAI `parameters`, Anthropic `input_schema`, Gemini `parameters`). */
  parameters: unknown;
}

/** `auto` lets the model choose; `required` forces some tool; `{ name }` forces that one. */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

/** A chat request, whatever format it came in. */
export interface ChatInput {
  model: string;
  /** Every message's text (and the tools offered), for the token count. */
  prompt: string;
  /** The last user message, which the default reply echoes. */
  lastUser: string;
  /** Messages (or input items, or contents) in the conversation. */
  turns: number;
  stream: boolean;
  /** OpenAI chat's `stream_options.include_usage`. */
  includeUsage: boolean;
  maxTokens?: number | undefined;
  tools: ToolSpec[];
  toolChoice: ToolChoice;
  /** The conversation ends with a tool's result: the model answers in text. */
  afterToolResult: boolean;
}

/** A tool call the fake model decided to make. */
export interface ToolCall {
  id: string;
  name: string;
  /** JSON text of the arguments, as OpenAI sends them. */
  arguments: string;
}

export interface Completion {
  id: string;
  model: string;
  text: string;
  toolCall?: ToolCall;
  inputTokens: number;
  outputTokens: number;
  /** `maxTokens` cut the text short. */
  truncated: boolean;
  /** Unix seconds. */
  created: number;
}

/** What the gateway records for one upstream call. */
export interface Outcome {
  status: 'completed' | 'error';
  model?: string;
  responseId?: string;
  inputTokens?: number;
  outputTokens?: number;
}

/** Called exactly once per upstream call: when its answer is sent (after the last event of a stream). */
export type Bill = (outcome: Outcome) => void;

/** About four characters a token, as a rule of thumb; at least one. */
export function countTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
};

/** A provider-shaped error answer (Lava passes provider errors through unchanged). */
export function providerError(
  format: WireFormat,
  status: number,
  message: string,
  code: string | null = null,
): Response {
  if (format === 'anthropic') {
    const type = status === 404 ? 'not_found_error' : 'invalid_request_error';
    return jsonResponse({ type: 'error', error: { type, message } }, status);
  }
  if (format === 'google') {
    return jsonResponse(
      { error: { code: status, message, status: GOOGLE_STATUS[status] ?? 'UNKNOWN' } },
      status,
    );
  }
  return jsonResponse({ error: { message, type: 'invalid_request_error', param: null, code } }, status);
}

/** The text of a message content: a string, or the `text` of its parts. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (isPlainObject(part) && typeof part.text === 'string' ? part.text : ''))
      .filter(Boolean)
      .join('\n');
  }
  return '';
}

/** Parses a JSON object body; a provider-shaped 400 when it is not one. */
export function parseBody(format: WireFormat, raw: string): Record<string, unknown> | Response {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return providerError(format, 400, 'We could not parse the JSON body of your request.');
  }
  if (!isPlainObject(body)) return providerError(format, 400, 'The request body must be a JSON object.');
  return body;
}

/**
 * The tools of a request: `read` turns one entry into a tool, `null` to skip it (a built-in tool the
 * fake model never calls), or a message for the provider's 400.
 */
export function readTools(
  format: WireFormat,
  value: unknown,
  notAList: string,
  read: (tool: Record<string, unknown>, i: number) => ToolSpec | null | string,
): ToolSpec[] | Response {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return providerError(format, 400, notAList);
  const tools: ToolSpec[] = [];
  for (const [i, tool] of value.entries()) {
    const spec = read(isPlainObject(tool) ? tool : {}, i);
    if (typeof spec === 'string') return providerError(format, 400, spec);
    if (spec) tools.push(spec);
  }
  return tools;
}

/** A positive integer token limit, undefined when absent; a 400 when it is anything else. */
export function tokenLimit(format: WireFormat, name: string, value: unknown): number | undefined | Response {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    return providerError(format, 400, `${name}: must be a positive integer`);
  }
  return value;
}

const encoder = new TextEncoder();

/**
 * A `text/event-stream` response whose chunks are produced one per pull. `end` runs once: after the last
 * chunk (`completed`), or when the client cancels, with how many chunks it had been sent.
 */
export function sse(
  chunks: string[],
  end: (completed: boolean, sent: number) => void,
  contentType = 'text/event-stream; charset=utf-8',
): Response {
  let index = 0;
  let ended = false;
  const finish = (completed: boolean) => {
    if (!ended) {
      ended = true;
      end(completed, index);
    }
  };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index];
      if (chunk !== undefined) {
        index++;
        controller.enqueue(encoder.encode(chunk));
        return;
      }
      try {
        finish(true);
      } finally {
        controller.close();
      }
    },
    cancel() {
      finish(false);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentType,
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    },
  });
}

/** The text split into words (with their trailing space), one per streamed delta. */
export function pieces(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

/** A value for a JSON Schema: the first enum value, the minimum, `true`, the prompt for strings, … */
function sample(schema: unknown, prompt: string, depth: number): unknown {
  if (!isPlainObject(schema) || depth > 5) return prompt;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const options = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(options) && options.length > 0) return sample(options[0], prompt, depth + 1);
  const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (typeof declared === 'string' ? declared.toLowerCase() : 'object') {
    case 'string':
      return prompt;
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return [sample(schema.items, prompt, depth + 1)];
    case 'null':
      return null;
    default: {
      const properties = isPlainObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required : Object.keys(properties);
      const out: Record<string, unknown> = {};
      for (const name of required) {
        if (typeof name === 'string') out[name] = sample(properties[name], prompt, depth + 1);
      }
      return out;
    }
  }
}

/** The tool the fake model calls, if any: none after a tool result or with `tool_choice: none`. */
function chosenTool(input: ChatInput): ToolSpec | undefined {
  if (input.tools.length === 0 || input.toolChoice === 'none' || input.afterToolResult) return undefined;
  const choice = input.toolChoice;
  if (typeof choice === 'object') return input.tools.find((t) => t.name === choice.name) ?? input.tools[0];
  return input.tools[0];
}

export const defaultReply: ReplyFunction = ({ prompt }) => {
  const said = prompt.length > 120 ? `${prompt.slice(0, 117)}...` : prompt;
  return `Hello from the Lava emulator! You said: "${said}"`;
};

/**
 * The fake model's answer: a call of the offered tool (its arguments sampled from the tool's schema, the
 * user's words in every string), else the reply text, cut to `maxTokens`.
 */
export function complete(
  reply: ReplyFunction,
  provider: string,
  input: ChatInput,
  idPrefix: string,
): Completion {
  const inputTokens = countTokens(input.prompt) + 3 * input.turns;
  const created = Math.floor(Date.now() / 1000);
  const id = `${idPrefix}${randomString(20)}`;
  const tool = chosenTool(input);
  if (tool) {
    const args = JSON.stringify(sample(tool.parameters, input.lastUser.slice(0, 80), 0));
    return {
      id,
      model: input.model,
      text: '',
      toolCall: { id: `call_${randomString(24)}`, name: tool.name, arguments: args },
      inputTokens,
      outputTokens: countTokens(tool.name + args),
      truncated: false,
      created,
    };
  }
  let text = reply({ provider, model: input.model, prompt: input.lastUser });
  let truncated = false;
  if (input.maxTokens !== undefined && countTokens(text) > input.maxTokens) {
    text = text.slice(0, input.maxTokens * 4);
    truncated = true;
  }
  return { id, model: input.model, text, inputTokens, outputTokens: countTokens(text), truncated, created };
}

/** What a completion bills once its answer is sent in full. */
export function completed(c: Completion, responseId = c.id): Outcome {
  const { model, inputTokens, outputTokens } = c;
  return { status: 'completed', model, responseId, inputTokens, outputTokens };
}

/**
 * The `end` of a streamed completion: the full usage once the last event is sent; when the client
 * cancels, an error record with the output of the text pieces it had been sent (after `lead` events
 * that carry no text).
 */
export function billStream(bill: Bill, c: Completion, lead: number, responseId = c.id) {
  return (done: boolean, sent: number) => {
    const outcome = completed(c, responseId);
    const partial =
      sent - lead <= 0
        ? 0
        : countTokens(
            pieces(c.text)
              .slice(0, sent - lead)
              .join(''),
          );
    bill(done ? outcome : { ...outcome, status: 'error', outputTokens: partial });
  };
}

/** The response with a pause before each chunk after the first, as a model producing tokens would. */
export function paced(response: Response, delayMs: number): Response {
  if (delayMs <= 0 || !response.body) return response;
  const reader = response.body.getReader();
  let first = true;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!first) await new Promise((resolve) => setTimeout(resolve, delayMs));
        first = false;
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, headers: response.headers });
}
