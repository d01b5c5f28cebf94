import type { Generated } from 'kysely';

/**
 * Tables of full-text search (migration 0008; 0010 adds, kept in step by triggers and queried
 * with raw SQL only: SQLite's `search_title_fts`, an FTS5 index of titles and tags, and
 * PostgreSQL's `search_keys` (SearchKeyTable), the entries' index keys in one GIN-indexed vector).
 */

export interface SearchDocumentTable {
  /** SQLite: the rowid the FTS5 index refers to; PostgreSQL: an identity. */
  id: Generated<number>;
  entityType: string;
  entityId: string;
  /** The record whose visibility this entry follows (an agenda item's meeting). */
  parentId: string | null;
  /** JSON LocalizedText */
  title: string;
  /** JSON {en?, ru?}: plain text for snippets. */
  body: string;
  /** Snowball stems of the title (and numbers), space-separated: what the index matches. */
  titleTerms: string;
  bodyTerms: string;
  /** Index tokens of the type and audience (see search/analysis.ts tagsOf). */
  tags: string;
  /** 'public' | 'internal' | 'restricted' */
  audience: string;
  /** JSON context of a hit (SearchHit.context). */
  context: string;
  url: string;
  indexedAt: string;
}

/** Text extracted from a stored file, keyed by its SHA-256 (a file's content never changes). */
export interface FileTextTable {
  sha256: string;
  text: string;
  /** 'en' | 'ru' by the script of most of its letters; null without text. */
  language: string | null;
  extractedAt: string;
}

/** PostgreSQL only: one row per search_documents row (see migration 0010). */
export interface SearchKeyTable {
  id: number;
  /** tsvector: terms, adjacent pairs, title keys (marked), type and audience tags. */
  keys: string;
  /** The entry's type, for the per-type partial GIN indexes (migration 0017). */
  entityType: string;
  /** The entry's audience, as search_documents.audience (migration 0017). */
  audience: string;
}

export interface SearchTables {
  searchDocuments: SearchDocumentTable;
  fileTexts: FileTextTable;
}
