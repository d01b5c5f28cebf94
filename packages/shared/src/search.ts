import { z } from 'zod';
import { localizedText, ZId, ZLanguage } from './common.ts';

/** What full-text search finds. A new searchable type is one entry here and one in the indexer. */
export const SEARCH_TYPES = [
  'meeting',
  'agenda_item',
  'decision',
  'document',
  'news',
  'standard',
  'program',
  'project',
  'ip_result',
] as const;
export const ZSearchType = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof ZSearchType>;

/** Longest query accepted, in characters; longer queries answer 422. */
export const SEARCH_QUERY_MAX = 200;

export const ZSearchQuery = z.object({
  q: z
    .string()
    .default('')
    .describe(
      `Words to find, 1 to ${SEARCH_QUERY_MAX} characters. Words are matched in any inflected form (English and Russian); every word must occur; a quoted or joined chunk such as "21/3" matches as a phrase.`,
    ),
  type: ZSearchType.optional().describe('Only hits of this type; facets still count every type'),
  lang: ZLanguage.optional().describe('Language preferred for the snippet'),
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('Page size, at most 200'),
  cursor: z.string().max(512).optional().describe('Opaque cursor from nextCursor'),
});
export type SearchQuery = z.infer<typeof ZSearchQuery>;

/** A piece of the snippet; `match` pieces are the words the query found. Never HTML. */
export const ZSnippetSegment = z.object({ text: z.string(), match: z.boolean() });
export type SnippetSegment = z.infer<typeof ZSnippetSegment>;

export const ZSearchHit = z.object({
  type: ZSearchType,
  id: ZId,
  title: localizedText(1000),
  snippet: z
    .array(ZSnippetSegment)
    .describe('An excerpt around the first matches, split into plain and matched segments'),
  snippetLanguage: ZLanguage.nullable().describe('Language of the snippet; null when it is empty'),
  url: z.string().describe('Path of the item in the workspace'),
  context: z
    .object({
      date: z
        .string()
        .nullable()
        .describe('Meeting: start date; agenda item: its meeting’s; decision: adoption date'),
      number: z.string().nullable().describe('Decision number (21/3); meeting numeral (XXI)'),
      status: z
        .string()
        .nullable()
        .describe('Meeting or document status; a decision’s when cancelled or superseded'),
      kind: z.string().nullable(),
      bodyId: ZId.nullable(),
      meetingId: ZId.nullable().describe('The meeting of an agenda item or decision'),
    })
    .describe('What the type adds to a hit'),
});
export type SearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchResult = z.object({
  items: z.array(ZSearchHit).describe('Best match first'),
  nextCursor: z.string().nullable(),
  facets: z
    .record(ZSearchType, z.number().int())
    .describe(
      'Hits per type for the query (whatever `type` is), counting only what you may read; exact up to 1,000, see facetsCapped',
    ),
  facetsCapped: z
    .record(ZSearchType, z.boolean())
    .describe(
      'Per type: true when there are more hits than the count in `facets` (shown as "1,000+"); counting a broad query exactly would read every match',
    ),
});
export type SearchResult = z.infer<typeof ZSearchResult>;
