import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { listServicesWire, NonEmpty, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import * as v from 'valibot';
import { ProviderSummary } from './ProviderSummary';
import { Service } from './Service';

/** Params of `listServices`: an optional `provider`, to get one provider's part of the catalogue. */
export interface ListServicesParams {
  /** Only this provider's services: its id, such as `openai` or `anthropic`. Omitted: every provider's. */
  provider?: string | undefined;
}

/** Schema of {@link ListServicesParams}. */
export const ListServicesParams = v.optional(v.looseObject({ provider: v.optional(NonEmpty) }));

/** The service catalogue: every service in `data`, and a summary per provider in `providers`. */
export interface ServiceCatalog {
  /** `list` (an open string). */
  object: 'list' | (string & {});
  /** Every model and API service (of one provider, with `provider`). */
  data: Service[];
  /** A summary of each provider in `data`. */
  providers: ProviderSummary[];
}

/** Schema of {@link ServiceCatalog}. */
export const ServiceCatalog = v.looseObject({
  object: v.string(),
  data: v.array(Service),
  providers: v.array(ProviderSummary),
});

/**
 * Lists every model and API service available through Lava's gateway, with pricing, capabilities and
 * managed/BYOK status (`GET /services`). Not in the official SDK. The endpoint is public: no secret key is
 * needed, and one is sent only when the client has it. The whole catalogue comes in one response (not a
 * cursor page).
 *
 * @param lava - The client context; a secret key is optional.
 * @param params - `provider`, to return only that provider's services.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ object: 'list', data: Service[], providers: ProviderSummary[] }`.
 * @example
 * ```ts
 * const catalog = await listServices(createLava(), { provider: 'anthropic' });
 * catalog.map((c) => c.data.map((s) => `${s.id}: ${s.pricing.input ?? '-'} per 1M input tokens`));
 * ```
 */
export function listServices(
  lava: LavaClient,
  params?: ListServicesParams,
  options?: CallOptions,
): ResultAsync<ServiceCatalog, LavaError> {
  return request(
    lava,
    {
      wire: listServicesWire,
      params,
      input: ListServicesParams,
      output: ServiceCatalog,
      auth: 'optional',
    },
    options,
  );
}
