import type { CallOptions, LavaClient, LavaError, ListResponse } from '@lava-sdk/core';
import { listOf, listWebhooksWire, PaginationParams, request } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Webhook } from './Webhook';

/** Params of `listWebhooks`: `cursor` and `limit` (1–100, default 10). */
export interface ListWebhooksParams extends PaginationParams {
  /** Webhooks per page: an integer from 1 to 100. Lava's default is 10. */
  limit?: number | undefined;
}

/** Schema of {@link ListWebhooksParams}. */
export const ListWebhooksParams = PaginationParams;

/** A page of webhooks. */
export type WebhookList = ListResponse<Webhook>;
/** Schema of {@link WebhookList}. */
export const WebhookList = listOf(Webhook);

/**
 * Lists webhook endpoints, one page at a time (`GET /webhooks`). Use `paginate(listWebhooks, lava)` for all.
 *
 * @param lava - The client context from `createLava`.
 * @param params - `cursor` and `limit` (1–100).
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns `{ data, has_more, next_cursor }`.
 * @example
 * ```ts
 * const page = await listWebhooks(lava, { limit: 10 });
 * page.map((p) => p.data.map((w) => w.url));
 * ```
 */
export function listWebhooks(
  lava: LavaClient,
  params?: ListWebhooksParams,
  options?: CallOptions,
): ResultAsync<WebhookList, LavaError> {
  return request(
    lava,
    { wire: listWebhooksWire, params, input: ListWebhooksParams, output: WebhookList },
    options,
  );
}
