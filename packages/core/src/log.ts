const SENSITIVE_HEADER =
  /^(authorization|proxy-authorization|x-api-key|x-goog-api-key|xi-api-key|cookie|set-cookie)$/i;

/** A copy of the headers with every credential-bearing value masked, for logs. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = SENSITIVE_HEADER.test(name) ? '[redacted]' : value;
  return out;
}
