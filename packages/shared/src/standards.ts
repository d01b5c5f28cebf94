import { z } from 'zod';
import {
  localizedText,
  ZId,
  ZIsoDate,
  ZIsoDateTime,
  ZListQueryBase,
  ZResourceMeta,
  ZStateCode,
} from './common.ts';

export const STANDARD_STATUSES = [
  'planned',
  'in_development',
  'under_consultation',
  'adopted',
  'withdrawn',
] as const;
export const ZStandardStatus = z.enum(STANDARD_STATUSES);
export type StandardStatus = z.infer<typeof ZStandardStatus>;

/**
 * The standard's lifecycle: planned → in_development → under_consultation → adopted, a step back
 * from consultation to development (a round that did not agree), and withdrawn from any status.
 * Withdrawn is final. Any other change answers 409.
 */
export const STANDARD_TRANSITIONS: Record<StandardStatus, readonly StandardStatus[]> = {
  planned: ['in_development', 'withdrawn'],
  in_development: ['under_consultation', 'withdrawn'],
  under_consultation: ['adopted', 'in_development', 'withdrawn'],
  adopted: ['withdrawn'],
  withdrawn: [],
};

export const ADOPTION_STATUSES = [
  'pending',
  'adopted',
  'adopted_with_reservations',
  'not_adopted',
] as const;
export const ZAdoptionStatus = z.enum(ADOPTION_STATUSES);
export type AdoptionStatus = z.infer<typeof ZAdoptionStatus>;

const ZDesignation = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe('The standard’s designation, e.g. GOST RV 0015-002-2026');

const ZDecisionIds = z
  .array(ZId)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'v.distinctIds' })
  .describe('The decisions that created or approved the entry');

/** A linked decision as entries show it. */
export const ZLinkedDecision = z.object({
  id: ZId,
  number: z.string(),
  title: localizedText(1000),
  adoptedOn: ZIsoDate,
});
export type LinkedDecision = z.infer<typeof ZLinkedDecision>;

/** One member state's adoption of a standard; a state without a record reads as pending. */
export const ZAdoption = z.object({
  standardId: ZId,
  memberState: ZStateCode,
  status: ZAdoptionStatus,
  reservations: localizedText(20_000).nullable(),
  nationalReference: z.string().nullable().describe('The national standard that adopts it'),
  effectiveDate: ZIsoDate.nullable(),
  updatedBy: z.object({ id: ZId.nullable(), name: z.string() }).nullable(),
  recorded: z.boolean().describe('False for a state that has no record yet (read as pending)'),
  version: z.number().int().describe('0 while no record exists; send it back as If-Match'),
  updatedAt: ZIsoDateTime.nullable(),
});
export type Adoption = z.infer<typeof ZAdoption>;

export const ZAdoptionPut = z
  .object({
    status: ZAdoptionStatus,
    reservations: localizedText(20_000).nullable().default(null),
    nationalReference: z.string().trim().min(1).max(200).nullable().default(null),
    effectiveDate: ZIsoDate.nullable().default(null),
  })
  .strict();
export type AdoptionPut = z.infer<typeof ZAdoptionPut>;

export const ZStandardDocument = z.object({
  id: ZId,
  title: localizedText(1000),
  status: z.string(),
  latestConsultation: z
    .object({
      id: ZId,
      round: z.number().int(),
      status: z.string().describe('open | closed'),
      outcome: z.string().nullable(),
      deadline: ZIsoDate,
    })
    .nullable()
    .describe('The document’s latest consultation round, if any'),
});

export const ZAdoptionCounts = z.object({
  pending: z.number().int(),
  adopted: z.number().int(),
  adoptedWithReservations: z.number().int(),
  notAdopted: z.number().int(),
});

export const ZStandard = z.object({
  id: ZId,
  designation: z.string(),
  title: localizedText(1000),
  description: localizedText(20_000).nullable(),
  status: ZStandardStatus,
  leadMemberState: ZStateCode.nullable(),
  bodyId: ZId.nullable(),
  documentId: ZId.nullable().describe('Null also when the caller may not read the document'),
  document: ZStandardDocument.nullable(),
  decisions: z.array(ZLinkedDecision),
  adoptionCounts: ZAdoptionCounts.describe('Over the member states (status member)'),
  ...ZResourceMeta,
});
export type Standard = z.infer<typeof ZStandard>;

export const ZStandardListItem = ZStandard.omit({ description: true, document: true });
export type StandardListItem = z.infer<typeof ZStandardListItem>;

export const ZStandardCreate = z
  .object({
    designation: ZDesignation,
    title: localizedText(1000),
    description: localizedText(20_000).nullable().default(null),
    status: ZStandardStatus.default('planned'),
    leadMemberState: ZStateCode.nullable().default(null),
    bodyId: ZId.nullable().default(null),
    documentId: ZId.nullable().default(null),
    decisionIds: ZDecisionIds.default([]),
  })
  .strict();
export type StandardCreate = z.infer<typeof ZStandardCreate>;

export const ZStandardPatch = z
  .object({
    designation: ZDesignation,
    title: localizedText(1000),
    description: localizedText(20_000).nullable(),
    status: ZStandardStatus,
    leadMemberState: ZStateCode.nullable(),
    bodyId: ZId.nullable(),
    documentId: ZId.nullable(),
    decisionIds: ZDecisionIds,
  })
  .partial()
  .strict();
export type StandardPatch = z.infer<typeof ZStandardPatch>;

export const ZStandardListQuery = ZListQueryBase.extend({
  status: ZStandardStatus.optional(),
  bodyId: ZId.optional(),
  leadMemberState: ZStateCode.optional(),
  decisionId: ZId.optional().describe('Entries that name this decision'),
  adoptedBy: ZStateCode.optional().describe('Adopted (with or without reservations) by this state'),
  q: z.string().trim().min(1).max(200).optional().describe('Matches designation and title'),
});
export type StandardListQuery = z.infer<typeof ZStandardListQuery>;

export const ZAdoptionMatrixQuery = z.object({
  status: ZStandardStatus.optional(),
  bodyId: ZId.optional(),
  leadMemberState: ZStateCode.optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type AdoptionMatrixQuery = z.infer<typeof ZAdoptionMatrixQuery>;

/** Standards × member states: every state's adoption status of every matching standard. */
export const ZAdoptionMatrix = z.object({
  memberStates: z.array(ZStateCode).describe('The columns: member states, by code'),
  rows: z.array(
    z.object({
      standard: ZStandardListItem.pick({
        id: true,
        designation: true,
        title: true,
        status: true,
        leadMemberState: true,
        bodyId: true,
      }),
      cells: z
        .array(
          z.object({
            status: ZAdoptionStatus,
            nationalReference: z.string().nullable(),
            effectiveDate: ZIsoDate.nullable(),
          }),
        )
        .describe('One per member state, in the order of memberStates'),
    }),
  ),
  totals: z
    .array(ZAdoptionCounts.extend({ memberState: ZStateCode }))
    .describe('Per member state over the rows'),
  truncated: z.boolean().describe('True when more than 2000 standards matched'),
});
export type AdoptionMatrix = z.infer<typeof ZAdoptionMatrix>;

/** One entry of a register entry's history, from the audit trail. */
export const ZRegisterHistoryEvent = z.object({
  seq: z.number().int(),
  at: ZIsoDateTime,
  actor: z.object({ id: ZId, name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string().describe('The entry itself or one of its children'),
  entityId: z.string(),
  change: z.unknown(),
});
export type RegisterHistoryEvent = z.infer<typeof ZRegisterHistoryEvent>;

/** A register entry that names a decision (for the decision's page). */
export const ZRegisterEntryRef = z.object({
  type: z.enum(['standard', 'program', 'project', 'ip_result']),
  id: ZId,
  title: localizedText(1000),
  status: z.string(),
});
export type RegisterEntryRef = z.infer<typeof ZRegisterEntryRef>;
