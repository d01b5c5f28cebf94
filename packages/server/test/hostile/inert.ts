import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type HtmlElement, Parser, StaticConfigLoader } from 'html-validate';

let parser: Parser | undefined;

/** A real HTML parser (html-validate's), so checks see elements as a browser would build them. */
export async function parseHtml(html: string): Promise<HtmlElement> {
  if (!parser) {
    parser = new Parser(await new StaticConfigLoader().getConfigFor('inline'));
  }
  return parser.parseHtml(html);
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
const EMBEDDING = new Set(['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'form', 'meta']);

/**
 * What in an HTML document could run script: event-handler attributes, script elements other
 * than JSON-LD (which must parse as JSON), javascript:/data: URLs, frames and embeds, and meta
 * refreshes. `allowMeta` lets the page's own <meta> tags through (the portal's head has them).
 */
export async function executableMarkup(html: string): Promise<string[]> {
  let root: HtmlElement;
  try {
    root = await parseHtml(html);
  } catch (error) {
    // Markup broken enough to stop a parser was not written by our escaping templates.
    return [`unparseable: ${String(error).slice(0, 100)}`];
  }
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      const key = attr.key.toLowerCase();
      const value = typeof attr.value === 'string' ? attr.value : '';
      if (key.startsWith('on')) {
        found.push(`<${tag} ${key}=…>`);
      }
      if (
        URL_ATTRIBUTES.includes(key) &&
        // Browsers skip whitespace and control characters inside a scheme (java\tscript:).
        /^\s*(javascript|vbscript|data:text\/html|data:image\/svg)/i.test(
          // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is removed
          value.replace(/[\s\u0000-\u001f]/g, ''),
        )
      ) {
        found.push(`<${tag} ${key}="${value.slice(0, 40)}">`);
      }
    }
    if (tag === 'script') {
      const type = el.getAttribute('type')?.value;
      if (type !== 'application/ld+json') {
        found.push(`<script type=${String(type)}>`);
      } else {
        try {
          JSON.parse(el.textContent);
        } catch {
          found.push('JSON-LD that does not parse (closed early?)');
        }
      }
    }
    if (tag === 'meta' && /refresh/i.test(String(el.getAttribute('http-equiv')?.value ?? ''))) {
      found.push('<meta http-equiv=refresh>');
    } else if (EMBEDDING.has(tag) && tag !== 'meta') {
      found.push(`<${tag}>`);
    }
    if (
      tag === 'svg' ||
      tag === 'math' ||
      tag === 'details' ||
      (tag === 'img' && el.getAttribute('src')?.value === 'x')
    ) {
      found.push(`<${tag}> from a payload`);
    }
  }
  return found;
}

/** The JSON-LD blocks of a page, parsed. */
export async function jsonLd(html: string): Promise<unknown[]> {
  const root = await parseHtml(html);
  return root
    .querySelectorAll('script')
    .filter((s) => s.getAttribute('type')?.value === 'application/ld+json')
    .map((s) => JSON.parse(s.textContent));
}

function tempFile(name: string, bytes: Buffer | string): { file: string; done: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-inert-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { file, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** xmllint's verdict: null when well-formed, else its complaint. */
export function xmlProblem(xml: Buffer | string): string | null {
  const { file, done } = tempFile('doc.xml', xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', file], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).slice(0, 500);
  } finally {
    done();
  }
}

/** The text of a PDF (pdftotext), whitespace collapsed. */
export function pdfText(pdf: Buffer): string {
  const { file, done } = tempFile('doc.pdf', pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
      .toString('utf8')
      .replace(/\s+/g, ' ');
  } finally {
    done();
  }
}

/** One part of a ZIP-based office file (unzip -p). */
export function zipPart(zip: Buffer, part: string): string {
  const { file, done } = tempFile('doc.zip', zip);
  try {
    return execFileSync('unzip', ['-p', file, part], { maxBuffer: 64 * 1024 * 1024 }).toString(
      'utf8',
    );
  } finally {
    done();
  }
}

/** Text with the entities an HTML or XML escaper writes turned back into characters. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** The text runs of WordprocessingML, entities decoded, joined without separators. */
export function wordText(documentXml: string): string {
  return decodeEntities(
    [...documentXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''),
  );
}

/** A CSV document's fields (RFC 4180 quoting). */
export function csvFields(csv: string): string[] {
  const fields: string[] = [];
  const re = /(?:^|,|\r\n)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/g;
  for (const m of csv.replace(/^\uFEFF/, '').matchAll(re)) {
    fields.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? ''));
  }
  return fields;
}

/** iCalendar content lines, unfolded (RFC 5545 §3.1). */
export const icsLines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
