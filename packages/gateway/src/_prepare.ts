import type { CallOptions, LavaClient, LavaError, LavaIssue } from '@lava-sdk/core';
import { lavaError, mergeHeaders, type SendInit, useSecretKey } from '@lava-sdk/core/internal';
import { err, ok, type Result } from 'neverthrow';
import { forwardUrl } from './forwardUrl';
import { type ForwardTokenOptions, generateForwardToken } from './generateForwardToken';
import { REWRITE_FORMATS, type RewriteFormat, rewriteUrl } from './rewriteUrl';

/** Options of {@link gateway}: the official SDK's `GatewayRequestParams`, plus metadata and per-call options. */
export interface GatewayOptions extends CallOptions {
  /** HTTP method, default `POST`. Upper-cased before sending. */
  method?: string | undefined;
  /**
   * Request body. Plain objects and arrays are sent as JSON (with `Content-Type: application/json` unless
   * you set one); strings, `Uint8Array`/`ArrayBuffer`/other views, `Blob`, `FormData`, `URLSearchParams`
   * and streams are sent unchanged; `null`/`undefined` send no body.
   */
  body?: unknown | undefined;
  /** Customer to bill. Needs `meter_slug`: alone it is an `invalid_params` error. */
  customer_id?: string | undefined;
  /** Meter to price with: with `customer_id` the customer pays, alone the merchant pays ("meter-only"). */
  meter_slug?: string | undefined;
  /** Your own provider key (bring-your-own-key); Lava still meters. */
  provider_key?: string | undefined;
  /** With `customer_id` + `meter_slug`: charge the merchant, keep the customer's attribution. */
  disable_billing?: boolean | undefined;
  /** Send through the rewrite proxy, translating from and to this client format. */
  format?: RewriteFormat | undefined;
  /**
   * Request metadata for Lava's request history, sent as the `x-lava-metadata` header (JSON).
   * Up to 100 pairs; keys 1–255 ASCII letters, digits or `_`; values strings of 1–255 characters.
   */
  metadata?: Record<string, string> | undefined;
}

/** What `gateway` and `gatewayStream` hand to core's `send()`. */
export interface PreparedGatewayRequest {
  init: SendInit;
  options: CallOptions;
}

const METADATA_KEY = /^[A-Za-z0-9_]{1,255}$/;
const NON_ASCII = /[\u007f-\uffff]/g;
// Any forward token: base64 of JSON that starts with `{"secret_key":"`.
const TOKEN_START = 'eyJzZWNyZXRfa2V5Ijoi';
const FORWARD_TOKEN = /eyJzZWNyZXRfa2V5Ijoi[A-Za-z0-9+/=]*/g;

const isStream = (body: object): boolean =>
  typeof (body as { getReader?: unknown }).getReader === 'function' ||
  typeof (body as { pipe?: unknown }).pipe === 'function';

/** Serialises a body as the official SDK's `prepareGatewayBody`, without its Node-only `Buffer` check. */
function prepareBody(body: unknown): { body?: BodyInit; type?: string; replayable: boolean } {
  if (body === undefined || body === null) return { replayable: true };
  if (typeof body !== 'object') {
    // fetch labels a string body `text/plain;charset=UTF-8`; say so explicitly, because ofetch would
    // otherwise label any string `application/json`.
    return { body: String(body), type: 'text/plain;charset=UTF-8', replayable: true };
  }
  if (isStream(body)) return { body: body as BodyInit, replayable: false };
  const tag = Object.prototype.toString.call(body);
  if (
    ArrayBuffer.isView(body) ||
    /^\[object (ArrayBuffer|SharedArrayBuffer|Blob|File|FormData|URLSearchParams)\]$/.test(tag)
  ) {
    return { body: body as BodyInit, replayable: true };
  }
  return { body: JSON.stringify(body), type: 'application/json', replayable: true };
}

function checkMetadata(metadata: unknown, issues: LavaIssue[]): void {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    issues.push({ path: 'metadata', message: 'must be an object of string values' });
    return;
  }
  const entries = Object.entries(metadata);
  if (entries.length > 100) issues.push({ path: 'metadata', message: 'at most 100 pairs' });
  for (const [key, value] of entries) {
    if (!METADATA_KEY.test(key)) {
      issues.push({
        path: `metadata.${key}`,
        message: 'keys are 1-255 ASCII letters, digits or underscores',
      });
    }
    if (typeof value !== 'string' || value.length < 1 || value.length > 255) {
      issues.push({ path: `metadata.${key}`, message: 'values are strings of 1-255 characters' });
    }
  }
}

/** Chooses the token's billing fields exactly as the official `gateway()` does. */
function tokenOptions(o: GatewayOptions, issues: LavaIssue[]): ForwardTokenOptions {
  const { customer_id, meter_slug, provider_key, disable_billing } = o;
  if (customer_id !== undefined && meter_slug !== undefined) {
    return { customer_id, meter_slug, provider_key, disable_billing };
  }
  if (meter_slug !== undefined) return { customer_id: null, meter_slug, provider_key };
  if (customer_id !== undefined) {
    issues.push({
      path: 'customer_id',
      message:
        'customer_id requires meter_slug: provide both for customer billing, or omit both for merchant billing',
    });
  }
  return { provider_key };
}

/**
 * Validates the options and builds the wire request of a gateway call: URL, forward token, headers,
 * body and retry policy. Nothing is sent.
 */
export function prepareGatewayRequest(
  lava: LavaClient,
  url: string,
  options: GatewayOptions,
  stream = false,
): Result<PreparedGatewayRequest, LavaError> {
  try {
    useSecretKey(lava);
  } catch (error) {
    return err(error as LavaError);
  }
  const issues: LavaIssue[] = [];
  const { format, metadata, signal, timeoutMs, idempotencyKey } = options;
  const method = (options.method ?? 'POST').toUpperCase();
  const safe = method === 'GET' || method === 'HEAD';
  if (typeof url !== 'string' || url === '') {
    issues.push({ path: 'url', message: 'must be a non-empty string' });
  } else if (format === undefined && !/^https?:\/\//i.test(url)) {
    issues.push({ path: 'url', message: 'must be an absolute http(s) URL of the provider' });
  }
  if (format !== undefined && !REWRITE_FORMATS.includes(format)) {
    issues.push({ path: 'format', message: `must be one of ${REWRITE_FORMATS.join(', ')}` });
  }
  if (metadata !== undefined) checkMetadata(metadata, issues);
  const token = tokenOptions(options, issues);
  const prepared = prepareBody(options.body);
  if (safe && prepared.body !== undefined) {
    issues.push({ path: 'body', message: `a ${method} request cannot have a body` });
  }
  if (issues.length > 0) {
    const text = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return err(lavaError('invalid_params', `Invalid params: ${text}`, { issues }));
  }

  const headers = mergeHeaders(lava.headers, options.headers);
  delete headers.authorization;
  if (prepared.type && !headers['content-type']) headers['content-type'] = prepared.type;
  if (stream && !headers.accept) headers.accept = 'text/event-stream';
  if (metadata !== undefined) {
    // Header values must be Latin-1: escape everything else as JSON \uXXXX, which decodes to the same object.
    headers['x-lava-metadata'] = JSON.stringify(metadata).replace(
      NON_ASCII,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  headers.authorization = `Bearer ${generateForwardToken(lava, token)}`;

  // A forward-proxy POST is not known to be idempotent: a retried completion could be billed twice.
  // Only reads, calls with the caller's own Idempotency-Key, or an explicit maxRetries are retried;
  // a stream body can never be replayed.
  const keyed = idempotencyKey !== undefined || headers['idempotency-key'] !== undefined;
  const maxRetries = !prepared.replayable ? 0 : (options.maxRetries ?? (safe || keyed ? undefined : 0));
  return ok({
    init: {
      method,
      url: format === undefined ? forwardUrl(lava, url) : rewriteUrl(lava, format, url),
      headers,
      body: prepared.body,
      stream,
      retryByCount: true,
    },
    options: { signal, timeoutMs, maxRetries, idempotencyKey },
  });
}

/** Removes any forward token a provider or proxy echoed into an error (core redacts keys and `Bearer …`). */
export function scrubToken(error: LavaError): LavaError {
  if (error.kind !== 'api') return error;
  const body = JSON.stringify(error.body);
  if (!body?.includes(TOKEN_START) && !error.message.includes(TOKEN_START)) return error;
  const { status, code, requestId, retryAfterMs, attempts } = error;
  return lavaError(
    'api',
    error.message.replace(FORWARD_TOKEN, '[redacted]'),
    {
      status,
      code,
      requestId,
      retryAfterMs,
      attempts,
      body: body === undefined ? error.body : JSON.parse(body.replace(FORWARD_TOKEN, '[redacted]')),
    },
    error.cause,
  );
}
