import type {
  Adoption,
  AdoptionMatrix,
  Document,
  RegisterHistoryEvent,
  Standard,
} from '@plenum/shared';
import { queryOptions } from '@tanstack/react-query';
import { API_BASE, api, type Query, withQuery } from '../../app/api.ts';

const enc = encodeURIComponent;

export const standardKey = (id: string) => ['standards', id] as const;

export const standardQuery = (id: string) =>
  queryOptions({
    queryKey: standardKey(id),
    queryFn: () => api.get<Standard>(`/standards/${enc(id)}`),
  });

export const adoptionsQuery = (id: string) =>
  queryOptions({
    queryKey: [...standardKey(id), 'adoptions'],
    queryFn: () => api.get<{ items: Adoption[] }>(`/standards/${enc(id)}/adoptions`),
  });

export const standardHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: [...standardKey(id), 'history'],
    queryFn: () => api.get<{ items: RegisterHistoryEvent[] }>(`/standards/${enc(id)}/history`),
  });

export const matrixQuery = (query: Query) =>
  queryOptions({
    queryKey: ['standards', 'matrix', query],
    queryFn: () => api.get<AdoptionMatrix>('/standards/adoption-matrix', query),
  });

/** Documents of kind standard, for the link field of the standard form. */
export const standardDocumentsQuery = queryOptions({
  queryKey: ['documents', 'list', 'standards-for-form'],
  queryFn: () => api.get<{ items: Document[] }>('/documents', { kind: 'standard', limit: 200 }),
  staleTime: 60_000,
});

/** A state's adoption record; If-Match carries the record's version ("0" before the first). */
export const putAdoption = (standardId: string, state: string, body: unknown, version: number) =>
  api.put<Adoption>(`/standards/${enc(standardId)}/adoptions/${enc(state)}`, body, version);

/** The address of an export with the list's filters and the interface language. */
export const exportUrl = (path: string, query: Query, lang: string) =>
  API_BASE + withQuery(path, { ...query, lang });
