import type { LocalizedText } from '@plenum/shared';

/** Parses a stored LocalizedText column. */
export const parseText = (value: string): LocalizedText => JSON.parse(value) as LocalizedText;
export const parseTextOrNull = (value: string | null): LocalizedText | null =>
  value === null ? null : parseText(value);
export const storeText = (value: LocalizedText | null | undefined): string | null =>
  value ? JSON.stringify(value) : null;

/**
 * Lower-cased text of every language, for case-insensitive matching that works for Cyrillic on
 * both databases (SQLite's lower() folds ASCII only).
 */
export function searchText(...parts: (LocalizedText | string | null | undefined)[]): string {
  const words: string[] = [];
  for (const part of parts) {
    if (!part) {
      continue;
    }
    if (typeof part === 'string') {
      words.push(part);
    } else {
      for (const value of Object.values(part)) {
        if (value) {
          words.push(value);
        }
      }
    }
  }
  return words.join(' \u0001 ').toLocaleLowerCase('ru');
}

/** A LIKE pattern matching `q` anywhere, with LIKE's wildcards escaped (use ESCAPE '\'). */
export function likePattern(q: string): string {
  return `%${q.toLocaleLowerCase('ru').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
