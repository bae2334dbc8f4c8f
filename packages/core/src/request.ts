import { errAsync, type ResultAsync } from 'neverthrow';
import type { GenericSchema, InferOutput } from 'valibot';
import { restExchange } from '#platform';
import type { LavaClient } from './createLava';
import { invalidParam, type LavaError, rawLavaError } from './errors';
import type { Wire } from './operations';
import { encodePathParam } from './path';
import { withRequestId } from './requestId';
import { secretKeyOf } from './secretKey';
import { type CallOptions, send } from './transport';
import { parseJsonBody, parseParams, parseResponse } from './validate';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What one REST operation sends and expects. */
export interface RequestSpec<O extends GenericSchema> {
  /** The operation's wire in the registry (`operations.ts`): `GET /customers/{customer_id}`. */
  wire: Wire;
  /** The values of the wire's `{…}` params, in order; each is percent-encoded, so ids can never change the route. */
  path?: readonly unknown[];
  /** The caller's params: sent as the query for GET, as the JSON body otherwise. */
  params?: unknown;
  /** Schema the params must pass before anything is sent. It may transform them to their wire form. */
  input?: GenericSchema;
  /** Schema of a 2xx body. */
  output: O;
  /** `false` for endpoints that take no key; `'optional'` to send the key only when there is one. */
  auth?: boolean | 'optional';
}

/**
 * The pipeline of every REST function: validate params → encode path → headers → send (retries,
 * timeout) → map status → parse and validate the body.
 */
export function request<O extends GenericSchema>(
  lava: LavaClient,
  spec: RequestSpec<O>,
  options?: CallOptions,
): ResultAsync<InferOutput<O>, LavaError> {
  const { input } = spec;
  let params = spec.params;
  if (input) {
    const parsed = parseParams(input, params);
    if (parsed.isErr()) return errAsync(parsed.error);
    params = parsed.value;
  }
  // 'GET /customers/{customer_id}' → ['GET', 'customers', <the encoded id>]; '{' sorts after every
  // letter, digit and '_', so a segment below it is a literal one.
  let i = 0;
  const segments = spec.wire.split(/ ?\//).map((s) => (s < '{' ? s : encodePathParam(spec.path?.[i++])));
  const method = segments.shift() as HttpMethod;
  const bad = segments.indexOf(undefined);
  if (bad >= 0) return errAsync(invalidParam(`path.${bad}`, 'must be a non-empty string, not "." or ".."'));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (spec.auth !== false && (lava.secretKey || spec.auth !== 'optional')) {
    const key = secretKeyOf(lava);
    if (typeof key !== 'string') return errAsync(key);
    headers.authorization = `Bearer ${key}`;
  }
  let url: URL | undefined;
  try {
    if (/^https?:\/\/[^/]/.test(lava.baseUrl)) url = new URL(segments.join('/'), lava.baseUrl);
  } catch {} // it starts right and still does not parse: a port past 65535, a space in the host
  if (!url) return errAsync(rawLavaError('config', 'Invalid baseUrl: must be an http(s) URL'));
  let body: string | undefined;
  if (method === 'GET') {
    for (const [name, value] of Object.entries(params ?? {})) {
      if (value != null) url.searchParams.append(name, String(value));
    }
  } else if (params !== undefined) {
    // A BigInt, a cycle or a throwing toJSON makes stringify throw: the caller's params are at fault.
    try {
      body = JSON.stringify(params);
    } catch (cause) {
      return errAsync(invalidParam('', `cannot be sent as JSON (${(cause as Error)?.message})`));
    }
    headers['content-type'] = 'application/json';
  }
  const init = {
    method,
    url: url.href,
    headers,
    body,
    redirect: 'manual' as const,
    exchange: restExchange,
    // One key per logical POST, reused by every retry, so a retried create is applied once.
    generateIdempotencyKey: method === 'POST',
  };
  return send(lava, init, options).andThen(({ text, status, requestId, scrub }) =>
    parseJsonBody(text, status, requestId)
      .andThen((json) => parseResponse(spec.output, json, status, requestId, scrub))
      .map((value) => withRequestId(value, requestId)),
  );
}
