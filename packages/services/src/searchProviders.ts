import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { NonEmpty, request, searchProvidersWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { ProviderSummary } from './ProviderSummary';

/** Params of `searchProviders`: a keyword `query` and an optional `category`. */
export interface SearchProvidersParams {
  /**
   * What to look for (required): keywords such as `"web search"`, `"email"` or a provider's name. Not
   * blank: Lava returns no results without a query, so a blank one is refused before anything is sent.
   */
  query: string;
  /** Only providers of this category: a non-empty string. */
  category?: string | undefined;
}

/** Schema of {@link SearchProvidersParams}. */
export const SearchProvidersParams = v.looseObject({
  query: v.custom<string>(
    (q) => typeof q === 'string' && q.trim() !== '',
    'must be a non-empty string: Lava returns no results without a query',
  ),
  category: v.optional(NonEmpty),
});

/**
 * Ranked provider summaries, most relevant first, in `data`. Lava's reference does not show the envelope,
 * so a list under `data` or under `providers` is accepted and returned as `data`.
 */
export const ProviderSearchResults = v.pipe(
  // Both keys optional and a check that one is there, rather than a union of the two shapes (a union costs
  // every bundle of this function ~160 B more).
  v.looseObject({
    data: v.optional(v.array(ProviderSummary)),
    providers: v.optional(v.array(ProviderSummary)),
  }),
  v.check((found) => !!(found.data ?? found.providers), 'must have data or providers'),
  v.transform(
    ({ providers, data, ...rest }): ProviderSearchResults => ({ ...rest, data: (data ?? providers)! }),
  ),
);

/** The providers matching a search, most relevant first. */
export interface ProviderSearchResults {
  /** The matching providers (Lava's `providers` array, read into `data` as well). */
  data: ProviderSummary[];
}

/**
 * Searches the gateway's provider catalogue by keyword (`GET /services/providers?query=&category=`). Not in
 * the official SDK. Public: no secret key is needed, and one is sent only when the client has it.
 *
 * @param lava - The client context; a secret key is optional.
 * @param params - `query` such as `"web search"`, `"email"` or a provider name; optional `category`.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data: ProviderSummary[] }`, most relevant first.
 * @example
 * ```ts
 * const found = await searchProviders(lava, { query: 'web search' });
 * found.map((r) => r.data.map((p) => p.id));
 * ```
 */
export function searchProviders(
  lava: LavaClient,
  params: SearchProvidersParams,
  options?: CallOptions,
): ResultAsync<ProviderSearchResults, LavaError> {
  return request(
    lava,
    {
      wire: searchProvidersWire,
      params,
      input: SearchProvidersParams,
      output: ProviderSearchResults,
      auth: 'optional',
    },
    options,
  );
}
