// HTML built by a tagged template that escapes every interpolated value: customer names, metadata and plan
// names are user data, and nothing reaches the page unescaped unless it is already `SafeHtml`.

/** Markup that is already escaped (the result of `html\`…\``). */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c] as string);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * A tagged template for HTML: `${value}` is escaped; `SafeHtml` (another `html` result) and arrays of them
 * are inserted as they are; `null`, `undefined` and `false` render nothing.
 *
 * @example
 * ```ts fragment
 * html`<td>${customer.name}</td>`.value; // '<td>&lt;img src=x onerror=alert(1)&gt;</td>'
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the JS line separators are
 * written as `\u` escapes, so no value can close the script element or open a comment.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value).replace(
      /[<>&\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  );
}
