import { errAsync, ok, type ResultAsync } from 'neverthrow';
import { restExchange } from '#platform';
import type { LavaClient } from './createLava';
import { invalidParam, isLavaError, type LavaError, rawLavaError } from './errors';
import { withRequestId } from './requestId';
import { useSecretKey } from './secretKey';
import { type CallOptions, send } from './transport';
import { parseJsonBody } from './validate';

/** What `rawRequest` sends: a path under the base URL, query pairs, and an optional JSON body. */
export interface RawRequestSpec {
  method: string;
  /** Resolved against the base URL as the official SDK does (`customers/con_1`), but never outside it. */
  path: string;
  /** Appended as query pairs; `undefined` values are skipped. */
  query?: Readonly<Record<string, string | number | boolean | undefined>> | undefined;
  /** Sent as JSON when not `undefined`. */
  data?: unknown;
}

/**
 * The Lava class's low-level `request(method, path, { data, query })` on core's pipeline: the same key
 * checks as every REST function (`useSecretKey`), the same transport (`send`: retries, timeout,
 * Idempotency-Key, redaction) and never a redirect followed. The path may not leave the base URL: an
 * absolute URL, a `/`-rooted path or `..` that climbs out of it is `invalid_params` and nothing is sent;
 * so are a method fetch cannot send (`TRACE`, `CONNECT`, `TRACK`) and `data` on a GET or HEAD. A 2xx body
 * is parsed as JSON (empty: `null`) and not validated; one that is not JSON is an `invalid_response` error
 * that keeps its text (`rawBody`).
 */
export function rawRequest(
  lava: LavaClient,
  spec: RawRequestSpec,
  options?: CallOptions,
): ResultAsync<unknown, LavaError> {
  const { path, query, data } = spec;
  // An HTTP token only, and none fetch forbids: anything else would be refused at every attempt.
  if (typeof spec.method !== 'string' || !/^(?!(connect|trace|track)$)[a-z]+$/i.test(spec.method)) {
    return errAsync(invalidParam('method', 'must be an HTTP method such as GET or POST'));
  }
  const method = spec.method.toUpperCase();
  if (data !== undefined && (method === 'GET' || method === 'HEAD')) {
    return errAsync(invalidParam('data', `a ${method} request cannot have a body`));
  }
  if (!/^https?:\/\/[^/]/.test(lava.baseUrl)) {
    return errAsync(rawLavaError('config', 'Invalid baseUrl: must be an http(s) URL'));
  }
  let url: URL;
  let base: string;
  try {
    base = new URL(lava.baseUrl).href;
    url = new URL(path, base);
  } catch {
    return errAsync(invalidParam('path', 'must be a path under the base URL'));
  }
  // The key goes wherever the URL points: only under the base URL, as with every resource method.
  if (typeof path !== 'string' || !`${url.origin}${url.pathname}`.startsWith(base)) {
    return errAsync(
      invalidParam('path', 'must stay under the base URL (no absolute URL, leading "/" or "..")'),
    );
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.append(name, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  try {
    headers.authorization = `Bearer ${useSecretKey(lava)}`;
  } catch (error) {
    if (isLavaError(error)) return errAsync(error);
    throw error;
  }
  let body: string | undefined;
  if (data !== undefined) {
    try {
      body = JSON.stringify(data);
    } catch {
      return errAsync(invalidParam('data', 'cannot be serialised as JSON'));
    }
    headers['content-type'] = 'application/json';
  }
  return send(
    lava,
    // The same exchange as every REST function (node:http in Node), so its headers and faults are theirs.
    { method, url: url.href, headers, body, redirect: 'manual', exchange: restExchange },
    options,
  ).andThen(({ text, status, requestId, scrub }) =>
    text.trim() === ''
      ? ok(null)
      : parseJsonBody(text, status, requestId, scrub).map((json) => withRequestId(json, requestId)),
  );
}
