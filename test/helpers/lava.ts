import { createLava, type LavaClient, type LavaOptions } from '@lava-sdk/core';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

// Loopback, so a request that escaped interception could never leave the machine.
export const BASE_URL = 'http://127.0.0.1:9/v1/';
// Test-shaped key; long enough to look real, so leak checks are meaningful.
export const SECRET_KEY = 'aks_test_TESTKEYnotreal0123456789abcdef';

export const server = setupServer();

/** Starts msw for the current test file; any unmocked request fails the test. */
export function useMsw(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/**
 * A client pointed at the mocked base URL, with a 1 ms retry backoff so retry tests stay fast, and strict
 * response validation: a fixture or a schema that strays from Lava's docs fails the test.
 */
export function testLava(options: LavaOptions = {}): LavaClient {
  return createLava({
    secretKey: SECRET_KEY,
    baseUrl: BASE_URL,
    retryDelayMs: 1,
    responseValidation: 'strict',
    ...options,
  });
}

/** What the server saw of one request. */
export interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
}

/**
 * Answers every request with `respond` (status 200 JSON by default) and records what it saw.
 * `respond` may return a Response for error cases.
 */
export function mockApi(respond: (seen: Seen, n: number) => JsonBodyType | Response): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.all(`${BASE_URL}*`, async ({ request }) => {
      const url = new URL(request.url);
      const rawBody = await request.text();
      let body: unknown;
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = rawBody;
      }
      const entry: Seen = {
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(request.headers),
        body,
        rawBody,
      };
      seen.push(entry);
      const answer = respond(entry, seen.length);
      return answer instanceof Response
        ? answer
        : HttpResponse.json(answer, { headers: { 'x-lava-request-id': 'req_test_1' } });
    }),
  );
  return seen;
}

/** Lava's documented error body in its object form. */
export function lavaErrorResponse(status: number, message: string, code = 'error'): Response {
  return HttpResponse.json({ error: { message, code, status } }, { status });
}
