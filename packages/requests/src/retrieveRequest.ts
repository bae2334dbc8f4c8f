import type { CallOptions, LavaClient, LavaError } from '@lava-sdk/core';
import { request, retrieveRequestWire } from '@lava-sdk/core/internal';
import type { ResultAsync } from 'neverthrow';
import { Request } from './Request';

/**
 * Retrieves one usage record (`GET /requests/{id}`).
 *
 * @param lava - The client context.
 * @param requestId - The `req_…` id; percent-encoded into the path.
 * @param options - Per-call signal, timeout, retries and headers.
 * @returns The request record, or an `api` error with status 404 when unknown.
 * @example
 * ```ts
 * const result = await retrieveRequest(lava, 'req_123');
 * result.map((r) => r.charge.amount);
 * ```
 */
export function retrieveRequest(
  lava: LavaClient,
  requestId: string,
  options?: CallOptions,
): ResultAsync<Request, LavaError> {
  return request(lava, { wire: retrieveRequestWire, path: [requestId], output: Request }, options);
}
