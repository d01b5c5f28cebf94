import type {
  IpResult,
  Organization,
  Page,
  Project,
  ProjectStateSummary,
  RegisterHistoryEvent,
} from '@plenum/shared';
import { queryOptions } from '@tanstack/react-query';
import { API_BASE, api, getAll, type Query, withQuery } from '../../app/api.ts';

const enc = encodeURIComponent;

export const projectKey = (id: string) => ['projects', id] as const;
export const ipResultKey = (id: string) => ['ip-results', id] as const;

export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: projectKey(id),
    queryFn: () => api.get<Project>(`/projects/${enc(id)}`),
  });

export const ipResultQuery = (id: string) =>
  queryOptions({
    queryKey: ipResultKey(id),
    queryFn: () => api.get<IpResult>(`/ip-results/${enc(id)}`),
  });

/** The register's audit trail of one entry, newest first. */
export const historyQuery = (register: 'projects' | 'ip-results', id: string) =>
  queryOptions({
    queryKey: [register, id, 'history'],
    queryFn: () => api.get<Page<RegisterHistoryEvent>>(`/${register}/${enc(id)}/history`),
  });

export const summaryQuery = (kind?: string) =>
  queryOptions({
    queryKey: ['projects', 'summary', kind ?? ''],
    queryFn: () =>
      api.get<{ items: ProjectStateSummary[] }>('/projects/summary-by-state', { kind }),
  });

/** Every organization (a few hundred at most), for the participant and holder choosers. */
export const organizationsQuery = queryOptions({
  queryKey: ['organizations', 'all'],
  queryFn: () => getAll<Organization>('/organizations'),
  staleTime: 5 * 60_000,
});

/** Every project, for the IP result's project chooser. */
export const allProjectsQuery = queryOptions({
  queryKey: ['projects', 'all'],
  queryFn: () => getAll<Project>('/projects'),
  staleTime: 60_000,
});

/** The address of an export with the list's filters, in the interface language. */
export const exportUrl = (path: string, query: Query, lang: string) =>
  API_BASE + withQuery(path, { ...query, lang: lang === 'ru' ? 'ru' : 'en' });
