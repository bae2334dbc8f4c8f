import type { LavaClient, LavaError } from '@lava-sdk/core';
import { parseJsonBody, send, withRequestId } from '@lava-sdk/core/internal';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { type GatewayOptions, prepareGatewayRequest } from './_prepare';

export type { GatewayOptions } from './_prepare';

/**
 * Sends one request to an AI provider through Lava's gateway and returns the provider's parsed JSON,
 * like the official SDK's `lava.gateway()`:
 * - the URL is `${baseUrl}forward?u=${encodeURIComponent(url)}`, or with `format` the rewrite proxy
 *   `${baseUrl}rewrite/${format}/${url}`;
 * - the method defaults to `POST`; objects and arrays are sent as JSON with `Content-Type:
 *   application/json` unless you set one; strings and binary data are sent unchanged;
 * - a stream body (a web `ReadableStream`, a Node `Readable`, any async iterable of bytes or strings)
 *   is sent as it is read (`duplex: 'half'`), never buffered whole; a locked or ended stream, or a chunk
 *   that is neither bytes nor a string, is an `invalid_params` error;
 * - `Authorization` (in any case) is replaced by `Bearer <forward token>`, the token's billing fields
 *   chosen as the official SDK does: `customer_id` + `meter_slug` bill the customer, `meter_slug` alone
 *   is meter-only (`customer_id: null`), neither bills the merchant, and `customer_id` alone is an
 *   `invalid_params` error (returned, not thrown).
 *
 * Beyond the official SDK: `metadata` (sent as `x-lava-metadata`), a per-call `timeoutMs` and `signal`,
 * and errors as values. A provider's non-2xx answer (Lava passes it through) is an `api` error with its
 * `status`, parsed `body` and Lava's `x-lava-request-id` as `requestId`.
 *
 * Retries: Lava does not document the forward proxy as idempotent, so a retried POST could run (and
 * bill) a completion twice. Non-GET calls are therefore sent once, unless you pass an `idempotencyKey`
 * (or an `Idempotency-Key` header) or an explicit `maxRetries`; GET and HEAD use the client's retries.
 * A stream body is sent once, whatever `maxRetries` and `idempotencyKey` say: it cannot be replayed.
 *
 * A request that cannot be built (a method fetch forbids, a header it refuses) is an `invalid_params`
 * error, and a base URL it cannot use a `config` error: nothing is sent, and nothing is retried.
 *
 * Headers: a gateway call sends only what you ask for: your `headers` (and the client's), the forward
 * token as `Authorization`, `Content-Type: application/json` for a JSON body unless you set one, and
 * `x-lava-metadata` when you pass `metadata`. No `Accept`, no generated `Idempotency-Key` (providers
 * ignore it and a random key deduplicates nothing); your own `idempotencyKey` is sent.
 *
 * @param lava - The client context from `createLava`; its secret key goes into the forward token.
 * @param url - The raw provider URL, e.g. `https://api.openai.com/v1/chat/completions` (not a
 *   `providerUrl()` one).
 * @param options - Method, body, headers, billing fields, `format`, `metadata`, signal and timeout.
 * @returns The parsed JSON body (`null` for an empty body), or a LavaError. The type parameter is not
 *   checked: validate the body yourself if you depend on its shape.
 * @example
 * ```ts
 * const result = await gateway(lava, 'https://api.openai.com/v1/chat/completions', {
 *   body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello!' }] },
 *   customer_id: 'con_123',
 *   meter_slug: 'ai-usage',
 *   metadata: { feature: 'chat' },
 *   timeoutMs: 30_000,
 * });
 * result.match((completion) => console.log(completion), (e) => console.error(e.kind, e.message));
 * ```
 */
export function gateway<T = unknown>(
  lava: LavaClient,
  url: string,
  options: GatewayOptions = {},
): ResultAsync<T, LavaError> {
  const prepared = prepareGatewayRequest(lava, url, options);
  if (prepared.isErr()) return errAsync(prepared.error);
  const { init, options: callOptions } = prepared.value;
  return send(lava, init, callOptions).andThen(({ text, status, requestId }) =>
    text.trim() === ''
      ? okAsync(null as T)
      : parseJsonBody(text, status, requestId).map((json) => withRequestId(json as T, requestId)),
  );
}
