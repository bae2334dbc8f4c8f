// The gateway (lava-api.md §1.3, §6): /forward?u=… and /rewrite/{format}/{url}, its caller authenticated by
// the pipeline (a secret key or a forward token, auth.ts), answered by the built-in fake upstreams, billed
// per the forward-token mode.
// As strict as Lava about targets: only real endpoints of known providers (upstreams/targets.ts), in
// Lava's documented URL forms, are forwarded; anything else is refused with nothing billed.
import type { Caller, Ctx, RouteSpec } from '../context';
import { badRequest, LavaHttpError } from '../http';
import { newId } from '../ids';
import { MAX_GATEWAY_BODY_BYTES } from '../limits';
import { assertEntitled, charge, ensureCanPay } from '../model/billing';
import { ZERO_USAGE } from '../pricing';
import { callUpstream, formatOf, operationOf } from '../upstream';
import { type Outcome, paced, type WireFormat } from '../upstreams/common';
import { resolveTarget, type Target } from '../upstreams/targets';
import { requestMetadata } from '../validate';

type GatewayCaller = Extract<Caller, { kind: 'gateway' }>;

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

async function run(ctx: Ctx, target: Target, clientFormat: WireFormat): Promise<Response> {
  const auth = ctx.caller as GatewayCaller;
  const { model } = ctx;
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
  const customer = auth.customerId ? (model.state.customers.get(auth.customerId) ?? null) : null;
  const meter = auth.meterId ? (model.state.meters.get(auth.meterId) ?? null) : null;
  if (customer && meter) assertEntitled(model, customer.customer_id, meter);
  ensureCanPay(model, auth.payer, customer?.customer_id ?? null, auth.providerKey === null);
  const requestId = newId('req_', model.now());
  ctx.requestId = requestId;
  let billed = false;
  const bill = (outcome: Outcome) => {
    if (billed) return;
    billed = true;
    charge(model, {
      requestId,
      customer,
      meter,
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
  const body = endpoint.method === 'GET' ? '' : ctx.text();
  const response = callUpstream(
    { target, operation, clientFormat, headers: ctx.request.headers, body, reply: ctx.env.reply },
    bill,
  );
  // A provider error (bad body, unknown model) reached the provider: Lava records it, at no cost.
  if (!billed && response.status >= 400) bill({ status: 'error' });
  return paced(response, ctx.env.streamDelayMs);
}

async function forward(ctx: Ctx): Promise<Response> {
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
  return run(ctx, target, format);
}

/** The client's own path suffixes Lava strips from a rewrite target (lava-api.md §6.2). */
const CLIENT_SUFFIX = { openai: /(?:\/v1)?\/chat\/completions$/, anthropic: /(?:\/v1)?\/messages$/ } as const;

async function rewrite(ctx: Ctx): Promise<Response> {
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
    return run(ctx, target, clientFormat);
  }
  throw failure;
}

/**
 * The two proxies (lava-api.md §6), which are not REST operations of the registry: any method, the
 * caller authenticated by a secret key or a forward token, bodies up to MAX_GATEWAY_BODY_BYTES.
 */
export const GATEWAY_ROUTES: readonly RouteSpec[] = [
  { method: 'ANY', path: 'forward', auth: 'gateway', maxBody: MAX_GATEWAY_BODY_BYTES, handle: forward },
  {
    method: 'ANY',
    path: 'rewrite/{format}/{url*}',
    auth: 'gateway',
    maxBody: MAX_GATEWAY_BODY_BYTES,
    handle: rewrite,
  },
];
