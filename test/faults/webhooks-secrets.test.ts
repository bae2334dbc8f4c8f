// Webhook verification compares all secret material in constant time (issue 17, item 12): the HMAC digest
// and the "signature equals the secret" argument-order check alike. Timings are not asserted; this checks
// that the constant-time comparisons decide exactly as equality did, through a real receiver on loopback
// (the header as node:http hands it over), for secrets and signatures of every length.
import { constructWebhookEvent, signWebhookPayload } from '@lava-sdk/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER, Tally } from './harness';
import { type Loopback, startLoopback } from './loopback';

let receiver: Loopback;
const tally = new Tally();
let secret = '';

beforeAll(async () => {
  receiver = await startLoopback(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const result = await constructWebhookEvent(
      Buffer.concat(chunks),
      req.headers['x-webhook-signature'],
      secret,
    );
    res.writeHead(result.isOk() ? 200 : 400, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(result.isOk() ? { event: result.value.event } : { message: result.error.message }),
    );
  });
});
afterAll(async () => {
  await receiver.close();
  tally.print('webhooks-secrets.test.ts');
});

const body = JSON.stringify({ event: 'customer.created', data: CUSTOMER });

/** Delivers `body` with a signature header; the receiver's status and what it said. */
async function deliver(signature: string): Promise<{ status: number; text: string }> {
  const response = await fetch(receiver.origin, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-webhook-signature': signature },
  });
  return { status: response.status, text: await response.text() };
}

const SECRETS = [
  'k',
  'whsec_0123456789abcdefABCDEF',
  'a'.repeat(63),
  '0123456789abcdef'.repeat(4), // 64 hex characters: a digest's length
  'whsec_'.padEnd(200, 'x'),
];

describe('constant-time comparisons decide as equality did', () => {
  for (const s of SECRETS) {
    it(`a ${s.length}-character secret: valid accepted, every tampered digit rejected`, async () => {
      secret = s;
      const valid = await signWebhookPayload(body, s);
      expect(await deliver(valid)).toEqual({ status: 200, text: '{"event":"customer.created"}' });
      expect((await deliver(valid.toUpperCase())).status).toBe(200);
      tally.add('valid accepted', 2);
      for (let i = 0; i < valid.length; i++) {
        const digit = valid[i] === '0' ? '1' : '0';
        const tampered = `${valid.slice(0, i)}${digit}${valid.slice(i + 1)}`;
        const answer = await deliver(tampered);
        expect(answer.status, `digit ${i}`).toBe(400);
        expect(answer.text).toContain('does not match the body and secret');
        tally.add('tampered rejected', 1);
      }
    });

    it(`a ${s.length}-character secret passed as the signature is named; near misses of every length are not`, async () => {
      secret = s;
      const same = await deliver(s);
      expect(same.status).toBe(400);
      expect(same.text).toContain('equals the secret');
      tally.add('secret as signature', 1);
      const near = [s.slice(0, -1), `${s}0`, `${s.slice(0, -1)}${s.endsWith('0') ? '1' : '0'}`, `0${s}`];
      for (const signature of near.filter((n) => n !== '')) {
        const answer = await deliver(signature);
        expect(answer.status, signature).toBe(400);
        expect(answer.text, signature).not.toContain('equals the secret');
        if (s.length > 8) expect(answer.text, signature).not.toContain(s);
        tally.add('secret as signature', 1);
      }
    });
  }
});
