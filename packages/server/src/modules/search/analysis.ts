import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import type { Language, SnippetSegment } from '@plenum/shared';
import MarkdownIt from 'markdown-it';

/**
 * Words to index terms, the same way at index and at query time on both databases: lower-cased,
 * ё folded to е, each word stemmed by the Snowball stemmer of its script (Cyrillic: Russian,
 * Latin: English; digits as they are). Stemming by script rather than by the field's language
 * handles the Latin names and abbreviations in Russian texts and the reverse.
 */

// Letters and digits; everything else separates words (punctuation, FTS syntax, quotes).
const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
/** Longer "words" are noise (hashes, base64) and would only bloat the index. */
const MAX_WORD = 40;

const normalize = (word: string) => word.toLowerCase().replaceAll('ё', 'е');

/** The index term of one lower-cased word. */
export function stemWord(word: string): string {
  if (CYRILLIC.test(word)) {
    return russianStem(word);
  }
  if (LATIN.test(word)) {
    return englishStem(word);
  }
  return word;
}

/** The terms of a text, in order, space-separated (what the FTS index and tsvector receive). */
export function termsOf(text: string): string {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word.length <= MAX_WORD) {
      out.push(stemWord(normalize(word)));
    }
  }
  return out.join(' ');
}

/** Query terms grouped by the chunk they came from: a chunk of several words is a phrase. */
export type QueryPhrase = string[];

/** Most phrases a query may have; further words are ignored rather than refused. */
export const MAX_QUERY_PHRASES = 12;

/**
 * The phrases of a user's query. Whitespace separates phrases; any other character (/, -, ",
 * *, parentheses) separates words within one. So "21/3" is the phrase 21 3, and FTS operators
 * typed by the user (NEAR, AND, *, ^) are just words or nothing. Duplicates are dropped.
 */
export function parseQuery(q: string): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  const seen = new Set<string>();
  for (const chunk of q.split(/\s+/u)) {
    const words = [...chunk.matchAll(WORD)]
      .map((m) => m[0])
      .filter((w) => w.length <= MAX_WORD)
      .map((w) => stemWord(normalize(w)));
    const key = words.join(' ');
    if (words.length > 0 && !seen.has(key)) {
      seen.add(key);
      phrases.push(words);
    }
    if (phrases.length >= MAX_QUERY_PHRASES) {
      break;
    }
  }
  return phrases;
}

/**
 * Index tokens naming an entry's type and audience. They start with a private-use character,
 * which the FTS5 tokenizer keeps in a token but no word of a text or a query ever contains, so
 * they cannot be matched or forged by what users type.
 */
const TAG = '\ue000';
export const typeTag = (type: string) => `${TAG}t${type.replaceAll('_', '')}`;
export const audienceTag = (audience: string) => `${TAG}a${audience}`;
export const tagsOf = (type: string, audience: string) =>
  `${typeTag(type)} ${audienceTag(audience)}`;

/**
 * An FTS5 MATCH expression: each phrase double-quoted (the terms hold letters and digits only),
 * all required, and with `anyOf` groups of tags of which one must be present.
 */
export function fts5Match(phrases: QueryPhrase[], ...anyOf: string[][]): string {
  const parts = phrases.map((p) => `"${p.join(' ')}"`);
  for (const tags of anyOf) {
    parts.push(`(${tags.map((t) => `"${t}"`).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

/** A to_tsquery('simple', …) expression: phrases joined by <->, all of them required. */
export function tsQuery(phrases: QueryPhrase[]): string {
  return phrases.map((p) => `(${p.map((t) => `'${t}'`).join(' <-> ')})`).join(' & ');
}

// ---- Plain text for snippets -----------------------------------------------------------------

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The words of Markdown without its markup (link targets and emphasis marks dropped). */
export function markdownToText(source: string): string {
  const blocks: string[] = [];
  for (const token of md.parse(source, {})) {
    if (token.type === 'inline') {
      const parts: string[] = [];
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') {
          parts.push(child.content);
        } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
          parts.push(' ');
        }
      }
      blocks.push(parts.join(''));
    } else if (token.type === 'code_block' || token.type === 'fence') {
      blocks.push(token.content.trim());
    }
  }
  return blocks.filter((b) => b.length > 0).join('\n');
}

/** 'ru' when most letters are Cyrillic, 'en' when there are letters, else null. */
export function dominantLanguage(text: string): Language | null {
  let cyrillic = 0;
  let latin = 0;
  // A sample is enough to tell the script, and bounds the work for long files.
  for (const ch of text.slice(0, 20_000)) {
    if (CYRILLIC.test(ch)) {
      cyrillic += 1;
    } else if (LATIN.test(ch)) {
      latin += 1;
    }
  }
  if (cyrillic === 0 && latin === 0) {
    return null;
  }
  return cyrillic > latin ? 'ru' : 'en';
}

// ---- Snippets --------------------------------------------------------------------------------

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 240;
/** Text scanned for matches: enough for any realistic first hit, bounded for huge files. */
const SCAN_LIMIT = 100_000;

interface Span {
  start: number;
  end: number;
}

/**
 * Where the query's terms occur in `text`, in order, up to `stop` characters after the first.
 * `lower` is `text` normalized, when that kept its length (positions map one to one): each word
 * is then a slice of it rather than a lower-cased copy. A cheap prefix test skips most words before
 * stemming them: a stem starts like its word, but for a changed last letter (policy → polici).
 */
function findMatches(text: string, lower: string | null, terms: Set<string>, stop: number): Span[] {
  const prefixes = [...terms].map((t) => t.slice(0, Math.max(1, t.length - 1)));
  const spans: Span[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (spans.length > 0 && start > stop + (spans[0]?.start ?? 0)) {
      break;
    }
    const end = start + match[0].length;
    const word = lower === null ? normalize(match[0]) : lower.slice(start, end);
    if (!prefixes.some((p) => word.startsWith(p))) {
      continue;
    }
    if (terms.has(stemWord(word))) {
      spans.push({ start, end });
    }
  }
  return spans;
}

/** Moves `at` back (or forward) to the nearest space so the excerpt does not cut a word. */
function wordBoundary(text: string, at: number, backwards: boolean): number {
  if (at <= 0) {
    return 0;
  }
  if (at >= text.length) {
    return text.length;
  }
  const space = backwards ? text.lastIndexOf(' ', at) : text.indexOf(' ', at);
  const limit = 20;
  if (space === -1 || Math.abs(space - at) > limit) {
    return at;
  }
  return backwards ? space + 1 : space;
}

const WORD_AT = /[\p{L}\p{N}]+/uy;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where the first word of `text` (up to SCAN_LIMIT) whose term is one of `terms` starts, or -1.
 * Native substring search for each term's prefix finds the candidates; only those are stemmed,
 * so a long text without a match (a title hit's file text) costs a few indexOf calls, not a
 * regular-expression walk over every word.
 */
export function firstMatch(text: string, terms: Set<string>): number {
  const scanned = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  const lower = normalize(scanned);
  if (lower.length !== scanned.length) {
    // Lower-casing changed lengths (rare letters): positions would not map; walk the words.
    for (const match of scanned.matchAll(WORD)) {
      if (terms.has(stemWord(normalize(match[0])))) {
        return match.index;
      }
    }
    return -1;
  }
  let best = -1;
  for (const term of terms) {
    const prefix = term.slice(0, Math.max(1, term.length - 1));
    let at = lower.indexOf(prefix);
    while (at !== -1 && (best === -1 || at < best)) {
      if (at === 0 || !WORD_CHAR.test(lower[at - 1] as string)) {
        WORD_AT.lastIndex = at;
        const word = WORD_AT.exec(lower)?.[0];
        if (word && stemWord(word) === term) {
          best = at;
          break;
        }
      }
      at = lower.indexOf(prefix, at + 1);
    }
  }
  return best;
}

/** Raw characters taken around the first match before compacting whitespace (generous). */
const WINDOW_BEFORE = SNIPPET_BEFORE * 8;
const WINDOW_AFTER = SNIPPET_LENGTH * 8;

/** The terms a snippet looks for: every term of the query's phrases. */
export const snippetTerms = (phrases: QueryPhrase[]) => new Set(phrases.flat());

const NON_SPACE = /\S/g;

/** Whether `text` has anything but whitespace in [from, to) (without copying it). */
function hasContent(text: string, from: number, to: number): boolean {
  NON_SPACE.lastIndex = from;
  const found = NON_SPACE.exec(text);
  return found !== null && found.index < to;
}

/**
 * An excerpt of `text` around its first match of the query's terms at `at` (firstMatch), as
 * segments: matched words flagged, everything else plain; with `at` -1, the start of the text.
 * Only a window around the match is compacted and scanned, whatever the length of the text.
 */
export function snippetAt(text: string, terms: Set<string>, at: number): SnippetSegment[] {
  const from = at > WINDOW_BEFORE ? at - WINDOW_BEFORE : 0;
  const to = Math.min(text.length, Math.max(at, 0) + WINDOW_AFTER);
  const compact = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (compact.length === 0) {
    return [];
  }
  const lower = normalize(compact);
  const spans =
    at === -1
      ? []
      : findMatches(
          compact,
          lower.length === compact.length ? lower : null,
          terms,
          SNIPPET_LENGTH - SNIPPET_BEFORE,
        );
  const first = spans[0];
  const start = first ? wordBoundary(compact, first.start - SNIPPET_BEFORE, true) : 0;
  const end = wordBoundary(compact, start + SNIPPET_LENGTH, false);
  const segments: SnippetSegment[] = [];
  let cursor = start;
  const plain = (upTo: number) => {
    if (upTo > cursor) {
      segments.push({ text: compact.slice(cursor, upTo), match: false });
    }
  };
  for (const span of spans) {
    if (span.start < cursor || span.end > end) {
      continue;
    }
    plain(span.start);
    segments.push({ text: compact.slice(span.start, span.end), match: true });
    cursor = span.end;
  }
  plain(end);
  if (start > 0 || (from > 0 && hasContent(text, 0, from))) {
    segments.unshift({ text: '… ', match: false });
  }
  if (end < compact.length || (to < text.length && hasContent(text, to, text.length))) {
    segments.push({ text: ' …', match: false });
  }
  return segments;
}
