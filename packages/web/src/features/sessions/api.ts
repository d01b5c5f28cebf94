import type { MeetingSession, Proposal, WrittenDecisionList } from '@plenum/shared';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

const enc = encodeURIComponent;

/** Under the meeting's key, so whatever refreshes the meeting refreshes its session too. */
export const sessionQuery = (meetingId: string) =>
  queryOptions({
    queryKey: ['meetings', meetingId, 'session'],
    queryFn: () => api.get<MeetingSession>(`/meetings/${enc(meetingId)}/session`),
  });

/** Decisions adopted by written procedure since the body's previous meeting (reported here). */
export const writtenDecisionsQuery = (meetingId: string) =>
  queryOptions({
    queryKey: ['meetings', meetingId, 'written-decisions'],
    queryFn: () => api.get<WrittenDecisionList>(`/meetings/${enc(meetingId)}/written-decisions`),
  });

export const proposalKey = (id: string) => ['proposals', id] as const;

export const proposalQuery = (id: string) =>
  queryOptions({
    queryKey: proposalKey(id),
    queryFn: () => api.get<Proposal>(`/proposals/${enc(id)}`),
  });

/** The states that concurred (with or without a reservation). */
export const concurring = (p: Proposal) =>
  p.positions.filter((s) => s.position === 'concur' || s.position === 'concur_with_reservation');
