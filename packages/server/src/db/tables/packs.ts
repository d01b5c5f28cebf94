/** Meeting packs and their addenda (migration 0014). */

export interface MeetingPackTable {
  id: string;
  meetingId: string;
  /** 0 = the pack, 1… = its addenda. */
  sequence: number;
  /** 'en' | 'ru' */
  lang: string;
  /** The issued PDF in the file store. */
  fileSha256: string;
  size: number;
  pageCount: number;
  /** JSON PackItem[]: the document versions and attachments this issue included or listed. */
  items: string;
  issuedAt: string;
  issuedById: string | null;
  issuedByName: string;
}

export interface PackTables {
  meetingPacks: MeetingPackTable;
}
