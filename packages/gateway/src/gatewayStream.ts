import { isLavaError, type LavaClient, type LavaError } from '@lava-sdk/core';
import { invalidResponse, lavaError, plainCause, send } from '@lava-sdk/core/internal';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { type GatewayOptions, prepareGatewayRequest } from './_prepare';
import { parseServerSentEvents, type ServerSentEvent } from './parseServerSentEvents';

/** Options of {@link gatewayStream}: those of `gateway`, plus control over the `stream` flag. */
export interface GatewayStreamOptions extends GatewayOptions {
  /**
   * Add `stream: true` to a plain-object JSON body. Default true. Set false for APIs that stream by URL
   * instead, such as Gemini's `:streamGenerateContent?alt=sse`, which rejects an unknown `stream` field.
   */
  streamFlag?: boolean | undefined;
}

/**
 * A streaming gateway response: iterate it once with `for await` to read its events as they arrive.
 * Leaving the loop early (`break`, `return`, throw) cancels the request, so the provider stops
 * generating and the connection closes. If you do not iterate, call `cancel()`.
 */
export interface GatewayStream extends AsyncIterable<ServerSentEvent> {
  /** The HTTP status (2xx). */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** Lava's `x-lava-request-id`. */
  readonly requestId?: string | undefined;
  /** Stops reading and closes the connection; safe to call at any time, more than once. */
  cancel(): Promise<void>;
}

/**
 * Sends a streaming request through Lava's gateway (as {@link gateway}: same URL, token, headers,
 * bodies, stream bodies included, metadata and retry rules) and returns its server-sent events as an async iterable. The JSON body gets
 * `stream: true`; no `Accept` header is added (set one in `headers` if your provider wants it).
 *
 * The call resolves as soon as the response headers arrive; the time budget (`timeoutMs`) covers only
 * that wait, since a generation may stream for minutes. The `signal` keeps working during the stream:
 * aborting it ends the iteration with an `aborted` LavaError. Each event is yielded when it is complete,
 * with its raw `data` and, when that is JSON, the parsed `json`; OpenAI's `data: [DONE]` ends the
 * iteration. Nothing buffers the whole body. A connection lost mid-stream makes the loop throw a
 * `network` LavaError.
 *
 * A non-2xx answer is an `api` error, as with `gateway`; a 2xx `application/json` answer (the provider
 * ignored the stream flag) is an `invalid_response` error.
 *
 * @param lava - The client context from `createLava`.
 * @param url - The raw provider URL, e.g. `https://api.openai.com/v1/chat/completions`.
 * @param options - As `gateway`, plus `streamFlag`.
 * @returns The event stream, or a LavaError for the request itself.
 * @example
 * ```ts
 * const stream = await gatewayStream(lava, 'https://api.openai.com/v1/chat/completions', {
 *   body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello!' }] },
 * });
 * if (stream.isErr()) throw stream.error;
 * for await (const event of stream.value) {
 *   process.stdout.write((event.json as ChatCompletionChunk).choices[0]?.delta.content ?? '');
 * }
 * ```
 */
export function gatewayStream(
  lava: LavaClient,
  url: string,
  options: GatewayStreamOptions = {},
): ResultAsync<GatewayStream, LavaError> {
  const prepared = prepareGatewayRequest(lava, url, options, true, options.streamFlag !== false);
  if (prepared.isErr()) return errAsync(prepared.error);
  const { init, options: callOptions } = prepared.value;
  const { signal } = callOptions;
  return send(lava, init, callOptions).andThen(
    ({ response: fetched, status, requestId, attempts, scrub }) => {
      const response = fetched!; // streams always go through fetch
      const source = response.body;
      if (/^application\/json\b/i.test(response.headers.get('content-type') ?? '')) {
        void source?.cancel().catch(() => {});
        return errAsync(
          lavaError(
            'invalid_response',
            `The gateway answered ${status} with JSON instead of an event stream`,
            {
              issues: [{ path: '', message: 'expected text/event-stream, got application/json' }],
              status,
              requestId,
            },
          ),
        );
      }
      async function* events(): AsyncGenerator<ServerSentEvent, void, undefined> {
        if (!source) return;
        try {
          yield* parseServerSentEvents(source);
        } catch (cause) {
          if (signal?.aborted)
            throw lavaError(
              'aborted',
              'The request was aborted by the caller',
              undefined,
              plainCause(cause, scrub),
            );
          // The parser's own refusal (an event past MAX_EVENT_LENGTH), with this response's origin.
          if (isLavaError(cause) && cause.kind === 'invalid_response')
            throw invalidResponse(cause.issues[0]!.message, status, requestId);
          // As send() does: a plain, scrubbed copy of the cause, and no credential in the message.
          const plain = plainCause(cause, scrub);
          throw lavaError(
            'network',
            `The event stream was interrupted: ${plain.message}`,
            { attempts },
            plain,
          );
        }
      }
      const iterator = events();
      const result: GatewayStream = {
        status,
        headers: response.headers,
        requestId,
        [Symbol.asyncIterator]: () => iterator,
        async cancel() {
          await iterator.return();
          // Never iterated: the generator did not start, so the body is still unlocked.
          if (source && !source.locked) await source.cancel().catch(() => {});
        },
      };
      return okAsync(result);
    },
  );
}
