import type { Body, MemberState, Person } from '@plenum/shared';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, getAll } from '../../app/api.ts';
import { useText } from '../../components/localized-text.tsx';

export const memberStatesQuery = queryOptions({
  queryKey: ['member-states', 'all'],
  queryFn: () => getAll<MemberState>('/member-states'),
  staleTime: 5 * 60_000,
});

export const bodiesQuery = queryOptions({
  queryKey: ['bodies', 'all'],
  queryFn: () => getAll<Body>('/bodies'),
  staleTime: 5 * 60_000,
});

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['persons', id],
    queryFn: () => api.get<Person>(`/persons/${encodeURIComponent(id)}`),
  });

/** The name of a member state by code, in the interface language ("" while loading). */
export function useStateName() {
  const { data } = useQuery(memberStatesQuery);
  const text = useText();
  return useMemo(() => {
    const byCode = new Map((data ?? []).map((s) => [s.code, s]));
    return (code: string | null | undefined) => {
      if (!code) {
        return '';
      }
      const state = byCode.get(code);
      return state ? text(state.name) : code;
    };
  }, [data, text]);
}

/** Bodies by id, for names in lists. */
export function useBodiesById(): Map<string, Body> {
  const { data } = useQuery(bodiesQuery);
  return useMemo(() => new Map((data ?? []).map((b) => [b.id, b])), [data]);
}

/** Names of persons by id, each read once and cached (for lists that carry only person ids). */
export function usePersonNames(ids: string[]): Map<string, Person> {
  const unique = [...new Set(ids)];
  const results = useQueries({ queries: unique.map((id) => personQuery(id)) });
  const map = new Map<string, Person>();
  results.forEach((r, i) => {
    if (r.data) {
      map.set(unique[i]!, r.data);
    }
  });
  return map;
}
