// Authentication, the pipeline's auth stage, in one place: the merchant's secret key (`Authorization: Bearer
// aks_…`) for the REST API, and for the gateway (lava-api.md §1.3, §6) a secret key or a forward token from
// any carrier `/forward` accepts.
import type { Caller } from './context';
import { badRequest, notFound, unauthorized } from './http';
import type { Model } from './model/model';
import { isPlainObject } from './validate';
import { findCustomer, meterBySlug } from './views';

/** True for a secret key of the merchant that is not revoked. */
function isActiveSecretKey(model: Model, key: unknown): key is string {
  if (typeof key !== 'string') return false;
  for (const k of model.state.secretKeys.values()) if (k.secret_key === key && !k.revoked) return true;
  return false;
}

const missing = () => unauthorized('Authorization header missing', 'auth_header_missing');

/** The REST API's: `Authorization: Bearer <secret key>`, or 401 in Lava's shape. */
export function secretKeyCaller(model: Model, headers: Headers): Caller {
  const header = headers.get('authorization');
  if (!header) throw missing();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('Authorization header must be "Bearer <secret key>"', 'invalid_auth_header');
  if (!isActiveSecretKey(model, match[1])) throw unauthorized('Invalid secret key', 'invalid_api_key');
  return { kind: 'secret', secretKey: match[1] };
}

function decodeBase64(text: string): string | undefined {
  try {
    const binary = atob(text.trim());
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The credential from any carrier: Bearer, or for `/forward` also x-api-key, x-goog-api-key, key, xi-api-key. */
function credentialOf(request: Request, url: URL, rewrite: boolean): string | undefined {
  const headers = request.headers;
  const bearer = headers.get('authorization');
  if (bearer) return /^Bearer\s+/i.test(bearer) ? bearer.replace(/^Bearer\s+/i, '').trim() : undefined;
  const carriers = rewrite
    ? [headers.get('x-api-key')]
    : [
        headers.get('x-api-key'),
        headers.get('x-goog-api-key'),
        url.searchParams.get('key'),
        headers.get('xi-api-key'),
      ];
  return carriers.find((c): c is string => typeof c === 'string' && c.length > 0);
}

/**
 * The gateway's: a secret key (the merchant pays), or a forward token whose customer and meter must exist
 * (the customer pays unless `disable_billing`; lava-api.md §1.3).
 */
export function gatewayCaller(model: Model, request: Request, url: URL, rewrite: boolean): Caller {
  const hasAny = request.headers.has('authorization') || request.headers.has('x-api-key');
  const credential = credentialOf(request, url, rewrite);
  if (!credential) {
    throw hasAny
      ? unauthorized(
          'Authorization header must be "Bearer <secret key or forward token>"',
          'invalid_auth_header',
        )
      : missing();
  }
  const merchant = { kind: 'gateway', customerId: null, meterId: null, providerKey: null } as const;
  if (credential.startsWith('aks_')) {
    if (!isActiveSecretKey(model, credential)) throw unauthorized('Invalid secret key', 'invalid_api_key');
    return { ...merchant, payer: 'merchant' };
  }
  const decoded = decodeBase64(credential);
  let token: unknown;
  try {
    token = decoded === undefined ? undefined : JSON.parse(decoded);
  } catch {
    token = undefined;
  }
  if (!isPlainObject(token) || typeof token.secret_key !== 'string') {
    throw unauthorized(
      'Invalid forward token: expected base64 JSON with a secret_key',
      'invalid_forward_token',
    );
  }
  if (!isActiveSecretKey(model, token.secret_key))
    throw unauthorized('Invalid secret key in forward token', 'invalid_api_key');
  const field = (name: string, type: 'string' | 'boolean') => {
    const value = token[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== type)
      throw unauthorized(`Invalid forward token: ${name} must be a ${type}`, 'invalid_forward_token');
    return value as never;
  };
  const customerId: string | undefined = field('customer_id', 'string');
  const meterSlug: string | undefined = field('meter_slug', 'string');
  const providerKey: string | undefined = field('provider_key', 'string');
  const disableBilling: boolean | undefined = field('disable_billing', 'boolean');
  if (customerId && !meterSlug)
    throw badRequest('Forward token: customer_id requires meter_slug', 'invalid_forward_token');
  const meter = meterSlug ? meterBySlug(model, meterSlug) : undefined;
  if (meterSlug && !meter) throw notFound('Meter');
  const customer = customerId ? findCustomer(model, customerId) : undefined;
  if (customerId && !customer) throw notFound('Customer');
  return {
    kind: 'gateway',
    customerId: customer?.customer_id ?? null,
    meterId: meter?.meter_id ?? null,
    providerKey: providerKey ?? null,
    payer: customer && meter && !disableBilling ? 'customer' : 'merchant',
  };
}
