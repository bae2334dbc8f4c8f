import type { LavaError } from '@lava-sdk/core';
import type { ResultAsync } from 'neverthrow';
import { type RawBody, type SignatureHeader, verify } from './_signature';

export type { RawBody, SignatureHeader } from './_signature';

/** The header Lava signs deliveries in (lower-cased, as `Headers` and Node report it). */
export const WEBHOOK_SIGNATURE_HEADER = 'x-webhook-signature';

/**
 * Verifies that a webhook delivery comes from Lava: recomputes HMAC-SHA256 of the raw body with the
 * endpoint's `webhook_secret` and compares it, in constant time, with the lowercase hex digest of the
 * `X-Webhook-Signature` header. Uses WebCrypto only, so it runs on Node, edge runtimes, Deno, Bun.
 *
 * Mistakes are `invalid_params` errors that say what went wrong (a parsed object instead of the raw body,
 * an empty body, a missing or malformed signature header, an empty or whitespace-padded secret, a
 * mismatch); they never contain the secret. Lava documents no timestamp, so there is no replay window
 * to check: deduplicate deliveries yourself if that matters.
 *
 * @param rawBody - The request body exactly as received: a string, `Uint8Array` (incl. Node `Buffer`) or
 *   `ArrayBuffer`. Never `JSON.parse`d and re-serialized.
 * @param signature - The `X-Webhook-Signature` header value.
 * @param secret - The `webhook_secret` that `createWebhook` returned for this endpoint.
 * @returns `true`, or a LavaError: `invalid_params` for bad input or a mismatch, `config` without WebCrypto.
 * @example
 * ```ts
 * const body = await request.text();
 * const verified = await verifyWebhookSignature(body, request.headers.get('x-webhook-signature'), env.LAVA_WEBHOOK_SECRET);
 * if (verified.isErr()) return new Response(verified.error.message, { status: 400 });
 * ```
 */
export function verifyWebhookSignature(
  rawBody: RawBody,
  signature: SignatureHeader,
  secret: string,
): ResultAsync<true, LavaError> {
  return verify(rawBody, signature, secret).map(() => true as const);
}
