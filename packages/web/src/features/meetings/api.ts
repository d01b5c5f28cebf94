import type {
  AgendaAmendment,
  AgendaItem,
  LocalizedText,
  Meeting,
  Participant,
} from '@plenum/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** A participant as the API lists it: with the person it names. */
export type ParticipantRow = Participant & {
  person?: {
    id: string;
    name: LocalizedText;
    position: LocalizedText | null;
    memberState: string | null;
  } | null;
};

/** Lists of a meeting come as `{items}` (possibly with a cursor) or as a bare array. */
async function listOf<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const data: T[] | { items: T[]; nextCursor?: string | null } = await api.get(path, {
      limit: 200,
      cursor,
    });
    if (Array.isArray(data)) {
      return data;
    }
    out.push(...data.items);
    cursor = data.nextCursor ?? null;
  } while (cursor);
  return out;
}

export const meetingKey = (id: string) => ['meetings', id] as const;

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: meetingKey(id),
    queryFn: () => api.get<Meeting>(`/meetings/${encodeURIComponent(id)}`),
  });

export const agendaQuery = (id: string) =>
  queryOptions({
    queryKey: [...meetingKey(id), 'agenda'],
    queryFn: () => listOf<AgendaItem>(`/meetings/${encodeURIComponent(id)}/agenda-items`),
  });

export const amendmentsQuery = (id: string) =>
  queryOptions({
    queryKey: [...meetingKey(id), 'amendments'],
    queryFn: () => listOf<AgendaAmendment>(`/meetings/${encodeURIComponent(id)}/agenda-amendments`),
  });

export const participantsQuery = (id: string) =>
  queryOptions({
    queryKey: [...meetingKey(id), 'participants'],
    queryFn: () => listOf<ParticipantRow>(`/meetings/${encodeURIComponent(id)}/participants`),
  });
