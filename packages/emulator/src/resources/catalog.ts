// The public catalogue: models (OpenAI-compatible list) and services (lava-api.md §2.12), and the
// provider table the gateway uses to recognise upstream URLs (§7).
import type { Ctx, Route } from '../context';
import { json, notFound } from '../http';
import { MODELS } from '../pricing';

export type ApiFormat = 'openai' | 'anthropic' | 'google' | 'elevenlabs';

export interface ProviderInfo {
  id: string;
  label: string;
  /** Upstream base URL, as `lava.providers` configures it. */
  base: string;
  format: ApiFormat;
}

export const PROVIDERS: readonly ProviderInfo[] = [
  { id: 'openai', label: 'OpenAI', base: 'https://api.openai.com/v1', format: 'openai' },
  { id: 'anthropic', label: 'Anthropic', base: 'https://api.anthropic.com/v1', format: 'anthropic' },
  { id: 'mistral', label: 'Mistral', base: 'https://api.mistral.ai/v1', format: 'openai' },
  { id: 'deepseek', label: 'DeepSeek', base: 'https://api.deepseek.com/v1', format: 'openai' },
  { id: 'xai', label: 'xAI', base: 'https://api.x.ai/v1', format: 'openai' },
  {
    id: 'google',
    label: 'Google',
    base: 'https://generativelanguage.googleapis.com/v1beta/openai',
    format: 'openai',
  },
  {
    id: 'google',
    label: 'Google',
    base: 'https://generativelanguage.googleapis.com/v1beta',
    format: 'google',
  },
  { id: 'kluster', label: 'kluster.ai', base: 'https://api.kluster.ai/v1', format: 'openai' },
  { id: 'inference', label: 'Inference.net', base: 'https://api.inference.net/v1', format: 'openai' },
  { id: 'groq', label: 'Groq', base: 'https://api.groq.com/openai/v1', format: 'openai' },
  { id: 'novita', label: 'Novita', base: 'https://api.novita.ai/v3/openai', format: 'openai' },
  { id: 'vercel', label: 'Vercel', base: 'https://api.v0.dev/v1', format: 'openai' },
  { id: 'together', label: 'together.ai', base: 'https://api.together.xyz/v1', format: 'openai' },
  { id: 'hyperbolic', label: 'Hyperbolic', base: 'https://api.hyperbolic.xyz/v1', format: 'openai' },
  { id: 'elevenlabs', label: 'ElevenLabs', base: 'https://api.elevenlabs.io/v1', format: 'elevenlabs' },
  { id: 'sambanova', label: 'SambaNova', base: 'https://api.sambanova.ai/v1', format: 'openai' },
  { id: 'deepinfra', label: 'DeepInfra', base: 'https://api.deepinfra.com/v1/openai', format: 'openai' },
  { id: 'cohere', label: 'Cohere', base: 'https://api.cohere.ai/compatibility/v1', format: 'openai' },
  { id: 'parasail', label: 'Parasail', base: 'https://api.parasail.io/v1', format: 'openai' },
  { id: 'nebius', label: 'Nebius', base: 'https://api.studio.nebius.com/v1', format: 'openai' },
  { id: 'fireworks', label: 'Fireworks', base: 'https://api.fireworks.ai/inference/v1', format: 'openai' },
  { id: 'embercloud', label: 'EmberCloud', base: 'https://api.embercloud.ai/v1', format: 'openai' },
  { id: 'cerebras', label: 'Cerebras', base: 'https://api.cerebras.ai/v1', format: 'openai' },
  { id: 'targon', label: 'Targon', base: 'https://api.targon.com/v1', format: 'openai' },
  { id: 'gmicloud', label: 'GMI Cloud', base: 'https://api.gmi-serving.com/v1', format: 'openai' },
  { id: 'chutes', label: 'Chutes', base: 'https://llm.chutes.ai/v1', format: 'openai' },
  { id: 'baseten', label: 'Baseten', base: 'https://inference.baseten.co/v1', format: 'openai' },
  { id: 'moonshot', label: 'Moonshot', base: 'https://api.moonshot.ai/v1', format: 'openai' },
];

/** The provider of an upstream URL: the longest matching base wins (Google OpenAI-compatible vs native). */
export function providerOf(url: URL): ProviderInfo | undefined {
  let best: ProviderInfo | undefined;
  for (const p of PROVIDERS) {
    const base = new URL(p.base);
    if (base.host !== url.host) continue;
    if (!url.pathname.startsWith(base.pathname)) continue;
    if (!best || p.base.length > best.base.length) best = p;
  }
  if (best) return best;
  return PROVIDERS.find((p) => new URL(p.base).host === url.host);
}

function label(provider: string): string {
  return PROVIDERS.find((p) => p.id === provider)?.label ?? provider;
}

function services(provider: string | null) {
  return MODELS.filter((m) => !provider || m.provider === provider).map((m) => {
    const info = PROVIDERS.find((p) => p.id === m.provider) as ProviderInfo;
    const anthropic = info.format === 'anthropic';
    const path = anthropic ? '/messages' : '/chat/completions';
    return {
      id: m.id,
      object: 'model',
      provider: m.provider,
      provider_label: info.label,
      api_reference: anthropic
        ? 'https://docs.anthropic.com/en/api/messages'
        : 'https://platform.openai.com/docs/api-reference/chat',
      endpoint: `${info.base}${path}`,
      method: 'POST',
      url_template: `${info.base}${path}`,
      workflow: null,
      example_body: anthropic
        ? { model: m.id, max_tokens: 256, messages: [{ role: 'user', content: 'Hello' }] }
        : { model: m.id, messages: [{ role: 'user', content: 'Hello' }] },
      service_type: 'llm',
      managed: true,
      // Catalogue prices are JSON numbers (USD per million tokens), unlike the decimal strings of billing.
      pricing: { type: 'tokens_1m', input: m.input, output: m.output },
      capabilities: ['chat', 'streaming'],
    };
  });
}

function providerSummaries() {
  const ids = [...new Set(MODELS.map((m) => m.provider))];
  return ids.map((id) => ({
    id,
    label: label(id),
    api_reference: PROVIDERS.find((p) => p.id === id)?.base ?? '',
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
    ? [...ctx.state.spendKeys.values()].find((k) => k.key === raw && !k.revoked)
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

export const catalogRoutes: Route[] = [
  { method: 'GET', path: 'models', auth: 'none', handler: listModels },
  {
    method: 'GET',
    path: 'services',
    auth: 'none',
    handler: (ctx) => {
      const provider = ctx.query.get('provider');
      return json({
        object: 'list',
        data: services(provider),
        providers: providerSummaries().filter((p) => !provider || p.id === provider),
      });
    },
  },
  {
    method: 'GET',
    path: 'services/providers',
    auth: 'none',
    handler: (ctx) => {
      const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
      const data = query
        ? providerSummaries().filter((p) => p.id.includes(query) || p.label.toLowerCase().includes(query))
        : [];
      return json({ object: 'list', data });
    },
  },
  {
    method: 'GET',
    path: 'services/providers/:provider',
    auth: 'none',
    handler: (ctx) => {
      const summary = providerSummaries().find((p) => p.id === ctx.params.provider);
      if (!summary) throw notFound('Provider');
      return json(summary);
    },
  },
];
