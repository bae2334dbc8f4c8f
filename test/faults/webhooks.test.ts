// Webhook signatures over a fuzzed corpus (fast-check): every valid delivery is accepted, every tampered
// body, signature and secret is rejected, nothing throws, and the secret never appears in an error.
import { inspect } from 'node:util';
import { constructWebhookEvent, signWebhookPayload, verifyWebhookSignature } from '@lava-sdk/webhooks';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { leakIn, Tally, typedOutcome, watchUnhandled } from './harness';

const tally = new Tally();
const unhandled = watchUnhandled();
afterAll(() => {
  unhandled.stop();
  tally.print('webhooks.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

const utf8 = (s: string) => new TextEncoder().encode(s);
// HMAC pads a key with zero bytes to the block size, so "k" and "k\0" are the same key by definition:
// a "different" secret is only different modulo trailing NULs (and both under the 64-byte block).
const hmacKey = (s: string) =>
  Array.from(utf8(s))
    .join(',')
    .replace(/(,0)+$|^0(,0)*$/, '');

const secretArb = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    fc.stringMatching(/^whsec_[A-Za-z0-9]{16,40}$/),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 60 }),
  )
  .filter((s) => s.trim() === s && s !== '' && !/^aks_(live|test)_/.test(s) && utf8(s).length <= 64);

const customer = {
  customer_id: 'con_1',
  reference_id: null,
  contact: { email: 'a@b.c' },
  subscription: null,
  metadata: null,
  created_at: '2025-01-01T00:00:00Z',
};
const eventBody = fc
  .record({
    event: fc.constantFrom('customer.created', 'customer.wallet.balance.updated', 'customer.deleted'),
    extra: fc.string(),
  })
  .map(({ event, extra }) => JSON.stringify({ event, data: { ...customer, note: extra } }));
const bodyArb = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }),
  fc.uint8Array({ minLength: 1, maxLength: 400 }),
  eventBody,
);

const bytesOf = (body: string | Uint8Array) => (typeof body === 'string' ? utf8(body) : body);

type BodyTamper =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'append'; byte: number }
  | { kind: 'truncate' }
  | { kind: 'whitespace' };
/** Ways to change a body's bytes; each result differs from the original. */
const bodyTamper: fc.Arbitrary<BodyTamper> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('append' as const), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const) }),
  fc.record({ kind: fc.constant('whitespace' as const) }),
);
function tamperBody(bytes: Uint8Array, t: BodyTamper): Uint8Array {
  const out = new Uint8Array(bytes);
  switch (t.kind) {
    case 'flip':
      out[t.at % out.length]! ^= 1 << t.bit;
      return out;
    case 'append':
      return new Uint8Array([...bytes, t.byte]);
    case 'truncate':
      return bytes.length > 1 ? bytes.slice(0, -1) : new Uint8Array([bytes[0]! ^ 1]);
    default:
      return new Uint8Array([...bytes, 0x0a]); // a proxy adding a trailing newline
  }
}

/** Ways to change a signature; each result is a different digest or not a digest at all. */
const sigTamper = fc.oneof(
  fc.record({
    kind: fc.constant('digit' as const),
    at: fc.integer({ min: 0, max: 63 }),
    to: fc.integer({ min: 1, max: 15 }),
  }),
  fc.constantFrom(
    { kind: 'drop' as const },
    { kind: 'extra' as const },
    { kind: 'prefix' as const },
    { kind: 'empty' as const },
    { kind: 'twice' as const },
    { kind: 'base64' as const },
  ),
);
function tamperSig(sig: string, t: { kind: string; at?: number; to?: number }): string | string[] {
  switch (t.kind) {
    case 'digit': {
      const at = t.at!;
      const digit = ((Number.parseInt(sig[at]!, 16) + t.to!) % 16).toString(16);
      return sig.slice(0, at) + digit + sig.slice(at + 1);
    }
    case 'drop':
      return sig.slice(1);
    case 'extra':
      return `${sig}0`;
    case 'prefix':
      return `sha256=${sig}`;
    case 'empty':
      return '';
    case 'twice':
      return [sig, sig];
    default:
      return btoa(String.fromCharCode(...(sig.match(/../g) ?? []).map((h) => Number.parseInt(h, 16))));
  }
}

describe('webhook signatures over a fuzzed corpus', () => {
  it('accepts every valid delivery and rejects every tampered body, signature and secret', async () => {
    let cases = 0;
    let tampered = 0;
    await fc.assert(
      fc.asyncProperty(
        bodyArb,
        secretArb,
        secretArb,
        bodyTamper,
        sigTamper,
        async (body, secret, other, bt, st) => {
          cases++;
          const sig = await signWebhookPayload(body, secret);
          expect(sig).toMatch(/^[0-9a-f]{64}$/);
          const bytes = bytesOf(body);
          // Valid: as given, as bytes, as an ArrayBuffer, as a one-element header array.
          for (const raw of [body, bytes, bytes.slice().buffer]) {
            const ok = await verifyWebhookSignature(raw, sig, secret);
            expect(ok.isOk(), inspect(ok)).toBe(true);
          }
          expect((await verifyWebhookSignature(body, [sig], secret)).isOk()).toBe(true);

          const rejections = [
            await verifyWebhookSignature(tamperBody(bytes, bt), sig, secret),
            await verifyWebhookSignature(body, tamperSig(sig, st), secret),
          ];
          if (hmacKey(other) !== hmacKey(secret))
            rejections.push(await verifyWebhookSignature(body, sig, other));
          for (const result of rejections) {
            tampered++;
            const outcome = typedOutcome(result);
            expect(outcome.problem).toBeUndefined();
            expect(outcome.ok).toBe(false);
            expect(outcome.error!.kind).toBe('invalid_params');
            expect(leakIn(outcome.error, [], [secret.length >= 6 ? secret : '\u0000never'])).toBeUndefined();
          }
        },
      ),
      { numRuns: 300, seed: 77 },
    );
    tally.add(`webhook corpus (${tampered} tampered deliveries)`, cases, tampered);
  }, 30_000);

  it('constructWebhookEvent parses only authentic events', async () => {
    let cases = 0;
    let tampered = 0;
    await fc.assert(
      fc.asyncProperty(eventBody, secretArb, bodyTamper, async (body, secret, bt) => {
        cases++;
        const sig = await signWebhookPayload(body, secret);
        const event = await constructWebhookEvent(body, sig, secret);
        expect(event.isOk(), inspect(event)).toBe(true);
        expect(event._unsafeUnwrap().event).toBe(JSON.parse(body).event);
        const forged = tamperBody(utf8(body), bt);
        tampered++;
        const bad = typedOutcome(await constructWebhookEvent(forged, sig, secret));
        expect(bad.error?.kind).toBe('invalid_params');
        // Authentic but not an event: invalid_response, never a throw.
        const junkSig = await signWebhookPayload('{"hello":"world"}', secret);
        expect(
          typedOutcome(await constructWebhookEvent('{"hello":"world"}', junkSig, secret)).error?.kind,
        ).toBe('invalid_response');
      }),
      { numRuns: 150, seed: 78 },
    );
    tally.add(`constructWebhookEvent (${tampered} forged)`, cases, tampered);
  });

  it('never throws, whatever is passed in, and never echoes the secret', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), fc.anything(), async (a, b, c) => {
        cases++;
        for (const fn of [verifyWebhookSignature, constructWebhookEvent]) {
          let result: unknown;
          expect(() => {
            result = fn(a as never, b as never, c as never);
          }).not.toThrow();
          const outcome = typedOutcome(await result);
          expect(outcome.problem).toBeUndefined();
          if (typeof c === 'string' && c.length >= 6 && outcome.error) {
            expect(leakIn(outcome.error, [], [c])).toBeUndefined();
          }
        }
      }),
      { numRuns: 300, seed: 79 },
    );
    tally.add('webhook functions with arbitrary arguments', cases);
  });
});
