import type { ProviderName } from './providers';

/**
 * The wire API a provider's upstream speaks: `openai` (OpenAI itself), `openai-compatible` (the
 * OpenAI-shaped subset other providers serve), `anthropic` (Messages), `google` (Gemini native) or
 * `elevenlabs` (its own).
 */
export type ProviderApi = 'openai' | 'openai-compatible' | 'anthropic' | 'google' | 'elevenlabs';

/** What Lava's gateway knows of one provider, beside its base URL in `providers`. */
export interface ProviderApiInfo {
  /** The provider as Lava's request records name it (`provider`), e.g. `google` for both Google bases. */
  readonly id: string;
  /** The provider's display name. */
  readonly label: string;
  /** The API its base URL serves; {@link providerEndpoints} lists that API's endpoints. */
  readonly api: ProviderApi;
  /** Other real base URLs of the same API (another version), beside the one in `providers`. */
  readonly otherBases?: readonly string[];
}

/**
 * Every provider's id, label and API, keyed like `providers` (the type checks that no provider is
 * missing). Provider facts from lava-api.md §7: Anthropic speaks Messages, Google Gemini native,
 * ElevenLabs its own API, the rest OpenAI's.
 *
 * @example
 * ```ts
 * providerApis.groq; // { id: 'groq', label: 'Groq', api: 'openai-compatible' }
 * ```
 */
export const providerApis: { readonly [K in ProviderName]: ProviderApiInfo } = {
  openai: { id: 'openai', label: 'OpenAI', api: 'openai' },
  anthropic: { id: 'anthropic', label: 'Anthropic', api: 'anthropic' },
  mistral: { id: 'mistral', label: 'Mistral', api: 'openai-compatible' },
  deepseek: { id: 'deepseek', label: 'DeepSeek', api: 'openai-compatible' },
  xai: { id: 'xai', label: 'xAI', api: 'openai-compatible' },
  // @google/genai calls the stable `v1` by default; `providers.google` is `v1beta`.
  google: {
    id: 'google',
    label: 'Google',
    api: 'google',
    otherBases: ['https://generativelanguage.googleapis.com/v1'],
  },
  googleOpenaiCompatible: { id: 'google', label: 'Google', api: 'openai-compatible' },
  kluster: { id: 'kluster', label: 'kluster.ai', api: 'openai-compatible' },
  inference: { id: 'inference', label: 'Inference.net', api: 'openai-compatible' },
  groq: { id: 'groq', label: 'Groq', api: 'openai-compatible' },
  novita: { id: 'novita', label: 'Novita', api: 'openai-compatible' },
  vercel: { id: 'vercel', label: 'Vercel', api: 'openai-compatible' },
  together: { id: 'together', label: 'together.ai', api: 'openai-compatible' },
  hyperbolic: { id: 'hyperbolic', label: 'Hyperbolic', api: 'openai-compatible' },
  elevenlabs: { id: 'elevenlabs', label: 'ElevenLabs', api: 'elevenlabs' },
  sambanova: { id: 'sambanova', label: 'SambaNova', api: 'openai-compatible' },
  deepinfra: { id: 'deepinfra', label: 'DeepInfra', api: 'openai-compatible' },
  cohere: { id: 'cohere', label: 'Cohere', api: 'openai-compatible' },
  parasail: { id: 'parasail', label: 'Parasail', api: 'openai-compatible' },
  nebius: { id: 'nebius', label: 'Nebius', api: 'openai-compatible' },
  fireworks: { id: 'fireworks', label: 'Fireworks', api: 'openai-compatible' },
  embercloud: { id: 'embercloud', label: 'EmberCloud', api: 'openai-compatible' },
  cerebras: { id: 'cerebras', label: 'Cerebras', api: 'openai-compatible' },
  targon: { id: 'targon', label: 'Targon', api: 'openai-compatible' },
  gmicloud: { id: 'gmicloud', label: 'GMI Cloud', api: 'openai-compatible' },
  chutes: { id: 'chutes', label: 'Chutes', api: 'openai-compatible' },
  baseten: { id: 'baseten', label: 'Baseten', api: 'openai-compatible' },
  moonshot: { id: 'moonshot', label: 'Moonshot', api: 'openai-compatible' },
};

const OPENAI_COMPATIBLE = [
  'POST /chat/completions',
  'POST /completions',
  'POST /embeddings',
  'GET /models',
  'GET /models/{model}',
] as const;

/**
 * The real endpoints of each API, as `METHOD /path` relative to a provider's base URL; `{name}` stands
 * for one path segment (up to a `:` in Gemini's `{model}:generateContent`). Not every endpoint of every
 * API: the ones the provider SDKs call for text, tools, embeddings and model lists, plus the common
 * media ones. The emulator refuses any other forward target, as Lava does not forward to a path its
 * provider does not serve.
 *
 * @example
 * ```ts
 * providerEndpoints.anthropic.includes('POST /messages'); // true
 * ```
 */
export const providerEndpoints: { readonly [A in ProviderApi]: readonly string[] } = {
  openai: [
    ...OPENAI_COMPATIBLE,
    'POST /responses',
    'GET /responses/{id}',
    'DELETE /responses/{id}',
    'POST /responses/{id}/cancel',
    'GET /responses/{id}/input_items',
    'POST /moderations',
    'POST /images/generations',
    'POST /images/edits',
    'POST /audio/speech',
    'POST /audio/transcriptions',
    'POST /audio/translations',
  ],
  'openai-compatible': OPENAI_COMPATIBLE,
  anthropic: [
    'POST /messages',
    'POST /messages/count_tokens',
    'POST /messages/batches',
    'GET /messages/batches/{id}',
    'POST /complete',
    'GET /models',
    'GET /models/{model}',
  ],
  google: [
    'POST /models/{model}:generateContent',
    'POST /models/{model}:streamGenerateContent',
    'POST /models/{model}:countTokens',
    'POST /models/{model}:embedContent',
    'POST /models/{model}:batchEmbedContents',
    'GET /models',
    'GET /models/{model}',
  ],
  elevenlabs: [
    'POST /text-to-speech/{voice_id}',
    'POST /text-to-speech/{voice_id}/stream',
    'POST /speech-to-text',
    'GET /voices',
    'GET /models',
  ],
};
