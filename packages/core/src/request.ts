import { errAsync, ResultAsync } from 'neverthrow';
import type { GenericSchema, InferOutput } from 'valibot';
import type { LavaClient } from './createLava';
import { type LavaError, lavaError } from './errors';
import { encodePathParam } from './path';
import { withRequestId } from './requestId';
import { type CallOptions, send } from './transport';
import { parseParams, parseResponse } from './validate';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What one REST operation sends and expects. */
export interface RequestSpec<O extends GenericSchema> {
  method: HttpMethod;
  /** Path segments under the base URL; each is percent-encoded, so ids can never change the route. */
  path: readonly unknown[];
  /** The caller's params: sent as the query for GET, as the JSON body otherwise. */
  params?: unknown;
  /** Schema the params must pass before anything is sent. It may transform them to their wire form. */
  input?: GenericSchema;
  /** Schema of a 2xx body. */
  output: O;
  /** Set false for the few endpoints that take no secret key. */
  auth?: boolean;
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
  const { method, output } = spec;
  const parsed = spec.input ? parseParams(spec.input, spec.params) : undefined;
  if (parsed?.isErr()) return errAsync(parsed.error);
  const params = parsed?.isOk() ? parsed.value : spec.params;
  const segments = spec.path.map(encodePathParam);
  const bad = segments.indexOf(undefined);
  if (bad >= 0) {
    const message = 'must be a non-empty string, and not "." or ".."';
    return errAsync(
      lavaError('invalid_params', `Invalid params: path parameter ${message}`, {
        issues: [{ path: `path.${bad}`, message }],
      }),
    );
  }
  const headers: Record<string, string> = {};
  if (spec.auth !== false) {
    if (!lava.secretKey) {
      return errAsync(
        lavaError('config', 'No Lava secret key: pass secretKey to createLava() or set LAVA_SECRET_KEY'),
      );
    }
    headers.authorization = `Bearer ${lava.secretKey}`;
  }
  const url = new URL(segments.join('/'), lava.baseUrl);
  let body: string | undefined;
  if (method === 'GET') {
    for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
      if (value !== undefined && value !== null) url.searchParams.append(name, String(value));
    }
  } else if (params !== undefined) {
    body = JSON.stringify(params);
    headers['content-type'] = 'application/json';
  }
  return send(lava, { method, url: url.href, headers, body }, options).andThen(({ text, status, requestId }) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return errAsync(
        lavaError('invalid_response', `Lava answered ${status} with a body that is not JSON`, {
          issues: [{ path: '', message: 'not JSON' }],
          status,
          requestId,
        }),
      );
    }
    return parseResponse(output, json, status, requestId).map((value) => withRequestId(value, requestId));
  });
}
