import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDateTime,
  ZLanguage,
  ZListQueryBase,
  ZResourceMeta,
  ZStateCode,
} from './common.ts';

// ---- Files -----------------------------------------------------------------------------------

export const FILE_OWNER_TYPES = [
  'document_version',
  'decision',
  'report',
  'agenda_item',
  'news',
] as const;
export type FileOwnerType = (typeof FILE_OWNER_TYPES)[number];

export const ZSha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'v.sha256')
  .describe('SHA-256 of the file content, lowercase hex');

/** The answer to an upload: the stored content's identity and its detected type. */
export const ZFileUpload = z.object({
  sha256: ZSha256,
  size: z.number().int().describe('Bytes'),
  mediaType: z.string().describe('Detected from the content, not from the name'),
  name: z.string().describe('The uploaded file name, sanitized'),
});
export type FileUpload = z.infer<typeof ZFileUpload>;

/** A file name as a caller may give it; the server removes paths and control characters. */
export const ZFileName = z.string().trim().min(1).max(255).describe('File name shown for the link');

export const ZAttachment = z.object({
  sha256: ZSha256,
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  createdAt: ZIsoDateTime,
  href: z.string().describe('Where to download it'),
});
export type Attachment = z.infer<typeof ZAttachment>;

export const ZAttachmentCreate = z.object({ sha256: ZSha256, name: ZFileName }).strict();
export type AttachmentCreate = z.infer<typeof ZAttachmentCreate>;

// ---- Documents -------------------------------------------------------------------------------

export const DOCUMENT_KINDS = [
  'draft_decision',
  'regulation',
  'standard',
  'program',
  'report',
  'other',
] as const;
export const CLASSIFICATIONS = ['public', 'internal', 'restricted'] as const;
/** draft → under_consultation → agreed / not_agreed → adopted; or withdrawn (DESIGN §2). */
export const DOCUMENT_STATUSES = [
  'draft',
  'under_consultation',
  'agreed',
  'not_agreed',
  'adopted',
  'withdrawn',
] as const;

export const ZDocumentKind = z.enum(DOCUMENT_KINDS);
export const ZClassification = z.enum(CLASSIFICATIONS);
export const ZDocumentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof ZDocumentStatus>;

export const ZAccessList = z
  .object({
    memberStates: z.array(ZStateCode).max(100).default([]),
    bodyIds: z.array(ZId).max(100).default([]),
  })
  .strict()
  .describe('Who may read a restricted document besides the secretariat');
export type AccessList = z.infer<typeof ZAccessList>;

export const ZDocument = z.object({
  id: ZId,
  title: localizedText(1000),
  kind: ZDocumentKind,
  bodyId: ZId.describe('The owning body'),
  classification: ZClassification,
  accessList: z
    .object({ memberStates: z.array(z.string()), bodyIds: z.array(z.string()) })
    .nullable()
    .describe('Set for restricted documents only'),
  status: ZDocumentStatus,
  latestVersion: z.number().int().describe('Number of the latest version; 0 before the first'),
  adoptedByDecisionId: ZId.nullable(),
  ...ZResourceMeta,
});
export type Document = z.infer<typeof ZDocument>;

export const ZDocumentCreate = z
  .object({
    title: localizedText(1000),
    kind: ZDocumentKind,
    bodyId: ZId,
    classification: ZClassification.default('internal'),
    accessList: ZAccessList.nullable().default(null),
  })
  .strict();
export type DocumentCreate = z.infer<typeof ZDocumentCreate>;

export const ZDocumentPatch = z
  .object({
    title: localizedText(1000),
    kind: ZDocumentKind,
    bodyId: ZId,
    classification: ZClassification,
    accessList: ZAccessList.nullable(),
  })
  .partial()
  .strict();
export type DocumentPatch = z.infer<typeof ZDocumentPatch>;

export const ZDocumentListQuery = ZListQueryBase.extend({
  kind: ZDocumentKind.optional(),
  bodyId: ZId.optional(),
  status: ZDocumentStatus.optional(),
  classification: ZClassification.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Matches the title in any language'),
});
export type DocumentListQuery = z.infer<typeof ZDocumentListQuery>;

export const ZDocumentAdopt = z
  .object({ decisionId: ZId.describe('The decision that adopted the document') })
  .strict();

// ---- Versions --------------------------------------------------------------------------------

export const ZVersionFile = z.object({
  sha256: ZSha256,
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  href: z.string(),
});

const ZHtmlText = z
  .object({ en: z.string().optional(), ru: z.string().optional() })
  .describe('The text rendered to safe HTML (no raw HTML passes through)');

export const ZDocumentVersion = z.object({
  id: ZId,
  documentId: ZId,
  number: z.number().int().describe('1, 2, 3… in order of creation; never reused'),
  text: localizedText(200_000).nullable().describe('Markdown'),
  textHtml: ZHtmlText.nullable(),
  file: ZVersionFile.nullable(),
  note: localizedText(2000).nullable().describe('What changed'),
  createdAt: ZIsoDateTime,
  createdBy: ZId.nullable(),
});
export type DocumentVersion = z.infer<typeof ZDocumentVersion>;

/** A version in a list: without its text (read the version for that). */
export const ZDocumentVersionListItem = ZDocumentVersion.omit({
  text: true,
  textHtml: true,
}).extend({ hasText: z.boolean() });
export type DocumentVersionListItem = z.infer<typeof ZDocumentVersionListItem>;

export const ZDocumentVersionCreate = z
  .object({
    text: localizedText(200_000).optional(),
    fileSha256: ZSha256.optional(),
    fileName: ZFileName.optional(),
    note: localizedText(2000).optional(),
  })
  .strict();
export type DocumentVersionCreate = z.infer<typeof ZDocumentVersionCreate>;

export const ZVersionNumber = z.coerce.number().int().min(1).max(1_000_000);

export const ZVersionCompareQuery = z
  .object({
    from: ZVersionNumber,
    to: ZVersionNumber,
    lang: ZLanguage.default('en'),
  })
  .strict();

const ZDiffSide = <C extends 'removed' | 'added'>(change: C) =>
  z.object({
    number: z.number().int().describe('Line number in this version'),
    text: z.string(),
    segments: z.array(z.object({ text: z.string(), change: z.enum(['same', change]) })),
  });

export const ZVersionComparison = z.object({
  documentId: ZId,
  from: z.object({
    number: z.number().int(),
    lang: ZLanguage.describe('The language shown'),
    fallback: z.boolean().describe('The asked language is missing; the other is shown'),
  }),
  to: z.object({ number: z.number().int(), lang: ZLanguage, fallback: z.boolean() }),
  rows: z.array(
    z.object({
      change: z.enum(['same', 'changed', 'removed', 'added']),
      left: ZDiffSide('removed').nullable(),
      right: ZDiffSide('added').nullable(),
    }),
  ),
  stats: z.object({
    same: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
    added: z.number().int(),
  }),
});
export type VersionComparison = z.infer<typeof ZVersionComparison>;
