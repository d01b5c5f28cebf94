/** Tables of the standards register and each member state's adoption (migration 0011). */

export interface StandardTable {
  id: string;
  /** The standard's designation, e.g. "ГОСТ РВ 0015-002-2026"; unique in the register. */
  designation: string;
  /** JSON LocalizedText */
  title: string;
  /** JSON LocalizedText, or null */
  description: string | null;
  /** 'planned' | 'in_development' | 'under_consultation' | 'adopted' | 'withdrawn' */
  status: string;
  leadMemberState: string | null;
  bodyId: string | null;
  documentId: string | null;
  searchText: string;
  /** The lower-cased designation: the register's order. */
  sortKey: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One member state's adoption of one standard; absent rows read as `pending`. */
export interface StandardAdoptionTable {
  standardId: string;
  memberState: string;
  /** 'pending' | 'adopted' | 'adopted_with_reservations' | 'not_adopted' */
  status: string;
  /** JSON LocalizedText, or null */
  reservations: string | null;
  nationalReference: string | null;
  effectiveDate: string | null;
  updatedById: string | null;
  updatedByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StandardDecisionTable {
  standardId: string;
  decisionId: string;
}

export interface StandardTables {
  standards: StandardTable;
  standardAdoptions: StandardAdoptionTable;
  standardDecisions: StandardDecisionTable;
}
