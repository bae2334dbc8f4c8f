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
// The members' doc comments span lines on purpose: the .d.ts bundler (rolldown-plugin-dts before 0.28, which
// needs Node 22) moves a one-line doc comment in a type literal to the end of the line before, where it no
// longer documents its field. `pnpm docs:api` checks the built declarations for it.
export type ForwardTokenOptions =
  | {
      /**
       * The customer to bill, with `meter_slug`: `con_…` or your `reference_id`.
       */
      customer_id: string;
      /**
       * The meter that prices the call (its `meter_slug`): the customer's plan credits pay.
       */
      meter_slug: string;
      /**
       * Your own provider API key (bring your own key), used instead of Lava's; Lava still meters.
       */
      provider_key?: string | undefined;
      /**
       * `true`: the merchant pays instead of the customer; the usage stays attributed to the customer,
       * and the plan's entitlement (the meter on the customer's active plan) is still enforced.
       */
      disable_billing?: boolean | undefined;
    }
  | {
      /**
       * `null`, with `meter_slug: null`: metering only, with `provider_key`; no customer is billed.
       */
      customer_id: null;
      /**
       * `null`, with `customer_id: null`: metering only, with `provider_key`; no meter prices the call.
       */
      meter_slug: null;
      /**
       * Your own provider API key (bring your own key), used instead of Lava's; Lava still meters.
       */
      provider_key?: string | undefined;
    }
  | {
      /**
       * Absent or `null`: no customer; the merchant wallet pays.
       */
      customer_id?: null;
      /**
       * The meter the usage is attributed to (its `meter_slug`); the merchant pays ("meter-only").
       */
      meter_slug: string;
      /**
       * Your own provider API key (bring your own key), used instead of Lava's; Lava still meters.
       */
      provider_key?: string | undefined;
    }
  | {
      /**
       * Absent: the merchant wallet pays ("gateway" mode).
       */
      customer_id?: undefined;
      /**
       * Absent: no meter; the merchant wallet pays ("gateway" mode).
       */
      meter_slug?: undefined;
      /**
       * Your own provider API key (bring your own key), used instead of Lava's; Lava still meters.
       */
      provider_key?: string | undefined;
    };

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
