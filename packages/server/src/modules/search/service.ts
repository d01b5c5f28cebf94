import {
  type Language,
  SEARCH_QUERY_MAX,
  SEARCH_TYPES,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchType,
} from '@plenum/shared';
import type { Ctx, Tx } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { firstMatch, parseQuery, type QueryPhrase, snippetAt, snippetTerms } from './analysis.ts';
import * as repo from './repository.ts';

/** Deepest result reachable by paging; relevance past it is noise and costs a full sort. */
const MAX_OFFSET = 10_000;

function unprocessableQuery(message: string): AppError {
  return new AppError('unprocessable', message, { errors: [{ path: 'query.q', message }] });
}

function emptyFacets(): Record<SearchType, number> {
  return Object.fromEntries(SEARCH_TYPES.map((t) => [t, 0])) as Record<SearchType, number>;
}

function noneCapped(): Record<SearchType, boolean> {
  return Object.fromEntries(SEARCH_TYPES.map((t) => [t, false])) as Record<SearchType, boolean>;
}

function offsetOf(cursor: string | undefined): number {
  const [value] = decodeCursor(cursor, 1) ?? [0];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_OFFSET) {
    throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
  }
  return value;
}

/**
 * The snippet from the preferred language's text when it matches, else from the other one;
 * without a match (a title hit), the start of the text in the first language that has one.
 * The match is located in each language first and the excerpt built once, for the chosen one.
 */
export function snippetFor(
  body: Partial<Record<Language, string>>,
  phrases: QueryPhrase[],
  preferred: Language | undefined,
): Pick<SearchHit, 'snippet' | 'snippetLanguage'> {
  const order: Language[] = preferred === 'ru' ? ['ru', 'en'] : ['en', 'ru'];
  const terms = snippetTerms(phrases);
  for (const lang of order) {
    const text = body[lang];
    const at = text ? firstMatch(text, terms) : -1;
    if (text && at !== -1) {
      return { snippet: snippetAt(text, terms, at), snippetLanguage: lang };
    }
  }
  for (const lang of order) {
    const text = body[lang];
    const segments = text ? snippetAt(text, terms, -1) : [];
    if (segments.length > 0) {
      return { snippet: segments, snippetLanguage: lang };
    }
  }
  return { snippet: [], snippetLanguage: null };
}

/**
 * Full-text search over what the caller may read (DESIGN §3: anonymous callers find public
 * meetings, their public agenda items and public documents; restricted documents only per their
 * access list). Facets count per type under the same access filter, exactly up to
 * searchLimits.facetCap (then `facetsCapped`).
 */
export async function search(ctx: Ctx, query: SearchQuery): Promise<SearchResult> {
  const text = query.q.trim();
  if (text.length === 0) {
    throw unprocessableQuery('Type what to search for.');
  }
  if (text.length > SEARCH_QUERY_MAX) {
    throw unprocessableQuery('The search query is longer than 200 characters.');
  }
  const offset = offsetOf(query.cursor);
  const phrases = parseQuery(text);
  if (phrases.length === 0) {
    // Only punctuation or operators: nothing to look for, which is not an error.
    return { items: [], nextCursor: null, facets: emptyFacets(), facetsCapped: noneCapped() };
  }
  const lookup = async (db: Tx) => {
    const filter: repo.SearchFilter = {
      phrases,
      actor: ctx.actor,
      type: query.type,
      admitted: await repo.admittedEntries(db, ctx.actor, ctx.db),
    };
    const { counts, restricted } = await repo.countByType(db, ctx.dialect, filter);
    if (restricted === 0) {
      // No admitted restricted entry matches: the ranking need not look for them.
      filter.admitted = null;
    }
    const cap = repo.searchLimits.facetCap;
    const relevant = query.type ? [counts.get(query.type) ?? 0] : [...counts.values()];
    const matches = relevant.reduce((a, b) => a + b, 0);
    const capped = relevant.some((n) => n > cap);
    const ids =
      capped || matches > offset
        ? await repo.rankedIds(db, ctx.dialect, filter, {
            limit: query.limit + 1,
            offset,
            matches,
            capped,
          })
        : [];
    const shown = ids.slice(0, query.limit);
    const rows = shown.length > 0 ? await repo.loadEntries(db, ctx.dialect, shown) : [];
    return { counts, ids, shown, entries: new Map(rows.map((e) => [e.id, e])) };
  };
  // PostgreSQL: one snapshot, so the facets and the page agree, and index scans preferred.
  const { counts, ids, shown, entries } =
    ctx.dialect === 'postgres'
      ? await ctx.db.transaction().execute(async (trx) => {
          await repo.preferIndexScans(trx);
          return lookup(trx);
        })
      : await lookup(ctx.db);
  const items: SearchHit[] = [];
  for (const id of shown) {
    const entry = entries.get(id);
    if (!entry) {
      continue;
    }
    const { hit, body } = repo.mapEntry(entry);
    items.push({ ...hit, ...snippetFor(body, phrases, query.lang) });
  }
  // Counts stop at the cap (a broad query's exact count costs a read of every match).
  const facets = emptyFacets();
  const facetsCapped = noneCapped();
  for (const type of SEARCH_TYPES) {
    const n = counts.get(type) ?? 0;
    facets[type] = Math.min(n, repo.searchLimits.facetCap);
    facetsCapped[type] = n > repo.searchLimits.facetCap;
  }
  return {
    items,
    nextCursor:
      ids.length > query.limit && offset + query.limit <= MAX_OFFSET
        ? encodeCursor([offset + query.limit])
        : null,
    facets,
    facetsCapped,
  };
}
