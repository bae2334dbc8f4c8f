import type { LavaClient } from '@lava-sdk/core';
import { lavaUrl } from '@lava-sdk/core/internal';
import { type ProviderUrls, providers } from './providers';

/**
 * Every provider's forward base URL for this client: the same object, string for string, as the official
 * SDK's `lava.providers` for the same base URL.
 *
 * @param lava - The client context from `createLava` (only its `baseUrl` is read).
 * @returns A frozen record of provider name to `${baseUrl}forward?u=${upstream}`.
 * @example
 * ```ts
 * const urls = providerUrls(lava);
 * await fetch(urls.anthropic + '/messages', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
 * ```
 */
export function providerUrls(lava: Pick<LavaClient, 'baseUrl'>): ProviderUrls {
  const base = lavaUrl(lava, 'forward?u=');
  const urls: Record<string, string> = {};
  for (const [name, upstream] of Object.entries(providers)) urls[name] = base + upstream;
  return Object.freeze(urls as ProviderUrls);
}
