import { invalidParams } from './_options';

type Loose = Record<PropertyKey, unknown>;

/** A body sent as it is read: a web `ReadableStream`, a Node `Readable` or another async iterable. */
export const isStreamBody = (body: object): boolean =>
  typeof (body as Loose).getReader === 'function' ||
  typeof (body as Loose)[Symbol.asyncIterator] === 'function' ||
  typeof (body as Loose).pipe === 'function';

const TAG_BUFFER = /^\[object (Shared)?ArrayBuffer\]$/;
const encoder = new TextEncoder();

/** One chunk of an iterable body as bytes: strings as UTF-8, views and buffers as they are. */
function bytesOf(chunk: unknown): Uint8Array | undefined {
  if (typeof chunk === 'string') return encoder.encode(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (TAG_BUFFER.test(Object.prototype.toString.call(chunk))) return new Uint8Array(chunk as ArrayBuffer);
  return undefined;
}

/**
 * A stream body as the web `ReadableStream` every fetch can send, or why it cannot be sent. A web stream
 * goes as it is; an async iterable (a Node `Readable` is one) is read only as fetch pulls, one chunk at a
 * time, so nothing buffers the whole body, and stops being read when fetch cancels (a failed request).
 */
export function streamBody(body: object): ReadableStream<Uint8Array> | string {
  const b = body as Loose;
  if (typeof b.getReader === 'function') {
    return (body as ReadableStream).locked
      ? 'is a stream that is locked (already being read)'
      : (body as ReadableStream);
  }
  if (typeof b[Symbol.asyncIterator] !== 'function') {
    return 'is a stream without Symbol.asyncIterator: pass a web ReadableStream, a Node Readable or an async iterable';
  }
  if (b.destroyed === true || b.readableEnded === true) return 'is a stream that has ended or been destroyed';
  let iterator: AsyncIterator<unknown> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= (body as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      for (;;) {
        const { done, value } = await iterator.next();
        if (done) return controller.close();
        const bytes = bytesOf(value);
        // Thrown here, it errors the stream; fetch rejects with it as the cause, and send() returns it.
        if (!bytes)
          throw invalidParams([{ path: 'body', message: 'stream chunks must be strings or bytes' }]);
        // An empty chunk carries nothing: read on.
        if (bytes.byteLength > 0) return controller.enqueue(bytes);
      }
    },
    async cancel(reason) {
      await iterator?.return?.(reason);
    },
  });
}
