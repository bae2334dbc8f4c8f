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
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  mistral: 'https://api.mistral.ai/v1',
  deepseek: 'https://api.deepseek.com/v1',
  xai: 'https://api.x.ai/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
  googleOpenaiCompatible: 'https://generativelanguage.googleapis.com/v1beta/openai',
  kluster: 'https://api.kluster.ai/v1',
  inference: 'https://api.inference.net/v1',
  groq: 'https://api.groq.com/openai/v1',
  novita: 'https://api.novita.ai/v3/openai',
  vercel: 'https://api.v0.dev/v1',
  together: 'https://api.together.xyz/v1',
  hyperbolic: 'https://api.hyperbolic.xyz/v1',
  elevenlabs: 'https://api.elevenlabs.io/v1',
  sambanova: 'https://api.sambanova.ai/v1',
  deepinfra: 'https://api.deepinfra.com/v1/openai',
  cohere: 'https://api.cohere.ai/compatibility/v1',
  parasail: 'https://api.parasail.io/v1',
  nebius: 'https://api.studio.nebius.com/v1',
  fireworks: 'https://api.fireworks.ai/inference/v1',
  embercloud: 'https://api.embercloud.ai/v1',
  cerebras: 'https://api.cerebras.ai/v1',
  targon: 'https://api.targon.com/v1',
  gmicloud: 'https://api.gmi-serving.com/v1',
  chutes: 'https://llm.chutes.ai/v1',
  baseten: 'https://inference.baseten.co/v1',
  moonshot: 'https://api.moonshot.ai/v1',
} as const;

/** The name of a pre-configured provider: a literal union, so a misspelt name is a type error. */
export type ProviderName = keyof typeof providers;

/** Every provider's forward base URL, keyed like {@link providers}. */
export type ProviderUrls = { readonly [K in ProviderName]: string };
