import type { RawBody } from './_signature';
import { sign, toHex } from './_signature';

/**
 * Computes the `X-Webhook-Signature` value Lava would send for a body: the lowercase hex HMAC-SHA256 of
 * the raw body bytes, keyed by the webhook secret. For your own tests of a webhook handler.
 *
 * @param rawBody - The body to sign: a string (signed as UTF-8), `Uint8Array` or `ArrayBuffer`.
 * @param secret - The webhook secret.
 * @returns The 64-character lowercase hex digest.
 * @throws An `invalid_params` LavaError for an empty or non-raw body or a bad secret (never containing the
 *   secret), or a `config` LavaError when the runtime has no WebCrypto.
 * @example
 * ```ts
 * const body = JSON.stringify({ event: 'customer.created', data: customer });
 * const signature = await signWebhookPayload(body, 'test_webhook_secret');
 * await handler(new Request('http://localhost/webhooks', { method: 'POST', body, headers: { 'x-webhook-signature': signature } }));
 * ```
 */
export async function signWebhookPayload(rawBody: RawBody, secret: string): Promise<string> {
  const signed = await sign(rawBody, secret);
  if (signed.isErr()) throw signed.error;
  return toHex(signed.value.digest);
}
