import { credentialValues, redactAll } from './credentials';

/**
 * Masks a call's credentials in server text, keeping at most about `max` characters of it. With `valuesOnly`,
 * only the call's own credential values: text that may hold a new credential (a create-key response) keeps it.
 */
export type Scrub = (text: string, max: number, valuesOnly?: boolean) => string;

/**
 * The scrubber of one call: masks its {@link credentialValues} however a server echoed them, one character at a time raw, `\`-escaped,
 * JSON-escaped (`\u005f`) or percent-encoded; then credential query parameters and credential shapes.
 */
export function scrubber(secrets: readonly unknown[]): Scrub {
  const values = credentialValues(secrets);
  // Built only for text that may hold a value: most calls never need it.
  let pattern: RegExp | undefined;
  const maskValues = (text: string) => {
    if (values.length > 0 && (/[\\%]/.test(text) || values.some((s) => text.includes(s)))) {
      pattern ??= new RegExp(
        values
          .map((s) =>
            s.replace(/[\s\S]/g, (c) => {
              const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
              return `(?:\\\\?\\u${hex}|\\\\u${hex}|%${hex.slice(2)})`;
            }),
          )
          .join('|'),
        'gi',
      );
      text = text.replace(pattern, '[redacted]');
    }
    return text;
  };
  const clean = (text: string) => redactAll(maskValues(text));
  return (text, max, valuesOnly) => {
    if (valuesOnly) return maskValues(text);
    if (text.length <= max) return clean(text);
    // Past the cut too, then without a margin as long as the longest form a value takes (six characters
    // for each of its own, JSON-escaped): a credential across the cut is not kept in part.
    const margin = 6 * Math.max(8, ...values.map((s) => s.length));
    const kept = clean(text.slice(0, max + margin));
    return `${kept.slice(0, kept.length - margin)}…`;
  };
}

/** A copy of parsed JSON at most `depth` levels deep, so serialising it can never overflow the stack. */
export function shallow(value: unknown, depth = 16): unknown {
  return typeof value !== 'object' || value === null
    ? value
    : depth === 0
      ? '[too deep]'
      : Array.isArray(value)
        ? value.map((item) => shallow(item, depth - 1))
        : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shallow(v, depth - 1)]));
}

/**
 * A plain, scrubbed copy of a cause chain (name, message, code; four deep): the originals can hold the
 * request's headers, in properties or behind getters.
 */
export function plainCause(cause: unknown, scrub: Scrub, depth = 4): Record<string, unknown> {
  try {
    const { name, message, code, cause: next } = Object(cause) as Record<string, unknown>;
    const copy: Record<string, unknown> = {
      name: scrub(String(name ?? typeof cause), 100),
      message: scrub(String(message ?? cause), 1_000),
    };
    if (typeof code === 'string') copy.code = scrub(code, 100);
    if (next != null && depth > 1) copy.cause = plainCause(next, scrub, depth - 1);
    return copy;
  } catch {
    return { name: 'Error', message: 'unreadable cause' };
  }
}
