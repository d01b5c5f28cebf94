/** Tables of long-term cooperation programs and their measures (migration 0011). */

export interface ProgramTable {
  id: string;
  /** JSON LocalizedText */
  title: string;
  /** JSON LocalizedText, or null */
  description: string | null;
  bodyId: string | null;
  periodFrom: string;
  periodTo: string;
  /** 'planned' | 'active' | 'completed' | 'cancelled' */
  status: string;
  /** Derived: the rounded mean progress of the leaf measures that are not cancelled; null without. */
  progress: number | null;
  measureCount: number;
  searchText: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProgramDecisionTable {
  programId: string;
  decisionId: string;
}

export interface ProgramMeasureTable {
  id: string;
  programId: string;
  parentId: string | null;
  /** 1, 2, … among siblings; the code ("1.2") is laid out from the tree on read. */
  ordinal: number;
  /** JSON LocalizedText */
  title: string;
  /** JSON LocalizedText, or null */
  description: string | null;
  startDate: string | null;
  dueDate: string | null;
  /** 'planned' | 'in_progress' | 'completed' | 'cancelled' */
  status: string;
  /** 0–100 */
  progress: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProgramMeasureStateTable {
  measureId: string;
  memberState: string;
}

export interface ProgramMeasureOrganizationTable {
  measureId: string;
  organizationId: string;
}

export interface ProgramMeasureReportTable {
  id: string;
  measureId: string;
  programId: string;
  /** The responsible state reported for; null when the secretariat reported. */
  memberState: string | null;
  reportedOn: string;
  /** JSON LocalizedText */
  text: string;
  /** The measure's status the report set, if any. */
  status: string | null;
  /** The measure's progress the report set, if any. */
  progress: number | null;
  reportedById: string | null;
  reportedByName: string;
  createdAt: string;
}

export interface ProgramTables {
  programs: ProgramTable;
  programDecisions: ProgramDecisionTable;
  programMeasures: ProgramMeasureTable;
  programMeasureStates: ProgramMeasureStateTable;
  programMeasureOrganizations: ProgramMeasureOrganizationTable;
  programMeasureReports: ProgramMeasureReportTable;
}
