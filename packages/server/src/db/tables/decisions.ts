/** Tables of decisions and their implementation (migration 0004). */

export interface DecisionTable {
  id: string;
  bodyId: string;
  meetingId: string | null;
  agendaItemId: string | null;
  number: string;
  /** The meeting's number, for sorting decisions as 20/1 < 20/2 < 21/1 in SQL. */
  meetingNumber: number | null;
  ordinal: number | null;
  kind: string;
  /** JSON LocalizedText */
  title: string;
  /** JSON LocalizedText (Markdown) */
  text: string;
  adoptedOn: string;
  /** 'cancelled' | 'superseded' when a later decision closed it. */
  closedAs: string | null;
  assignmentCount: number;
  openCount: number;
  /** Earliest due date among open assignments. */
  nextOpenDue: string | null;
  /** nextOpenDue, or 9999-12-31 without one: an indexable sort key for "earliest due first". */
  dueKey: string;
  /** JSON {en?, ru?}: the text rendered to safe HTML when it was written. */
  textHtml: string;
  searchText: string;
  /** adoptedOn|meeting number|ordinal|number, zero-padded: sorts the register newest first. */
  sortKey: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DecisionRelationTable {
  fromId: string;
  toId: string;
  kind: string;
}

export interface AssignmentTable {
  id: string;
  decisionId: string;
  memberState: string | null;
  bodyId: string | null;
  dueDate: string | null;
  status: string;
  latestReportId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ImplementationReportTable {
  id: string;
  assignmentId: string;
  decisionId: string;
  status: string;
  /** JSON LocalizedText */
  text: string | null;
  reportedOn: string;
  reportedById: string | null;
  reportedByName: string;
  createdAt: string;
}

export interface ReviewTable {
  meetingId: string;
  previousMeetingId: string | null;
  recordedAt: string;
}

export interface ReviewRecordTable {
  meetingId: string;
  decisionId: string;
  source: string;
  status: string;
  recordedAt: string;
}

export interface DecisionTables {
  decisions: DecisionTable;
  decisionRelations: DecisionRelationTable;
  assignments: AssignmentTable;
  implementationReports: ImplementationReportTable;
  reviews: ReviewTable;
  reviewRecords: ReviewRecordTable;
}
