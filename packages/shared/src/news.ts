import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDateTime,
  ZLanguage,
  ZListQueryBase,
  ZResourceMeta,
} from './common.ts';
import { ZSha256 } from './documents.ts';

// ---- News items (DESIGN §2 "Public communication") -------------------------------------------

export const NEWS_SECTIONS = ['news', 'announcements', 'press_releases'] as const;
export const ZNewsSection = z.enum(NEWS_SECTIONS);
export type NewsSection = z.infer<typeof ZNewsSection>;

export const NEWS_STATUSES = ['draft', 'scheduled', 'published'] as const;
export const ZNewsStatus = z.enum(NEWS_STATUSES);
export type NewsStatus = z.infer<typeof ZNewsStatus>;

/** Longest slug; slugs are the public address /news/{slug}. */
export const NEWS_SLUG_MAX = 120;

export const ZNewsSlug = z
  .string()
  .max(NEWS_SLUG_MAX)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'v.slug')
  .describe('The public address /news/{slug}: lower-case letters, digits and single hyphens');

const ZRenderedText = z
  .object({ en: z.string().optional(), ru: z.string().optional() })
  .describe('Rendered to safe HTML (no raw HTML passes through)');

export const ZNewsItem = z.object({
  id: ZId,
  slug: ZNewsSlug,
  section: ZNewsSection,
  title: localizedText(500),
  summary: localizedText(2000).nullable(),
  body: localizedText(200_000).nullable().describe('Markdown; null while a draft has no body'),
  bodyHtml: ZRenderedText,
  status: ZNewsStatus,
  publishAt: ZIsoDateTime.nullable().describe('When a scheduled item goes public'),
  publishedAt: ZIsoDateTime.nullable().describe('When the item became public'),
  publiclyVisible: z
    .boolean()
    .describe('Published, or scheduled and its time has come: what the public sees now'),
  missingLanguages: z
    .array(ZLanguage)
    .describe('Interface languages in which the title or the body is missing'),
  meetingId: ZId.nullable(),
  bodyId: ZId.nullable().describe('The body the news is about; defaults to the meeting’s body'),
  imageSha256: ZSha256.nullable().describe('The lead image: an uploaded image file'),
  imageHref: z.string().nullable().describe('Where the lead image is read'),
  imageAlt: localizedText(500).nullable(),
  ...ZResourceMeta,
});
export type NewsItem = z.infer<typeof ZNewsItem>;

/** A list row: the item without its body (read one item for that). */
export const ZNewsListItem = ZNewsItem.omit({ body: true, bodyHtml: true });
export type NewsListItem = z.infer<typeof ZNewsListItem>;

const newsFields = {
  section: ZNewsSection,
  title: localizedText(500),
  summary: localizedText(2000).nullable(),
  body: localizedText(200_000).nullable().describe('Markdown'),
  meetingId: ZId.nullable(),
  bodyId: ZId.nullable(),
  imageSha256: ZSha256.nullable(),
  imageAlt: localizedText(500).nullable(),
};

export const ZNewsCreate = z
  .object({
    slug: ZNewsSlug.optional().describe('Generated from the English title when left out'),
    section: newsFields.section.default('news'),
    title: newsFields.title,
    summary: newsFields.summary.default(null),
    body: newsFields.body.default(null),
    meetingId: newsFields.meetingId.default(null),
    bodyId: newsFields.bodyId.default(null),
    imageSha256: newsFields.imageSha256.default(null),
    imageAlt: newsFields.imageAlt.default(null),
  })
  .strict();
export type NewsCreate = z.infer<typeof ZNewsCreate>;

export const ZNewsPatch = z
  .object({ slug: ZNewsSlug.describe('Editable while the item is a draft'), ...newsFields })
  .partial()
  .strict();
export type NewsPatch = z.infer<typeof ZNewsPatch>;

export const ZNewsPublish = z
  .object({
    publishedAt: ZIsoDateTime.optional().describe(
      'A past date of publication, for an item brought over from an earlier site; default now',
    ),
  })
  .strict();
export type NewsPublish = z.infer<typeof ZNewsPublish>;

export const ZNewsSchedule = z
  .object({ publishAt: ZIsoDateTime.describe('A time in the future') })
  .strict();
export type NewsSchedule = z.infer<typeof ZNewsSchedule>;

export const ZNewsListQuery = ZListQueryBase.extend({
  section: ZNewsSection.optional(),
  status: ZNewsStatus.optional(),
  meetingId: ZId.optional(),
  q: z.string().max(200).optional().describe('Matches title, summary and slug'),
});
export type NewsListQuery = z.infer<typeof ZNewsListQuery>;

// ---- Announcement generator -------------------------------------------------------------------

export const ZAnnouncementQuery = z
  .object({
    lang: ZLanguage.default('en'),
    save: z
      .enum(['true', 'false'])
      .default('false')
      .describe('true: save the draft as a news item (201 + Location)'),
  })
  .strict();
export type AnnouncementQuery = z.infer<typeof ZAnnouncementQuery>;

/** A generated, unsaved draft news item in one language; POST it to /news as it is. */
export const ZAnnouncementDraft = z.object({
  section: z.literal('announcements'),
  language: ZLanguage,
  slug: ZNewsSlug.describe('A free slug suggested from the title'),
  title: localizedText(2000),
  summary: localizedText(2000),
  body: localizedText(200_000).describe('Markdown'),
  meetingId: ZId,
  bodyId: ZId,
});
export type AnnouncementDraft = z.infer<typeof ZAnnouncementDraft>;
