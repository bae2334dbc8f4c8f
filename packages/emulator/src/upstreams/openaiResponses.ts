// OpenAI's Responses API (`POST /responses`): the default of the AI SDK's `openai(model)`, streamed as
// typed `response.*` events or answered as one `response` object.
import { randomString } from '../ids';
import { isPlainObject } from '../validate';
import {
  type Bill,
  billStream,
  type ChatInput,
  type Completion,
  completed,
  jsonResponse,
  parseBody,
  pieces,
  providerError,
  readTools,
  sse,
  type ToolChoice,
  type ToolSpec,
  textOf,
  tokenLimit,
} from './common';

/** A Responses request: the chat input plus what the response object echoes. */
export interface ResponsesInput extends ChatInput {
  instructions: string | null;
}

function toolsOf(value: unknown): ToolSpec[] | Response {
  return readTools('openai', value, 'tools: must be an array', (tool, i) => {
    if (typeof tool.type !== 'string') return `tools[${i}]: each tool needs a type`;
    if (tool.type !== 'function') return null; // built-in tools (web_search, …)
    if (typeof tool.name !== 'string') return `tools[${i}].name: required`;
    return { name: tool.name, parameters: tool.parameters };
  });
}

function toolChoiceOf(value: unknown): ToolChoice {
  if (value === 'none' || value === 'required' || value === 'auto') return value;
  if (isPlainObject(value) && value.type === 'function' && typeof value.name === 'string')
    return { name: value.name };
  return 'auto';
}

/** Reads a Responses body; a 400 in OpenAI's shape when it is not one. */
export function parseResponses(raw: string): ResponsesInput | Response {
  const body = parseBody('openai', raw);
  if (body instanceof Response) return body;
  if (typeof body.model !== 'string' || body.model === '') {
    return providerError('openai', 400, "Missing required parameter: 'model'.", 'missing_required_parameter');
  }
  const items = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input;
  if (!Array.isArray(items) || items.length === 0) {
    return providerError('openai', 400, "Missing required parameter: 'input'.", 'missing_required_parameter');
  }
  if (
    body.instructions !== undefined &&
    body.instructions !== null &&
    typeof body.instructions !== 'string'
  ) {
    return providerError('openai', 400, 'instructions: must be a string');
  }
  const maxTokens = tokenLimit('openai', 'max_output_tokens', body.max_output_tokens);
  if (maxTokens instanceof Response) return maxTokens;
  const tools = toolsOf(body.tools);
  if (tools instanceof Response) return tools;
  const parts: string[] = typeof body.instructions === 'string' ? [body.instructions] : [];
  let lastUser = '';
  for (const [i, item] of items.entries()) {
    if (!isPlainObject(item)) return providerError('openai', 400, `input[${i}]: must be an object`);
    if (item.type === 'function_call_output') parts.push(textOf(item.output));
    else if (item.type === 'function_call') parts.push(String(item.arguments ?? ''));
    else if (typeof item.role === 'string') {
      const text = textOf(item.content);
      parts.push(text);
      if (item.role === 'user') lastUser = text;
    } else if (item.type !== 'item_reference' && item.type !== 'reasoning') {
      return providerError('openai', 400, `input[${i}]: unsupported item`);
    }
  }
  if (tools.length > 0) parts.push(JSON.stringify(body.tools));
  const last = items[items.length - 1] as Record<string, unknown>;
  return {
    model: body.model,
    prompt: parts.join('\n'),
    lastUser,
    turns: items.length,
    stream: body.stream === true,
    includeUsage: true,
    maxTokens,
    tools,
    toolChoice: toolChoiceOf(body.tool_choice),
    afterToolResult: last.type === 'function_call_output',
    instructions: typeof body.instructions === 'string' ? body.instructions : null,
  };
}

/** Renders a completion as a `response` object, or as the `response.*` event sequence. */
export function renderResponses(c: Completion, input: ResponsesInput, bill: Bill): Response {
  const itemId = `${c.toolCall ? 'fc' : 'msg'}_${randomString(40).toLowerCase()}`;
  const usage = {
    input_tokens: c.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: c.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: c.inputTokens + c.outputTokens,
  };
  const part = (text: string) => ({ type: 'output_text', text, annotations: [], logprobs: [] });
  const item = (done: boolean) =>
    c.toolCall
      ? {
          id: itemId,
          type: 'function_call',
          status: done ? 'completed' : 'in_progress',
          arguments: done ? c.toolCall.arguments : '',
          call_id: c.toolCall.id,
          name: c.toolCall.name,
        }
      : {
          id: itemId,
          type: 'message',
          status: done ? 'completed' : 'in_progress',
          role: 'assistant',
          content: done ? [part(c.text)] : [],
        };
  const status = c.truncated ? 'incomplete' : 'completed';
  const response = (state: string, done: boolean) => ({
    id: c.id,
    object: 'response',
    created_at: c.created,
    status: state,
    background: false,
    error: null,
    incomplete_details: done && c.truncated ? { reason: 'max_output_tokens' } : null,
    instructions: input.instructions,
    max_output_tokens: input.maxTokens ?? null,
    model: c.model,
    output: done ? [item(true)] : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: true,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice:
      typeof input.toolChoice === 'object' ? { type: 'function', ...input.toolChoice } : input.toolChoice,
    tools: input.tools.map((t) => ({
      type: 'function',
      name: t.name,
      parameters: t.parameters,
      strict: true,
    })),
    top_p: 1,
    truncation: 'disabled',
    usage: done ? usage : null,
    user: null,
    metadata: {},
  });
  if (!input.stream) {
    bill(completed(c));
    return jsonResponse(response(status, true));
  }
  let sequence = 0;
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...data })}\n\n`;
  const at = { item_id: itemId, output_index: 0 };
  const chunks = [
    event('response.created', { response: response('in_progress', false) }),
    event('response.in_progress', { response: response('in_progress', false) }),
    event('response.output_item.added', { output_index: 0, item: item(false) }),
  ];
  const lead = chunks.length + 1;
  if (c.toolCall) {
    const args = c.toolCall.arguments;
    chunks.push(
      event('response.function_call_arguments.delta', { ...at, delta: args }),
      event('response.function_call_arguments.done', { ...at, arguments: args }),
    );
  } else {
    chunks.push(
      event('response.content_part.added', { ...at, content_index: 0, part: part('') }),
      ...pieces(c.text).map((delta) =>
        event('response.output_text.delta', { ...at, content_index: 0, delta, logprobs: [] }),
      ),
      event('response.output_text.done', { ...at, content_index: 0, text: c.text, logprobs: [] }),
      event('response.content_part.done', { ...at, content_index: 0, part: part(c.text) }),
    );
  }
  chunks.push(
    event('response.output_item.done', { output_index: 0, item: item(true) }),
    event(`response.${status}`, { response: response(status, true) }),
  );
  return sse(chunks, billStream(bill, c, lead));
}
