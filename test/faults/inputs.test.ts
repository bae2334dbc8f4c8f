// Fuzzed ids, metadata, query values and headers (fast-check) against a real server: they never change
// the request path, never add or split a header, and never make a Result-returning function throw.
import { inspect } from 'node:util';
import {
  createCustomer,
  deleteCustomer,
  listCustomers,
  retrieveCustomer,
  updateCustomer,
} from '@lava-sdk/customers';
import { gateway } from '@lava-sdk/gateway';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './calls';
import {
  type FaultServer,
  type Seen,
  startFaultServer,
  Tally,
  typedOutcome,
  watchUnhandled,
} from './harness';

let server: FaultServer;
const tally = new Tally();
const unhandled = watchUnhandled();

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  unhandled.stop();
  await server.close();
  tally.print('inputs.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

// Pieces that have broken URL builders and header writers before.
const NASTY = [
  '/',
  '?',
  '#',
  '%',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  '\r\n',
  '\n',
  '\r',
  ' ',
  '\t',
  '\u0000',
  '\\',
  ';',
  '&',
  '=',
  '+',
  '@',
  ':',
  'con_1',
  'é',
  '🙂',
  '\u202e',
  '\ufeff',
  'Host: evil',
  'X-Injected: 1',
  '../admin',
  '//evil.example',
];
/** Strings made of whole code points (a lone surrogate cannot be a URL; see the separate test below). */
const wellFormed = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'grapheme-ascii' }),
  fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  fc.tuple(fc.string(), fc.constantFrom(...NASTY), fc.string()).map((parts) => parts.join('')),
);

/** A string holding one lone UTF-16 surrogate, which no URL can carry (fast-check's units never make one). */
const withLoneSurrogate = fc
  .tuple(fc.string(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string())
  .map(([a, c, b]) => `${a}${String.fromCharCode(c)}${b}`);

/** Header names a call may carry; anything else arriving at the server was injected. */
const ALLOWED_HEADERS = new Set([
  'host',
  'connection',
  'content-type',
  'content-length',
  'authorization',
  'idempotency-key',
  'accept',
  'accept-encoding',
  'accept-language',
  'sec-fetch-mode',
  'user-agent',
  'x-lava-metadata',
]);

function headerProblems(s: Seen): string[] {
  const names = s.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
  const problems = names.filter((n) => !ALLOWED_HEADERS.has(n)).map((n) => `unexpected header ${n}`);
  if (new Set(names).size !== names.length) problems.push(`a header repeated: ${names.join(',')}`);
  return problems;
}

type IdCall = (lava: ReturnType<typeof client>['lava'], id: string) => unknown;
const ID_CALLS: [string, IdCall][] = [
  ['retrieveCustomer', (lava, id) => retrieveCustomer(lava, id)],
  ['updateCustomer', (lava, id) => updateCustomer(lava, id, { name: 'x' }, { idempotencyKey: 'k-1' })],
  ['deleteCustomer', (lava, id) => deleteCustomer(lava, id)],
];

describe('fuzzed path ids', () => {
  it('reach exactly /v1/customers/<encodeURIComponent(id)>, or are invalid_params with no request', async () => {
    let cases = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(wellFormed, fc.constantFrom(...ID_CALLS), async (id, [name, call]) => {
        cases++;
        const { baseUrl, seen } = server.scenario(['ok']);
        const { lava } = client(baseUrl, { maxRetries: 0 });
        let result: unknown;
        expect(
          () => {
            result = call(lava, id);
          },
          `${name}(${JSON.stringify(id)}) threw`,
        ).not.toThrow();
        const outcome = typedOutcome(await result);
        expect(outcome.problem).toBeUndefined();
        if (outcome.error?.kind === 'invalid_params') {
          rejected++;
          expect(['', '.', '..']).toContain(id);
          expect(seen).toHaveLength(0);
          return;
        }
        expect(outcome.ok, `${name}(${JSON.stringify(id)}): ${inspect(outcome.error)}`).toBe(true);
        expect(seen).toHaveLength(1);
        expect(seen[0]!.path).toBe(`/v1/customers/${encodeURIComponent(id)}`);
        expect(headerProblems(seen[0]!)).toEqual([]);
      }),
      { numRuns: 250, seed: 4242 },
    );
    for (const id of ['', '.', '..']) {
      const { baseUrl, seen } = server.scenario(['ok']);
      expect((await retrieveCustomer(client(baseUrl).lava, id))._unsafeUnwrapErr().kind).toBe(
        'invalid_params',
      );
      expect(seen).toHaveLength(0);
      cases++;
      rejected++;
    }
    tally.add(`fuzzed ids (${rejected} rejected as invalid_params)`, cases);
  }, 30_000);

  // BUG (core, path.ts encodePathParam): encodeURIComponent throws URIError on a lone surrogate
  // ('\uD800'), so retrieveCustomer(lava, '\uD800') THROWS instead of returning Err(invalid_params)
  // (a generator of strings with one lone surrogate finds it at once). Fix in path.ts:
  //   if (typeof value !== 'string' || value === '' || value === '.' || value === '..') return undefined;
  //   try { return encodeURIComponent(value); } catch { return undefined; }   // lone surrogate
  // (request() then answers invalid_params "path.N: …" with no request sent.)
  it('returns invalid_params for an id with a lone surrogate, instead of throwing', async () => {
    tally.add('lone-surrogate ids', 1);
    await fc.assert(
      fc.asyncProperty(withLoneSurrogate, async (id) => {
        const { baseUrl, seen } = server.scenario(['ok']);
        const result = await retrieveCustomer(client(baseUrl).lava, id);
        if (result.isErr()) expect(seen).toHaveLength(0);
        else expect(seen[0]!.path).toBe(`/v1/customers/${encodeURIComponent(id)}`);
      }),
      { numRuns: 200, seed: 1 },
    );
  });
});

describe('fuzzed metadata, params and headers', () => {
  it('customer metadata and names travel only in the JSON body', async () => {
    let cases = 0;
    const key = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...NASTY), withLoneSurrogate);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...NASTY)), {
          maxKeys: 8,
        }),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 255 }), withLoneSurrogate),
        async (metadata, name) => {
          cases++;
          const { baseUrl, seen } = server.scenario(['ok']);
          const { lava } = client(baseUrl, { maxRetries: 0 });
          const outcome = typedOutcome(await createCustomer(lava, { name, metadata }));
          expect(outcome.problem).toBeUndefined();
          if (outcome.error) {
            expect(outcome.error.kind).toBe('invalid_params');
            expect(seen).toHaveLength(0);
            return;
          }
          expect(seen).toHaveLength(1);
          expect(seen[0]!.path).toBe('/v1/customers');
          expect(headerProblems(seen[0]!)).toEqual([]);
          expect(JSON.parse(seen[0]!.body)).toEqual(JSON.parse(JSON.stringify({ name, metadata })));
        },
      ),
      { numRuns: 150, seed: 5 },
    );
    tally.add('fuzzed customer metadata/name (body only)', cases);
  }, 30_000);

  it('list query values stay query values', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(wellFormed, async (cursor) => {
        cases++;
        const { baseUrl, seen } = server.scenario(['ok']);
        const outcome = typedOutcome(
          await listCustomers(client(baseUrl, { maxRetries: 0 }).lava, { cursor }),
        );
        expect(outcome.problem).toBeUndefined();
        if (seen.length === 0) {
          expect(outcome.error?.kind).toBe('invalid_params');
          return;
        }
        const url = new URL(seen[0]!.path, 'http://x');
        expect(url.pathname).toBe('/v1/customers');
        expect(url.searchParams.get('cursor')).toBe(cursor);
        expect([...url.searchParams.keys()]).toEqual(['cursor']);
        expect(headerProblems(seen[0]!)).toEqual([]);
      }),
      { numRuns: 100, seed: 6 },
    );
    tally.add('fuzzed list cursor (query only)', cases);
  }, 30_000);

  it('gateway metadata arrives as one x-lava-metadata header that decodes to the same object', async () => {
    let cases = 0;
    const metaKey = fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/);
    const metaValue = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 4 }).map((p) => p.join('')),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(metaKey, metaValue, { minKeys: 1, maxKeys: 6 }), async (metadata) => {
        cases++;
        const { baseUrl, seen } = server.scenario(['ok']);
        const { lava } = client(baseUrl, { maxRetries: 0 });
        const outcome = typedOutcome(
          await gateway(lava, 'https://api.openai.com/v1/chat/completions', { body: { a: 1 }, metadata }),
        );
        expect(outcome.problem).toBeUndefined();
        if (outcome.error) {
          expect(outcome.error.kind).toBe('invalid_params');
          expect(seen).toHaveLength(0);
          return;
        }
        expect(seen).toHaveLength(1);
        expect(seen[0]!.path.replace(/\?.*$/s, '')).toBe('/v1/forward');
        expect(headerProblems(seen[0]!)).toEqual([]);
        expect(JSON.parse(String(seen[0]!.headers['x-lava-metadata']))).toEqual(metadata);
      }),
      { numRuns: 100, seed: 8 },
    );
    tally.add('fuzzed gateway metadata (one header, same object)', cases);
  }, 30_000);

  it('per-call headers with CR/LF never inject a header: the call fails typed, nothing is split', async () => {
    let cases = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          fc.string(),
          fc.constantFrom('\r\n', '\n', '\r', '\r\nX-Injected: 1', '\r\n\r\nGET / HTTP/1.1'),
          fc.string(),
        ),
        async ([a, crlf, b]) => {
          cases++;
          const { baseUrl, seen } = server.scenario(['ok']);
          const { lava } = client(baseUrl, { maxRetries: 1 });
          const outcome = typedOutcome(
            await retrieveCustomer(lava, 'con_1', { headers: { 'x-trace': `${a}${crlf}${b}` } }),
          );
          expect(outcome.problem).toBeUndefined();
          if (outcome.error) refused++;
          for (const s of seen) {
            const names = s.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
            expect(names).not.toContain('x-injected');
          }
        },
      ),
      { numRuns: 60, seed: 9 },
    );
    tally.add(`CR/LF in per-call headers (${refused} refused before sending)`, cases);
  });
});
