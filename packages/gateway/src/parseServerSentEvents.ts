import { invalidResponse } from '@lava-sdk/core/internal';

/** One server-sent event, as the WHATWG event-stream format defines it. */
export interface ServerSentEvent {
  /** The `event:` field; `message` when the event names none. */
  readonly event: string;
  /** The `data:` lines joined with `\n`, as sent. */
  readonly data: string;
  /** `data` parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown;
  /** The last event id seen on the stream (`id:` persists across events, as in `EventSource`). */
  readonly id?: string | undefined;
  /** The reconnection time the event set with `retry:`, in milliseconds. */
  readonly retry?: number | undefined;
}

const LINE_END = /\r\n|\r|\n/;

/**
 * The most characters the parser holds of one event: its unfinished line plus its `data` lines so far.
 * 16 Mi (16,777,216), far above any text delta and room for a base64 image in one event (OpenAI's
 * partial images, Gemini's inline data); past it the stream ends with an `invalid_response` LavaError.
 */
export const MAX_EVENT_LENGTH = 16 * 1024 * 1024;

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/**
 * Parses a `text/event-stream` body incrementally: each event is yielded as soon as its terminating
 * blank line arrives, and only the current line and event are held in memory. Follows the WHATWG
 * rules: `event`, `data`, `id` and `retry` fields; several `data:` lines joined with `\n`; one space
 * after the colon dropped; `:` comment lines ignored; LF, CR and CRLF line ends, split anywhere across
 * chunks; UTF-8 decoded across chunks; a leading BOM dropped; an event with no `data` and an unfinished
 * event at the end of the stream not dispatched. An event whose data is `[DONE]` (OpenAI's end marker)
 * ends the iteration. An event longer than {@link MAX_EVENT_LENGTH} characters (an endless line or data
 * lines with no blank line) ends it with an `invalid_response` LavaError, so memory stays bounded.
 *
 * Stopping early (`break`, `return`, a thrown error in the loop) or reaching `[DONE]` cancels the body,
 * which closes the underlying connection. A failed read throws the stream's error.
 *
 * @param body - The response body, e.g. `response.body` of a `fetch`.
 * @returns An async generator of events.
 * @example
 * ```ts
 * const response = await fetch(providerUrl(lava, 'openai') + '/chat/completions', init);
 * for await (const { json } of parseServerSentEvents(response.body!)) console.log(json);
 * ```
 */
export async function* parseServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let line = '';
  let skipLF = false;
  let finished = false;
  let event = '';
  let data: string[] = [];
  let held = 0; // characters in `data`
  let id: string | undefined;
  let retry: number | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      let chunk = done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A CR ending the previous chunk and an LF starting this one are one CRLF line end.
      if (skipLF && chunk.startsWith('\n')) chunk = chunk.slice(1);
      if (chunk !== '') skipLF = chunk.endsWith('\r');
      if (!LINE_END.test(chunk)) {
        line += chunk;
      } else {
        const lines = chunk.split(LINE_END);
        lines[0] = line + lines[0];
        line = lines.pop()!;
        for (const text of lines) {
          if (text === '') {
            // Blank line: dispatch the event, if it has data.
            if (data.length > 0) {
              const joined = data.join('\n');
              if (joined === '[DONE]') {
                finished = done;
                return;
              }
              yield { event: event || 'message', data: joined, json: parseJson(joined), id, retry };
            }
            event = '';
            data = [];
            held = 0;
            retry = undefined;
            continue;
          }
          if (text.startsWith(':')) continue;
          const colon = text.indexOf(':');
          const field = colon < 0 ? text : text.slice(0, colon);
          let fieldValue = colon < 0 ? '' : text.slice(colon + 1);
          if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
          if (field === 'data') {
            data.push(fieldValue);
            held += fieldValue.length;
          } else if (field === 'event') event = fieldValue;
          else if (field === 'id' && !fieldValue.includes('\0')) id = fieldValue;
          else if (field === 'retry' && /^\d+$/.test(fieldValue)) retry = Number(fieldValue);
        }
      }
      if (done) {
        finished = true;
        return;
      }
      if (line.length + held > MAX_EVENT_LENGTH) {
        throw invalidResponse(`an event stream event exceeded ${MAX_EVENT_LENGTH} characters`, 0);
      }
    }
  } finally {
    // Stopped before the end: cancel the body, so the server sees the connection close.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
