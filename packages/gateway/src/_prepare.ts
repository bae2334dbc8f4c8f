import type { CallOptions, LavaClient, LavaError, LavaIssue } from '@lava-sdk/core';
import { mergeHeaders, type SendInit, useSecretKey } from '@lava-sdk/core/internal';
import { err, ok, type Result } from 'neverthrow';
import { type BillingOptions, checkMetadata, invalidParams, metadataHeader, tokenOptions } from './_options';
import { isStreamBody, streamBody } from './_streamBody';
import { forwardUrl } from './forwardUrl';
import { generateForwardToken } from './generateForwardToken';
import { type RewriteFormat, rewriteIssue, rewriteUrl } from './rewriteUrl';

/** Options of {@link gateway}: the official SDK's `GatewayRequestParams`, plus metadata and per-call options. */
export interface GatewayOptions extends CallOptions, BillingOptions {
  /** HTTP method, default `POST`. Upper-cased before sending. */
  method?: string | undefined;
  /**
   * Request body. Plain objects and arrays are sent as JSON (with `Content-Type: application/json` unless
   * you set one); strings, `Uint8Array`/`ArrayBuffer`/other views, `Blob`, `FormData` and `URLSearchParams`
   * are sent unchanged; `null`/`undefined` send no body. A stream (a web `ReadableStream`, a Node
   * `Readable`, or any async iterable of bytes or strings) is sent as it is read, never buffered whole,
   * and only once: it is never retried, whatever `maxRetries` and `idempotencyKey` say.
   */
  body?: unknown | undefined;
  /** Send through the rewrite proxy, translating from and to this client format. */
  format?: RewriteFormat | undefined;
}

/** What `gateway` and `gatewayStream` hand to core's `send()`. */
export interface PreparedGatewayRequest {
  init: SendInit;
  options: CallOptions;
}

// An HTTP token (RFC 9110), less the methods fetch forbids.
const METHOD = /^(?!(CONNECT|TRACE|TRACK)$)[!#$%&'*+.^_`|~0-9A-Z-]+$/;

/**
 * Serialises a body as the official SDK's `prepareGatewayBody`, without its Node-only `Buffer` check;
 * `streamFlag` adds `stream: true` to a plain object. Stream bodies go as streams (see `streamBody`). A
 * string says why the body cannot be sent: JSON cannot serialise it (a BigInt, a cycle, a throwing
 * `toJSON` or getter, a nesting too deep for the stack), or a stream that cannot be read.
 */
function prepareBody(
  body: unknown,
  streamFlag: boolean,
): { body?: BodyInit; type?: string; replayable: boolean } | string {
  if (body === undefined || body === null) return { replayable: true };
  if (typeof body !== 'object') {
    // fetch labels a string body `text/plain;charset=UTF-8`; say so explicitly, because ofetch would
    // otherwise label any string `application/json`.
    return { body: String(body), type: 'text/plain;charset=UTF-8', replayable: true };
  }
  if (isStreamBody(body)) {
    const stream = streamBody(body);
    return typeof stream === 'string' ? stream : { body: stream, replayable: false };
  }
  const tag = Object.prototype.toString.call(body);
  if (
    ArrayBuffer.isView(body) ||
    /^\[object (ArrayBuffer|SharedArrayBuffer|Blob|File|FormData|URLSearchParams)\]$/.test(tag)
  ) {
    return { body: body as BodyInit, replayable: true };
  }
  try {
    const json = JSON.stringify(streamFlag && tag === '[object Object]' ? { ...body, stream: true } : body);
    if (json !== undefined) return { body: json, type: 'application/json', replayable: true };
  } catch {}
  return 'cannot be serialised as JSON';
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
  streamFlag = false,
): Result<PreparedGatewayRequest, LavaError> {
  try {
    useSecretKey(lava);
  } catch (error) {
    return err(error as LavaError);
  }
  const issues: LavaIssue[] = [];
  const { format, metadata, signal, timeoutMs, idempotencyKey } = options;
  const given = options.method ?? 'POST';
  const method = typeof given === 'string' ? given.toUpperCase() : '';
  if (!METHOD.test(method))
    issues.push({ path: 'method', message: 'must be an HTTP method such as GET or POST' });
  const safe = method === 'GET' || method === 'HEAD';
  if (format !== undefined) {
    const issue = rewriteIssue(format, url);
    if (issue) issues.push(issue);
  } else if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
    issues.push({ path: 'url', message: 'must be an absolute http(s) URL of the provider' });
  }
  const meta = metadata === undefined ? undefined : checkMetadata(metadata, issues);
  const token = tokenOptions(options, issues);
  const prepared = prepareBody(options.body, streamFlag);
  if (typeof prepared === 'string') {
    issues.push({ path: 'body', message: prepared });
  } else if (safe && prepared.body !== undefined) {
    issues.push({ path: 'body', message: `a ${method} request cannot have a body` });
  }
  if (issues.length > 0 || typeof prepared === 'string') return err(invalidParams(issues));

  const headers = mergeHeaders(lava.headers, options.headers);
  delete headers.authorization;
  if (prepared.type && !headers['content-type']) headers['content-type'] = prepared.type;
  if (meta) headers['x-lava-metadata'] = metadataHeader(meta);
  const forwardToken = generateForwardToken(lava, token);
  headers.authorization = `Bearer ${forwardToken}`;

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
      // Masked by value in every error and log line (a provider may echo its key).
      secrets: [forwardToken, token.provider_key],
    },
    options: { signal, timeoutMs, maxRetries, idempotencyKey },
  });
}
