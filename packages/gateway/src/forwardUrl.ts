import type { LavaClient } from '@lava-sdk/core';
import { lavaUrl } from '@lava-sdk/core/internal';

/**
 * The forward-proxy URL of one provider request, `${baseUrl}forward?u=${encodeURIComponent(providerUrl)}`,
 * exactly as the official SDK's `gateway()` builds it. The provider URL is percent-encoded, so its own
 * query string (`?alt=sse`, `&key=…`) stays inside `u` instead of becoming Lava's parameters. A base URL
 * without its trailing `/` (`https://api.lava.so/v1`) gets one, as in `providerUrl()`.
 *
 * @param lava - The client context from `createLava` (only its `baseUrl` is read).
 * @param providerUrl - The full provider endpoint, e.g. `https://api.openai.com/v1/chat/completions`.
 * @returns The URL string.
 * @example
 * ```ts
 * forwardUrl(lava, 'https://api.openai.com/v1/chat/completions');
 * // 'https://api.lava.so/v1/forward?u=https%3A%2F%2Fapi.openai.com%2Fv1%2Fchat%2Fcompletions'
 * ```
 */
export function forwardUrl(lava: Pick<LavaClient, 'baseUrl'>, providerUrl: string): string {
  return lavaUrl(lava, `forward?u=${encodeURIComponent(providerUrl)}`);
}
