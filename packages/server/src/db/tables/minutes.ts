/** Revisions of meetings' minutes (migration 0013). */

export interface MinutesRevisionTable {
  meetingId: string;
  /** 1, 2, … within the meeting. */
  number: number;
  /** 'draft' | 'approved' */
  status: string;
  /** JSON MinutesModel: the minutes frozen when the revision was issued. */
  snapshot: string;
  issuedAt: string;
  issuedById: string | null;
  issuedByName: string;
  /** The later meeting of the same body at which this revision was approved. */
  approvedAtMeetingId: string | null;
  approvedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MinutesTables {
  minutesRevisions: MinutesRevisionTable;
}
