// lavaErrorOf on the real error classes of each provider SDK, built as the SDKs build them from an HTTP
// answer (the end-to-end cases, through the emulator, are in clients/).
import Anthropic from '@anthropic-ai/sdk';
import { ApiError } from '@google/genai';
import { isLavaError, LavaError } from '@lava-sdk/core';
import { gatewayFetch, lavaErrorOf } from '@lava-sdk/gateway';
import { APICallError, RetryError } from 'ai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY, testLava } from '../../../test/helpers/lava';

const LAVA = {
  error: { message: 'Customer has insufficient credits', code: 'insufficient_balance', status: 402 },
};
const headers = new Headers({ 'x-lava-request-id': 'req_01LAVA' });
const expected = {
  kind: 'api',
  status: 402,
  code: 'insufficient_balance',
  requestId: 'req_01LAVA',
  message: 'Lava API error 402: Customer has insufficient credits',
  body: LAVA,
};

const apiCallError = (statusCode: number, responseBody: string) =>
  new APICallError({
    message: 'failed',
    url: 'https://api.openai.com/v1/responses',
    requestBodyValues: {},
    statusCode,
    responseHeaders: { 'x-lava-request-id': 'req_01LAVA' },
    responseBody,
  });

describe("lavaErrorOf: Lava's refusal, from each SDK's error", () => {
  it.each([
    ['openai APIError', OpenAI.APIError.generate(402, LAVA, undefined, headers)],
    ['@anthropic-ai/sdk APIError', Anthropic.APIError.generate(402, LAVA, undefined, headers)],
    ['AI SDK APICallError', apiCallError(402, JSON.stringify(LAVA))],
    [
      'AI SDK RetryError around it',
      new RetryError({
        message: 'retries',
        reason: 'maxRetriesExceeded',
        errors: [apiCallError(402, JSON.stringify(LAVA))],
      }),
    ],
  ])('%s', (_name, error) => {
    const lava = lavaErrorOf(error);
    expect(lava).toBeInstanceOf(LavaError);
    expect(lava).toMatchObject(expected);
  });

  it('@google/genai ApiError (the body is its message; no headers)', () => {
    const error = new ApiError({ message: JSON.stringify(LAVA), status: 402 });
    expect(lavaErrorOf(error)).toMatchObject({ ...expected, requestId: undefined });
  });

  it('the LavaError gatewayFetch rejected with, inside a connection error', async () => {
    const rejected = await gatewayFetch(testLava())('https://api.example.com/x').catch((e: unknown) => e);
    expect(isLavaError(rejected)).toBe(true);
    const wrapped = new OpenAI.APIConnectionError({ message: 'Connection error.', cause: rejected as Error });
    expect(lavaErrorOf(wrapped)).toBe(rejected);
  });

  it('redacts a key Lava echoed', () => {
    const echoed = { error: { message: `bad key ${SECRET_KEY}`, code: 'invalid_api_key', status: 401 } };
    const lava = lavaErrorOf(OpenAI.APIError.generate(401, echoed, undefined, headers));
    expect(lava?.kind === 'api' && lava.code).toBe('invalid_api_key');
    expect(JSON.stringify(lava)).not.toContain(SECRET_KEY);
    expect(lava?.message).not.toContain(SECRET_KEY);
  });
});

describe("lavaErrorOf: undefined for the provider's own refusals and for anything else", () => {
  it.each([
    [
      "OpenAI's invalid_api_key (it has type and param)",
      OpenAI.APIError.generate(
        401,
        {
          error: {
            message: 'Incorrect API key',
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        },
        undefined,
        headers,
      ),
    ],
    [
      "Anthropic's not_found_error",
      Anthropic.APIError.generate(
        404,
        { type: 'error', error: { type: 'not_found_error', message: 'model: x' } },
        undefined,
        headers,
      ),
    ],
    [
      "Google's NOT_FOUND (numeric code, string status)",
      new ApiError({
        message: JSON.stringify({ error: { code: 404, message: 'not found', status: 'NOT_FOUND' } }),
        status: 404,
      }),
    ],
    ['an AI SDK error with a text body', apiCallError(500, 'Internal Server Error')],
    ['a network error', new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })],
    ['null', null],
    ['a string', 'Lava API error 402'],
  ])('%s', (_name, error) => {
    expect(lavaErrorOf(error)).toBeUndefined();
  });

  it('stops on a cycle of causes', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(lavaErrorOf(a)).toBeUndefined();
  });
});
