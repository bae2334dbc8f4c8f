import type { LavaError } from '@lava-sdk/core';
import { credentialValues, keepSent, lavaError } from '@lava-sdk/core/internal';

const MASK = '[redacted]';

function hide(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string')
    return secrets.reduce((text, secret) => text.split(secret).join(MASK), value);
  if (depth > 20 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => hide(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = hide(item, secrets, depth + 1);
  return out;
}

/**
 * A copy of the error with every occurrence of the given values (the one-time code, say) masked in its
 * message and body. Core already masks credential-shaped text; a login code has no recognisable shape,
 * and an API that echoes it back (`invalid code abc…`) would otherwise put it in the message.
 */
export function scrubError(error: LavaError, secrets: readonly unknown[]): LavaError {
  const list = credentialValues(secrets);
  if (list.length === 0) return error;
  const {
    kind,
    name: _name,
    ...fields
  } = { ...error } as Record<string, unknown> & { kind: LavaError['kind'] };
  if ('body' in fields) fields.body = hide(fields.body, list);
  const copy = lavaError(kind, hide(error.message, list) as string, fields as never, error.cause);
  // What a 2xx sent (not enumerable, so not in the spread) stays as it came: it may be the new secret key.
  return error.kind === 'invalid_response'
    ? keepSent(copy, { body: error.body, rawBody: error.rawBody })
    : copy;
}
