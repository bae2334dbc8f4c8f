// The event-stream parser holds at most MAX_EVENT_LENGTH characters of one unfinished line or event
// (issue 17, unbounded resources): a loopback server that streams a line or an event that never ends
// gets its stream ended with a typed LavaError and its connection closed, long before it stops writing.
import type { ServerResponse } from 'node:http';
import { isLavaError } from '@lava-sdk/core';
import { gatewayStream, MAX_EVENT_LENGTH, parseServerSentEvents } from '@lava-sdk/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tally, watchUnhandled } from './harness';
import { type Loopback, startLoopback } from './loopback';

type Mode = 'endless-line' | 'endless-event' | 'big-event';
let loop: Loopback;
let origin = '';
const tally = new Tally();
const unhandled = watchUnhandled();
/** Per request: characters written and whether the client closed the connection before the end. */
const written: { chars: number; closedEarly: boolean }[] = [];
// Where the server gives up on its own: far past the cap, so a parser without one ends "normally".
const SERVER_STOP = 4 * MAX_EVENT_LENGTH;
const CHUNK = 'x'.repeat(64 * 1024);

function stream(res: ServerResponse, mode: Mode): void {
  const record = { chars: 0, closedEarly: false };
  written.push(record);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'x-lava-request-id': 'req_sse' });
  if (mode === 'big-event') {
    // A legitimate large event (a base64 image) below the cap, then the end marker.
    res.write(`data: ${'y'.repeat(MAX_EVENT_LENGTH / 2)}\n\n`);
    return void res.end('data: [DONE]\n\n');
  }
  res.on('close', () => {
    record.closedEarly = !res.writableFinished;
  });
  const piece = mode === 'endless-line' ? CHUNK : `data: ${CHUNK}\n`;
  if (mode === 'endless-line') res.write('data: ');
  const pump = () => {
    while (!res.destroyed && record.chars < SERVER_STOP) {
      record.chars += piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('\n\n');
  };
  pump();
}

beforeAll(async () => {
  loop = await startLoopback((req, res) => {
    req.resume();
    // Through the gateway the mode is in the provider URL (`u`), fetched directly in the URL itself.
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const u = params.get('u');
    stream(res, ((u ? new URL(u).searchParams : params).get('mode') ?? 'big-event') as Mode);
  });
  origin = loop.origin;
});
afterAll(async () => {
  unhandled.stop();
  await loop.close();
  tally.print('sse-limits.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

const lava = () => loop.lava();

/** Iterates a stream to its end; returns the events' data lengths and what the loop threw. */
async function drain(events: AsyncIterable<{ data: string }>): Promise<{ sizes: number[]; error?: unknown }> {
  const sizes: number[] = [];
  try {
    for await (const event of events) sizes.push(event.data.length);
  } catch (error) {
    return { sizes, error };
  }
  return { sizes };
}

describe(`an event stream holds at most MAX_EVENT_LENGTH (${MAX_EVENT_LENGTH}) characters of one event`, () => {
  for (const mode of ['endless-line', 'endless-event'] as const) {
    it(`gatewayStream: a ${mode} ends the loop with invalid_response and closes the connection`, async () => {
      const before = written.length;
      const result = await gatewayStream(lava(), `https://api.openai.com/v1/chat/completions?mode=${mode}`);
      expect(result.isOk()).toBe(true);
      const { sizes, error } = await drain(result._unsafeUnwrap());
      expect(sizes).toEqual([]);
      expect(isLavaError(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'invalid_response', status: 200, requestId: 'req_sse' });
      await expect.poll(() => written[before]?.closedEarly, { timeout: 2_000 }).toBe(true);
      expect(written[before]!.chars).toBeLessThan(SERVER_STOP);
      tally.add('endless event refused', 1);
    });

    it(`parseServerSentEvents on a fetch body: a ${mode} throws invalid_response`, async () => {
      const before = written.length;
      const response = await fetch(`${origin}/?mode=${mode}`);
      const { sizes, error } = await drain(parseServerSentEvents(response.body!));
      expect(sizes).toEqual([]);
      expect(isLavaError(error) && error.kind).toBe('invalid_response');
      await expect.poll(() => written[before]?.closedEarly, { timeout: 2_000 }).toBe(true);
      tally.add('endless event refused', 1);
    });
  }

  it('an event below the cap is delivered whole', async () => {
    const result = await gatewayStream(lava(), 'https://api.openai.com/v1/chat/completions?mode=big-event');
    const { sizes, error } = await drain(result._unsafeUnwrap());
    expect(error).toBeUndefined();
    expect(sizes).toEqual([MAX_EVENT_LENGTH / 2]);
    tally.add('large event delivered', 1);
  });
});
