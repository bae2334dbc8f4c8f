// The secret key and forward tokens never surface: not in an error's message, stack, JSON, inspection or
// body, not in a log line, whatever the server does (including echoing the Authorization header back).
import { createLava, type LavaLogEntry } from '@lava-sdk/core';
import { gateway, gatewayStream, generateForwardToken } from '@lava-sdk/gateway';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIANTS } from './calls';
import {
  FAULTS,
  type Fault,
  type FaultServer,
  leakIn,
  startFaultServer,
  Tally,
  transportOptions,
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
  tally.print('leaks.test.ts');
  expect(unhandled.reasons).toEqual([]);
});

const secretKey = fc
  .tuple(fc.constantFrom('aks_test_', 'aks_live_'), fc.stringMatching(/^[A-Za-z0-9]{16,48}$/))
  .map(([prefix, rest]) => prefix + rest);
// Fast faults, weighted towards the ones that echo credentials back.
const faults = FAULTS.filter((f) => !/^(huge-|stall-|redirect-loop)/.test(f));
const fault = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Fault>('401-echo-key', '502-html-key') },
  { weight: 5, arbitrary: fc.constantFrom<Fault>(...faults) },
);

describe('secrets in every fault case', () => {
  it('the secret key never appears in an error or a log line (REST calls)', async () => {
    const before = server.totalInjected();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        secretKey,
        fc.array(fault, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...VARIANTS),
        async (key, script, variant) => {
          cases++;
          const { baseUrl } = server.scenario(script);
          const logs: LavaLogEntry[] = [];
          const lava = createLava({
            ...transportOptions,
            secretKey: key,
            baseUrl,
            maxRetries: 2,
            retryDelayMs: 1,
            timeoutMs: 300,
            logger: (e) => logs.push(e),
          });
          const outcome = typedOutcome(await variant.call(lava, {}));
          expect(outcome.problem).toBeUndefined();
          expect(leakIn(outcome.error ?? null, logs, [key, key.slice(9)])).toBeUndefined();
        },
      ),
      { numRuns: 100, seed: 31 },
    );
    tally.add('secret key in REST fault cases', cases, server.totalInjected() - before);
  }, 40_000);

  it('neither the key nor the forward token appears in a gateway error or log line', async () => {
    const before = server.totalInjected();
    let cases = 0;
    const billing = fc.constantFrom(
      {},
      { meter_slug: 'ai' },
      { customer_id: 'con_1', meter_slug: 'ai' },
      { customer_id: 'con_1', meter_slug: 'ai', provider_key: 'sk-proj-PROVIDERKEY0123456789' },
    );
    await fc.assert(
      fc.asyncProperty(
        secretKey,
        fc.array(fault, { minLength: 1, maxLength: 2 }),
        billing,
        fc.boolean(),
        async (key, script, bill, stream) => {
          cases++;
          const { baseUrl } = server.scenario(script);
          const logs: LavaLogEntry[] = [];
          const lava = createLava({
            ...transportOptions,
            secretKey: key,
            baseUrl,
            maxRetries: 1,
            retryDelayMs: 1,
            timeoutMs: 300,
            logger: (e) => logs.push(e),
          });
          const token = generateForwardToken(lava, bill as never);
          const options = {
            body: { model: 'm', messages: [] },
            ...bill,
            maxRetries: 1,
            idempotencyKey: 'gw-1',
          };
          const url = 'https://api.openai.com/v1/chat/completions';
          const result = stream ? await gatewayStream(lava, url, options) : await gateway(lava, url, options);
          const outcome = typedOutcome(result);
          expect(outcome.problem).toBeUndefined();
          if (outcome.ok && stream) await (result as { value: { cancel(): Promise<void> } }).value.cancel();
          const secrets = [key, key.slice(9), token, token.slice(0, 40), 'PROVIDERKEY0123456789'];
          expect(leakIn(outcome.error ?? null, logs, secrets)).toBeUndefined();
        },
      ),
      { numRuns: 60, seed: 32 },
    );
    tally.add('secret key + forward token in gateway fault cases', cases, server.totalInjected() - before);
  }, 40_000);

  // BUG (core): a key that cannot be an HTTP header value (a CR, LF or NUL inside it, e.g. two env lines
  // glued together; trim() only removes them at the ends) makes fetch throw
  //   TypeError: Headers.append: "Bearer aks_test_…\n…" is an invalid header value.
  // transport.ts maps that to a `network` error that keeps the TypeError as `cause`: util.inspect(error)
  // prints the cause with the full key, and the message keeps the part after the newline (redact() stops
  // at whitespace). The call is also retried although it can never succeed. Fix: in createLava (or in
  // useSecretKey), reject a key with characters outside printable ASCII with a `config` error that never
  // quotes it, e.g. `if (/[^\x21-\x7e]/.test(secretKey)) throw invalid('secretKey contains characters
  // that cannot be sent in a header')`; and in transport.ts build the network error's message from
  // `cause.code`/`cause.name` and pass `redact`ed cause text rather than the raw TypeError.
  it('a key with a newline inside never appears in the error', async () => {
    tally.add('secret key with an inner newline', 1);
    const key = 'aks_live_FIRSTPARTabcdef0123\nSECONDPARTxyz9876';
    const { baseUrl } = server.scenario(['ok']);
    const logs: LavaLogEntry[] = [];
    const lava = createLava({
      ...transportOptions,
      secretKey: key,
      baseUrl,
      maxRetries: 0,
      logger: (e) => logs.push(e),
    });
    const outcome = typedOutcome(await VARIANTS[0]!.call(lava, {}));
    expect(outcome.problem).toBeUndefined();
    expect(outcome.error).toBeDefined();
    expect(leakIn(outcome.error, logs, ['FIRSTPARTabcdef0123', 'SECONDPARTxyz9876'])).toBeUndefined();
  });
});
