import type {
  MailPreference,
  Notification,
  NotificationListQuery,
  NotificationPreferences,
  Page,
  Waiting,
} from '@plenum/shared';
import { isStaff, requireSignedIn } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, todayIso } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { parseText } from '../../platform/text.ts';
import type { Lang } from './messages.ts';
import * as repo from './repository.ts';

/** The signed-in user's id; notifications belong to users, never to the anonymous caller. */
function ownerOf(ctx: Ctx): string {
  requireSignedIn(ctx.actor);
  if (!ctx.actor.id) {
    throw new AppError('unauthenticated', 'Sign in or send an API token.');
  }
  return ctx.actor.id;
}

/** Notifications read in the recipient's own language (its profile), not the request's. */
async function languageOf(ctx: Ctx, userId: string): Promise<Lang> {
  const row = await ctx.db
    .selectFrom('users')
    .select('language')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.language === 'ru' ? 'ru' : 'en';
}

export async function listNotificationsPage(
  ctx: Ctx,
  q: NotificationListQuery,
): Promise<Page<Notification>> {
  const userId = ownerOf(ctx);
  const after = decodeCursor(q.cursor, 1) as [string] | null;
  if (after && typeof after[0] !== 'string') {
    throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
  }
  const [rows, lang] = await Promise.all([
    repo.listNotifications(ctx.db, userId, {
      unread: q.unread === 'true',
      afterId: after?.[0] ?? null,
      limit: q.limit,
    }),
    languageOf(ctx, userId),
  ]);
  return toPage(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => repo.mapNotification(r, lang),
  );
}

export async function unreadCount(ctx: Ctx): Promise<{ count: number }> {
  return { count: await repo.countUnread(ctx.db, ownerOf(ctx)) };
}

/**
 * Marks one of the caller's notifications read (again: no change). Another user's notification
 * answers 404 exactly like a missing one (DESIGN §3).
 */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<Notification> {
  const userId = ownerOf(ctx);
  const current = await repo.findNotification(ctx.db, userId, id);
  if (!current) {
    throw notFound('notification');
  }
  if (current.readAt === null) {
    await ctx.db.transaction().execute(async (trx) => {
      if ((await repo.markRead(trx, userId, id, nowIso())) > 0) {
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'read',
          entityType: 'notification',
          entityId: id,
          change: { kind: current.kind },
        });
      }
    });
  }
  const row = await repo.findNotification(ctx.db, userId, id);
  if (!row) {
    throw notFound('notification');
  }
  return repo.mapNotification(row, await languageOf(ctx, userId));
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<{ marked: number }> {
  const userId = ownerOf(ctx);
  const marked = await ctx.db.transaction().execute(async (trx) => {
    const n = await repo.markAllRead(trx, userId, nowIso());
    if (n > 0) {
      await recordAudit(trx, ctx.dialect, ctx.actor, {
        action: 'read_all',
        entityType: 'user',
        entityId: userId,
        change: { notifications: n },
      });
    }
    return n;
  });
  return { marked };
}

// ---- Preferences --------------------------------------------------------------------------------

const DEFAULT_MAIL: MailPreference = 'immediate';

/** A user without a stored choice gets mail at once (version 0: nothing stored yet). */
export async function getPreferences(ctx: Ctx): Promise<NotificationPreferences> {
  const row = await repo.findPreferences(ctx.db, ownerOf(ctx));
  return row
    ? { mail: row.mail as MailPreference, version: row.version }
    : { mail: DEFAULT_MAIL, version: 0 };
}

export async function putPreferences(
  ctx: Ctx,
  input: { mail: MailPreference },
  ifMatch: number | null,
): Promise<NotificationPreferences> {
  const userId = ownerOf(ctx);
  const current = await getPreferences(ctx);
  if (ifMatch !== null && ifMatch !== current.version) {
    throw new AppError(
      'precondition_failed',
      'Your preferences changed since you read them; reload and choose again.',
    );
  }
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const now = nowIso();
        if (current.version === 0) {
          await repo.insertPreferences(trx, userId, input.mail, now);
        } else if (
          (await repo.updatePreferences(trx, userId, current.version, input.mail, now)) === 0
        ) {
          throw new AppError('precondition_failed', 'Your preferences changed meanwhile; reload.');
        }
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'update',
          entityType: 'notification_preferences',
          entityId: userId,
          change: { mail: [current.mail, input.mail] },
        });
      }),
    // Two first writes at once: the second finds the row the first inserted.
    { unique: 'Your preferences changed meanwhile; reload.' },
  );
  return getPreferences(ctx);
}

// ---- Waiting for me ----------------------------------------------------------------------------

const empty = { items: [], total: 0 };

/**
 * What the caller has to do next, earliest deadline first: a delegate its state's open
 * assignments and the consultation rounds awaiting its state's position; the secretariat the
 * unresolved comments, the open rounds past their deadline and the count of overdue
 * assignments; an observer nothing (it acts on nothing, DESIGN §1).
 */
export async function waitingForMe(ctx: Ctx): Promise<Waiting> {
  requireSignedIn(ctx.actor);
  const { actor } = ctx;
  const today = todayIso();
  const limit = repo.WAITING_LIMIT;
  if (actor.role === 'delegate' && actor.memberState) {
    const state = actor.memberState;
    const [assignments, consultations, overdue] = await Promise.all([
      repo.findOpenStateAssignments(ctx.db, state, limit),
      repo.findWaitingConsultations(ctx.db, actor, { memberState: state }, limit),
      repo.countOverdueAssignments(ctx.db, today, state),
    ]);
    return {
      assignments: {
        total: assignments.total,
        items: assignments.items.map((a) => ({
          assignmentId: a.id,
          decisionId: a.decisionId,
          number: a.number,
          title: parseText(a.title),
          memberState: a.memberState,
          bodyId: a.bodyId,
          status: a.status,
          dueDate: a.dueDate,
          overdue: a.dueDate !== null && a.dueDate < today,
          link: `/app/decisions/${a.decisionId}`,
        })),
      },
      consultations: {
        total: consultations.total,
        items: consultations.items.map(mapRound(today)),
      },
      comments: empty,
      overdueAssignments: overdue,
    };
  }
  if (isStaff(actor)) {
    const [consultations, comments, overdue] = await Promise.all([
      repo.findWaitingConsultations(ctx.db, actor, { pastDeadlineBefore: today }, limit),
      repo.findUnresolvedComments(ctx.db, actor, limit),
      repo.countOverdueAssignments(ctx.db, today, null),
    ]);
    return {
      assignments: empty,
      consultations: {
        total: consultations.total,
        items: consultations.items.map(mapRound(today)),
      },
      comments: {
        total: comments.total,
        items: comments.items.map((k) => ({
          commentId: k.id,
          consultationId: k.consultationId,
          documentId: k.documentId,
          title: parseText(k.title),
          memberState: k.memberState,
          clause: k.clause,
          deadline: k.deadline,
          link: `/app/consultations/${k.consultationId}`,
        })),
      },
      overdueAssignments: overdue,
    };
  }
  return { assignments: empty, consultations: empty, comments: empty, overdueAssignments: 0 };
}

function mapRound(today: string) {
  return (c: {
    id: string;
    documentId: string;
    round: number;
    deadline: string;
    silenceProcedure: number;
    title: string;
    unanswered: number | null;
  }) => ({
    consultationId: c.id,
    documentId: c.documentId,
    title: parseText(c.title),
    round: c.round,
    deadline: c.deadline,
    silenceProcedure: c.silenceProcedure === 1,
    overdue: c.deadline < today,
    unanswered: Number(c.unanswered ?? 0),
    link: `/app/consultations/${c.id}`,
  });
}
