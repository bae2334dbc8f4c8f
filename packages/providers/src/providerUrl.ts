import type { LavaClient } from '@lava-sdk/core';
import { lavaError, lavaUrl } from '@lava-sdk/core/internal';
import { type ProviderName, providers } from './providers';

/**
 * The forward base URL of one provider through Lava: `${baseUrl}forward?u=${upstream}`, with the upstream
 * URL left un-encoded exactly as the official SDK's `lava.providers.<name>`, so a provider path can be
 * appended (`+ '/chat/completions'`). Send it with a forward token or the secret key as the Bearer.
 *
 * This is the drop-in for `lava.providers.<name>`. As a provider SDK's base URL it only suits clients
 * that join paths by string concatenation onto an upstream that already ends in the version the client
 * does not add again (the Vercel AI SDK's `@ai-sdk/openai` and `@ai-sdk/anthropic`). openai@7 moves
 * the path before `?u=`, @anthropic-ai/sdk and @google/genai add their own version segment: give those
 * `gatewayFetch(lava)` as their `fetch` instead (see the README's table).
 *
 * @param lava - The client context from `createLava` (only its `baseUrl` is read).
 * @param name - A provider name; anything else is a type error.
 * @returns The URL string.
 * @throws An `invalid_params` LavaError for an unknown name (only reachable from untyped code).
 * @example
 * ```ts
 * const url = providerUrl(lava, 'openai') + '/chat/completions';
 * // 'https://api.lava.so/v1/forward?u=https://api.openai.com/v1/chat/completions'
 * ```
 */
export function providerUrl(lava: Pick<LavaClient, 'baseUrl'>, name: ProviderName): string {
  if (!Object.hasOwn(providers, name)) {
    const message = `unknown provider ${JSON.stringify(String(name))}`;
    throw lavaError('invalid_params', `Invalid params: ${message}`, { issues: [{ path: 'name', message }] });
  }
  return lavaUrl(lava, `forward?u=${providers[name]}`);
}
