/**
 * Percent-encodes one path parameter. Returns undefined for values that could change which
 * endpoint is called (non-strings, empty strings, `.` and `..`) and for strings that cannot be encoded.
 */
export function encodePathParam(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') return undefined;
  try {
    return encodeURIComponent(value);
  } catch {
    return undefined; // a lone UTF-16 surrogate cannot be encoded
  }
}
