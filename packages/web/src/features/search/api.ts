import type { SearchResult, SearchType } from '@plenum/shared';
import { api } from '../../app/api.ts';

/** The types search finds, in the order the filters show them. */
export const TYPES: SearchType[] = [
  'decision',
  'meeting',
  'agenda_item',
  'document',
  'news',
  'standard',
  'program',
  'project',
  'ip_result',
];

/** The longest query the server accepts (longer answers 422). */
export const QUERY_MAX = 200;

export interface SearchParams {
  q: string;
  type?: SearchType;
  lang: string;
  limit: number;
  cursor?: string | null;
}

/**
 * One page of hits. The query key holds every parameter, so a newer keystroke makes a new query
 * and TanStack Query aborts the stale request through `signal` once nothing observes it.
 */
export const searchKey = (p: Omit<SearchParams, 'cursor'>) => ['search', p] as const;

export function fetchSearch(p: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  return api.get<SearchResult>(
    '/search',
    { q: p.q, type: p.type, lang: p.lang, limit: p.limit, cursor: p.cursor },
    signal,
  );
}

/**
 * Hits of a type (or of all types) from a result's facets, and whether that is a lower bound: the
 * server counts a broad query exactly only up to a cap (1,000 per type) and flags the rest.
 */
export function facetCount(
  result: Pick<SearchResult, 'facets' | 'facetsCapped'>,
  type?: SearchType,
): { n: number; capped: boolean } {
  const types = type ? [type] : TYPES;
  return {
    n: types.reduce((n, k) => n + (result.facets[k] ?? 0), 0),
    capped: types.some((k) => result.facetsCapped?.[k] === true),
  };
}

/** A facet count as shown: "1,000+" when the server stopped counting. */
export const formatFacet = (c: { n: number; capped: boolean }, lang: string): string =>
  `${c.n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB')}${c.capped ? '+' : ''}`;

export const isSearchType = (v: unknown): v is SearchType =>
  typeof v === 'string' && (TYPES as string[]).includes(v);

/** A workspace URL from the server ("/app/decisions/…") as a path of the router (basepath /app). */
export const routerPath = (url: string): string => url.replace(/^\/app(?=\/|$)/, '') || '/';
