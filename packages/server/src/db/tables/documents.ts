/** Tables of files, their links, documents and document versions (migration 0005). */

export interface FileTable {
  /** Lowercase hex SHA-256 of the content: the file's identity and its path in the store. */
  sha256: string;
  size: number;
  /** Detected from the content, never taken from the client. */
  mediaType: string;
  createdAt: string;
  createdBy: string | null;
}

export interface FileLinkTable {
  id: string;
  sha256: string;
  /** 'document_version' | 'decision' | 'report' | 'agenda_item' | 'news' */
  ownerType: string;
  ownerId: string;
  /** The sanitized original file name shown for this link. */
  name: string;
  createdAt: string;
  createdBy: string | null;
}

/** Who uploaded which bytes: uploaders may read (and link) what they sent. */
export interface FileUploadTable {
  sha256: string;
  userId: string;
  /** The sanitized name of that upload. */
  name: string;
  createdAt: string;
}

export interface DocumentTable {
  id: string;
  /** JSON LocalizedText */
  title: string;
  kind: string;
  bodyId: string;
  classification: string;
  /** JSON {"memberStates": [...], "bodyIds": [...]} for restricted documents, else null. */
  accessList: string | null;
  status: string;
  /** Number of the latest version; 0 before the first. */
  latestVersion: number;
  adoptedByDecisionId: string | null;
  /** Lower-cased title in every language, for `q`. */
  searchText: string;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One row per entry of a document's access list, so access filtering is an indexed join. */
export interface DocumentAccessTable {
  documentId: string;
  memberState: string | null;
  bodyId: string | null;
}

export interface DocumentVersionTable {
  id: string;
  documentId: string;
  number: number;
  /** JSON LocalizedText (Markdown) */
  text: string | null;
  /** JSON LocalizedText: the text rendered to safe HTML when the version was written. */
  textHtml: string | null;
  fileSha256: string | null;
  fileName: string | null;
  /** JSON LocalizedText */
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface DocumentTables {
  files: FileTable;
  fileLinks: FileLinkTable;
  fileUploads: FileUploadTable;
  documents: DocumentTable;
  documentAccess: DocumentAccessTable;
  documentVersions: DocumentVersionTable;
}
