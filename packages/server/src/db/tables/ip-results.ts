/** Tables of the intellectual-property results register (migration 0012). */

export interface IpResultTable {
  id: string;
  /** JSON LocalizedText */
  title: string;
  /** JSON LocalizedText (Markdown) */
  description: string | null;
  /** JSON {en?, ru?}: the description rendered to safe HTML when it was written. */
  descriptionHtml: string | null;
  kind: string;
  projectId: string | null;
  classification: string;
  /** JSON {"memberStates": [...], "bodyIds": [...]} for restricted results, else null. */
  accessList: string | null;
  /** Lower-cased title in every language, for `q`. */
  searchText: string;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One row per entry of a restricted result's access list, so access filtering is a join. */
export interface IpResultAccessTable {
  ipResultId: string;
  memberState: string | null;
  bodyId: string | null;
}

/** An organization or a member state holding a share of the rights. */
export interface IpRightsHolderTable {
  ipResultId: string;
  ordinal: number;
  organizationId: string | null;
  memberState: string | null;
  /** Hundredths of a percent: 10000 is 100%. */
  shareHundredths: number;
}

export interface IpProtectionTable {
  ipResultId: string;
  memberState: string;
  /** 'filed' | 'granted' | 'refused' | 'expired' */
  status: string;
  number: string | null;
  date: string | null;
}

export interface IpResultDecisionTable {
  ipResultId: string;
  decisionId: string;
}

export interface IpResultTables {
  ipResults: IpResultTable;
  ipResultAccess: IpResultAccessTable;
  ipRightsHolders: IpRightsHolderTable;
  ipProtections: IpProtectionTable;
  ipResultDecisions: IpResultDecisionTable;
}
