import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { isLavaError, type LavaError } from '@lava-sdk/core';
import {
  constructWebhookEvent,
  signWebhookPayload,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookEvent,
} from '@lava-sdk/webhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timingSafeEqual } from '../src/_signature';

// Distinctive, so a leak anywhere in an error is easy to spot.
const SECRET = 'whsec_SUPERsecretVALUE_7f3a9c';

const customer = {
  customer_id: 'con_test_01EXAMPLE000',
  reference_id: 'user_42',
  contact: { phone: '+14155550100', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
  subscription: null,
  metadata: null,
  created_at: '2026-01-01T00:00:00.000Z',
};
const body = JSON.stringify({ event: 'customer.created', data: customer });

/** Node's own HMAC, an independent reference for the WebCrypto implementation. */
function nodeSign(payload: string | Uint8Array, secret = SECRET): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

function expectNoSecret(error: LavaError, secret = SECRET): void {
  expect(error.message).not.toContain(secret);
  expect(JSON.stringify(error)).not.toContain(secret);
  expect(String(error.stack)).not.toContain(secret);
  expect(JSON.stringify((error as { issues?: unknown }).issues ?? [])).not.toContain(secret);
  // Not even a recognisable part of it.
  expect(JSON.stringify(error)).not.toContain('SUPERsecret');
}

async function verifyErr(rawBody: unknown, signature: unknown, secret: unknown) {
  const result = await verifyWebhookSignature(rawBody as string, signature as string, secret as string);
  const error = result._unsafeUnwrapErr();
  expect(isLavaError(error)).toBe(true);
  expectNoSecret(error);
  return error;
}

function issuesOf(error: LavaError): { path: string; message: string }[] {
  expect(error.kind).toBe('invalid_params');
  return error.kind === 'invalid_params' ? [...error.issues] : [];
}

describe('verifyWebhookSignature', () => {
  it('accepts a valid signature over a string body', async () => {
    expect((await verifyWebhookSignature(body, nodeSign(body), SECRET))._unsafeUnwrap()).toBe(true);
  });

  it('accepts Uint8Array, Buffer, ArrayBuffer and sliced views of the same bytes', async () => {
    const bytes = new TextEncoder().encode(body);
    const signature = nodeSign(body);
    expect((await verifyWebhookSignature(bytes, signature, SECRET)).isOk()).toBe(true);
    expect((await verifyWebhookSignature(globalThis.Buffer.from(body), signature, SECRET)).isOk()).toBe(true);
    expect((await verifyWebhookSignature(bytes.buffer, signature, SECRET)).isOk()).toBe(true);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    expect(
      (await verifyWebhookSignature(padded.subarray(4, 4 + bytes.length), signature, SECRET)).isOk(),
    ).toBe(true);
  });

  it('signs the UTF-8 bytes of a non-ASCII body', async () => {
    const unicode = JSON.stringify({
      event: 'customer.created',
      data: { ...customer, reference_id: 'Zoë — 東京 🚀' },
    });
    const signature = nodeSign(unicode);
    expect((await verifyWebhookSignature(unicode, signature, SECRET)).isOk()).toBe(true);
    expect((await verifyWebhookSignature(new TextEncoder().encode(unicode), signature, SECRET)).isOk()).toBe(
      true,
    );
  });

  it('verifies the raw bytes, even when they are not valid UTF-8', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x7b]);
    expect((await verifyWebhookSignature(bytes, nodeSign(bytes), SECRET)).isOk()).toBe(true);
  });

  it('accepts uppercase hex, surrounding whitespace and a one-element header array', async () => {
    const signature = nodeSign(body);
    expect((await verifyWebhookSignature(body, signature.toUpperCase(), SECRET)).isOk()).toBe(true);
    expect((await verifyWebhookSignature(body, ` ${signature}\t`, SECRET)).isOk()).toBe(true);
    expect((await verifyWebhookSignature(body, [signature], SECRET)).isOk()).toBe(true);
  });

  it('works with the header read from a Request', async () => {
    const request = new Request('http://localhost/webhooks', {
      method: 'POST',
      body,
      headers: { 'X-Webhook-Signature': nodeSign(body) },
    });
    const result = await verifyWebhookSignature(
      await request.text(),
      request.headers.get(WEBHOOK_SIGNATURE_HEADER),
      SECRET,
    );
    expect(result.isOk()).toBe(true);
  });

  it('rejects a tampered body', async () => {
    const signature = nodeSign(body);
    const error = await verifyErr(body.replace('user_42', 'user_43'), signature, SECRET);
    expect(issuesOf(error)).toEqual([
      { path: 'signature', message: expect.stringContaining('does not match') },
    ]);
    expect(error.message).toMatch(/^Webhook signature verification failed: /);
    // Re-serialized JSON (different whitespace) is a different body.
    await verifyErr(JSON.stringify(JSON.parse(body), null, 2), signature, SECRET);
  });

  it('rejects a tampered signature', async () => {
    const signature = nodeSign(body);
    const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
    expect(issuesOf(await verifyErr(body, flipped, SECRET))[0]!.path).toBe('signature');
    const lastFlipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    await verifyErr(body, lastFlipped, SECRET);
  });

  it('rejects the wrong secret', async () => {
    const error = await verifyErr(body, nodeSign(body, 'whsec_other'), SECRET);
    expect(issuesOf(error)[0]!.message).toContain('does not match');
  });

  describe('tells the user what went wrong', () => {
    const signature = nodeSign(body);

    it('a parsed object instead of the raw body', async () => {
      const [issue] = issuesOf(await verifyErr(JSON.parse(body), signature, SECRET));
      expect(issue).toMatchObject({ path: 'rawBody', message: expect.stringContaining('parsed object') });
      expect(issue!.message).toContain('request.text()');
    });

    it('a Request object or a stream instead of its content', async () => {
      const request = new Request('http://localhost/', { method: 'POST', body });
      expect(issuesOf(await verifyErr(request, signature, SECRET))[0]!.message).toContain(
        'read the body first',
      );
      expect(issuesOf(await verifyErr(new Blob([body]), signature, SECRET))[0]!.message).toContain(
        'read the body',
      );
    });

    it.each([[''], [new Uint8Array(0)], [new ArrayBuffer(0)]])('an empty body (%#)', async (empty) => {
      const [issue] = issuesOf(await verifyErr(empty, signature, SECRET));
      expect(issue).toMatchObject({ path: 'rawBody', message: expect.stringContaining('is empty') });
    });

    it.each([[undefined], [null], [42]])('a missing or mistyped body: %s', async (value) => {
      expect(issuesOf(await verifyErr(value, signature, SECRET))[0]!.path).toBe('rawBody');
    });

    it.each([
      ['', 'is empty'],
      ['   ', 'is empty'],
      [` ${SECRET}`, 'whitespace'],
      [`${SECRET}\n`, 'whitespace'],
      [undefined, 'is missing'],
      [42, 'must be a string'],
      ['aks_test_TESTKEYnotreal0123456789', 'Lava API secret key'],
    ])('a bad secret %#', async (secret, text) => {
      const [issue] = issuesOf(await verifyErr(body, signature, secret));
      expect(issue).toMatchObject({ path: 'secret', message: expect.stringContaining(text) });
      // The whitespace check must not give away the secret either.
      if (typeof secret === 'string' && secret.trim())
        expectNoSecret(await verifyErr(body, signature, secret), secret.trim());
    });

    it.each([
      [undefined, 'is missing'],
      [null, 'is missing'],
      ['', 'is missing'],
      ['  ', 'is missing'],
      ['xyz', 'other characters'],
      ['g'.repeat(64), 'other characters'],
      ['abc123', 'has 6'],
      ['a'.repeat(128), 'has 128'],
      [`sha256=${'a'.repeat(64)}`, 'no prefix'],
      [['a'.repeat(64), 'b'.repeat(64)], '2 were given'],
      [123, 'must be a string'],
    ])('a missing or malformed signature %#', async (value, text) => {
      const [issue] = issuesOf(await verifyErr(body, value, SECRET));
      expect(issue).toMatchObject({ path: 'signature', message: expect.stringContaining(text) });
    });

    it('arguments in the wrong order', async () => {
      // verifyWebhookSignature(body, secret, secret): the secret passed as the signature.
      const [issue] = issuesOf(await verifyErr(body, SECRET, SECRET));
      expect(issue).toMatchObject({ path: 'signature', message: expect.stringContaining('argument order') });
    });

    it('every problem at once', async () => {
      const error = await verifyErr({ parsed: true }, undefined, ' padded ');
      expect(issuesOf(error).map((i) => i.path)).toEqual(['rawBody', 'signature', 'secret']);
      expect(error.message).toMatch(/^Invalid webhook verification input: rawBody .*; signature .*; secret /);
    });
  });

  it('returns a config error when the runtime has no WebCrypto', async () => {
    vi.stubGlobal('crypto', undefined);
    try {
      const error = (await verifyWebhookSignature(body, nodeSign(body), SECRET))._unsafeUnwrapErr();
      expect(error.kind).toBe('config');
      expect(error.message).toContain('WebCrypto');
      expectNoSecret(error);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('constructWebhookEvent', () => {
  it.each([['customer.created'], ['customer.wallet.balance.updated'], ['customer.deleted']] as const)(
    'parses a verified %s event',
    async (name) => {
      const payload = JSON.stringify({ event: name, data: customer });
      const event = (await constructWebhookEvent(payload, nodeSign(payload), SECRET))._unsafeUnwrap();
      expect(event).toEqual({ event: name, data: customer });
    },
  );

  it('narrows on event and keeps fields Lava adds', async () => {
    const payload = JSON.stringify({
      event: 'customer.wallet.balance.updated',
      data: { ...customer, balance: '12.50' },
      id: 'evt_1',
    });
    const event: WebhookEvent = (
      await constructWebhookEvent(payload, nodeSign(payload), SECRET)
    )._unsafeUnwrap();
    if (event.event !== 'customer.wallet.balance.updated') throw new Error('not narrowed');
    expect(event.data.customer_id).toBe(customer.customer_id);
    expect(event).toMatchObject({ id: 'evt_1', data: { balance: '12.50' } });
  });

  it('accepts a minimal customer and a subscription', async () => {
    const payload = JSON.stringify({
      event: 'customer.deleted',
      data: {
        customer_id: 'con_1',
        subscription: { subscription_id: 's', plan_id: 'p', name: 'Pro', status: 'active' },
      },
    });
    const event = (
      await constructWebhookEvent(new TextEncoder().encode(payload), nodeSign(payload), SECRET)
    )._unsafeUnwrap();
    expect(event.data.subscription?.status).toBe('active');
  });

  it('verifies before parsing: a forged event is never returned', async () => {
    const forged = JSON.stringify({ event: 'customer.deleted', data: customer });
    const error = (await constructWebhookEvent(forged, nodeSign(body), SECRET))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_params');
    expectNoSecret(error);
  });

  it('passes on the input errors', async () => {
    const error = (await constructWebhookEvent(JSON.parse(body), nodeSign(body), ''))._unsafeUnwrapErr();
    expect(issuesOf(error).map((i) => i.path)).toEqual(['rawBody', 'secret']);
  });

  it.each([
    ['not json', 'not UTF-8 JSON'],
    [JSON.stringify({ event: 'customer.exploded', data: customer }), 'is not an event this SDK knows'],
    [JSON.stringify({ type: 'customer.created', data: customer }), 'is not an event this SDK knows'],
    [JSON.stringify({ event: 'customer.created', data: { reference_id: 'x' } }), 'customer_id'],
    [JSON.stringify([1, 2]), 'body'],
  ])('reports an authentic but unexpected body as invalid_response (%#)', async (payload, text) => {
    const error = (await constructWebhookEvent(payload, nodeSign(payload), SECRET))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain(text);
    if (error.kind === 'invalid_response') expect(error.status).toBe(0);
    expectNoSecret(error);
  });

  it('rejects an authentic body that is not valid UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d]);
    const error = (await constructWebhookEvent(bytes, nodeSign(bytes), SECRET))._unsafeUnwrapErr();
    expect(error.kind).toBe('invalid_response');
  });
});

describe('signWebhookPayload', () => {
  it('matches Node’s HMAC-SHA256 hex for strings and bytes', async () => {
    const unicode = '{"event":"customer.created","data":{"customer_id":"con_ü"}}';
    expect(await signWebhookPayload(body, SECRET)).toBe(nodeSign(body));
    expect(await signWebhookPayload(unicode, SECRET)).toBe(nodeSign(unicode));
    expect(await signWebhookPayload(new TextEncoder().encode(unicode), SECRET)).toBe(nodeSign(unicode));
    expect(await signWebhookPayload(body, SECRET)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips through verification and construction', async () => {
    const signature = await signWebhookPayload(body, SECRET);
    expect((await verifyWebhookSignature(body, signature, SECRET)).isOk()).toBe(true);
    expect((await constructWebhookEvent(body, signature, SECRET))._unsafeUnwrap().event).toBe(
      'customer.created',
    );
  });

  it('rejects with a LavaError that hides the secret', async () => {
    const padded = `${SECRET} `;
    const error: unknown = await signWebhookPayload(body, padded).catch((e: unknown) => e);
    expect(isLavaError(error)).toBe(true);
    expect((error as LavaError).kind).toBe('invalid_params');
    expectNoSecret(error as LavaError);
    await expect(signWebhookPayload({} as never, SECRET)).rejects.toMatchObject({ kind: 'invalid_params' });
  });
});

describe('edge safety', () => {
  it('the sources use neither node:* modules nor Buffer nor process', () => {
    const dir = new URL('../src/', import.meta.url);
    for (const file of readdirSync(dir)) {
      // Comments may mention Buffer ("a Node Buffer is a Uint8Array"); code may not use it.
      const code = readFileSync(new URL(file, dir), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/from 'node:|require\(|\bBuffer\b|\bprocess\./);
    }
  });
});

describe('timingSafeEqual', () => {
  it('compares bytes', () => {
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1]))).toBe(false);
  });
});

afterEach(() => vi.unstubAllGlobals());
