// The one list of what a credential looks like: by shape, by the name of the header or query parameter
// that carries it, and which of a call's values are masked by value. Error messages, server text kept in
// errors and log lines are all masked by these rules, so a fix here reaches every one of them.

// Credential shapes: secret, spend, wallet and connection keys, bearer values, forward tokens (base64 of
// `{"secret_key":"…`), whole or cut, and the user and password of a URL (`https://user:pass@host`).
const SHAPE =
  /\b(?:aks|lava_sk|lava_wk|cons)_[A-Za-z0-9_-]+|(Bearer\s+)[^\s"',]+|eyJzZWNyZXRfa2V5Ijoi[\w+/=%-]*|(\/\/)[^\s/?#@"'<>\\]+@/g;

/**
 * Whether text could hold a credential shape or a credential query parameter (a `?`, `&`, `%` or `\`):
 * one test that lets short clean text (a request id) skip both replacements.
 */
const MAY_HOLD = new RegExp(`[?&%\\\\]|${SHAPE.source}`);

/** {@link redact} and {@link redactQuery} together. */
export function redactAll(text: string): string {
  return MAY_HOLD.test(text) ? redact(redactQuery(text)) : text;
}

/** Masks anything shaped like a credential in a piece of text. */
export function redact(text: string): string {
  return text.replace(SHAPE, (_m, bearer?: string, slashes?: string) =>
    slashes ? `${slashes}[redacted]@` : `${bearer ?? ''}[redacted]`,
  );
}

// A name holding one of these words carries a credential (`authorization`, `x-goog-api-key`,
// `x-auth-token`, `api_key`, `hub.signature`); `sig` only as a word of its own, so `design` is no credential.
const CREDENTIAL_NAME =
  /auth|cookie|key|token|secret|signature|credential|password|(?:^|[_.-])sig(?:$|[_.-])/i;

/**
 * True for the name of a header or query parameter that carries a credential. An idempotency key is not
 * one: it is logged, so a retried request can be matched to its first try.
 */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !/^idempotency[_-]key$/i.test(name);
}

// A query parameter, raw, percent-encoded inside another URL (the gateway's `u=` target) or after a
// JSON-escaped `&` (`\u0026`): its lead-in and name, then its value up to the next separator.
const QUERY_PARAM = /((?:[?&]|%3F|%26|\\u0026)([\w.-]+)(?:=|%3D))((?:(?!%26)[^&#\s"'<>\\])+)/gi;

/** Masks the values of credential query parameters ({@link isCredentialName}) wherever a URL appears in text. */
export function redactQuery(text: string): string {
  return text.replace(QUERY_PARAM, (param, lead: string, name: string) =>
    isCredentialName(name) ? `${lead}[redacted]` : param,
  );
}

/**
 * The values of `secrets` masked by value: strings of 6 characters or more. Shorter ones are not real
 * credentials, and masking them would mangle ordinary words of a message.
 */
export function credentialValues(secrets: readonly unknown[]): string[] {
  return secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
}

/**
 * A copy of the headers for logs, masking every credential header ({@link isCredentialName}) and any value
 * that holds one of the call's credential values.
 */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: readonly unknown[] = [],
): Record<string, string> {
  const values = credentialValues(secrets);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] =
      isCredentialName(name) || values.some((s) => String(value).includes(s)) ? '[redacted]' : value;
  return out;
}
