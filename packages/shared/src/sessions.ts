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
import { ZDecisionKind } from './decisions.ts';
import { ZAgendaItemKind, ZMeetingStatus } from './meetings.ts';
import { PROPOSAL_POSITIONS, PROPOSAL_PROCEDURES, PROPOSAL_STATUSES } from './values.ts';

/**
 * Session mode and written procedure (issue 8): a meeting in session with its current agenda
 * item, attendance and quorum; proposals (draft decisions put to adoption) with each member
 * state's position; adoption by consensus in session, or by written procedure between meetings.
 */

export const ZProposalProcedure = z
  .enum(PROPOSAL_PROCEDURES)
  .describe('session: put to the meeting in session; written: circulated between meetings');
export type ProposalProcedure = z.infer<typeof ZProposalProcedure>;
export const ZProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ZProposalStatus>;
export const ZProposalPosition = z
  .enum(PROPOSAL_POSITIONS)
  .describe('concur_with_reservation is a "special opinion": its reservation text is kept');
export type ProposalPosition = z.infer<typeof ZProposalPosition>;

export const ZProposalStatePosition = z.object({
  memberState: ZStateCode,
  position: ZProposalPosition,
  reservation: localizedText(20_000)
    .nullable()
    .describe('The special opinion of concur_with_reservation; null otherwise'),
  recordedAt: ZIsoDateTime,
  recordedBy: z.string().describe('Name of the user who recorded the position'),
});
export type ProposalStatePosition = z.infer<typeof ZProposalStatePosition>;

export const ZProposal = z.object({
  id: ZId,
  procedure: ZProposalProcedure,
  bodyId: ZId,
  meetingId: ZId.nullable(),
  agendaItemId: ZId.nullable(),
  documentId: ZId.nullable().describe('The draft_decision document the proposal comes from'),
  kind: ZDecisionKind,
  title: localizedText(1000),
  text: localizedText(100_000).describe('Markdown'),
  status: ZProposalStatus,
  deadline: ZIsoDateTime.nullable().describe('Written procedure: when the circulation closes'),
  decisionId: ZId.nullable().describe('The decision the adoption created'),
  decisionNumber: z.string().nullable(),
  positions: z.array(ZProposalStatePosition).describe('Recorded positions, in state code order'),
  outcome: z.object({
    objections: z.array(ZStateCode).describe('States whose position is object'),
    pending: z
      .array(ZStateCode)
      .describe('Member states with no position yet (in session: present states only)'),
  }),
  openedAt: ZIsoDateTime,
  closedAt: ZIsoDateTime.nullable(),
  version: z.number().int().describe('Incremented on every change; send it back as If-Match'),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
});
export type Proposal = z.infer<typeof ZProposal>;

export const ZSessionAttendance = z.object({
  memberState: ZStateCode,
  name: ZLocalizedText,
  present: z.boolean(),
  recordedAt: ZIsoDateTime.nullable(),
});
export type SessionAttendance = z.infer<typeof ZSessionAttendance>;

export const ZMeetingSession = z.object({
  meetingId: ZId,
  status: ZMeetingStatus.describe('The meeting status'),
  openedAt: ZIsoDateTime.nullable(),
  closedAt: ZIsoDateTime.nullable(),
  currentAgendaItem: z
    .object({
      id: ZId,
      position: z.string(),
      title: localizedText(1000),
      kind: ZAgendaItemKind,
    })
    .nullable(),
  quorum: z.object({
    required: z
      .number()
      .int()
      .describe('Member states that must be present: the body’s quorum rule, or all of them'),
    present: z.number().int(),
    met: z.boolean(),
  }),
  attendance: z
    .array(ZSessionAttendance)
    .describe('Every member state with status member, in code order'),
  currentProposalId: ZId.nullable(),
  proposals: z.array(ZProposal).describe('The proposals of this meeting, in creation order'),
  version: z.number().int().describe('The session version; send it back as If-Match'),
});
export type MeetingSession = z.infer<typeof ZMeetingSession>;

export const ZCurrentItemInput = z.object({ agendaItemId: ZId.nullable() }).strict();
export type CurrentItemInput = z.infer<typeof ZCurrentItemInput>;

export const ZAttendanceInput = z.object({ present: z.boolean() }).strict();
export type AttendanceInput = z.infer<typeof ZAttendanceInput>;

const proposalContent = {
  documentId: ZId.nullable().default(null).describe('A draft_decision document, optional'),
  kind: ZDecisionKind.default('decision'),
  title: localizedText(1000),
  text: localizedText(100_000).describe('Markdown'),
};

export const ZSessionProposalCreate = z
  .object({
    procedure: z.literal('session'),
    meetingId: ZId,
    agendaItemId: ZId,
    ...proposalContent,
  })
  .strict();

export const ZWrittenProposalCreate = z
  .object({
    procedure: z.literal('written'),
    bodyId: ZId,
    deadline: ZIsoDateTime.describe('In the future'),
    ...proposalContent,
  })
  .strict();

export const ZProposalCreate = z.discriminatedUnion('procedure', [
  ZSessionProposalCreate,
  ZWrittenProposalCreate,
]);
export type ProposalCreate = z.infer<typeof ZProposalCreate>;

export const ZProposalPositionInput = z
  .object({
    position: ZProposalPosition,
    reservation: localizedText(20_000)
      .nullable()
      .default(null)
      .describe('Required with concur_with_reservation, not allowed otherwise'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.position === 'concur_with_reservation' && v.reservation === null) {
      ctx.addIssue({ code: 'custom', path: ['reservation'], message: 'v.reservationRequired' });
    }
    if (v.position !== 'concur_with_reservation' && v.reservation !== null) {
      ctx.addIssue({ code: 'custom', path: ['reservation'], message: 'v.reservationOnly' });
    }
  });
export type ProposalPositionInput = z.infer<typeof ZProposalPositionInput>;

export const ZProposalListQuery = ZListQueryBase.extend({
  procedure: ZProposalProcedure.optional(),
  status: ZProposalStatus.optional(),
  bodyId: ZId.optional(),
  meetingId: ZId.optional(),
});
export type ProposalListQuery = z.infer<typeof ZProposalListQuery>;

/** A decision adopted by written procedure, as reported at the body's next meeting. */
export const ZWrittenDecision = z.object({
  decisionId: ZId,
  number: z.string().describe('WP-{year}/{n}'),
  kind: ZDecisionKind,
  title: localizedText(1000),
  adoptedOn: ZIsoDate,
  proposalId: ZId,
  positions: z.array(ZProposalStatePosition),
});
export type WrittenDecision = z.infer<typeof ZWrittenDecision>;

export const ZWrittenDecisionList = z.object({ items: z.array(ZWrittenDecision) });
export type WrittenDecisionList = z.infer<typeof ZWrittenDecisionList>;
