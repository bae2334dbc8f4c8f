// The emulator's HTTP server bounds what it reads of a request body (issue 17, unbounded resources): past
// MAX_BODY_BYTES (REST) or MAX_GATEWAY_BODY_BYTES (/forward, /rewrite) it answers 413 in Lava's error
// shape at once, without waiting for the rest, and buffers nothing more. Driven with a raw node:http
// client, so a body can be declared huge or never end.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { EMULATOR_SECRET_KEY } from '@lava-sdk/emulator';
import {
  MAX_BODY_BYTES,
  MAX_GATEWAY_BODY_BYTES,
  type RunningEmulator,
  startEmulator,
} from '@lava-sdk/emulator/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tally } from './harness';

let local: RunningEmulator;
const tally = new Tally();

beforeAll(async () => {
  local = await startEmulator();
});
afterAll(async () => {
  await local.stop();
  tally.print('emulator-limits.test.ts');
});

interface Answer {
  status: number;
  body: string;
  /** Bytes the client had written when the answer's headers arrived. */
  sentBefore: number;
  headers: IncomingMessage['headers'];
}

/**
 * POSTs to `path`: `declared` bytes announced in content-length (or chunked when undefined), written in
 * 64 KiB chunks until `total` bytes (Infinity: until the answer arrives). Rejects after 5 s.
 */
function post(path: string, total: number, declared?: number, origin?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${EMULATOR_SECRET_KEY}`,
      'content-type': 'application/json',
    };
    if (origin) headers.origin = origin;
    if (declared !== undefined) headers['content-length'] = String(declared);
    const req = httpRequest(`${local.url}${path}`, { method: 'POST', headers });
    const chunk = Buffer.alloc(64 * 1024, 0x20); // JSON whitespace
    let sent = 0;
    let answered = false;
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within 5 s (${sent} bytes sent)`));
    }, 5_000);
    req.on('response', (res: IncomingMessage) => {
      answered = true;
      const sentBefore = sent;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, body, sentBefore, headers: res.headers });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) {
        clearTimeout(timer);
        reject(error);
      }
    });
    const pump = () => {
      while (!answered && !req.destroyed && sent < total) {
        const piece = total - sent < chunk.length ? chunk.subarray(0, total - sent) : chunk;
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered && sent >= total) req.end();
    };
    if (total === 0) req.end();
    else pump();
  });
}

function expect413(answer: Answer, limit: number, label: string): void {
  expect(answer.status, label).toBe(413);
  expect(JSON.parse(answer.body), label).toEqual({
    error: { message: expect.stringContaining(String(limit)), code: 'payload_too_large', status: 413 },
  });
}

const forwardPath = `/v1/forward?u=${encodeURIComponent('https://api.openai.com/v1/chat/completions')}`;

describe('request bodies are bounded', () => {
  it('a REST body declared past MAX_BODY_BYTES is refused before it is read', async () => {
    const declared = 100 * 1024 * 1024;
    const answer = await post('/v1/customers', Number.POSITIVE_INFINITY, declared);
    expect413(answer, MAX_BODY_BYTES, 'declared');
    expect(answer.sentBefore).toBeLessThan(declared);
    tally.add('body size limit', 1);
  });

  it("a browser app can read the 413: it carries the API's CORS headers", async () => {
    const origin = 'http://localhost:5173';
    const answer = await post('/v1/customers', Number.POSITIVE_INFINITY, 100 * 1024 * 1024, origin);
    expect413(answer, MAX_BODY_BYTES, 'from a browser origin');
    expect(answer.headers['access-control-allow-origin']).toBe(origin);
    tally.add('body size limit', 1);
  });

  it('a chunked REST body that never ends gets 413 once past MAX_BODY_BYTES', async () => {
    const answer = await post('/v1/customers', Number.POSITIVE_INFINITY);
    expect413(answer, MAX_BODY_BYTES, 'chunked');
    expect(answer.sentBefore).toBeGreaterThan(MAX_BODY_BYTES);
    tally.add('body size limit', 1);
  });

  it('a gateway body that never ends gets 413 once past MAX_GATEWAY_BODY_BYTES', async () => {
    const answer = await post(forwardPath, Number.POSITIVE_INFINITY);
    expect413(answer, MAX_GATEWAY_BODY_BYTES, 'gateway');
    tally.add('body size limit', 1);
  });

  it('bodies at the limits are read as usual (a whitespace body is not a JSON object: 400)', async () => {
    const rest = await post('/v1/customers', MAX_BODY_BYTES, MAX_BODY_BYTES);
    expect(rest.status).toBe(400);
    const gateway = await post(forwardPath, MAX_BODY_BYTES + 1, MAX_BODY_BYTES + 1);
    expect(gateway.status).not.toBe(413);
    tally.add('body size limit', 2);
  });

  it('the server keeps serving after refusing', async () => {
    await post('/v1/customers', Number.POSITIVE_INFINITY);
    const response = await fetch(`${local.baseUrl}customers`, {
      headers: { authorization: `Bearer ${EMULATOR_SECRET_KEY}` },
    });
    expect(response.status).toBe(200);
    tally.add('body size limit', 1);
  });
});
