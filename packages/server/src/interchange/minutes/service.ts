import {
  type MinutesInfo,
  type MinutesLanguage,
  type MinutesModel,
  type MinutesRevision,
  type MinutesRevisionApprove,
  type Page,
  toRoman,
  ZMinutesModel,
} from '@plenum/shared';
import { DOCX_TYPE, type Download } from '../../modules/exports/download.ts';
import { lockMeeting, readableMeeting } from '../../modules/meetings/service.ts';
import { requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import {
  decisionsSections,
  type MinutesEdition,
  minutesSections,
  runningHeader,
} from './document.ts';
import { fill, L } from './labels.ts';
import {
  approvedAtName,
  assembleFromRecord,
  findPreviousLink,
  MINUTES_STATUSES,
  noMinutes,
  restrictMinutes,
} from './model.ts';
import { sectionsPdf } from './pdf.ts';
import * as repo from './repository.ts';

/**
 * Minutes of meetings and their revisions (issue 7). Reading follows the meeting: whoever may
 * read the meeting and is signed in reads its minutes (401 anonymous, 404 unreadable meeting),
 * with documents restricted per caller. A live draft exists while the meeting is in session or
 * held; revisions are issued once it is held and end with the approved one.
 */

const AUDIT_TYPE = 'minutes_revision';

function mapRevision(row: repo.RevisionRow): MinutesRevision {
  return {
    meetingId: row.meetingId,
    number: row.number,
    status: row.status as MinutesRevision['status'],
    issuedAt: row.issuedAt,
    issuedBy: row.issuedByName,
    approvedOn: row.approvedOn,
    approvedAtMeetingId: row.approvedAtMeetingId,
    approvedAtNumeral: row.approvedAtNumber === null ? null : toRoman(row.approvedAtNumber),
    approvedAtName: approvedAtName(row),
    version: row.version,
  };
}

/** The meeting, if the caller may read it and it may have minutes at all. */
async function meetingWithMinutes(ctx: Ctx, meetingId: string) {
  requireSignedIn(ctx.actor);
  const meeting = await readableMeeting(ctx, meetingId);
  if (!(MINUTES_STATUSES as readonly string[]).includes(meeting.status)) {
    throw noMinutes();
  }
  return meeting;
}

/** GET /meetings/{id}/minutes: where the minutes stand, and the previous meeting's minutes. */
export async function getMinutesInfo(ctx: Ctx, meetingId: string): Promise<MinutesInfo> {
  requireSignedIn(ctx.actor);
  const meeting = await readableMeeting(ctx, meetingId);
  const revisions = (await repo.listRevisions(ctx.db, meetingId)).map(mapRevision);
  return {
    meetingId,
    available: (MINUTES_STATUSES as readonly string[]).includes(meeting.status),
    canIssue: meeting.status === 'held' && !revisions.some((r) => r.status === 'approved'),
    revisions,
    previousMeeting: await findPreviousLink(ctx, meeting.bodyId, meeting.number),
  };
}

export async function listMinutesRevisions(
  ctx: Ctx,
  meetingId: string,
): Promise<Page<MinutesRevision>> {
  requireSignedIn(ctx.actor);
  await readableMeeting(ctx, meetingId);
  const rows = await repo.listRevisions(ctx.db, meetingId);
  return { items: rows.map(mapRevision), nextCursor: null };
}

export async function getMinutesRevision(
  ctx: Ctx,
  meetingId: string,
  number: number,
): Promise<MinutesRevision> {
  requireSignedIn(ctx.actor);
  await readableMeeting(ctx, meetingId);
  const row = await repo.findRevision(ctx.db, meetingId, number);
  if (!row) {
    throw notFound('revision of these minutes');
  }
  return mapRevision(row);
}

/**
 * POST /meetings/{id}/minutes/revisions: freezes the minutes as assembled now into the next
 * revision, a draft. Only for a held meeting, and never after a revision was approved (approved
 * minutes are final).
 */
export async function issueMinutesRevision(ctx: Ctx, meetingId: string): Promise<MinutesRevision> {
  requireContentWriter(ctx.actor);
  await readableMeeting(ctx, meetingId);
  const number = await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        // The meeting's row lock orders concurrent issuers; the primary key settles any race left.
        const meeting = await lockMeeting(trx, ctx.dialect, meetingId);
        if (meeting.status !== 'held') {
          throw new AppError(
            'invalid_transition',
            'Revisions of the minutes are issued once the meeting is held.',
          );
        }
        const latest = await repo.findLatestRevision(trx, meetingId);
        if (latest?.status === 'approved') {
          throw new AppError(
            'invalid_transition',
            'These minutes were approved; approved minutes are final and take no further revisions.',
          );
        }
        const next = (latest?.number ?? 0) + 1;
        const model = await assembleFromRecord({ ...ctx, db: trx }, meetingId);
        const now = nowIso();
        await repo.insertRevision(trx, {
          meetingId,
          number: next,
          status: 'draft',
          snapshot: JSON.stringify(model),
          issuedAt: now,
          issuedById: ctx.actor.id,
          issuedByName: ctx.actor.name,
          approvedAtMeetingId: null,
          approvedOn: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: AUDIT_TYPE,
          entityId: `${meetingId}/${next}`,
          change: { meetingId, number: next, status: 'draft' },
        });
        return next;
      }),
    {
      unique:
        'Another revision of these minutes was issued at the same moment; reload and try again.',
    },
  );
  return getMinutesRevision(ctx, meetingId, number);
}

/**
 * POST /meetings/{id}/minutes/revisions/{n}/approve: the latest revision, a draft, approved at a
 * later meeting of the same body that is in session or held, on a day of that meeting.
 */
export async function approveMinutesRevision(
  ctx: Ctx,
  meetingId: string,
  number: number,
  input: MinutesRevisionApprove,
  ifMatch: number | null,
): Promise<MinutesRevision> {
  requireContentWriter(ctx.actor);
  const meeting = await readableMeeting(ctx, meetingId);
  await ctx.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, ctx.dialect, meetingId);
    const revision = await repo.findRevision(trx, meetingId, number);
    if (!revision) {
      throw notFound('revision of these minutes');
    }
    if (ifMatch !== null && ifMatch !== revision.version) {
      throw new AppError(
        'precondition_failed',
        `This revision changed since you read it (now version ${revision.version}); reload and try again.`,
      );
    }
    if (revision.status === 'approved') {
      throw new AppError('invalid_transition', 'This revision is already approved.');
    }
    const latest = await repo.findLatestRevision(trx, meetingId);
    if (latest && latest.number !== number) {
      throw new AppError(
        'invalid_transition',
        'Only the latest revision of the minutes can be approved; a later one was issued.',
      );
    }
    const at = await repo.findMeetingBrief(trx, input.meetingId);
    if (!at) {
      throw invalid('meetingId', 'No meeting has this id');
    }
    if (at.bodyId !== meeting.bodyId || at.number <= meeting.number) {
      throw invalid('meetingId', 'Minutes are approved at a later meeting of the same body');
    }
    if (at.status !== 'in_session' && at.status !== 'held') {
      throw invalid('meetingId', 'The approving meeting must be in session or held');
    }
    const approvedOn = input.approvedOn ?? at.startDate;
    if (approvedOn < at.startDate || approvedOn > at.endDate) {
      throw invalid('approvedOn', 'The date of approval must be a day of the approving meeting');
    }
    const now = nowIso();
    const changed = await repo.approveRevision(trx, meetingId, number, revision.version, {
      approvedAtMeetingId: at.id,
      approvedOn,
      updatedAt: now,
    });
    if (changed === 0) {
      throw new AppError(
        'precondition_failed',
        'This revision changed meanwhile; reload and try again.',
      );
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'approve',
      entityType: AUDIT_TYPE,
      entityId: `${meetingId}/${number}`,
      change: { status: ['draft', 'approved'], approvedAtMeetingId: at.id, approvedOn },
    });
  });
  return getMinutesRevision(ctx, meetingId, number);
}

/**
 * The edition a download renders: the revision asked for, else the latest one, else the live
 * draft assembled now; restricted to what the caller may read in every case.
 */
export async function loadMinutesEdition(
  ctx: Ctx,
  meetingId: string,
  revision?: number,
): Promise<MinutesEdition> {
  await meetingWithMinutes(ctx, meetingId);
  const row =
    revision === undefined
      ? await repo.findLatestRevision(ctx.db, meetingId)
      : await repo.findRevision(ctx.db, meetingId, revision);
  if (!row) {
    if (revision !== undefined) {
      throw notFound('revision of these minutes');
    }
    return {
      model: await restrictMinutes(ctx, await assembleFromRecord(ctx, meetingId)),
      revision: null,
    };
  }
  const stored = await repo.findSnapshot(ctx.db, meetingId, row.number);
  const model: MinutesModel = ZMinutesModel.parse(JSON.parse(stored?.snapshot ?? 'null'));
  return { model: await restrictMinutes(ctx, model), revision: mapRevision(row) };
}

export type MinutesFormat = 'pdf' | 'docx';

/** A file name like "minutes-XXI-meeting-rev2" (ASCII) and its localized twin. */
function fileNames(edition: MinutesEdition, kind: 'minutes' | 'decisions', lang: MinutesLanguage) {
  const numeral = edition.model.meeting.numeral;
  const template = kind === 'minutes' ? L.fileMinutes : L.fileDecisions;
  const suffix = edition.revision ? `-rev${edition.revision.number}` : '-draft';
  const tag = lang === 'bilingual' ? '-en-ru' : `-${lang}`;
  return {
    name: `${fill(template.en, { numeral })}${suffix}${tag}`,
    localName: `${fill(template[lang === 'ru' ? 'ru' : 'en'], { numeral })}${suffix}${tag}`,
  };
}

function titleOf(edition: MinutesEdition, kind: 'minutes' | 'decisions', lang: MinutesLanguage) {
  const name = edition.model.meeting.name;
  const l = lang === 'ru' ? 'ru' : 'en';
  const head = kind === 'minutes' ? L.minutes[l] : L.decisionsTitle[l];
  return `${head}: ${name[l] ?? name.en ?? name.ru ?? ''}`;
}

/** GET /meetings/{id}/minutes.pdf|.docx and /decisions.pdf|.docx. */
export async function minutesDownload(
  ctx: Ctx,
  meetingId: string,
  kind: 'minutes' | 'decisions',
  format: MinutesFormat,
  lang: MinutesLanguage,
  revision?: number,
): Promise<Download> {
  const edition = await loadMinutesEdition(ctx, meetingId, revision);
  const sections = kind === 'minutes' ? minutesSections(edition) : decisionsSections(edition);
  const meta = { title: titleOf(edition, kind, lang), header: runningHeader(edition.model, lang) };
  const body =
    format === 'pdf'
      ? await sectionsPdf(sections, lang, meta)
      : // docx.ts is loaded on first use: the docx library holds about 11 MB of RSS that a server
        // which never writes a Word file does not need.
        await (await import('./docx.ts')).sectionsDocx(sections, lang, meta);
  return {
    ...fileNames(edition, kind, lang),
    extension: format,
    contentType: format === 'pdf' ? 'application/pdf' : DOCX_TYPE,
    body,
  };
}
