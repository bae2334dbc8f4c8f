import { invalidParams } from './_options';

// biome-ignore lint/suspicious/noExplicitAny: a body of any shape, read by duck typing
type Body = any;

/**
 * A body sent as it is read: a web `ReadableStream`, a Node `Readable` or another async iterable (by its
 * methods, so a JSON body with a `pipe` field is still JSON; a getter that throws is not a stream).
 */
export function isStreamBody(body: Body): boolean {
  try {
    return [body.getReader, body[Symbol.asyncIterator], body.pipe].some((f) => typeof f === 'function');
  } catch {
    return false;
  }
}

/** One chunk of an iterable body as bytes: strings as UTF-8, views and buffers as they are. */
const bytesOf = (chunk: unknown): Uint8Array | undefined =>
  typeof chunk === 'string'
    ? new TextEncoder().encode(chunk)
    : ArrayBuffer.isView(chunk)
      ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      : /^\[object (Shared)?ArrayBuffer\]$/.test(Object.prototype.toString.call(chunk))
        ? new Uint8Array(chunk as ArrayBuffer)
        : undefined;

/**
 * A stream body as the web `ReadableStream` every fetch can send, or why it cannot be sent. A web stream
 * goes as it is; an async iterable (a Node `Readable` is one) is read only as fetch pulls, a chunk at a
 * time, so nothing buffers the whole body, and is closed when fetch cancels it (a failed request).
 */
export function streamBody(body: Body): ReadableStream<Uint8Array> | string {
  if (typeof body.getReader === 'function') return body.locked ? 'is a locked stream' : body;
  if (typeof body[Symbol.asyncIterator] !== 'function') return 'is a stream that is not async iterable';
  if (body.destroyed || body.readableEnded) return 'is a stream that has ended';
  let iterator: AsyncIterator<unknown> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= body[Symbol.asyncIterator]() as AsyncIterator<unknown>;
      for (;;) {
        const { done, value } = await iterator.next();
        if (done) return controller.close();
        const bytes = bytesOf(value);
        // Erroring the stream rejects fetch with this as the cause, which send() returns as it is.
        if (!bytes)
          throw invalidParams([{ path: 'body', message: 'stream chunks must be strings or bytes' }]);
        if (bytes.byteLength > 0) return controller.enqueue(bytes);
      }
    },
    async cancel(reason) {
      await iterator?.return?.(reason);
    },
  });
}
