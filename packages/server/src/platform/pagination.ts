import type { Page } from '@plenum/shared';
import { invalid } from './errors.ts';

type CursorValue = string | number | null;

/** Encodes the sort key of the last row of a page as an opaque cursor. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; anything else is a 400 on `query.cursor`. */
export function decodeCursor(cursor: string | undefined, arity: number): CursorValue[] | null {
  if (cursor === undefined) {
    return null;
  }
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values as CursorValue[];
    }
  } catch {
    // reported below
  }
  throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only tells that more exist.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  key: (row: R) => CursorValue[],
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map(map),
    nextCursor: more && last !== undefined ? encodeCursor(key(last)) : null,
  };
}
