// Internal: HMAC-SHA256 webhook signatures with WebCrypto only (no node:crypto, no Buffer), so the
// verification code runs unchanged on Node, Workers, Vercel Edge, Deno, Bun and browsers.
// Nothing here may put the secret into an error: messages only ever describe it.
import type { LavaError, LavaIssue } from '@lava-sdk/core';
import { lavaError } from '@lava-sdk/core/internal';
import { errAsync, okAsync, ResultAsync } from 'neverthrow';

/** A webhook body exactly as received: text, or the raw bytes. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** The signature header value as frameworks hand it over (Node gives `string[]` for repeated headers). */
export type SignatureHeader = string | readonly string[] | null | undefined;

const DIGEST_HEX_LENGTH = 64;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  // Realm-safe: `instanceof` fails for buffers made in another realm (iframes, vm contexts).
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

/** The body's bytes, copied into a fresh ArrayBuffer-backed array; or what is wrong with it. */
export function bodyBytes(rawBody: unknown): Uint8Array<ArrayBuffer> | LavaIssue {
  const issue = (message: string): LavaIssue => ({ path: 'rawBody', message });
  if (typeof rawBody === 'string') {
    if (rawBody.length === 0) {
      return issue(
        'is empty: the body was probably already read by a body parser. Pass the raw body exactly as received',
      );
    }
    return new TextEncoder().encode(rawBody);
  }
  if (ArrayBuffer.isView(rawBody) || isArrayBuffer(rawBody)) {
    const view = isArrayBuffer(rawBody)
      ? new Uint8Array(rawBody)
      : new Uint8Array(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
    if (view.byteLength === 0) {
      return issue(
        'is empty: the body was probably already read by a body parser. Pass the raw body exactly as received',
      );
    }
    const copy = new Uint8Array(view.byteLength);
    copy.set(view);
    return copy;
  }
  if (rawBody === undefined || rawBody === null) {
    return issue('is missing: pass the raw request body exactly as received, e.g. `await request.text()`');
  }
  if (typeof rawBody === 'object') {
    const candidate = rawBody as { text?: unknown; getReader?: unknown; arrayBuffer?: unknown };
    if (typeof candidate.getReader === 'function' || typeof candidate.arrayBuffer === 'function') {
      return issue(
        'is a Request, Response, stream or Blob, not its content: read the body first, e.g. `await request.text()`',
      );
    }
    return issue(
      'must be the raw request body (a string, Uint8Array or ArrayBuffer) exactly as received, but a parsed ' +
        'object was passed. The signature covers the original bytes, and re-serialized JSON will not match: ' +
        'read the body with `await request.text()` (Express: `express.raw({ type: "application/json" })`) ' +
        'and verify before parsing it',
    );
  }
  return issue(`must be a string, Uint8Array or ArrayBuffer, not ${typeName(rawBody)}`);
}

/** What is wrong with the secret, if anything. The message never contains the secret. */
export function secretIssue(secret: unknown): LavaIssue | undefined {
  const issue = (message: string): LavaIssue => ({ path: 'secret', message });
  if (typeof secret !== 'string') {
    return issue(
      secret === undefined || secret === null
        ? 'is missing: pass the webhook_secret that createWebhook returned for this endpoint'
        : `must be a string, not ${typeName(secret)}`,
    );
  }
  if (secret.trim() === '') {
    return issue('is empty: check the environment variable or setting that should hold the webhook secret');
  }
  if (secret.trim() !== secret) {
    return issue(
      'has leading or trailing whitespace (often a newline from an env file or a copy-paste): trim it',
    );
  }
  if (/^aks_(?:live|test)_/.test(secret)) {
    return issue(
      'is a Lava API secret key, not a webhook secret: pass the webhook_secret returned when the webhook was created',
    );
  }
  return undefined;
}

/** The signature's digest bytes; or what is wrong with the header value. Never echoes the value. */
export function signatureBytes(signature: unknown, secret: unknown): Uint8Array | LavaIssue {
  const issue = (message: string): LavaIssue => ({ path: 'signature', message });
  let value = signature;
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      return issue(`must be one X-Webhook-Signature header value, but ${value.length} were given`);
    }
    value = value[0];
  }
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return issue(
      "is missing: pass the X-Webhook-Signature header, e.g. `request.headers.get('x-webhook-signature')`",
    );
  }
  if (typeof value !== 'string') return issue(`must be a string, not ${typeName(value)}`);
  const hex = value.trim();
  // Constant time: the header is compared with the secret itself here.
  const encode = (text: string) => new TextEncoder().encode(text);
  if (typeof secret === 'string' && secret !== '' && timingSafeEqual(encode(hex), encode(secret.trim()))) {
    return issue('equals the secret: check the argument order, (rawBody, signature, secret)');
  }
  if (hex.includes('=')) {
    return issue('must be the bare hex digest: Lava sends no prefix such as "sha256=" or "t="');
  }
  if (!/^[0-9a-fA-F]*$/.test(hex)) {
    return issue('must be a hexadecimal HMAC-SHA256 digest, but contains other characters');
  }
  if (hex.length !== DIGEST_HEX_LENGTH) {
    return issue(
      `must be ${DIGEST_HEX_LENGTH} hexadecimal characters (an HMAC-SHA256 digest), but has ${hex.length}`,
    );
  }
  const bytes = new Uint8Array(DIGEST_HEX_LENGTH / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function isIssue(value: unknown): value is LavaIssue {
  return !ArrayBuffer.isView(value);
}

/** One `invalid_params` error listing every problem found. */
export function invalidWebhookInput(
  issues: LavaIssue[],
  summary = 'Invalid webhook verification input',
): LavaError {
  const detail = issues.map((i) => `${i.path} ${i.message}`).join('; ');
  return lavaError('invalid_params', `${summary}: ${detail}`, { issues });
}

/** Lowercase hex of some bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * Byte equality whose running time depends only on the length of `given` (what the caller sent), never
 * on where the inputs differ nor on the length or content of `expected` (the secret material).
 */
export function timingSafeEqual(given: Uint8Array, expected: Uint8Array): boolean {
  let diff = given.length ^ expected.length;
  for (let i = 0; i < given.length; i++) diff |= given[i]! ^ (expected[i % expected.length] ?? 0);
  return diff === 0;
}

/** HMAC-SHA256 of `body` keyed by the UTF-8 bytes of `secret`, with WebCrypto. */
export function hmacSha256(
  secret: string,
  body: Uint8Array<ArrayBuffer>,
): ResultAsync<Uint8Array, LavaError> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) {
    return errAsync(
      lavaError(
        'config',
        'Webhook verification needs WebCrypto (globalThis.crypto.subtle), which this runtime does not provide',
      ),
    );
  }
  const run = async () => {
    const key = await subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return new Uint8Array(await subtle.sign('HMAC', key, body));
  };
  // The cause is WebCrypto's own error, which never contains key material.
  return ResultAsync.fromPromise(run(), (cause) =>
    lavaError('config', 'WebCrypto failed to compute the HMAC-SHA256 signature', undefined, cause),
  );
}

/** Validates body and secret, then signs: the shared core of signing and verifying. */
export function sign(
  rawBody: unknown,
  secret: unknown,
): ResultAsync<{ body: Uint8Array; digest: Uint8Array }, LavaError> {
  const body = bodyBytes(rawBody);
  const issues: LavaIssue[] = [];
  if (isIssue(body)) issues.push(body);
  const bad = secretIssue(secret);
  if (bad) issues.push(bad);
  if (issues.length > 0 || isIssue(body))
    return errAsync(invalidWebhookInput(issues, 'Cannot sign webhook payload'));
  return hmacSha256(secret as string, body).map((digest) => ({ body, digest }));
}

/**
 * Checks the inputs (all problems reported at once), computes the expected digest and compares it with
 * the given one in constant time. On success returns the body bytes, for parsing.
 */
export function verify(
  rawBody: unknown,
  signature: unknown,
  secret: unknown,
): ResultAsync<Uint8Array, LavaError> {
  const body = bodyBytes(rawBody);
  const given = signatureBytes(signature, secret);
  const issues: LavaIssue[] = [];
  if (isIssue(body)) issues.push(body);
  if (isIssue(given)) issues.push(given);
  const bad = secretIssue(secret);
  if (bad) issues.push(bad);
  if (issues.length > 0 || isIssue(body) || isIssue(given)) return errAsync(invalidWebhookInput(issues));
  return hmacSha256(secret as string, body).andThen((expected) => {
    if (timingSafeEqual(given, expected)) return okAsync(body as Uint8Array);
    const message =
      'does not match the body and secret. Check that rawBody is the body exactly as received (not parsed and ' +
      're-serialized, not re-encoded by a proxy) and that the secret is the webhook_secret of this endpoint';
    return errAsync(
      invalidWebhookInput([{ path: 'signature', message }], 'Webhook signature verification failed'),
    );
  });
}
