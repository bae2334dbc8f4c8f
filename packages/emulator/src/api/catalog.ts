// The public catalogue: models (OpenAI-compatible list) and services (lava-api.md §2.12), from the fake
// upstreams' models and the provider list in @lava-sdk/providers (§7).
import type { Ctx } from '../context';
import { json, notFound } from '../http';
import { MODELS, type ModelInfo } from '../pricing';
import { KNOWN_PROVIDERS, type KnownProvider } from '../upstreams/targets';

/** The first base of a Lava provider id (for Google, its native API). */
function providerInfo(id: string): KnownProvider | undefined {
  return KNOWN_PROVIDERS.find((p) => p.id === id);
}

function label(provider: string): string {
  return providerInfo(provider)?.label ?? provider;
}

const REFERENCES: Record<string, string> = {
  anthropic: 'https://docs.anthropic.com/en/api/messages',
  google: 'https://ai.google.dev/api/generate-content',
  openai: 'https://platform.openai.com/docs/api-reference/chat',
  embedding: 'https://platform.openai.com/docs/api-reference/embeddings',
};

/** The endpoint a model is called at, its API reference and an example body. */
function serviceOf(m: ModelInfo, info: KnownProvider) {
  if (m.kind === 'embedding') {
    return { path: '/embeddings', reference: REFERENCES.embedding, body: { model: m.id, input: 'Hello' } };
  }
  if (info.api === 'anthropic') {
    return {
      path: '/messages',
      reference: REFERENCES.anthropic,
      body: { model: m.id, max_tokens: 256, messages: [{ role: 'user', content: 'Hello' }] },
    };
  }
  if (info.api === 'google') {
    return {
      path: `/models/${m.id}:generateContent`,
      reference: REFERENCES.google,
      body: { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] },
    };
  }
  return {
    path: '/chat/completions',
    reference: REFERENCES.openai,
    body: { model: m.id, messages: [{ role: 'user', content: 'Hello' }] },
  };
}

function services(provider: string | null) {
  return MODELS.filter((m) => !provider || m.provider === provider).map((m) => {
    const info = providerInfo(m.provider) as KnownProvider;
    const { path, reference, body } = serviceOf(m, info);
    return {
      id: m.id,
      object: 'model',
      provider: m.provider,
      provider_label: info.label,
      api_reference: reference,
      endpoint: `${info.base}${path}`,
      method: 'POST',
      url_template: `${info.base}${path}`,
      workflow: null,
      example_body: body,
      service_type: m.kind === 'embedding' ? 'embedding' : 'llm',
      managed: true,
      // Catalogue prices are JSON numbers (USD per million tokens), unlike the decimal strings of billing.
      pricing: { type: 'tokens_1m', input: m.input, output: m.output },
      capabilities: m.kind === 'embedding' ? ['embeddings'] : ['chat', 'streaming', 'tools'],
    };
  });
}

function providerSummaries() {
  const ids = [...new Set(MODELS.map((m) => m.provider))];
  return ids.map((id) => ({
    id,
    label: label(id),
    api_reference: providerInfo(id)?.base ?? '',
    service_type: 'llm',
    managed: true,
    entry_count: MODELS.filter((m) => m.provider === id).length,
  }));
}

function listModels(ctx: Ctx): Response {
  // With a spend key, only the models and providers it allows.
  const auth = ctx.request.headers.get('authorization') ?? '';
  const raw = auth.replace(/^Bearer\s+/i, '');
  const key = raw.startsWith('lava_sk_')
    ? [...ctx.model.state.spendKeys.values()].find((k) => k.key === raw && !k.revoked)
    : undefined;
  const models = MODELS.filter(
    (m) =>
      !key ||
      ((!key.allowed_models || key.allowed_models.includes(m.id)) &&
        (!key.allowed_providers || key.allowed_providers.includes(m.provider))),
  );
  return json({
    object: 'list',
    data: models.map((m) => ({ id: m.id, object: 'model', created: m.created, owned_by: m.provider })),
  });
}

// Public: no key needed (lava-api.md §2.12).
export const catalogHandlers = {
  listModels: { auth: 'none', handle: listModels },
  listServices: {
    auth: 'none',
    handle(ctx: Ctx) {
      const provider = ctx.query.get('provider');
      return json({
        object: 'list',
        data: services(provider),
        providers: providerSummaries().filter((p) => !provider || p.id === provider),
      });
    },
  },
  searchProviders: {
    auth: 'none',
    handle(ctx: Ctx) {
      const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
      const data = query
        ? providerSummaries().filter((p) => p.id.includes(query) || p.label.toLowerCase().includes(query))
        : [];
      return json({ object: 'list', data });
    },
  },
  retrieveProvider: {
    auth: 'none',
    handle(ctx: Ctx) {
      const summary = providerSummaries().find((p) => p.id === ctx.params.provider);
      if (!summary) throw notFound('Provider');
      return json(summary);
    },
  },
} as const;
