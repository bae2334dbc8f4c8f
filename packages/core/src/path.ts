/**
 * Percent-encodes one path parameter. Returns undefined for values that could change which
 * endpoint is called: non-strings, empty strings, `.` and `..`.
 */
export function encodePathParam(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') return undefined;
  return encodeURIComponent(value);
}
