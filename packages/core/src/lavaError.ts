import { type LavaError, type LavaErrorFields, type LavaErrorKind, rawLavaError } from './errors';
import { redact } from './redact';

/** Creates a LavaError of the given kind; the message is redacted of anything credential-shaped. */
export function lavaError<K extends LavaErrorKind>(
  kind: K,
  message: string,
  fields?: LavaErrorFields<K>,
  cause?: unknown,
): Extract<LavaError, { kind: K }> {
  return rawLavaError(kind, redact(message), fields, cause);
}
