/** The news items of the public portal (migration 0009). */

export interface NewsItemTable {
  id: string;
  /** Unique, lowercase ASCII a-z0-9-, at most 120 characters: the public URL /news/{slug}. */
  slug: string;
  /** 'news' | 'announcements' | 'press_releases' */
  section: string;
  /** JSON LocalizedText */
  title: string;
  /** JSON LocalizedText */
  summary: string | null;
  /** JSON LocalizedText of Markdown; '{}' while a draft has no body. */
  body: string;
  /** JSON LocalizedText: the body rendered to safe HTML at each change (platform/markdown.ts). */
  bodyHtml: string;
  /** 'draft' | 'scheduled' | 'published' */
  status: string;
  /** When a scheduled item goes public (ISO datetime). */
  publishAt: string | null;
  /** When the item became public; for a scheduled item, its publishAt. */
  publishedAt: string | null;
  meetingId: string | null;
  /** The body the news is about; defaults to the meeting's body. */
  bodyId: string | null;
  /** The lead image (an uploaded image file, linked with owner_type 'news'). */
  imageSha256: string | null;
  /** JSON LocalizedText */
  imageAlt: string | null;
  /** Lower-cased title, summary and slug in every language, for `q`. */
  searchText: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
}

export interface NewsTables {
  newsItems: NewsItemTable;
}
