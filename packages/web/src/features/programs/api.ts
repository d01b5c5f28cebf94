import type {
  Measure,
  MeasureReport,
  OverdueMeasure,
  Page,
  Program,
  ProgramTimeline,
  RegisterHistoryEvent,
} from '@plenum/shared';
import { queryOptions } from '@tanstack/react-query';
import { api, getAll } from '../../app/api.ts';

const enc = encodeURIComponent;

export const programKey = (id: string) => ['programs', id] as const;

export const programQuery = (id: string) =>
  queryOptions({
    queryKey: programKey(id),
    queryFn: () => api.get<Program>(`/programs/${enc(id)}`),
  });

export const measuresQuery = (id: string) =>
  queryOptions({
    queryKey: [...programKey(id), 'measures'],
    queryFn: () => getAll<Measure>(`/programs/${enc(id)}/measures`),
  });

export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: [...programKey(id), 'timeline'],
    queryFn: () => api.get<ProgramTimeline>(`/programs/${enc(id)}/timeline`),
  });

export const programHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: [...programKey(id), 'history'],
    queryFn: () => api.get<{ items: RegisterHistoryEvent[] }>(`/programs/${enc(id)}/history`),
  });

export const reportsQuery = (programId: string, measureId: string) =>
  queryOptions({
    queryKey: [...programKey(programId), 'reports', measureId],
    queryFn: () =>
      api.get<{ items: MeasureReport[] }>(
        `/programs/${enc(programId)}/measures/${enc(measureId)}/reports`,
      ),
  });

export const overdueMeasuresQuery = queryOptions({
  queryKey: ['programs', 'overdue-measures'],
  queryFn: () => api.get<Page<OverdueMeasure>>('/programs/overdue-measures', { limit: 20 }),
});
