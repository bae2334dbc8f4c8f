import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrieveProviderWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { ProviderSummary } from './ProviderSummary';

/**
 * Retrieves one gateway provider's summary, including its upstream API reference URL
 * (`GET /services/providers/{provider}`). Not in the official SDK. Public: no secret key is needed, and one
 * is sent only when the client has it.
 *
 * @param lava - The client context; a secret key is optional.
 * @param provider - A provider id from `listServices`, such as `openai`, `anthropic` or `serper`.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns The provider summary, or a LavaError (`api` with status 404 for an unknown provider).
 * @example
 * ```ts
 * const openai = await retrieveProvider(lava, 'openai');
 * openai.map((p) => p.api_reference);
 * ```
 */
export function retrieveProvider(
  lava: LavaClient,
  provider: string,
  options?: CallOptions,
): ResultAsync<ProviderSummary, LavaError> {
  return request(
    lava,
    {
      wire: retrieveProviderWire,
      path: [provider],
      output: ProviderSummary,
      auth: 'optional',
    },
    options,
  );
}
