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
import { ZLinkedDecision } from './standards.ts';

export const PROGRAM_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export const ZProgramStatus = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof ZProgramStatus>;

/** planned → active → completed; cancelled from planned or active. Completed and cancelled are final. */
export const PROGRAM_TRANSITIONS: Record<ProgramStatus, readonly ProgramStatus[]> = {
  planned: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const MEASURE_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export const ZMeasureStatus = z.enum(MEASURE_STATUSES);
export type MeasureStatus = z.infer<typeof ZMeasureStatus>;

/**
 * planned → in_progress → completed; cancelled from planned or in_progress; a completed measure
 * may be reopened (back to in_progress). Cancelled is final.
 */
export const MEASURE_TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  planned: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: ['in_progress'],
  cancelled: [],
};

const ZDecisionIds = z
  .array(ZId)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'v.distinctIds' })
  .describe('The decisions that created or approved the program');

const ZStates = z
  .array(ZStateCode)
  .max(100)
  .refine((codes) => new Set(codes).size === codes.length, { message: 'v.distinctStates' });
const ZOrganizationIds = z
  .array(ZId)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'v.distinctIds' });

const ZProgress = z.number().int().min(0).max(100).describe('Percent, 0–100');

export const ZProgram = z.object({
  id: ZId,
  title: localizedText(1000),
  description: localizedText(20_000).nullable(),
  bodyId: ZId.nullable(),
  periodFrom: ZIsoDate,
  periodTo: ZIsoDate,
  status: ZProgramStatus,
  progress: z
    .number()
    .int()
    .nullable()
    .describe(
      'Derived: the mean progress of the leaf measures (measures without sub-measures), each ' +
        'weighing the same, cancelled ones left out, rounded to a whole percent; null without any',
    ),
  measureCount: z.number().int(),
  overdueMeasures: z.number().int().describe('Open measures past their due date'),
  decisions: z.array(ZLinkedDecision),
  ...ZResourceMeta,
});
export type Program = z.infer<typeof ZProgram>;

export const ZProgramCreate = z
  .object({
    title: localizedText(1000),
    description: localizedText(20_000).nullable().default(null),
    bodyId: ZId.nullable().default(null),
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate,
    status: ZProgramStatus.default('planned'),
    decisionIds: ZDecisionIds.default([]),
  })
  .strict();
export type ProgramCreate = z.infer<typeof ZProgramCreate>;

export const ZProgramPatch = z
  .object({
    title: localizedText(1000),
    description: localizedText(20_000).nullable(),
    bodyId: ZId.nullable(),
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate,
    status: ZProgramStatus,
    decisionIds: ZDecisionIds,
  })
  .partial()
  .strict();
export type ProgramPatch = z.infer<typeof ZProgramPatch>;

export const ZProgramListQuery = ZListQueryBase.extend({
  status: ZProgramStatus.optional(),
  bodyId: ZId.optional(),
  memberState: ZStateCode.optional().describe('Has a measure this state is responsible for'),
  activeOn: ZIsoDate.optional().describe('The period includes this date'),
  decisionId: ZId.optional().describe('Programs that name this decision'),
  q: z.string().trim().min(1).max(200).optional().describe('Matches the title'),
});
export type ProgramListQuery = z.infer<typeof ZProgramListQuery>;

// ---- Measures --------------------------------------------------------------------------------

export const ZMeasure = z.object({
  id: ZId,
  programId: ZId,
  parentId: ZId.nullable(),
  code: z.string().describe('Laid out from the tree: 1, 1.2, 1.2.3'),
  depth: z.number().int().describe('0 for top-level measures'),
  title: localizedText(1000),
  description: localizedText(20_000).nullable(),
  responsibleMemberStates: z.array(ZStateCode),
  responsibleOrganizationIds: z.array(ZId),
  startDate: ZIsoDate.nullable(),
  dueDate: ZIsoDate.nullable(),
  status: ZMeasureStatus,
  progress: ZProgress,
  overdue: z.boolean().describe('Open (planned or in progress) and past its due date'),
  hasChildren: z.boolean(),
  ...ZResourceMeta,
});
export type Measure = z.infer<typeof ZMeasure>;

export const ZMeasureCreate = z
  .object({
    parentId: ZId.nullable().default(null),
    position: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe('1-based place among its siblings; default: last'),
    title: localizedText(1000),
    description: localizedText(20_000).nullable().default(null),
    responsibleMemberStates: ZStates.default([]),
    responsibleOrganizationIds: ZOrganizationIds.default([]),
    startDate: ZIsoDate.nullable().default(null),
    dueDate: ZIsoDate.nullable().default(null),
    status: ZMeasureStatus.default('planned'),
    progress: ZProgress.default(0),
  })
  .strict();
export type MeasureCreate = z.infer<typeof ZMeasureCreate>;

export const ZMeasurePatch = z
  .object({
    parentId: ZId.nullable(),
    position: z.number().int().min(1).max(10_000),
    title: localizedText(1000),
    description: localizedText(20_000).nullable(),
    responsibleMemberStates: ZStates,
    responsibleOrganizationIds: ZOrganizationIds,
    startDate: ZIsoDate.nullable(),
    dueDate: ZIsoDate.nullable(),
    status: ZMeasureStatus,
    progress: ZProgress,
  })
  .partial()
  .strict();
export type MeasurePatch = z.infer<typeof ZMeasurePatch>;

export const ZMeasureReport = z.object({
  id: ZId,
  measureId: ZId,
  programId: ZId,
  memberState: ZStateCode.nullable().describe(
    'The responsible state reported for; null: secretariat',
  ),
  reportedOn: ZIsoDate,
  text: localizedText(20_000),
  status: ZMeasureStatus.nullable().describe('The measure status the report set'),
  progress: ZProgress.nullable().describe('The measure progress the report set'),
  reportedBy: z.object({ id: ZId.nullable(), name: z.string() }),
  createdAt: ZIsoDateTime,
});
export type MeasureReport = z.infer<typeof ZMeasureReport>;

export const ZMeasureReportCreate = z
  .object({
    memberState: ZStateCode.nullable()
      .optional()
      .describe('Default for a delegate: its own state; the secretariat may leave it empty'),
    reportedOn: ZIsoDate.optional().describe('Defaults to today'),
    text: localizedText(20_000),
    status: ZMeasureStatus.optional(),
    progress: ZProgress.optional(),
  })
  .strict();
export type MeasureReportCreate = z.infer<typeof ZMeasureReportCreate>;

/** An open measure past its due date, with its program, for the dashboard. */
export const ZOverdueMeasure = z.object({
  id: ZId,
  code: z.string(),
  title: localizedText(1000),
  dueDate: ZIsoDate,
  daysOverdue: z.number().int(),
  status: ZMeasureStatus,
  progress: ZProgress,
  responsibleMemberStates: z.array(ZStateCode),
  program: z.object({ id: ZId, title: localizedText(1000) }),
});
export type OverdueMeasure = z.infer<typeof ZOverdueMeasure>;

export const ZOverdueMeasuresQuery = ZListQueryBase.extend({
  memberState: ZStateCode.optional().describe('Measures this state is responsible for'),
  programId: ZId.optional(),
});
export type OverdueMeasuresQuery = z.infer<typeof ZOverdueMeasuresQuery>;

/** The program's measures for a timeline: period, each measure's span and state, in code order. */
export const ZProgramTimeline = z.object({
  program: z.object({
    id: ZId,
    title: localizedText(1000),
    periodFrom: ZIsoDate,
    periodTo: ZIsoDate,
    progress: z.number().int().nullable(),
  }),
  asOf: ZIsoDate,
  measures: z.array(
    z.object({
      id: ZId,
      parentId: ZId.nullable(),
      code: z.string(),
      depth: z.number().int(),
      title: localizedText(1000),
      startDate: ZIsoDate.nullable(),
      dueDate: ZIsoDate.nullable(),
      status: ZMeasureStatus,
      progress: ZProgress,
      overdue: z.boolean(),
      responsibleMemberStates: z.array(ZStateCode),
    }),
  ),
});
export type ProgramTimeline = z.infer<typeof ZProgramTimeline>;
