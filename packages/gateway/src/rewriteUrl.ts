import type { LavaClient, LavaIssue } from '@lava-sdk/core';
import { lavaUrl } from '@lava-sdk/core/internal';
import { invalidParams } from './_options';

/** The request/response shape your client speaks; Lava translates it to and from the provider's. */
export type RewriteFormat = 'openai' | 'anthropic' | 'google' | 'bedrock';

/** The four formats of the rewrite endpoint. */
export const REWRITE_FORMATS: readonly RewriteFormat[] = ['openai', 'anthropic', 'google', 'bedrock'];

/**
 * What keeps a rewrite call under `rewrite/{format}/`: the format is one of the four, and the provider
 * URL's path has no `.` or `..` segment as a URL parser or a server could read it (percent-encoded, in
 * any case, double-encoded, with `\` or an encoded slash, with tabs or newlines the URL parser drops).
 * Such a segment would climb out and send the forward token, which holds the secret key, to any Lava
 * endpoint. The query and fragment are not path: dots there are left alone.
 */
export function rewriteIssue(format: unknown, providerUrl: unknown): LavaIssue | undefined {
  if (!REWRITE_FORMATS.includes(format as RewriteFormat)) {
    return { path: 'format', message: `must be one of ${REWRITE_FORMATS.join(', ')}` };
  }
  if (typeof providerUrl !== 'string' || providerUrl === '') {
    return { path: 'url', message: 'must be a non-empty string' };
  }
  // The path only: a raw `?` or `#` ends it for every parser and server.
  const path = providerUrl
    .replace(/[\t\n\r]/g, '')
    .split(/[?#]/)[0]!
    .replace(/%(25)*2e/gi, '.')
    .replace(/%(25)*(2f|5c)|\\/gi, '/');
  if (/(^|\/)\.\.?(\/|;|$)/.test(path)) {
    return { path: 'url', message: 'must not have dot segments (. or ..), raw or encoded' };
  }
}

/**
 * The rewrite-proxy URL `${baseUrl}rewrite/${format}/${providerUrl}`, exactly as the official SDK's
 * `gateway({ format })` builds it: the provider URL is appended as is (not encoded), and a base URL without
 * its trailing `/` gets one. Point an OpenAI-,
 * Anthropic-, Google- or Bedrock-shaped client at it and Lava translates to the provider detected from
 * the URL. The client's own suffix (`/v1/chat/completions` for `openai`, `/v1/messages` for
 * `anthropic`) is stripped by Lava; for `google` put the full path in `providerUrl`.
 *
 * @param lava - The client context from `createLava` (only its `baseUrl` is read).
 * @param format - The format your client sends and expects.
 * @param providerUrl - The provider endpoint, with or without `https://`.
 * @returns The URL string.
 * @throws An `invalid_params` LavaError for an unknown format, or a provider URL with a `.` or `..` path
 *   segment, raw or percent-encoded (it would leave `rewrite/{format}/` with your forward token).
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
  const issue = rewriteIssue(format, providerUrl);
  if (issue) throw invalidParams([issue]);
  return lavaUrl(lava, `rewrite/${format}/${providerUrl}`);
}
