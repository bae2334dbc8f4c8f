import type { LavaError } from '@lava-sdk/core';
import { lavaError, toIssues } from '@lava-sdk/core/internal';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { safeParse } from 'valibot';
import { type RawBody, type SignatureHeader, verify } from './_signature';
import { WebhookEvent } from './WebhookEvent';

function unexpected(message: string, issues: { path: string; message: string }[]): LavaError {
  // status 0: the payload came from a webhook delivery, not from an HTTP response of the API.
  return lavaError('invalid_response', `Verified webhook payload is not a Lava event: ${message}`, {
    issues,
    status: 0,
  });
}

/**
 * Verifies a webhook delivery (exactly like `verifyWebhookSignature`) and only then parses it into a typed
 * {@link WebhookEvent}, discriminated by `event`.
 *
 * @param rawBody - The request body exactly as received (string, `Uint8Array` or `ArrayBuffer`).
 * @param signature - The `X-Webhook-Signature` header value.
 * @param secret - The `webhook_secret` of this endpoint.
 * @returns The event; or a LavaError: `invalid_params` for bad input or a signature mismatch, `config`
 *   without WebCrypto, `invalid_response` (status 0) when an authentic body is not valid UTF-8 JSON or is
 *   not an event this SDK knows.
 * @example
 * ```ts
 * const result = await constructWebhookEvent(await request.text(), request.headers.get('x-webhook-signature'), secret);
 * if (result.isErr()) return new Response('invalid webhook', { status: 400 });
 * switch (result.value.event) {
 *   case 'customer.wallet.balance.updated': await refreshBalance(result.value.data.customer_id); break;
 *   case 'customer.deleted': await forget(result.value.data.customer_id); break;
 * }
 * return new Response('ok');
 * ```
 */
export function constructWebhookEvent(
  rawBody: RawBody,
  signature: SignatureHeader,
  secret: string,
): ResultAsync<WebhookEvent, LavaError> {
  return verify(rawBody, signature, secret).andThen((bytes) => {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return errAsync(unexpected('the body is not UTF-8 JSON', [{ path: '', message: 'not UTF-8 JSON' }]));
    }
    const parsed = safeParse(WebhookEvent, json);
    if (parsed.success) return okAsync(parsed.output);
    const issues = toIssues(parsed.issues);
    return errAsync(unexpected(issues.map((i) => `${i.path || 'body'} ${i.message}`).join('; '), issues));
  });
}
