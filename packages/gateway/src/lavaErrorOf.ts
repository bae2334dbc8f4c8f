import { isLavaError, type LavaError } from '@lava-sdk/core';
import { apiError } from '@lava-sdk/core/internal';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Lava's error object, `{ message, code, status }` with a string code and a numeric status. Providers'
 * shapes differ: OpenAI's has `type` and `param`, Anthropic's `type`, Google's a numeric `code` and a
 * string `status`.
 */
function lavaShape(body: unknown): Loose | undefined {
  const inner = isObject(body) && isObject(body.error) ? body.error : body;
  if (!isObject(inner) || 'type' in inner || 'param' in inner) return undefined;
  const { message, code, status } = inner;
  return typeof message === 'string' && typeof code === 'string' && typeof status === 'number'
    ? inner
    : undefined;
}

function header(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = isObject(headers) ? headers[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Recovers Lava's own error from an error a provider SDK threw for a call through Lava's gateway, so
 * "Lava refused" (`insufficient_balance`, `invalid_forward_token`, `unsupported_endpoint`, …) can be
 * told from "the provider refused" (a bad request, an unknown model): both reach the SDK as HTTP errors.
 *
 * Reads the status and body the SDKs' error classes carry: openai's and @anthropic-ai/sdk's `APIError`
 * (`status`, `error`, `headers`), the AI SDK's `APICallError` (`statusCode`, `responseBody`,
 * `responseHeaders`, also inside a `RetryError`), @google/genai's `ApiError` (`status`, the body as its
 * `message`); follows `cause`, so the LavaError `gatewayFetch` rejects with (an unknown host) comes back too.
 *
 * @param error - Whatever the SDK call threw.
 * @returns An `api` LavaError with Lava's `status`, `code`, message, body and `x-lava-request-id`, or
 *   `undefined` when the error is not Lava's (the provider's own answer, a network failure).
 * @example
 * ```ts
 * try {
 *   await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
 * } catch (error) {
 *   const lava = lavaErrorOf(error);
 *   if (lava?.kind === 'api' && lava.code === 'insufficient_balance') return askForTopUp();
 *   throw error; // the provider's own error
 * }
 * ```
 */
export function lavaErrorOf(error: unknown): LavaError | undefined {
  const queue: unknown[] = [error];
  for (let i = 0; i < queue.length && i < 16; i++) {
    const e = queue[i];
    if (isLavaError(e)) return e;
    if (!isObject(e)) continue;
    const status = e.status ?? e.statusCode;
    if (typeof status === 'number') {
      for (const candidate of [e.error, e.responseBody, e.body, e.data, e.message]) {
        const body = lavaShape(parse(candidate));
        if (!body) continue;
        const requestId =
          header(e.headers, 'x-lava-request-id') ?? header(e.responseHeaders, 'x-lava-request-id');
        return apiError(status, JSON.stringify({ error: body }), requestId, 1);
      }
    }
    queue.push(e.cause, e.lastError);
  }
  return undefined;
}
