/** Tables of consultation rounds, their states' positions and comments (migration 0006). */

export interface ConsultationTable {
  id: string;
  documentId: string;
  /** The document version the round coordinates; each version goes out at most once. */
  versionId: string;
  /** 1, 2, … per document. */
  round: number;
  /** ISO date: the last day on which answers are due. */
  deadline: string;
  /** 0/1: no answer by the deadline counts as concurrence once the deadline has passed. */
  silenceProcedure: number;
  councilMeetingId: string | null;
  /** 'open' | 'closed' */
  status: string;
  /** null | 'agreed' | 'not_agreed' */
  outcome: string | null;
  openedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One row per invited member state: its position in the round. */
export interface ConsultationStateTable {
  consultationId: string;
  memberState: string;
  /** null (no answer yet) | 'concur' | 'concur_with_comments' | 'object' | 'abstain' */
  position: string | null;
  /** JSON LocalizedText */
  positionNote: string | null;
  positionAt: string | null;
  positionBy: string | null;
  version: number;
}

export interface ConsultationCommentTable {
  id: string;
  consultationId: string;
  /** 1, 2, … within the round: the "No." of the consolidated table. */
  number: number;
  memberState: string;
  clause: string;
  /** JSON LocalizedText */
  comment: string;
  /** JSON LocalizedText */
  proposedText: string | null;
  /** null | 'accepted' | 'partially_accepted' | 'rejected' */
  resolution: string | null;
  /** JSON LocalizedText */
  response: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  version: number;
}

/** Documents linked to an agenda item, in order. */
export interface AgendaItemDocumentTable {
  agendaItemId: string;
  documentId: string;
  position: number;
  createdAt: string;
  createdBy: string | null;
}

export interface ConsultationTables {
  consultations: ConsultationTable;
  consultationStates: ConsultationStateTable;
  consultationComments: ConsultationCommentTable;
  agendaItemDocuments: AgendaItemDocumentTable;
}
