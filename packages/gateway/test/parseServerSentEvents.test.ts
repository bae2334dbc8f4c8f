import { parseServerSentEvents, type ServerSentEvent } from '@lava-sdk/gateway';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const encoder = new TextEncoder();

/** A body that delivers `text` as the given byte chunks, and records whether it was cancelled. */
function body(chunks: (string | Uint8Array)[]) {
  const state = { cancelled: false, pulled: 0 };
  const queue = chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      const next = queue.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

/** Splits the UTF-8 bytes of `text` at the given byte offsets. */
function split(text: string, cuts: number[]): Uint8Array[] {
  const bytes = encoder.encode(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const p of [...points, bytes.length]) {
    out.push(bytes.slice(start, p));
    start = p;
  }
  return out;
}

async function collect(chunks: (string | Uint8Array)[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(body(chunks).stream)) events.push(event);
  return events;
}

const simple = (events: ServerSentEvent[]) => events.map(({ event, data }) => ({ event, data }));

describe('parseServerSentEvents', () => {
  it('parses event, data and id fields, with JSON data parsed', async () => {
    const events = await collect(['event: delta\ndata: {"a":1}\nid: 7\n\ndata: plain text\n\n']);
    expect(events).toEqual([
      { event: 'delta', data: '{"a":1}', json: { a: 1 }, id: '7', retry: undefined },
      { event: 'message', data: 'plain text', json: undefined, id: '7', retry: undefined },
    ]);
  });

  it('joins multi-line data with \\n, keeps empty data lines, drops only one leading space', async () => {
    const events = await collect(['data: line 1\ndata:line 2\ndata\ndata:  indented\n\n']);
    expect(events.map((e) => e.data)).toEqual(['line 1\nline 2\n\n indented']);
    const json = await collect(['data: {"a":\ndata: [1,\ndata: 2]}\n\n']);
    expect(json[0]!.json).toEqual({ a: [1, 2] });
  });

  it('ignores comments, unknown fields and events without data', async () => {
    const events = await collect([
      ': keep-alive\n\n:another\nfoo: bar\nevent: ping\n\nevent: x\ndata: 1\n\n',
    ]);
    expect(simple(events)).toEqual([{ event: 'x', data: '1' }]);
    expect(events[0]!.json).toBe(1);
  });

  it('handles CRLF, CR and LF line ends, mixed', async () => {
    const events = await collect(['data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r\ndata: e\n\r']);
    expect(events.map((e) => e.data)).toEqual(['a', 'b', 'c', 'd\ne']);
  });

  it('treats a CR at the end of one chunk and an LF at the start of the next as one line end', async () => {
    expect((await collect(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).map((e) => e.data)).toEqual(['a\nb']);
  });

  it('decodes UTF-8 split inside a character and drops a leading BOM', async () => {
    const bytes = encoder.encode('\uFEFFdata: 日本 😀\n\n');
    const chunks = Array.from(bytes, (b) => new Uint8Array([b]));
    expect((await collect(chunks)).map((e) => e.data)).toEqual(['日本 😀']);
  });

  it('stops at [DONE] and cancels the rest of the body', async () => {
    const { stream, state } = body(['data: 1\n\n', 'data: [DONE]\n\n', 'data: never\n\n', 'data: never\n\n']);
    const events: ServerSentEvent[] = [];
    for await (const e of parseServerSentEvents(stream)) events.push(e);
    expect(events.map((e) => e.data)).toEqual(['1']);
    expect(state.cancelled).toBe(true);
  });

  it('does not dispatch an unfinished event at the end of the stream', async () => {
    expect((await collect(['data: 1\n\ndata: cut'])).map((e) => e.data)).toEqual(['1']);
  });

  it('persists the last id and reports retry', async () => {
    const events = await collect([
      'id: a\ndata: 1\n\ndata: 2\n\nid\nretry: 1500\ndata: 3\n\nretry: x\ndata: 4\n\n',
    ]);
    expect(events.map(({ id, retry }) => ({ id, retry }))).toEqual([
      { id: 'a', retry: undefined },
      { id: 'a', retry: undefined },
      { id: '', retry: 1500 },
      { id: '', retry: undefined },
    ]);
  });

  it('yields an event before later chunks are read', async () => {
    const { stream, state } = body(['data: first\n\n', 'data: second\n\n', 'data: third\n\n']);
    const iterator = parseServerSentEvents(stream);
    const first = await iterator.next();
    expect(first.value).toMatchObject({ data: 'first' });
    // One pull for the chunk, plus at most the stream's own read-ahead of one more.
    expect(state.pulled).toBeLessThanOrEqual(2);
    await iterator.return();
    expect(state.cancelled).toBe(true);
  });

  it('cancels the body when the consumer breaks', async () => {
    const { stream, state } = body(['data: 1\n\ndata: 2\n\n', 'data: 3\n\n']);
    for await (const e of parseServerSentEvents(stream)) if (e.data === '1') break;
    expect(state.cancelled).toBe(true);
  });

  it('throws the stream error on a failed read', async () => {
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulls++ === 0) c.enqueue(encoder.encode('data: 1\n\n'));
        else c.error(new Error('socket hang up'));
      },
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const e of parseServerSentEvents(stream)) seen.push(e.data);
      })(),
    ).rejects.toThrow('socket hang up');
    expect(seen).toEqual(['1']);
  });

  it('gives the same events however the bytes are chunked (property)', async () => {
    const text = [
      ': comment\r\n',
      'event: message_start\r\ndata: {"type":"message_start","t":"naïve 😀"}\r\n\r\n',
      'data: line one\ndata: line two\n\n',
      'id: 42\rdata: cr only\r\r',
      'event: ping\n\n',
      'data: {"choices":[{"delta":{"content":"日本"}}]}\n\n',
      'data: [DONE]\n\n',
      'data: after done\n\n',
    ].join('');
    const expected = await collect([text]);
    expect(expected.map((e) => e.data)).toEqual([
      '{"type":"message_start","t":"naïve 😀"}',
      'line one\nline two',
      'cr only',
      '{"choices":[{"delta":{"content":"日本"}}]}',
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), async (cuts) => {
        expect(await collect(split(text, cuts))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a very long data line in many small chunks', async () => {
    const long = 'x'.repeat(200_000);
    const events = await collect(
      split(
        `data: ${long}\n\n`,
        Array.from({ length: 2000 }, (_, i) => i * 100),
      ),
    );
    expect(events[0]!.data).toBe(long);
  });
});
