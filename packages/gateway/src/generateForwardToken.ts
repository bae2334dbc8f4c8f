import type { LavaClient } from '@lava-sdk/core';
import { useSecretKey } from '@lava-sdk/core/internal';

/**
 * Who pays for a gateway call, as the official SDK's `ForwardTokenOptions`:
 * - `{}`: the merchant wallet pays ("gateway" mode);
 * - `{ meter_slug }`: the merchant pays, usage is attributed to the meter ("meter-only");
 * - `{ customer_id, meter_slug }`: the customer's plan credits pay; add `disable_billing: true` to charge
 *   the merchant while keeping the customer's attribution and plan entitlement;
 * - `{ customer_id: null, meter_slug: null, provider_key }`: bring your own provider key, metering only.
 *
 * Any combination may add `provider_key`.
 */
export type ForwardTokenOptions =
  | {
      customer_id: string;
      meter_slug: string;
      provider_key?: string | undefined;
      disable_billing?: boolean | undefined;
    }
  | { customer_id: null; meter_slug: null; provider_key?: string | undefined }
  | { customer_id?: null; meter_slug: string; provider_key?: string | undefined }
  | { customer_id?: undefined; meter_slug?: undefined; provider_key?: string | undefined };

const TOKEN_KEYS = ['secret_key', 'customer_id', 'meter_slug', 'provider_key', 'disable_billing'];

/**
 * Mints a forward token: standard base64 of the UTF-8 JSON
 * `{secret_key, customer_id, meter_slug, provider_key, disable_billing}` in that key order, undefined keys
 * dropped: byte for byte what `@lavapayments/nodejs` produces. Send it as `Authorization: Bearer <token>`
 * to `/forward` or `/rewrite`.
 *
 * Pure and tiny: no request, no `Buffer`, no transport, so an edge bundle that only mints tokens stays
 * a few hundred bytes. The token contains your secret key: keep it on your server.
 *
 * @param lava - The client context from `createLava` (or any `{ secretKey }`); its secret key goes into the token.
 * @param options - Billing target and BYOK key; see {@link ForwardTokenOptions}. Defaults to `{}`.
 * @returns The base64 token.
 * @throws A `config` LavaError when the client has no secret key, or in a browser unless the client was
 *   created with `dangerouslyAllowBrowser: true` (the message never contains a key).
 * @example
 * ```ts
 * const token = generateForwardToken(lava, { customer_id: 'con_123', meter_slug: 'ai-usage' });
 * await fetch(providerUrl(lava, 'openai') + '/chat/completions', {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ model: 'gpt-4o-mini', messages }),
 * });
 * ```
 */
export function generateForwardToken(
  lava: Pick<LavaClient, 'secretKey' | 'dangerouslyAllowBrowser'>,
  options: ForwardTokenOptions = {},
): string {
  // The replacer array fixes the key order and keeps only these keys, whatever else `options` holds.
  const json = JSON.stringify({ ...options, secret_key: useSecretKey(lava) }, TOKEN_KEYS);
  // btoa only takes Latin-1: encode to UTF-8 first, then one char per byte (what Buffer does in Node).
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)));
}
