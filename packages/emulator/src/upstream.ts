// The built-in fake upstream providers: which endpoints the emulator answers and with which module.
// OpenAI (Chat Completions, Responses, embeddings, models) and every OpenAI-compatible provider,
// Anthropic (messages, count_tokens, models), Gemini (generateContent, streamGenerateContent,
// countTokens, models); deterministic replies, token usage, tool calls when tools are offered, and
// server-sent events when asked to stream.
import type { ProviderApi } from '@lava-sdk/providers';
import type { ReplyFunction } from './context';
import { findModel, MODELS } from './pricing';
import { parseAnthropic, renderAnthropic, renderCountTokens } from './upstreams/anthropic';
import { type Bill, type ChatInput, complete, providerError, type WireFormat } from './upstreams/common';
import { parseEmbeddings, renderEmbeddings } from './upstreams/embeddings';
import { parseGemini, renderGemini, renderGeminiCount } from './upstreams/gemini';
import { renderModel, renderModels, unknownModel } from './upstreams/models';
import { parseOpenAIChat, renderOpenAIChat } from './upstreams/openaiChat';
import { parseResponses, renderResponses } from './upstreams/openaiResponses';
import type { Target } from './upstreams/targets';

export { defaultReply } from './upstreams/common';

export type Operation = 'chat' | 'responses' | 'embeddings' | 'models' | 'model' | 'count_tokens';

/** The wire format of an API, or undefined for one the emulator does not speak (ElevenLabs). */
export function formatOf(api: ProviderApi): WireFormat | undefined {
  if (api === 'openai' || api === 'openai-compatible') return 'openai';
  return api === 'elevenlabs' ? undefined : api;
}

const OPERATIONS: Record<string, Operation> = {
  'openai POST /chat/completions': 'chat',
  'openai POST /responses': 'responses',
  'openai POST /embeddings': 'embeddings',
  'openai GET /models': 'models',
  'openai GET /models/{model}': 'model',
  'anthropic POST /messages': 'chat',
  'anthropic POST /messages/count_tokens': 'count_tokens',
  'anthropic GET /models': 'models',
  'anthropic GET /models/{model}': 'model',
  'google POST /models/{model}:generateContent': 'chat',
  'google POST /models/{model}:streamGenerateContent': 'chat',
  'google POST /models/{model}:countTokens': 'count_tokens',
  'google GET /models': 'models',
  'google GET /models/{model}': 'model',
};

/** What the emulator does at a real endpoint; undefined when it does not emulate that endpoint. */
export function operationOf(target: Target): Operation | undefined {
  const format = formatOf(target.provider.api);
  return format && OPERATIONS[`${format} ${target.endpoint.method} ${target.endpoint.path}`];
}

export interface UpstreamCall {
  target: Target;
  operation: Operation;
  /** The format the client speaks: the provider's own through /forward, another through /rewrite. */
  clientFormat: WireFormat;
  headers: Headers;
  body: string;
  reply: ReplyFunction;
}

const ID_PREFIX: Record<WireFormat, string> = { openai: 'chatcmpl-emu', anthropic: 'msg_emu', google: '' };

function parseChat(call: UpstreamCall, native: WireFormat): ChatInput | Response {
  const { target, body } = call;
  if (call.clientFormat === 'anthropic') {
    return parseAnthropic(body, native === 'anthropic', call.operation === 'count_tokens');
  }
  if (call.clientFormat === 'google') {
    return parseGemini(body, target.params.model ?? '', target.endpoint.path.includes(':stream'));
  }
  return parseOpenAIChat(body);
}

/**
 * Answers one upstream call. `bill` is called once the answer is complete (after the last event of a
 * stream); an error answer the caller records itself.
 */
export function callUpstream(call: UpstreamCall, bill: Bill): Response {
  const { target, operation, clientFormat: format } = call;
  const provider = target.provider.id;
  const native = formatOf(target.provider.api) as WireFormat;
  const version = target.provider.path.slice(1);
  // Anthropic refuses every call without it; Lava forwards provider headers unchanged.
  if (format === 'anthropic' && native === 'anthropic' && !call.headers.get('anthropic-version')) {
    return providerError('anthropic', 400, 'anthropic-version: header is required');
  }
  switch (operation) {
    case 'models': {
      bill({ status: 'completed' });
      return renderModels(
        format,
        MODELS.filter((m) => m.provider === provider),
      );
    }
    case 'model': {
      const id = target.params.model ?? '';
      const model = findModel(provider, id);
      if (model) bill({ status: 'completed' });
      return renderModel(format, id, model);
    }
    case 'embeddings': {
      const input = parseEmbeddings(call.body);
      if (input instanceof Response) return input;
      const model = findModel(provider, input.model);
      if (!model) return unknownModel(format, input.model, 'embeddings');
      if (model.kind !== 'embedding') {
        return providerError('openai', 400, `${model.id} does not support embeddings`, 'invalid_model');
      }
      return renderEmbeddings(input, model, bill);
    }
    case 'responses': {
      const input = parseResponses(call.body);
      if (input instanceof Response) return input;
      const model = findModel(provider, input.model);
      if (!model || model.kind === 'embedding') return unknownModel(format, input.model, 'responses');
      return renderResponses(complete(call.reply, provider, input, 'resp_'), input, bill);
    }
    case 'count_tokens':
    case 'chat': {
      const input = parseChat(call, native);
      if (input instanceof Response) return input;
      const model = findModel(provider, input.model.replace(/^models\//, ''));
      if (!model || model.kind === 'embedding') {
        const method = target.endpoint.path.split(':')[1] ?? 'generateContent';
        return unknownModel(format, input.model, method, version);
      }
      if (operation === 'count_tokens') {
        bill({ status: 'completed', model: model.id });
        return format === 'google' ? renderGeminiCount(input) : renderCountTokens(input);
      }
      const completion = complete(call.reply, provider, input, ID_PREFIX[format]);
      if (format === 'anthropic') return renderAnthropic(completion, input, bill);
      if (format === 'google') {
        return renderGemini(completion, input, target.url.searchParams.get('alt') === 'sse', bill);
      }
      return renderOpenAIChat(completion, input, bill);
    }
  }
}
