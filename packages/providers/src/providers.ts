/**
 * Upstream base URL of every provider Lava's gateway pre-configures: the 27 documented providers plus
 * `googleOpenaiCompatible` (Gemini's OpenAI-compatible surface). Same keys, order and URLs as
 * `lava.providers` in `@lavapayments/nodejs` 11.2.0. Append the provider's own path to a URL built by
 * {@link providerUrl}, e.g. `providerUrl(lava, 'openai') + '/chat/completions'`.
 *
 * @example
 * ```ts
 * providers.anthropic; // 'https://api.anthropic.com/v1'
 * ```
 */
export const providers = {
  /** OpenAI: the OpenAI API. */
  openai: 'https://api.openai.com/v1',
  /** Anthropic: the Messages API. */
  anthropic: 'https://api.anthropic.com/v1',
  /** Mistral: OpenAI-compatible. */
  mistral: 'https://api.mistral.ai/v1',
  /** DeepSeek: OpenAI-compatible. */
  deepseek: 'https://api.deepseek.com/v1',
  /** xAI: OpenAI-compatible. */
  xai: 'https://api.x.ai/v1',
  /** Google Gemini: the native Gemini API (`v1beta`). */
  google: 'https://generativelanguage.googleapis.com/v1beta',
  /** Google Gemini's OpenAI-compatible API. */
  googleOpenaiCompatible: 'https://generativelanguage.googleapis.com/v1beta/openai',
  /** kluster.ai: OpenAI-compatible. */
  kluster: 'https://api.kluster.ai/v1',
  /** Inference.net: OpenAI-compatible. */
  inference: 'https://api.inference.net/v1',
  /** Groq: OpenAI-compatible. */
  groq: 'https://api.groq.com/openai/v1',
  /** Novita: OpenAI-compatible. */
  novita: 'https://api.novita.ai/v3/openai',
  /** Vercel (v0): OpenAI-compatible. */
  vercel: 'https://api.v0.dev/v1',
  /** together.ai: OpenAI-compatible. */
  together: 'https://api.together.xyz/v1',
  /** Hyperbolic: OpenAI-compatible. */
  hyperbolic: 'https://api.hyperbolic.xyz/v1',
  /** ElevenLabs: its own API (billed by character). */
  elevenlabs: 'https://api.elevenlabs.io/v1',
  /** SambaNova: OpenAI-compatible. */
  sambanova: 'https://api.sambanova.ai/v1',
  /** DeepInfra: OpenAI-compatible. */
  deepinfra: 'https://api.deepinfra.com/v1/openai',
  /** Cohere's compatibility API: OpenAI-compatible. */
  cohere: 'https://api.cohere.ai/compatibility/v1',
  /** Parasail: OpenAI-compatible. */
  parasail: 'https://api.parasail.io/v1',
  /** Nebius: OpenAI-compatible. */
  nebius: 'https://api.studio.nebius.com/v1',
  /** Fireworks: OpenAI-compatible. */
  fireworks: 'https://api.fireworks.ai/inference/v1',
  /** EmberCloud: OpenAI-compatible. */
  embercloud: 'https://api.embercloud.ai/v1',
  /** Cerebras: OpenAI-compatible. */
  cerebras: 'https://api.cerebras.ai/v1',
  /** Targon: OpenAI-compatible. */
  targon: 'https://api.targon.com/v1',
  /** GMI Cloud: OpenAI-compatible. */
  gmicloud: 'https://api.gmi-serving.com/v1',
  /** Chutes: OpenAI-compatible. */
  chutes: 'https://llm.chutes.ai/v1',
  /** Baseten: OpenAI-compatible. */
  baseten: 'https://inference.baseten.co/v1',
  /** Moonshot: OpenAI-compatible. */
  moonshot: 'https://api.moonshot.ai/v1',
} as const;

/** The name of a pre-configured provider: a literal union, so a misspelt name is a type error. */
export type ProviderName = keyof typeof providers;

/** Every provider's forward base URL, keyed like {@link providers}. */
export type ProviderUrls = { readonly [K in ProviderName]: string };
