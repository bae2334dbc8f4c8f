import { credentialValues } from './scrub';

/** Headers that carry credentials, by name: `authorization`, `api-key`, `x-goog-api-key`, `x-auth-token`, … */
export const CREDENTIAL_HEADER =
  /^(?!idempotency-key$).*(auth|cookie|key|token|secret|signature|credential|password)/i;

/**
 * A copy of the headers for logs, masking every credential header and any value that holds one of the
 * call's credential values.
 */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: readonly unknown[] = [],
): Record<string, string> {
  const values = credentialValues(secrets);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] =
      CREDENTIAL_HEADER.test(name) || values.some((s) => String(value).includes(s)) ? '[redacted]' : value;
  return out;
}
