import { z } from 'zod';
import { ZId, ZIsoDate, ZIsoDateTime, ZStateCode } from './common.ts';
import { ZDecisionKind, ZDecisionStatus } from './decisions.ts';
import { ZClassification, ZDocumentKind } from './documents.ts';
import { ZMeetingStatus } from './meetings.ts';
import {
  AGENDA_ITEM_KINDS,
  ASSIGNMENT_STATUSES,
  BODY_KINDS,
  MEETING_KINDS,
  PARTICIPANT_ROLES,
  PROPOSAL_POSITIONS,
} from './values.ts';

// The minutes of a meeting (issue 7): a language-neutral model assembled from the record, frozen
// as JSON in each issued revision. Texts stay as stored (LocalizedText, Markdown where the record
// holds Markdown); renderers (PDF, DOCX, Akoma Ntoso) pick the language.

/**
 * A text in either or both languages, as the record holds it. Looser than `localizedText()`:
 * a frozen snapshot is read back as it was written, whatever length limits say later.
 */
const ZText = z
  .object({ en: z.string().optional(), ru: z.string().optional() })
  .describe('Text keyed by language code');

export const MINUTES_LANGUAGES = ['en', 'ru', 'bilingual'] as const;
export const ZMinutesLanguage = z
  .enum(MINUTES_LANGUAGES)
  .describe('en or ru; bilingual: English and Russian in parallel columns');
export type MinutesLanguage = z.infer<typeof ZMinutesLanguage>;

export const MINUTES_REVISION_STATUSES = ['draft', 'approved'] as const;
export const ZMinutesRevisionStatus = z.enum(MINUTES_REVISION_STATUSES);
export type MinutesRevisionStatus = z.infer<typeof ZMinutesRevisionStatus>;

export const ZMinutesPerson = z.object({
  personId: ZId,
  name: ZText,
  position: ZText.nullable(),
  memberState: ZStateCode.nullable(),
});
export type MinutesPerson = z.infer<typeof ZMinutesPerson>;

export const ZMinutesParticipant = ZMinutesPerson.extend({
  role: z.enum(PARTICIPANT_ROLES),
  notable: z.boolean(),
});
export type MinutesParticipant = z.infer<typeof ZMinutesParticipant>;

/** The people who attended for one member state or one body. */
export const ZMinutesDelegation = z.object({
  memberState: ZStateCode.nullable(),
  bodyId: ZId.nullable(),
  name: ZText.describe('The member state’s or body’s name; empty for persons in their own right'),
  participants: z.array(ZMinutesParticipant),
});
export type MinutesDelegation = z.infer<typeof ZMinutesDelegation>;

/** A member state's position on a decision, as recorded when it was adopted (issue 8). */
export const ZMinutesPosition = z.object({
  memberState: ZStateCode,
  name: ZText.describe('The member state’s name'),
  position: z.enum(PROPOSAL_POSITIONS),
  reservation: ZText.nullable().describe('The special opinion of concur_with_reservation'),
});
export type MinutesPosition = z.infer<typeof ZMinutesPosition>;

export const ZMinutesDecision = z.object({
  id: ZId,
  number: z.string(),
  kind: ZDecisionKind,
  title: ZText,
  text: ZText.describe('Markdown'),
  adoptedOn: ZIsoDate,
  status: ZDecisionStatus,
  positions: z
    .array(ZMinutesPosition)
    .optional()
    .describe('Positions recorded in session or by written procedure (absent in older revisions)'),
});
export type MinutesDecision = z.infer<typeof ZMinutesDecision>;

/** A document considered under an agenda item; shown only to callers who may read it. */
export const ZMinutesDocument = z.object({
  id: ZId,
  title: ZText,
  kind: ZDocumentKind,
  classification: ZClassification,
});
export type MinutesDocument = z.infer<typeof ZMinutesDocument>;

export const ZMinutesAgendaItem = z.object({
  id: ZId,
  position: z.string().describe('"1", "2", "2.1"'),
  depth: z.number().int().min(1),
  title: ZText,
  kind: z.enum(AGENDA_ITEM_KINDS),
  description: ZText.nullable(),
  rapporteur: ZMinutesPerson.nullable(),
  documents: z.array(ZMinutesDocument),
  decisions: z.array(ZMinutesDecision).describe('Adopted at this meeting under this item'),
});
export type MinutesAgendaItem = z.infer<typeof ZMinutesAgendaItem>;

export const ZMinutesReviewEntry = z.object({
  decisionId: ZId,
  number: z.string(),
  title: ZText,
  kind: ZDecisionKind,
  adoptedOn: ZIsoDate,
  source: z.enum(['own', 'statutory']),
  status: ZDecisionStatus.describe('As recorded when the meeting was held, else as now'),
  assignments: z.array(
    z.object({
      memberState: ZStateCode.nullable(),
      bodyId: ZId.nullable(),
      assignee: ZText.describe('The member state’s or body’s name'),
      status: z.enum(ASSIGNMENT_STATUSES),
      dueDate: ZIsoDate.nullable(),
    }),
  ),
});
export type MinutesReviewEntry = z.infer<typeof ZMinutesReviewEntry>;

export const ZMinutesReview = z.object({
  previousReviewMeetingId: ZId.nullable(),
  summary: z.object({
    total: z.number().int(),
    implemented: z.number().int(),
    inProgress: z.number().int(),
    overdue: z.number().int(),
    notImplemented: z.number().int(),
    closed: z.number().int(),
  }),
  entries: z.array(ZMinutesReviewEntry),
});
export type MinutesReview = z.infer<typeof ZMinutesReview>;

/** "Minutes of the XX meeting, approved on … at the XXI meeting". */
export const ZMinutesPreviousLink = z.object({
  meetingId: ZId,
  number: z.number().int(),
  numeral: z.string(),
  name: ZText,
  startDate: ZIsoDate,
  endDate: ZIsoDate,
  revision: z
    .object({
      number: z.number().int(),
      status: ZMinutesRevisionStatus,
      approvedOn: ZIsoDate.nullable(),
      approvedAtMeetingId: ZId.nullable(),
      approvedAtNumeral: z.string().nullable(),
      approvedAtName: ZText.nullable(),
    })
    .nullable()
    .describe('The latest revision of its minutes; null when none was issued'),
});
export type MinutesPreviousLink = z.infer<typeof ZMinutesPreviousLink>;

/** Everything the minutes of one meeting say, in no particular language. */
export const ZMinutesModel = z.object({
  formatVersion: z.literal(1),
  assembledAt: ZIsoDateTime,
  meeting: z.object({
    id: ZId,
    number: z.number().int(),
    numeral: z.string(),
    name: ZText,
    kind: z.enum(MEETING_KINDS),
    status: ZMeetingStatus,
    startDate: ZIsoDate,
    endDate: ZIsoDate,
    startTime: z.string().nullable(),
    timeZone: z.string(),
    city: ZText.nullable(),
    country: z.object({ code: ZStateCode, name: ZText }).nullable(),
    venue: ZText.nullable(),
  }),
  body: z.object({
    id: ZId,
    name: ZText,
    nameGenitive: ZText.nullable(),
    shortName: ZText.nullable(),
    kind: z.enum(BODY_KINDS),
  }),
  chair: ZMinutesPerson.nullable(),
  secretary: ZMinutesPerson.nullable().describe(
    'The participant with the role secretary_general, who signs with the chair',
  ),
  delegations: z.array(ZMinutesDelegation),
  agenda: z.array(ZMinutesAgendaItem),
  otherDecisions: z
    .array(ZMinutesDecision)
    .describe('Adopted at the meeting under no agenda item of it'),
  review: ZMinutesReview.nullable(),
  previousMeeting: ZMinutesPreviousLink.nullable(),
  attendance: z
    .array(z.object({ memberState: ZStateCode, name: ZText }))
    .nullable()
    .optional()
    .describe('Member states recorded present in session; null when none was recorded'),
  writtenDecisions: z
    .array(ZMinutesDecision)
    .optional()
    .describe('Adopted by written procedure since the previous meeting, reported at this one'),
});
export type MinutesModel = z.infer<typeof ZMinutesModel>;

// ---- Revisions -------------------------------------------------------------------------------

export const ZMinutesRevision = z.object({
  meetingId: ZId,
  number: z.number().int().positive(),
  status: ZMinutesRevisionStatus,
  issuedAt: ZIsoDateTime,
  issuedBy: z.string().describe('Name of who issued it'),
  approvedOn: ZIsoDate.nullable(),
  approvedAtMeetingId: ZId.nullable(),
  approvedAtNumeral: z.string().nullable().describe('The approving meeting’s number, as XXII'),
  approvedAtName: ZText.nullable(),
  version: z.number().int(),
});
export type MinutesRevision = z.infer<typeof ZMinutesRevision>;

export const ZMinutesRevisionApprove = z
  .object({
    meetingId: ZId.describe(
      'The meeting at which the minutes were approved: a later meeting of the same body',
    ),
    approvedOn: ZIsoDate.optional().describe(
      'Date of approval; by default the approving meeting’s start date',
    ),
  })
  .strict();
export type MinutesRevisionApprove = z.infer<typeof ZMinutesRevisionApprove>;

/** What a meeting's minutes stand at: their revisions and the link to the previous minutes. */
export const ZMinutesInfo = z.object({
  meetingId: ZId,
  available: z.boolean().describe('Minutes exist for in_session (draft only) and held meetings'),
  canIssue: z.boolean().describe('A revision may be issued now (held, none approved yet)'),
  revisions: z.array(ZMinutesRevision),
  previousMeeting: ZMinutesPreviousLink.nullable(),
});
export type MinutesInfo = z.infer<typeof ZMinutesInfo>;

export const ZMinutesDownloadQuery = z.object({
  lang: ZMinutesLanguage.optional().describe(
    'en, ru, or bilingual (English and Russian in parallel columns); default: the caller’s language',
  ),
  revision: z.coerce
    .number()
    .int()
    .positive()
    .max(100000)
    .optional()
    .describe('Revision number; by default the latest, or the live draft when none was issued'),
});
export type MinutesDownloadQuery = z.infer<typeof ZMinutesDownloadQuery>;
