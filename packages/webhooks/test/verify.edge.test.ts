// @vitest-environment edge-runtime
// Runs the verification code in the Vercel Edge runtime (no Node built-ins), as it runs in production there.
import { constructWebhookEvent, signWebhookPayload, verifyWebhookSignature } from '@lava-sdk/webhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const SECRET = 'whsec_edge_only_secret';
// HMAC-SHA256("{}", SECRET), computed with `printf '{}' | openssl dgst -sha256 -hmac whsec_edge_only_secret`.
const KNOWN = { body: '{}', signature: '10d03a2d88b307c6f4ee9e4e5bed197c08c2a3f9b8f65d698767a3cf0712e574' };

describe('on the edge runtime', () => {
  // vitest's edge environment still exposes Node's Buffer; hide it, as Workers and Vercel Edge do.
  beforeEach(() => vi.stubGlobal('Buffer', undefined));
  afterEach(() => vi.unstubAllGlobals());

  it('runs without Node’s Buffer', () => {
    expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
    expect(typeof globalThis.crypto.subtle.sign).toBe('function');
  });

  it('signs, verifies and constructs with WebCrypto', async () => {
    const body = JSON.stringify({
      event: 'customer.created',
      data: { customer_id: 'con_1', note: 'héllo 🌋' },
    });
    const signature = await signWebhookPayload(body, SECRET);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyWebhookSignature(body, signature, SECRET)).isOk()).toBe(true);
    expect((await verifyWebhookSignature(new TextEncoder().encode(body), signature, SECRET)).isOk()).toBe(
      true,
    );
    expect((await constructWebhookEvent(body, signature, SECRET))._unsafeUnwrap().data.customer_id).toBe(
      'con_1',
    );
    expect((await verifyWebhookSignature(`${body} `, signature, SECRET))._unsafeUnwrapErr().kind).toBe(
      'invalid_params',
    );
  });

  it('matches a digest computed elsewhere', async () => {
    expect(await signWebhookPayload(KNOWN.body, SECRET)).toBe(KNOWN.signature);
  });
});
