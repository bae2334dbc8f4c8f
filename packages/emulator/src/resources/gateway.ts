// The gateway (lava-api.md §1.3, §6): /forward?u=… and /rewrite/{format}/{url}, authenticated by a secret
// key or a forward token, answered by the built-in fake upstreams, billed per the forward-token mode.
import { assertCanPay, chargeAndRecord, type Payer } from '../billing';
import type { Ctx, Route } from '../context';
import { badRequest, LavaHttpError, notFound, unauthorized } from '../http';
import { newId } from '../ids';
import { MODELS, ZERO_USAGE } from '../pricing';
import type { CustomerRecord, MeterRecord } from '../store';
import {
  type ChatFormat,
  type ChatInput,
  complete,
  parseChat,
  providerError,
  renderChat,
  renderModels,
} from '../upstream';
import { isPlainObject, requestMetadata } from '../validate';
import { findCustomer } from '../views';
import { PROVIDERS, type ProviderInfo, providerOf } from './catalog';
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

function parseTarget(text: string | null): URL {
  if (!text) throw badRequest('Missing target URL: pass the provider URL as ?u=', 'missing_target_url');
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    return url;
  } catch {
    throw badRequest('Invalid target URL', 'invalid_target_url');
  }
}

function chatFormatOf(provider: ProviderInfo): ChatFormat {
  if (provider.format === 'google' || provider.format === 'elevenlabs') {
    throw new LavaHttpError(
      501,
      'not_emulated',
      `The emulator's fake upstream for ${provider.label} (${provider.format} API) is not implemented; use an OpenAI-compatible or Anthropic URL`,
    );
  }
  return provider.format;
}

interface Call {
  auth: GatewayAuth;
  provider: ProviderInfo;
  /** The format the client speaks (the provider's own for /forward). */
  clientFormat: ChatFormat;
  endpoint: string;
  kind: 'chat' | 'models' | 'unknown';
  method: string;
}

async function run(ctx: Ctx, call: Call): Promise<Response> {
  const { auth, provider } = call;
  const metadata = readMetadata(ctx);
  if (auth.customer && auth.meter) assertEntitled(ctx, auth.customer, auth.meter);
  assertCanPay(ctx.env, auth.payer, auth.customer, auth.providerKey === null);
  const requestId = newId('req_', ctx.env.now());
  ctx.requestId = requestId;
  const record = (status: 'completed' | 'error', model?: string, responseId?: string, usage = ZERO_USAGE) =>
    chargeAndRecord(ctx.env, {
      requestId,
      customer: auth.customer,
      meter: auth.meter,
      payer: auth.payer,
      provider: provider.id,
      providerKeyType: auth.providerKey ? 'unmanaged' : 'managed',
      model,
      endpoint: `${call.method} ${call.endpoint}`,
      responseId,
      usage,
      metadata,
      status,
    });
  const format = call.clientFormat;
  if (call.kind === 'models' && call.method === 'GET') {
    record('completed');
    const models = MODELS.filter(
      (m) =>
        m.provider === provider.id ||
        PROVIDERS.find((p) => p.id === m.provider)?.format === chatFormatOf(provider),
    );
    return renderModels(
      format,
      models.map((m) => ({ id: m.id, created: m.created, owned_by: m.provider })),
    );
  }
  if (call.kind !== 'chat' || call.method !== 'POST') {
    record('error');
    return providerError(format, 404, `Unknown request URL: ${call.method} ${call.endpoint}`);
  }
  const input: ChatInput | Response = parseChat(
    format,
    await ctx.request.text(),
    format === chatFormatOf(provider),
  );
  if (input instanceof Response) {
    record('error');
    return input;
  }
  const completion = complete(ctx.env.reply, provider.id, format, input);
  return renderChat(format, completion, input, () => {
    record('completed', input.model, completion.id, {
      ...ZERO_USAGE,
      input_tokens: completion.inputTokens,
      output_tokens: completion.outputTokens,
    });
  });
}

function kindOf(path: string, format: ChatFormat): Call['kind'] {
  if (format === 'anthropic' ? /\/messages$/.test(path) : /\/chat\/completions$/.test(path)) return 'chat';
  if (/\/models$/.test(path)) return 'models';
  return 'unknown';
}

async function forward(ctx: Ctx): Promise<Response> {
  const auth = authenticate(ctx, false);
  let u = ctx.query.get('u');
  // Clients that join paths onto `…/forward?u=<base>` (the openai SDK) send `…/forward/chat/completions?u=<base>`:
  // the extra path belongs after the upstream base.
  const extra = ctx.params['*'];
  if (u && extra) u = `${u.replace(/\/+$/, '')}/${extra.replace(/^\/+/, '')}`;
  const target = parseTarget(u);
  for (const [name, value] of ctx.query)
    if (!['u', 'metadata', 'key'].includes(name)) target.searchParams.append(name, value);
  const provider = providerOf(target);
  if (!provider)
    throw badRequest(
      `Unsupported provider URL: ${target.host} is not a Lava provider`,
      'unsupported_provider',
    );
  const format = chatFormatOf(provider);
  const path = target.pathname.replace(/\/+$/, '');
  return run(ctx, {
    auth,
    provider,
    clientFormat: format,
    endpoint: `${target.origin}${path}`,
    kind: kindOf(path, format),
    method: ctx.request.method,
  });
}

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
  const marker = `/rewrite/${clientFormat}/`;
  const raw = ctx.url.pathname.slice(ctx.url.pathname.indexOf(marker) + marker.length);
  const target = parseTarget(decodeURIComponent(raw).replace(/^(https?:)\/+/i, '$1//'));
  const provider = providerOf(target);
  if (!provider)
    throw badRequest(
      `Unsupported provider URL: ${target.host} is not a Lava provider`,
      'unsupported_provider',
    );
  const providerFormat = chatFormatOf(provider);
  // The client SDK appends its own suffix; Lava strips it and calls the provider's chat endpoint.
  const suffix = clientFormat === 'openai' ? /(\/v1)?\/chat\/completions\/?$/ : /(\/v1)?\/messages\/?$/;
  const path = target.pathname.replace(/\/+$/, '');
  const isModels = /\/models$/.test(path);
  const endpoint =
    providerFormat === 'anthropic'
      ? 'https://api.anthropic.com/v1/messages'
      : `${provider.base}/chat/completions`;
  return run(ctx, {
    auth,
    provider,
    clientFormat,
    endpoint: isModels ? `${target.origin}${path}` : endpoint,
    kind: isModels ? 'models' : suffix.test(path) || ctx.request.method === 'POST' ? 'chat' : 'unknown',
    method: ctx.request.method,
  });
}

export const gatewayRoutes: Route[] = [
  { method: 'ANY', path: 'forward', auth: 'gateway', handler: forward },
  { method: 'ANY', path: 'forward/*', auth: 'gateway', handler: forward },
  { method: 'ANY', path: 'rewrite/:format/*', auth: 'gateway', handler: rewrite },
];
