// Anthropic Messages (`POST /v1/messages`, `POST /v1/messages/count_tokens`), with tool use and the
// `message_start` … `message_stop` event stream.
import { isPlainObject } from '../validate';
import {
  type Bill,
  billStream,
  type ChatInput,
  type Completion,
  completed,
  countTokens,
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

function toolsOf(value: unknown): ToolSpec[] | Response {
  return readTools('anthropic', value, 'tools: Input should be a valid list', (tool, i) => {
    if (typeof tool.name !== 'string') return `tools.${i}.name: Field required`;
    // Server tools (web_search_…) carry a type and no input_schema.
    if (tool.input_schema === undefined && typeof tool.type === 'string' && tool.type !== 'custom')
      return null;
    if (!isPlainObject(tool.input_schema)) return `tools.${i}.custom.input_schema: Field required`;
    return { name: tool.name, parameters: tool.input_schema };
  });
}

function toolChoiceOf(value: unknown): ToolChoice {
  if (!isPlainObject(value)) return 'auto';
  if (value.type === 'none') return 'none';
  if (value.type === 'any') return 'required';
  if (value.type === 'tool' && typeof value.name === 'string') return { name: value.name };
  return 'auto';
}

/** The text of a content: strings, text blocks, and the content of tool results. */
function contentText(content: unknown): string {
  if (!Array.isArray(content)) return textOf(content);
  return content
    .map((block) => {
      if (!isPlainObject(block)) return '';
      if (block.type === 'tool_result') return contentText(block.content);
      if (block.type === 'tool_use') return JSON.stringify(block.input ?? {});
      return typeof block.text === 'string' ? block.text : '';
    })
    .filter(Boolean)
    .join('\n');
}

/**
 * Reads a Messages body; a 400 in Anthropic's shape when it is not one. `native` is false when an
 * Anthropic-shaped client reaches another provider through the rewrite proxy, where `max_tokens` is
 * not required.
 */
export function parseAnthropic(raw: string, native = true, countOnly = false): ChatInput | Response {
  const body = parseBody('anthropic', raw);
  if (body instanceof Response) return body;
  if (typeof body.model !== 'string' || body.model === '') {
    return providerError('anthropic', 400, 'model: Field required');
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return providerError('anthropic', 400, 'messages: at least one message is required');
  }
  const maxTokens = tokenLimit('anthropic', 'max_tokens', body.max_tokens);
  if (maxTokens instanceof Response) return maxTokens;
  if (native && !countOnly && maxTokens === undefined) {
    return providerError('anthropic', 400, 'max_tokens: Field required');
  }
  const tools = toolsOf(body.tools);
  if (tools instanceof Response) return tools;
  const parts: string[] = body.system === undefined ? [] : [contentText(body.system)];
  let lastUser = '';
  for (const [i, message] of body.messages.entries()) {
    if (!isPlainObject(message) || (message.role !== 'user' && message.role !== 'assistant')) {
      return providerError('anthropic', 400, `messages.${i}.role: Input should be 'user' or 'assistant'`);
    }
    const text = contentText(message.content);
    parts.push(text);
    const isToolResult =
      Array.isArray(message.content) &&
      message.content.some((b) => isPlainObject(b) && b.type === 'tool_result');
    if (message.role === 'user' && !isToolResult) lastUser = text;
  }
  if (tools.length > 0) parts.push(JSON.stringify(body.tools));
  const last = body.messages[body.messages.length - 1] as Record<string, unknown>;
  return {
    model: body.model,
    prompt: parts.join('\n'),
    lastUser,
    turns: body.messages.length,
    stream: body.stream === true,
    includeUsage: true,
    maxTokens,
    tools,
    toolChoice: toolChoiceOf(body.tool_choice),
    afterToolResult:
      last.role === 'user' &&
      Array.isArray(last.content) &&
      last.content.some((b) => isPlainObject(b) && b.type === 'tool_result'),
  };
}

/** `POST /v1/messages/count_tokens`: `{ input_tokens }`. */
export function renderCountTokens(input: ChatInput): Response {
  return jsonResponse({ input_tokens: countTokens(input.prompt) + 3 * input.turns });
}

/** Renders a completion as an Anthropic `message`, or as its event stream. */
export function renderAnthropic(c: Completion, input: ChatInput, bill: Bill): Response {
  const stop = c.toolCall ? 'tool_use' : c.truncated ? 'max_tokens' : 'end_turn';
  const toolUse = c.toolCall && {
    type: 'tool_use',
    id: `toolu_${c.toolCall.id.slice(5)}`,
    name: c.toolCall.name,
    input: JSON.parse(c.toolCall.arguments) as unknown,
  };
  const usage = (output: number) => ({
    input_tokens: c.inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: output,
    service_tier: 'standard',
  });
  const message = (content: unknown[], stopReason: string | null, output: number) => ({
    id: c.id,
    type: 'message',
    role: 'assistant',
    model: c.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: usage(output),
  });
  if (!input.stream) {
    bill(completed(c));
    return jsonResponse(message([toolUse ?? { type: 'text', text: c.text }], stop, c.outputTokens));
  }
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const chunks = [
    event('message_start', { message: message([], null, 1) }),
    event('content_block_start', {
      index: 0,
      content_block: toolUse ? { ...toolUse, input: {} } : { type: 'text', text: '' },
    }),
    event('ping', {}),
  ];
  const lead = chunks.length;
  if (c.toolCall) {
    chunks.push(
      event('content_block_delta', {
        index: 0,
        delta: { type: 'input_json_delta', partial_json: c.toolCall.arguments },
      }),
    );
  } else {
    chunks.push(
      ...pieces(c.text).map((text) =>
        event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
      ),
    );
  }
  chunks.push(
    event('content_block_stop', { index: 0 }),
    event('message_delta', {
      delta: { stop_reason: stop, stop_sequence: null },
      usage: { output_tokens: c.outputTokens },
    }),
    event('message_stop', {}),
  );
  return sse(chunks, billStream(bill, c, lead));
}
