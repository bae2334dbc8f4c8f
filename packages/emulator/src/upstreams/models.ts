// The providers' own model endpoints (`GET /models`, `GET /models/{model}`), each in its format.
import type { ModelInfo } from '../pricing';
import { jsonResponse, providerError, type WireFormat } from './common';

function one(format: WireFormat, m: ModelInfo): Record<string, unknown> {
  if (format === 'anthropic') {
    return {
      type: 'model',
      id: m.id,
      display_name: m.id,
      created_at: new Date(m.created * 1000).toISOString(),
    };
  }
  if (format === 'google') {
    return {
      name: `models/${m.id}`,
      version: '001',
      displayName: m.id,
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 8192,
      supportedGenerationMethods:
        m.kind === 'embedding' ? ['embedContent'] : ['generateContent', 'countTokens'],
    };
  }
  return { id: m.id, object: 'model', created: m.created, owned_by: m.provider };
}

/** The provider's model list, in its own format. */
export function renderModels(format: WireFormat, models: readonly ModelInfo[]): Response {
  const data = models.map((m) => one(format, m));
  if (format === 'anthropic') {
    return jsonResponse({
      data,
      has_more: false,
      first_id: models[0]?.id ?? null,
      last_id: models[models.length - 1]?.id ?? null,
    });
  }
  if (format === 'google') return jsonResponse({ models: data });
  return jsonResponse({ object: 'list', data });
}

/** One model, or the provider's 404 for a model it does not serve. */
export function renderModel(format: WireFormat, id: string, model: ModelInfo | undefined): Response {
  return model ? jsonResponse(one(format, model)) : unknownModel(format, id, 'models');
}

/** The provider's own 404 for a model it does not serve. */
export function unknownModel(format: WireFormat, id: string, method: string, version = 'v1beta'): Response {
  if (format === 'anthropic') return providerError('anthropic', 404, `model: ${id}`);
  if (format === 'google') {
    return providerError(
      'google',
      404,
      `models/${id} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
    );
  }
  return providerError(
    'openai',
    404,
    `The model \`${id}\` does not exist or you do not have access to it.`,
    'model_not_found',
  );
}
