/**
 * A tiny HTML template helper: tagged template literals whose interpolations are escaped unless
 * they are already-safe HTML (another template, or `raw` for trusted rendered Markdown). Plain
 * functions keep rendering cheap (DESIGN §6: a news page at ≥ 50% of a bare route).
 */

/** A string known to be safe HTML. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const ESCAPABLE = /[&<>"']/g;
// A separate non-global pattern: test() on a global one would carry lastIndex between calls.
const NEEDS_ESCAPE = /[&<>"']/;

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPABLE, (c) => ESCAPES[c] as string) : value;
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) {
    return '';
  }
  if (part instanceof SafeHtml) {
    return part.value;
  }
  if (Array.isArray(part)) {
    let out = '';
    for (const p of part as readonly Part[]) {
      out += render(p);
    }
    return out;
  }
  return escapeHtml(String(part));
}

/** `html\`<p>${text}</p>\`` escapes `text`; nested templates and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Trusted HTML: only for output of platform/markdown.ts and of this module's own templates. */
export const raw = (value: string): SafeHtml => new SafeHtml(value);

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` become \u escapes so
 * no text (such as `</script>` in a title) can end the element or open a comment; U+2028/9 too.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
