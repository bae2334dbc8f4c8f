// OpenAI Chat Completions (`POST /chat/completions`), also what every OpenAI-compatible provider serves.
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

function toolsOf(value: unknown): ToolSpec[] | Response {
  return readTools('openai', value, 'tools: must be an array', (tool, i) => {
    const fn = tool.function;
    if (tool.type !== 'function' || !isPlainObject(fn) || typeof fn.name !== 'string') {
      return `tools[${i}]: expected {"type":"function","function":{"name",…}}`;
    }
    return { name: fn.name, parameters: fn.parameters };
  });
}

function toolChoiceOf(value: unknown): ToolChoice {
  if (value === 'none' || value === 'required' || value === 'auto') return value;
  if (isPlainObject(value) && isPlainObject(value.function) && typeof value.function.name === 'string') {
    return { name: value.function.name };
  }
  return 'auto';
}

/** Reads a Chat Completions body; a 400 in OpenAI's shape when it is not one. */
export function parseOpenAIChat(raw: string): ChatInput | Response {
  const body = parseBody('openai', raw);
  if (body instanceof Response) return body;
  if (typeof body.model !== 'string' || body.model === '') {
    return providerError('openai', 400, 'you must provide a model parameter');
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return providerError('openai', 400, "[] is too short - 'messages'", 'invalid_value');
  }
  const maxTokens = tokenLimit('openai', 'max_tokens', body.max_completion_tokens ?? body.max_tokens);
  if (maxTokens instanceof Response) return maxTokens;
  const tools = toolsOf(body.tools);
  if (tools instanceof Response) return tools;
  const parts: string[] = [];
  let lastUser = '';
  for (const [i, message] of body.messages.entries()) {
    if (!isPlainObject(message) || typeof message.role !== 'string') {
      return providerError('openai', 400, `messages[${i}]: each message needs a role`);
    }
    const text = textOf(message.content);
    parts.push(text);
    if (message.role === 'user') lastUser = text;
  }
  if (tools.length > 0) parts.push(JSON.stringify(body.tools));
  const options = isPlainObject(body.stream_options) ? body.stream_options : {};
  const last = body.messages[body.messages.length - 1] as Record<string, unknown>;
  return {
    model: body.model,
    prompt: parts.join('\n'),
    lastUser,
    turns: body.messages.length,
    stream: body.stream === true,
    includeUsage: options.include_usage === true,
    maxTokens,
    tools,
    toolChoice: toolChoiceOf(body.tool_choice),
    afterToolResult: last.role === 'tool',
  };
}

/** Renders a completion as a `chat.completion`, or as `chat.completion.chunk` events ending in `[DONE]`. */
export function renderOpenAIChat(c: Completion, input: ChatInput, bill: Bill): Response {
  const finish = c.toolCall ? 'tool_calls' : c.truncated ? 'length' : 'stop';
  const usage = {
    prompt_tokens: c.inputTokens,
    completion_tokens: c.outputTokens,
    total_tokens: c.inputTokens + c.outputTokens,
  };
  const toolCalls = c.toolCall && [
    {
      id: c.toolCall.id,
      type: 'function',
      function: { name: c.toolCall.name, arguments: c.toolCall.arguments },
    },
  ];
  if (!input.stream) {
    bill(completed(c));
    return jsonResponse({
      id: c.id,
      object: 'chat.completion',
      created: c.created,
      model: c.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: c.toolCall ? null : c.text,
            refusal: null,
            ...(toolCalls ? { tool_calls: toolCalls } : {}),
          },
          logprobs: null,
          finish_reason: finish,
        },
      ],
      usage,
      system_fingerprint: 'fp_lava_emulator',
    });
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
  const words = c.toolCall ? [] : pieces(c.text);
  const chunks = [chunk({ role: 'assistant', content: c.toolCall ? null : '', refusal: null }, null)];
  if (c.toolCall) {
    const { id, name, arguments: args } = c.toolCall;
    chunks.push(
      chunk({ tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: '' } }] }, null),
      chunk({ tool_calls: [{ index: 0, function: { arguments: args } }] }, null),
    );
  }
  chunks.push(...words.map((content) => chunk({ content }, null)), chunk({}, finish));
  if (input.includeUsage) chunks.push(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
  chunks.push('data: [DONE]\n\n');
  return sse(chunks, billStream(bill, c, 1));
}
