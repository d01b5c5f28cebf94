import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDate,
  ZIsoDateTime,
  ZListQueryBase,
  ZResourceMeta,
  ZStateCode,
  ZTime,
  ZTimeZone,
} from './common.ts';
import {
  AGENDA_ITEM_KINDS,
  AGENDA_STATUSES,
  AMENDMENT_KINDS,
  MEETING_KINDS,
  MEETING_STATUSES,
  PARTICIPANT_ROLES,
} from './values.ts';

export const ZMeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof ZMeetingStatus>;

export const ZLocation = z
  .object({
    city: localizedText(200),
    country: ZStateCode.describe('ISO 3166-1 alpha-3 code of the host country'),
    venue: localizedText(500).nullable().default(null),
  })
  .strict();
export type Location = z.infer<typeof ZLocation>;

export const ZMeeting = z.object({
  id: ZId,
  bodyId: ZId,
  number: z.number().int().positive(),
  numeral: z.string().describe('The number as a Roman numeral: 21 → XXI'),
  name: localizedText(1200).describe(
    'Derived from the number and the body: "XXI meeting of the …", "XXI заседание …"',
  ),
  kind: z.enum(MEETING_KINDS),
  status: ZMeetingStatus,
  startDate: ZIsoDate,
  endDate: ZIsoDate,
  startTime: ZTime.nullable(),
  timeZone: ZTimeZone,
  location: ZLocation.nullable(),
  chairPersonId: ZId.nullable(),
  parentMeetingId: ZId.nullable(),
  agendaStatus: z.enum(AGENDA_STATUSES),
  agendaApprovedAt: ZIsoDateTime.nullable(),
  notes: localizedText(5000).nullable(),
  ...ZResourceMeta,
});
export type Meeting = z.infer<typeof ZMeeting>;

const meetingFields = {
  bodyId: ZId,
  number: z.number().int().positive().max(100000),
  kind: z.enum(MEETING_KINDS),
  startDate: ZIsoDate,
  endDate: ZIsoDate.nullable().describe('Defaults to startDate'),
  startTime: ZTime.nullable(),
  timeZone: ZTimeZone,
  location: ZLocation.nullable(),
  chairPersonId: ZId.nullable(),
  parentMeetingId: ZId.nullable(),
  notes: localizedText(5000).nullable(),
};
export const ZMeetingCreate = z
  .object({
    ...meetingFields,
    number: meetingFields.number.optional().describe('Defaults to the body’s next number'),
    kind: meetingFields.kind.default('regular'),
    status: z.enum(['planned', 'announced']).default('planned'),
    endDate: meetingFields.endDate.default(null),
    startTime: meetingFields.startTime.default(null),
    location: meetingFields.location.default(null),
    chairPersonId: meetingFields.chairPersonId.default(null),
    parentMeetingId: meetingFields.parentMeetingId.default(null),
    notes: meetingFields.notes.default(null),
  })
  .strict();
export type MeetingCreate = z.infer<typeof ZMeetingCreate>;

export const ZMeetingPatch = z
  .object({
    number: meetingFields.number,
    kind: meetingFields.kind,
    status: ZMeetingStatus.describe('Moves along the allowed transitions only'),
    startDate: meetingFields.startDate,
    endDate: ZIsoDate,
    startTime: meetingFields.startTime,
    timeZone: meetingFields.timeZone,
    location: meetingFields.location,
    chairPersonId: meetingFields.chairPersonId,
    parentMeetingId: meetingFields.parentMeetingId,
    notes: meetingFields.notes,
  })
  .partial()
  .strict();
export type MeetingPatch = z.infer<typeof ZMeetingPatch>;

export const ZMeetingListQuery = ZListQueryBase.extend({
  bodyId: ZId.optional(),
  status: z
    .string()
    .max(100)
    .optional()
    .describe('One status or several separated by commas, e.g. announced,in_session'),
  parentMeetingId: ZId.optional().describe('Meetings held in preparation of this one'),
  when: z
    .enum(['upcoming', 'past'])
    .optional()
    .describe(
      'upcoming: ends today or later, soonest first; past: ended before today, latest first',
    ),
  from: ZIsoDate.optional().describe('Starts on or after'),
  to: ZIsoDate.optional().describe('Starts on or before'),
});
export type MeetingListQuery = z.infer<typeof ZMeetingListQuery>;

// ---- Participants ----------------------------------------------------------------------------

export const ZParticipantRole = z.enum(PARTICIPANT_ROLES);
/** The person of a participant, so a list shows each participant without more requests. */
export const ZParticipantPerson = z.object({
  id: ZId,
  name: localizedText(1000),
  position: localizedText(1000).nullable(),
  memberState: ZStateCode.nullable(),
});
export type ParticipantPerson = z.infer<typeof ZParticipantPerson>;
export const ZParticipant = z.object({
  id: ZId,
  meetingId: ZId,
  personId: ZId,
  person: ZParticipantPerson,
  role: ZParticipantRole,
  memberState: ZStateCode.nullable().describe('The member state represented'),
  bodyId: ZId.nullable().describe('The body represented'),
  notable: z.boolean().describe('Named in announcements'),
  ...ZResourceMeta,
});
export type Participant = z.infer<typeof ZParticipant>;
export const ZParticipantCreate = z
  .object({
    personId: ZId,
    role: ZParticipantRole,
    memberState: ZStateCode.nullable().default(null),
    bodyId: ZId.nullable().default(null),
    notable: z.boolean().default(false),
  })
  .strict();
export type ParticipantCreate = z.infer<typeof ZParticipantCreate>;
export const ZParticipantPatch = z
  .object({
    role: ZParticipantRole,
    memberState: ZStateCode.nullable(),
    bodyId: ZId.nullable(),
    notable: z.boolean(),
  })
  .partial()
  .strict();
export type ParticipantPatch = z.infer<typeof ZParticipantPatch>;

// ---- Agenda ----------------------------------------------------------------------------------

export const ZAgendaItemKind = z.enum(AGENDA_ITEM_KINDS);
export const ZAgendaItem = z.object({
  id: ZId,
  meetingId: ZId,
  parentId: ZId.nullable(),
  ordinal: z.number().int().describe('Order among siblings, from 1'),
  position: z.string().describe('Derived: "1", "2", "2.1"'),
  title: localizedText(1000),
  kind: ZAgendaItemKind,
  description: localizedText(20000).nullable(),
  rapporteurPersonId: ZId.nullable(),
  public: z.boolean().describe('Title shown on public meeting pages'),
  ...ZResourceMeta,
});
export type AgendaItem = z.infer<typeof ZAgendaItem>;
export const ZAgendaItemCreate = z
  .object({
    parentId: ZId.nullable().default(null),
    title: localizedText(1000),
    kind: ZAgendaItemKind.default('other'),
    description: localizedText(20000).nullable().default(null),
    rapporteurPersonId: ZId.nullable().default(null),
    public: z.boolean().default(true),
    reason: z.string().max(1000).optional().describe('Why, when the agenda is approved'),
  })
  .strict();
export type AgendaItemCreate = z.infer<typeof ZAgendaItemCreate>;
export const ZAgendaItemPatch = z
  .object({
    title: localizedText(1000),
    kind: ZAgendaItemKind,
    description: localizedText(20000).nullable(),
    rapporteurPersonId: ZId.nullable(),
    public: z.boolean(),
    reason: z.string().max(1000),
  })
  .partial()
  .strict();
export type AgendaItemPatch = z.infer<typeof ZAgendaItemPatch>;
export const ZAgendaItemDeleteQuery = z
  .object({ reason: z.string().max(1000).optional().describe('Why, when the agenda is approved') })
  .strict();

export type AgendaOrderNode = { id: string; children?: AgendaOrderNode[] };
// The tree is spelled out level by level rather than recursively, so a body nested thousands of
// levels deep is refused by its shape instead of exhausting the stack. Nodes of a fourth level
// are accepted here only so that the server can name them when it refuses them.
const orderNode = <C extends z.ZodType>(children: C) =>
  z.object({ id: ZId, children: z.array(children).max(500).optional() }).strict();
const ZAgendaOrderTooDeep = orderNode(z.unknown());
export const ZAgendaOrderNode = orderNode(orderNode(orderNode(ZAgendaOrderTooDeep)));
export const ZAgendaOrder = z
  .object({
    items: z
      .array(ZAgendaOrderNode)
      .max(500)
      .describe('Every item of the agenda exactly once, as a tree of at most three levels'),
    reason: z.string().max(1000).optional().describe('Why, when the agenda is approved'),
  })
  .strict();
export type AgendaOrder = z.infer<typeof ZAgendaOrder>;

export const ZAgendaAmendment = z.object({
  id: ZId,
  meetingId: ZId,
  kind: z.enum(AMENDMENT_KINDS),
  agendaItemId: ZId.nullable(),
  summary: z.string(),
  reason: z.string().nullable(),
  actorId: ZId.nullable(),
  actorName: z.string().nullable(),
  at: ZIsoDateTime,
});
export type AgendaAmendment = z.infer<typeof ZAgendaAmendment>;
