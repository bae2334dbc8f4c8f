// Gemini's native API: `models/{model}:generateContent`, `:streamGenerateContent` (server-sent events with
// `alt=sse`, else one JSON array written piece by piece) and `:countTokens`, with function calling.
import { randomString } from '../ids';
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
  sse,
  type ToolChoice,
  type ToolSpec,
  tokenLimit,
} from './common';

function partsText(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  return parts
    .map((part) => {
      if (!isPlainObject(part)) return '';
      if (typeof part.text === 'string') return part.text;
      if (isPlainObject(part.functionCall)) return JSON.stringify(part.functionCall.args ?? {});
      if (isPlainObject(part.functionResponse)) return JSON.stringify(part.functionResponse.response ?? {});
      return '';
    })
    .filter(Boolean)
    .join('\n');
}

function toolsOf(value: unknown): ToolSpec[] | Response {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return providerError('google', 400, "Invalid value at 'tools': must be a list");
  const tools: ToolSpec[] = [];
  for (const tool of value) {
    const declarations = isPlainObject(tool) ? tool.functionDeclarations : undefined;
    if (!Array.isArray(declarations)) continue; // googleSearch, codeExecution, …
    for (const [i, fn] of declarations.entries()) {
      if (!isPlainObject(fn) || typeof fn.name !== 'string') {
        return providerError('google', 400, `* tools.function_declarations[${i}].name: Name is required`);
      }
      tools.push({ name: fn.name, parameters: fn.parametersJsonSchema ?? fn.parameters });
    }
  }
  return tools;
}

function toolChoiceOf(config: unknown): ToolChoice {
  const calling =
    isPlainObject(config) && isPlainObject(config.functionCallingConfig) ? config.functionCallingConfig : {};
  if (calling.mode === 'NONE') return 'none';
  if (calling.mode === 'ANY') {
    const [name] = Array.isArray(calling.allowedFunctionNames) ? calling.allowedFunctionNames : [];
    return typeof name === 'string' ? { name } : 'required';
  }
  return 'auto';
}

/** Reads a `GenerateContentRequest` for `model`; a 400 in Google's shape when it is not one. */
export function parseGemini(raw: string, model: string, stream: boolean): ChatInput | Response {
  const body = parseBody('google', raw);
  if (body instanceof Response) return body;
  const { contents } = body;
  if (!Array.isArray(contents) || contents.length === 0) {
    return providerError('google', 400, '* GenerateContentRequest.contents: contents is not specified');
  }
  const config = isPlainObject(body.generationConfig) ? body.generationConfig : {};
  const maxTokens = tokenLimit('google', 'generationConfig.maxOutputTokens', config.maxOutputTokens);
  if (maxTokens instanceof Response) return maxTokens;
  const tools = toolsOf(body.tools);
  if (tools instanceof Response) return tools;
  const parts: string[] = [];
  if (isPlainObject(body.systemInstruction)) parts.push(partsText(body.systemInstruction.parts));
  let lastUser = '';
  let last: Record<string, unknown> = {};
  for (const [i, content] of contents.entries()) {
    if (!isPlainObject(content) || !Array.isArray(content.parts) || content.parts.length === 0) {
      return providerError(
        'google',
        400,
        `* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.`,
      );
    }
    const text = partsText(content.parts);
    parts.push(text);
    const isResponse = content.parts.some((p) => isPlainObject(p) && isPlainObject(p.functionResponse));
    if (content.role !== 'model' && !isResponse) lastUser = text;
    last = content;
  }
  if (tools.length > 0) parts.push(JSON.stringify(body.tools));
  return {
    model,
    prompt: parts.join('\n'),
    lastUser,
    turns: contents.length,
    stream,
    includeUsage: true,
    maxTokens,
    tools,
    toolChoice: toolChoiceOf(body.toolConfig),
    afterToolResult:
      Array.isArray(last.parts) &&
      last.parts.some((p) => isPlainObject(p) && isPlainObject(p.functionResponse)),
  };
}

/** `:countTokens`: `{ totalTokens }`. */
export function renderGeminiCount(input: ChatInput): Response {
  const total = countTokens(input.prompt) + 3 * input.turns;
  return jsonResponse({ totalTokens: total, promptTokensDetails: [{ modality: 'TEXT', tokenCount: total }] });
}

/**
 * Renders a completion as a `GenerateContentResponse`; streamed, as one response per text piece (the
 * last with the finish reason and the full usage), as server-sent events with `alt=sse`, else as the
 * pieces of one JSON array.
 */
export function renderGemini(c: Completion, input: ChatInput, sseFormat: boolean, bill: Bill): Response {
  const finish = c.truncated ? 'MAX_TOKENS' : 'STOP';
  const responseId = randomString(22).toLowerCase();
  const usage = (output: number | undefined) => ({
    promptTokenCount: c.inputTokens,
    ...(output === undefined ? {} : { candidatesTokenCount: output }),
    totalTokenCount: c.inputTokens + (output ?? 0),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: c.inputTokens }],
  });
  const chunk = (parts: object[], finishReason: string | undefined, output: number | undefined) => ({
    candidates: [{ content: { parts, role: 'model' }, ...(finishReason ? { finishReason } : {}), index: 0 }],
    usageMetadata: usage(output),
    modelVersion: c.model,
    responseId,
  });
  const call = c.toolCall && {
    functionCall: { name: c.toolCall.name, args: JSON.parse(c.toolCall.arguments) },
  };
  if (!input.stream) {
    bill(completed(c, responseId));
    return jsonResponse(chunk([call ?? { text: c.text }], finish, c.outputTokens));
  }
  const words = call ? [] : pieces(c.text);
  const bodies = call
    ? [chunk([call], finish, c.outputTokens)]
    : words.map((text, i) =>
        i === words.length - 1
          ? chunk([{ text }], finish, c.outputTokens)
          : chunk([{ text }], undefined, undefined),
      );
  const chunks = sseFormat
    ? bodies.map((b) => `data: ${JSON.stringify(b)}\r\n\r\n`)
    : bodies.map(
        (b, i) => `${i === 0 ? '[' : ',\r\n'}${JSON.stringify(b)}${i === bodies.length - 1 ? ']' : ''}`,
      );
  return sse(
    chunks,
    billStream(bill, c, 0, responseId),
    sseFormat ? 'text/event-stream' : 'application/json; charset=UTF-8',
  );
}
