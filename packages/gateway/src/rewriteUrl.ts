import type { LavaClient } from '@lava-sdk/core';

/** The request/response shape your client speaks; Lava translates it to and from the provider's. */
export type RewriteFormat = 'openai' | 'anthropic' | 'google' | 'bedrock';

/** The four formats of the rewrite endpoint. */
export const REWRITE_FORMATS: readonly RewriteFormat[] = ['openai', 'anthropic', 'google', 'bedrock'];

/**
 * The rewrite-proxy URL `${baseUrl}rewrite/${format}/${providerUrl}`, exactly as the official SDK's
 * `gateway({ format })` builds it: the provider URL is appended as is (not encoded). Point an OpenAI-,
 * Anthropic-, Google- or Bedrock-shaped client at it and Lava translates to the provider detected from
 * the URL. The client's own suffix (`/v1/chat/completions` for `openai`, `/v1/messages` for
 * `anthropic`) is stripped by Lava; for `google` put the full path in `providerUrl`.
 *
 * @param lava - The client context from `createLava` (only its `baseUrl` is read).
 * @param format - The format your client sends and expects.
 * @param providerUrl - The provider endpoint, with or without `https://`.
 * @returns The URL string.
 * @example
 * ```ts
 * const openai = new OpenAI({ apiKey: token, baseURL: rewriteUrl(lava, 'openai', 'https://api.anthropic.com/v1/messages') });
 * ```
 */
export function rewriteUrl(
  lava: Pick<LavaClient, 'baseUrl'>,
  format: RewriteFormat,
  providerUrl: string,
): string {
  return `${lava.baseUrl}rewrite/${format}/${providerUrl}`;
}
