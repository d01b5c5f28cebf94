/** Tables of the joint-projects register (migration 0012). */

export interface ProjectTable {
  id: string;
  /** JSON LocalizedText */
  title: string;
  /** JSON LocalizedText (Markdown) */
  description: string | null;
  /** JSON {en?, ru?}: the description rendered to safe HTML when it was written. */
  descriptionHtml: string | null;
  kind: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  /** Lower-cased title in every language, for `q`. */
  searchText: string;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectParticipantTable {
  projectId: string;
  organizationId: string;
  /** 'lead' | 'partner'; exactly one lead per project. */
  role: string;
  /** The order the participants were given in. */
  ordinal: number;
}

export interface ProjectMeasureTable {
  projectId: string;
  measureId: string;
}

export interface ProjectDecisionTable {
  projectId: string;
  decisionId: string;
}

export interface ProjectTables {
  projects: ProjectTable;
  projectParticipants: ProjectParticipantTable;
  projectMeasures: ProjectMeasureTable;
  projectDecisions: ProjectDecisionTable;
}
