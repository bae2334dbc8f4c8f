import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import type { GenericSchema, InferOutput } from 'valibot';
import { restExchange } from '#platform';
import type { LavaClient, ResponseIssues } from './createLava';
import { readEnvQuietly } from './env';
import { invalidParam, type LavaError, rawLavaError } from './errors';
import type { Wire } from './operations';
import { encodePathParam } from './path';
import { withRequestId } from './requestId';
import { secretKeyOf } from './secretKey';
import { type CallOptions, type SendResult, sendAsync } from './transport';
import { checkBody, parseParams } from './validate';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A client's settings as its calls use them, worked out once (see {@link settle}). */
interface Settled {
  /** The base URL as paths resolve against; undefined when it is not an http(s) URL. */
  readonly base: string | undefined;
  /** `responseValidation` (or `LAVA_RESPONSE_VALIDATION`) is `strict`; undefined when it is neither mode. */
  readonly strict: boolean | undefined;
}

// Each client's settings, worked out at its first call: parsing the base URL on every call (`new URL(path,
// base)`) was the largest cost of a call in Node, more than validating the response.
const settled = new WeakMap<LavaClient, Settled>();

/**
 * The client's base URL as the directory paths resolve against (`new URL('./', baseUrl).href`, so a path
 * appended to it is what `new URL(path, baseUrl)` gives), and its response validation mode, which
 * `LAVA_RESPONSE_VALIDATION` sets for a client created without one.
 */
function settle(lava: LavaClient): Settled {
  let settings = settled.get(lava);
  if (!settings) {
    let base: string | undefined;
    try {
      if (/^https?:\/\/[^/]/.test(lava.baseUrl)) base = new URL('./', lava.baseUrl).href;
    } catch {}
    const mode = lava.responseValidation ?? readEnvQuietly('LAVA_RESPONSE_VALIDATION') ?? 'warn';
    settings = { base, strict: mode === 'strict' ? true : mode === 'warn' ? false : undefined };
    settled.set(lava, settings);
  }
  return settings;
}

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
 * timeout) → map status → parse and validate the body. A 2xx that differs from the docs is reported and,
 * as `lava.responseValidation` says, returned (`warn`) or refused (`strict`).
 */
export function request<O extends GenericSchema>(
  lava: LavaClient,
  spec: RequestSpec<O>,
  options?: CallOptions,
): ResultAsync<InferOutput<O>, LavaError> {
  const { input } = spec;
  const { base, strict } = settle(lava);
  if (strict === undefined) {
    return errAsync(rawLavaError('config', 'Invalid responseValidation: must be "warn" or "strict"'));
  }
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
  // What `new URL(path, baseUrl).href` gives, without parsing the base URL again (see settle). One that
  // starts right and still does not parse (a port past 65535, a space in the host) is a config error.
  if (base === undefined) return errAsync(rawLavaError('config', 'Invalid baseUrl: must be an http(s) URL'));
  let url = base + segments.join('/');
  let body: string | undefined;
  if (method === 'GET') {
    // The query as `URL.searchParams` writes it; none at all when there are no params.
    if (params) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(params)) {
        if (value != null) query.append(name, String(value));
      }
      const search = String(query);
      if (search) url += `?${search}`;
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
    url,
    headers,
    body,
    redirect: 'manual' as const,
    exchange: restExchange,
    checkedHeaders: true,
    // One key per logical POST, reused by every retry, so a retried create is applied once.
    generateIdempotencyKey: method === 'POST',
  };
  // One ResultAsync, one promise: the body is read as soon as the transport hands it over.
  return new ResultAsync(
    sendAsync(lava, init, options).then((sent) =>
      sent.isErr() ? err(sent.error) : readResponse(lava, spec, init, sent.value, strict),
    ),
  );
}

/**
 * A 2xx body as the call returns it (see `checkBody`, and `responseValidation` in createLava). One that
 * differs from the docs is told, once, to `onResponseIssues` and the logger, whatever the mode.
 */
function readResponse<O extends GenericSchema>(
  lava: LavaClient,
  { wire, output }: RequestSpec<O>,
  { method, url }: { method: string; url: string },
  { text, status, requestId, attempts, scrub }: SendResult,
  strict: boolean,
): Result<InferOutput<O>, LavaError> {
  const { value, issues, error } = checkBody(output, text, { status, requestId }, scrub);
  if (issues) {
    // The operation by its wire in the registry (`GET /customers/{customer_id}`): no id of the call in it.
    const found: ResponseIssues = { operation: wire, requestId, status, issues };
    quietly(lava.onResponseIssues, found);
    quietly(lava.logger, {
      level: 'warn',
      event: 'response_issues',
      method,
      url: scrub(url, 10_000),
      attempt: attempts,
      ...found,
    });
  }
  return error && (strict || value === undefined)
    ? err(error)
    : ok(withRequestId(value as InferOutput<O>, requestId));
}

/** Calls a callback of the user's; one that throws must not change what the call returns. */
function quietly<T>(callback: ((arg: T) => void) | undefined, arg: T): void {
  try {
    callback?.(arg);
  } catch {}
}
