import { z } from 'zod';
import { ZId, ZIsoDateTime } from './common.ts';

/**
 * Meeting packs (issue 7): one PDF for delegates to read offline (a cover, the agenda, then every
 * PDF document of the agenda items with bookmarks), issued by the secretariat; later material
 * goes out as numbered addenda, never by rewriting an issued pack.
 */

export const PACK_ITEM_KINDS = ['document_version', 'attachment'] as const;

export const ZPackItem = z.object({
  kind: z.enum(PACK_ITEM_KINDS),
  agendaItemId: ZId,
  documentId: ZId.nullable(),
  versionId: ZId.nullable(),
  versionNumber: z.number().int().nullable(),
  sha256: z.string().nullable().describe('The file of the version or attachment, if any'),
  title: z.string().describe('The document title or the file name, in the pack’s language'),
  embedded: z
    .boolean()
    .describe('Its pages are in the pack; otherwise it is listed only (not a PDF, or no file)'),
});
export type PackItem = z.infer<typeof ZPackItem>;

export const ZMeetingPack = z.object({
  id: ZId,
  meetingId: ZId,
  sequence: z.number().int().min(0).describe('0: the pack; 1, 2, …: its addenda'),
  lang: z.enum(['en', 'ru']),
  sha256: z.string(),
  size: z.number().int(),
  pageCount: z.number().int(),
  items: z.array(ZPackItem),
  issuedAt: ZIsoDateTime,
  issuedBy: z.string().describe('Name of who issued it'),
  href: z.string().describe('Where to download the PDF'),
});
export type MeetingPack = z.infer<typeof ZMeetingPack>;

export const ZPackIssueQuery = z
  .object({
    lang: z
      .enum(['en', 'ru'])
      .optional()
      .describe('The language of the cover and agenda; default: the caller’s'),
  })
  .strict();

export const ZPackParams = z.object({
  id: ZId,
  sequence: z.coerce.number().int().min(0).max(100_000),
});
