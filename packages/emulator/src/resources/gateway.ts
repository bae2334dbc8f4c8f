// The gateway (lava-api.md §1.3, §6): /forward?u=… and /rewrite/{format}/{url}, authenticated by a secret
// key or a forward token, answered by the built-in fake upstreams, billed per the forward-token mode.
// As strict as Lava about targets: only real endpoints of known providers (upstreams/targets.ts), in
// Lava's documented URL forms, are forwarded; anything else is refused with nothing billed.
import { assertCanPay, chargeAndRecord, type Payer } from '../billing';
import type { Ctx, Route } from '../context';
import { badRequest, LavaHttpError, notFound, unauthorized } from '../http';
import { newId } from '../ids';
import { ZERO_USAGE } from '../pricing';
import type { CustomerRecord, MeterRecord } from '../store';
import { callUpstream, formatOf, operationOf } from '../upstream';
import { type Outcome, paced, type WireFormat } from '../upstreams/common';
import { resolveTarget, type Target } from '../upstreams/targets';
import { isPlainObject, requestMetadata } from '../validate';
import { findCustomer } from '../views';
import { meterBySlug } from './meters';
import { assertEntitled } from './requests';

interface GatewayAuth {
  customer: CustomerRecord | null;
  meter: MeterRecord | null;
  providerKey: string | null;
  payer: Payer;
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

/** The credential from any carrier `/forward` accepts (Bearer, x-api-key, x-goog-api-key, key, xi-api-key). */
function credentialOf(ctx: Ctx, rewrite: boolean): string | undefined {
  const headers = ctx.request.headers;
  const bearer = headers.get('authorization');
  if (bearer) return /^Bearer\s+/i.test(bearer) ? bearer.replace(/^Bearer\s+/i, '').trim() : undefined;
  const carriers = rewrite
    ? [headers.get('x-api-key')]
    : [
        headers.get('x-api-key'),
        headers.get('x-goog-api-key'),
        ctx.query.get('key'),
        headers.get('xi-api-key'),
      ];
  return carriers.find((c): c is string => typeof c === 'string' && c.length > 0);
}

function activeSecretKey(ctx: Ctx, key: unknown): boolean {
  if (typeof key !== 'string') return false;
  for (const k of ctx.state.secretKeys.values()) if (k.secret_key === key && !k.revoked) return true;
  return false;
}

function authenticate(ctx: Ctx, rewrite: boolean): GatewayAuth {
  const hasAny = ctx.request.headers.has('authorization') || ctx.request.headers.has('x-api-key');
  const credential = credentialOf(ctx, rewrite);
  if (!credential) {
    throw hasAny
      ? unauthorized(
          'Authorization header must be "Bearer <secret key or forward token>"',
          'invalid_auth_header',
        )
      : unauthorized('Authorization header missing', 'auth_header_missing');
  }
  if (credential.startsWith('aks_')) {
    if (!activeSecretKey(ctx, credential)) throw unauthorized('Invalid secret key', 'invalid_api_key');
    return { customer: null, meter: null, providerKey: null, payer: 'merchant' };
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
  if (!activeSecretKey(ctx, token.secret_key))
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
  const meter = meterSlug ? meterBySlug(ctx, meterSlug) : undefined;
  if (meterSlug && !meter) throw notFound('Meter');
  const customer = customerId ? findCustomer(ctx.env, customerId) : undefined;
  if (customerId && !customer) throw notFound('Customer');
  return {
    customer: customer ?? null,
    meter: meter ?? null,
    providerKey: providerKey ?? null,
    payer: customer && meter && !disableBilling ? 'customer' : 'merchant',
  };
}

/** Metadata from `x-lava-metadata`, the `metadata` query parameter and `X-Lava-Metadata-<Key>` headers. */
function readMetadata(ctx: Ctx): Record<string, string> {
  const merged: Record<string, unknown> = {};
  for (const [source, raw] of [
    ['metadata', ctx.query.get('metadata')],
    ['x-lava-metadata', ctx.request.headers.get('x-lava-metadata')],
  ] as const) {
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw badRequest(`Invalid ${source}: must be a JSON object of strings`, 'invalid_metadata');
    }
    Object.assign(merged, requestMetadata(parsed, source));
  }
  ctx.request.headers.forEach((value, name) => {
    const match = /^x-lava-metadata-(.+)$/i.exec(name);
    if (match?.[1]) merged[match[1].replace(/-/g, '_')] = value;
  });
  return requestMetadata(merged);
}

/** The provider URL of a gateway call: absolute, or host-first as the rewrite docs write it. */
function parseTarget(text: string | null, schemeless: boolean): URL {
  if (!text) throw badRequest('Missing target URL: pass the provider URL as ?u=', 'missing_target_url');
  const scheme = /^https?:\/\//i.test(text);
  if (!scheme && !schemeless) {
    throw badRequest(
      'Invalid target URL: u must be the full provider URL, e.g. https://api.openai.com/v1/chat/completions',
      'invalid_target_url',
    );
  }
  try {
    return new URL(scheme ? text : `https://${text}`);
  } catch {
    throw badRequest('Invalid target URL', 'invalid_target_url');
  }
}

/**
 * Refuses query parameters Lava does not take. The provider URL's own query (`?alt=sse`) belongs inside
 * `u`, percent-encoded with the rest of it; a client that appends it after `u` sends it to Lava instead.
 */
function checkQuery(ctx: Ctx, allowed: readonly string[]): void {
  for (const name of new Set(ctx.query.keys())) {
    if (!allowed.includes(name)) {
      throw badRequest(
        `Unknown query parameter ${JSON.stringify(name)}: Lava takes ${allowed.join(', ')}; put the provider URL's own query inside u (encodeURIComponent the whole provider URL)`,
        'unknown_parameter',
      );
    }
    if (ctx.query.getAll(name).length > 1) {
      throw badRequest(`Repeated query parameter ${JSON.stringify(name)}`, 'invalid_request');
    }
  }
}

/** The URL as it arrived, with a `key` credential in its query masked. */
function rawUrlOf(url: URL): string {
  if (!url.searchParams.has('key')) return url.href;
  const masked = new URL(url.href);
  masked.searchParams.set('key', '[redacted]');
  return masked.href;
}

async function run(ctx: Ctx, auth: GatewayAuth, target: Target, clientFormat: WireFormat): Promise<Response> {
  const { provider, endpoint } = target;
  const operation = operationOf(target);
  if (!operation) {
    throw new LavaHttpError(
      501,
      'not_emulated',
      `The emulator does not emulate ${endpoint.method} ${provider.base}${endpoint.path} (${provider.label}); it is a real endpoint, Lava would forward it`,
    );
  }
  const metadata = readMetadata(ctx);
  if (auth.customer && auth.meter) assertEntitled(ctx, auth.customer, auth.meter);
  assertCanPay(ctx.env, auth.payer, auth.customer, auth.providerKey === null);
  const requestId = newId('req_', ctx.env.now());
  ctx.requestId = requestId;
  let billed = false;
  const bill = (outcome: Outcome) => {
    if (billed) return;
    billed = true;
    chargeAndRecord(ctx.env, {
      requestId,
      customer: auth.customer,
      meter: auth.meter,
      payer: auth.payer,
      provider: provider.id,
      providerKeyType: auth.providerKey ? 'unmanaged' : 'managed',
      model: outcome.model,
      endpoint: `${endpoint.method} ${target.url.origin}${target.url.pathname}`,
      responseId: outcome.responseId,
      usage: {
        ...ZERO_USAGE,
        input_tokens: outcome.inputTokens ?? 0,
        output_tokens: outcome.outputTokens ?? 0,
      },
      metadata,
      status: outcome.status,
      rawUrl: rawUrlOf(ctx.url),
      upstreamUrl: target.url.href,
    });
  };
  const body = endpoint.method === 'GET' ? '' : await ctx.request.text();
  const response = callUpstream(
    { target, operation, clientFormat, headers: ctx.request.headers, body, reply: ctx.env.reply },
    bill,
  );
  // A provider error (bad body, unknown model) reached the provider: Lava records it, at no cost.
  if (!billed && response.status >= 400) bill({ status: 'error' });
  return paced(response, ctx.env.streamDelayMs);
}

async function forward(ctx: Ctx): Promise<Response> {
  const auth = authenticate(ctx, false);
  checkQuery(ctx, ['u', 'metadata', 'key']);
  const target = resolveTarget(ctx.request.method, parseTarget(ctx.query.get('u'), false));
  const format = formatOf(target.provider.api);
  if (!format) {
    throw new LavaHttpError(
      501,
      'not_emulated',
      `The emulator has no fake upstream for ${target.provider.label}; it is a real provider, Lava would forward it`,
    );
  }
  return run(ctx, auth, target, format);
}

/** The client's own path suffixes Lava strips from a rewrite target (lava-api.md §6.2). */
const CLIENT_SUFFIX = { openai: /(?:\/v1)?\/chat\/completions$/, anthropic: /(?:\/v1)?\/messages$/ } as const;

async function rewrite(ctx: Ctx): Promise<Response> {
  const auth = authenticate(ctx, true);
  const clientFormat = ctx.params.format;
  if (clientFormat !== 'openai' && clientFormat !== 'anthropic') {
    if (clientFormat === 'google' || clientFormat === 'bedrock') {
      throw new LavaHttpError(
        501,
        'not_emulated',
        `The emulator does not translate the ${clientFormat} format`,
      );
    }
    throw badRequest('Invalid format: expected openai, anthropic, google or bedrock', 'invalid_format');
  }
  checkQuery(ctx, ['metadata']);
  if (ctx.request.method !== 'POST') {
    throw badRequest(
      `The rewrite proxy translates POST requests, not ${ctx.request.method}`,
      'unsupported_endpoint',
    );
  }
  const marker = `/rewrite/${clientFormat}/`;
  const raw = ctx.url.pathname.slice(ctx.url.pathname.indexOf(marker) + marker.length);
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    throw badRequest('Invalid target URL: malformed percent-encoding', 'invalid_target_url');
  }
  // A URL normaliser may have folded `https://` in the path to `https:/`.
  const url = parseTarget(text.replace(/^(https?:)\/+/i, '$1//'), true);
  // The target itself (gateway({ format })), or the target plus the path the client SDK appended.
  const paths = [url.pathname, url.pathname.replace(CLIENT_SUFFIX[clientFormat], '')];
  let failure: unknown;
  for (const path of new Set(paths)) {
    const candidate = new URL(url.href);
    candidate.pathname = path;
    let target: Target;
    try {
      target = resolveTarget('POST', candidate);
    } catch (error) {
      failure = error;
      continue;
    }
    if (operationOf(target) !== 'chat') {
      throw badRequest(
        `Unsupported endpoint: the rewrite proxy translates chat requests; ${candidate.origin}${path} is not a chat endpoint of ${target.provider.label}`,
        'unsupported_endpoint',
      );
    }
    return run(ctx, auth, target, clientFormat);
  }
  throw failure;
}

export const gatewayRoutes: Route[] = [
  { method: 'ANY', path: 'forward', auth: 'gateway', handler: forward },
  { method: 'ANY', path: 'rewrite/:format/*', auth: 'gateway', handler: rewrite },
];
