import type { Generated } from 'kysely';
import type { Database } from '../database.ts';

/** Tables of session mode and written procedure (migration 0018). */

export interface ProposalTable {
  id: string;
  /** 'session' | 'written' */
  procedure: string;
  bodyId: string;
  meetingId: string | null;
  agendaItemId: string | null;
  documentId: string | null;
  kind: string;
  /** JSON LocalizedText */
  title: string;
  /** JSON LocalizedText (Markdown) */
  text: string;
  /** 'open' | 'adopted' | 'not_adopted' | 'withdrawn' */
  status: string;
  /** ISO timestamp: the end of a written procedure. */
  deadline: string | null;
  decisionId: string | null;
  openedAt: string;
  closedAt: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalPositionTable {
  proposalId: string;
  memberState: string;
  /** 'concur' | 'concur_with_reservation' | 'object' | 'abstain' */
  position: string;
  /** JSON LocalizedText, with concur_with_reservation only. */
  reservation: string | null;
  recordedBy: string | null;
  /** The recording user's name as it was then, so the record reads the same later. */
  recordedByName: string;
  recordedAt: string;
}

export interface MeetingAttendanceTable {
  meetingId: string;
  memberState: string;
  /** 0/1 */
  present: number;
  recordedAt: string;
  recordedBy: string | null;
}

export interface SessionTables {
  proposals: ProposalTable;
  proposalPositions: ProposalPositionTable;
  meetingAttendance: MeetingAttendanceTable;
}

/** The session columns of `meetings`. */
export interface MeetingSessionColumns {
  currentAgendaItemId: string | null;
  currentProposalId: string | null;
  sessionOpenedAt: string | null;
  sessionClosedAt: string | null;
  sessionVersion: Generated<number>;
}

/**
 * The database as the sessions module sees it: `meetings` with its session columns. They stay out
 * of MeetingTable so that the meetings module's rows and mappers are not concerned with them.
 */
export type SessionDatabase = Omit<Database, 'meetings'> & {
  meetings: Database['meetings'] & MeetingSessionColumns;
};
