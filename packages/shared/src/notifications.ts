import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDate,
  ZIsoDateTime,
  ZListQueryBase,
  ZLocalizedText,
  ZStateCode,
} from './common.ts';

/** What a notification tells of (issue 4); each kind has its message in every language. */
export const NOTIFICATION_KINDS = [
  'consultation_opened',
  'consultation_deadline_soon',
  'consultation_deadline_passed',
  'decision_assigned',
  'report_submitted',
  'comment_resolved',
  'written_procedure_opened',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof ZNotificationKind>;

/** How a user wants mail of its notifications. */
export const MAIL_PREFERENCES = ['immediate', 'daily_digest', 'none'] as const;
export const ZMailPreference = z
  .enum(MAIL_PREFERENCES)
  .describe('immediate: one mail per notification; daily_digest: one mail a day; none: no mail');
export type MailPreference = z.infer<typeof ZMailPreference>;

export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  title: z.string().describe('In the recipient’s language'),
  body: z.string().describe('In the recipient’s language'),
  link: z.string().describe('Workspace path of what the notification is about'),
  entity: z.object({ type: z.string(), id: z.string() }),
  createdAt: ZIsoDateTime,
  readAt: ZIsoDateTime.nullable(),
});
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = ZListQueryBase.extend({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread notifications'),
});
export type NotificationListQuery = z.infer<typeof ZNotificationListQuery>;

export const ZUnreadCount = z.object({ count: z.number().int() });

export const ZReadAllResult = z.object({
  marked: z.number().int().describe('How many notifications were marked read'),
});

export const ZNotificationPreferences = z.object({
  mail: ZMailPreference,
  version: z.number().int().describe('Send it back as If-Match'),
});
export type NotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZNotificationPreferencesPut = z.object({ mail: ZMailPreference }).strict();
export type NotificationPreferencesPut = z.infer<typeof ZNotificationPreferencesPut>;

// ---- Waiting for me --------------------------------------------------------------------------

/** An open assignment the caller's state must report on. */
export const ZWaitingAssignment = z.object({
  assignmentId: ZId,
  decisionId: ZId,
  number: z.string().describe('The decision’s number'),
  title: ZLocalizedText,
  memberState: ZStateCode.nullable(),
  bodyId: ZId.nullable(),
  status: z.string(),
  dueDate: ZIsoDate.nullable(),
  overdue: z.boolean(),
  link: z.string(),
});

/** A consultation round: open to the caller's state without its position, or past its deadline. */
export const ZWaitingConsultation = z.object({
  consultationId: ZId,
  documentId: ZId,
  title: localizedText(1000).describe('The document’s title'),
  round: z.number().int(),
  deadline: ZIsoDate,
  silenceProcedure: z.boolean(),
  overdue: z.boolean().describe('The deadline has passed'),
  unanswered: z.number().int().describe('Invited states without a position'),
  link: z.string(),
});

/** A comment the secretariat has not resolved yet. */
export const ZWaitingComment = z.object({
  commentId: ZId,
  consultationId: ZId,
  documentId: ZId,
  title: localizedText(1000).describe('The document’s title'),
  memberState: ZStateCode,
  clause: z.string(),
  deadline: ZIsoDate.describe('The deadline of the comment’s consultation round'),
  link: z.string(),
});

function waitingList<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item).describe('Earliest date first, undated last; at most 100'),
    total: z.number().int(),
  });
}

export const ZWaiting = z.object({
  assignments: waitingList(ZWaitingAssignment).describe(
    'Delegates: its state’s open assignments to report on',
  ),
  consultations: waitingList(ZWaitingConsultation).describe(
    'Delegates: rounds open to its state without its position; secretariat: open rounds past their deadline',
  ),
  comments: waitingList(ZWaitingComment).describe('Secretariat: comments still unresolved'),
  overdueAssignments: z
    .number()
    .int()
    .describe('Open assignments past due (delegates: its state’s; secretariat: all)'),
});
export type Waiting = z.infer<typeof ZWaiting>;
export type WaitingAssignment = z.infer<typeof ZWaitingAssignment>;
export type WaitingConsultation = z.infer<typeof ZWaitingConsultation>;
export type WaitingComment = z.infer<typeof ZWaitingComment>;
