import type {
  Assignment,
  AssignmentListItem,
  Decision,
  DecisionHistoryEvent,
  DecisionStatus,
  ImplementationReview,
  ImplementationSummary,
  Report,
} from '@plenum/shared';
import { queryOptions } from '@tanstack/react-query';
import { API_BASE, api, type Query, withQuery } from '../../app/api.ts';

export const decisionKey = (id: string) => ['decisions', id] as const;

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: decisionKey(id),
    queryFn: () => api.get<Decision>(`/decisions/${encodeURIComponent(id)}`),
  });

export const assignmentsQuery = (id: string) =>
  queryOptions({
    queryKey: [...decisionKey(id), 'assignments'],
    queryFn: () =>
      api.get<{ items: Assignment[] }>(`/decisions/${encodeURIComponent(id)}/assignments`),
  });

export const reportsQuery = (decisionId: string, assignmentId: string) =>
  queryOptions({
    queryKey: [...decisionKey(decisionId), 'reports', assignmentId],
    queryFn: () =>
      api.get<{ items: Report[] }>(`/decisions/${encodeURIComponent(decisionId)}/reports`, {
        assignmentId,
      }),
  });

/** The changes of a decision and its assignments, newest first (secretariat and admins). */
export const decisionHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: [...decisionKey(id), 'history'],
    queryFn: () =>
      api.get<{ items: DecisionHistoryEvent[] }>(`/decisions/${encodeURIComponent(id)}/history`),
  });

export const countsQuery = (query: Query) =>
  queryOptions({
    queryKey: ['decisions', 'counts', query],
    queryFn: () =>
      api.get<{ total: number; byStatus: Partial<Record<DecisionStatus, number>> }>(
        '/decisions/counts',
        query,
      ),
  });

export const reviewQuery = (meetingId: string) =>
  queryOptions({
    queryKey: ['meetings', meetingId, 'implementation-review'],
    queryFn: () =>
      api.get<ImplementationReview>(
        `/meetings/${encodeURIComponent(meetingId)}/implementation-review`,
      ),
  });

export const summaryQuery = queryOptions({
  queryKey: ['implementation', 'summary'],
  queryFn: () => api.get<ImplementationSummary>('/implementation/summary'),
});

export const assignmentListQuery = (query: Query) =>
  queryOptions({
    queryKey: ['assignments', 'list', query],
    queryFn: () =>
      api.get<{ items: AssignmentListItem[]; nextCursor: string | null }>('/assignments', {
        limit: 50,
        ...query,
      }),
  });

/** The address of an export (a plain link: the browser downloads it with the session cookie). */
export const exportUrl = (path: string, query: Query) => API_BASE + withQuery(path, query);
