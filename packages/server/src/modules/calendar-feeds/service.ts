import type { CalendarFeed, CalendarFeedCreated, Meeting } from '@plenum/shared';
import { ICalEventStatus } from 'ical-generator';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import { isStaff, requireSignedIn } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { actorFromUser, randomToken, sha256 } from '../../platform/auth.ts';
import { type Actor, type Ctx, nowIso, todayIso } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { allDay, meetingTiming, zonedCalendar } from '../../platform/ical.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { type Lang, pick } from '../exports/labels.ts';
import { listMeetingsPage } from '../meetings/service.ts';
import { FEED_LABELS } from './labels.ts';
import * as repo from './repository.ts';

/** The secret in a feed URL: 32 random bytes, base64url. */
export const FEED_SECRET = /^[A-Za-z0-9_-]{43}$/;

/** The feed starts a year back: recent history without an ever-growing file. */
const HISTORY_DAYS = 366;
const MAX_MEETINGS = 1000;
const MAX_DUE_ASSIGNMENTS = 5000;
const MAX_CONSULTATIONS = 1000;
// Writing lastUsedAt on every fetch would turn every calendar poll into a write.
const TOUCH_INTERVAL_MS = 3_600_000;

export const feedPath = (secret: string) => `/calendar/${secret}.ics`;

function ownerOf(ctx: Ctx): string {
  requireSignedIn(ctx.actor);
  if (!ctx.actor.id) {
    throw new AppError('unauthenticated', 'Sign in or send an API token.');
  }
  return ctx.actor.id;
}

export async function getCalendarFeed(ctx: Ctx): Promise<CalendarFeed> {
  const row = await repo.findFeed(ctx.db, ownerOf(ctx));
  return {
    exists: row !== undefined,
    createdAt: row?.createdAt ?? null,
    lastUsedAt: row?.lastUsedAt ?? null,
  };
}

/**
 * Issues the caller's feed URL, replacing (rotating) an earlier one, which stops working at once.
 * Like an API token, only the secret's hash is stored, so the URL is shown this once.
 */
export async function createCalendarFeed(
  ctx: Ctx,
  publicUrl: string,
): Promise<CalendarFeedCreated> {
  const userId = ownerOf(ctx);
  const secret = randomToken();
  const createdAt = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    const rotated = await repo.replaceFeed(trx, { userId, secretHash: sha256(secret), createdAt });
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: rotated ? 'rotate' : 'create',
      entityType: 'calendar_feed',
      entityId: userId,
      change: null,
    });
  });
  return { url: `${publicUrl.replace(/\/+$/, '')}${feedPath(secret)}`, createdAt };
}

export async function revokeCalendarFeed(ctx: Ctx): Promise<void> {
  const userId = ownerOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.deleteFeed(trx, userId)) === 0) {
      throw notFound('calendar feed');
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'revoke',
      entityType: 'calendar_feed',
      entityId: userId,
      change: null,
    });
  });
}

function yearAgo(): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - HISTORY_DAYS);
  return d.toISOString().slice(0, 10);
}

/**
 * What the feed narrows to beyond what the user may read (null: everything, for the
 * secretariat): a delegate's state and bodies, an observer's bodies.
 */
function scopeOf(actor: Actor): { memberState: string | null; bodyIds: readonly string[] } | null {
  if (isStaff(actor)) {
    return null;
  }
  return {
    memberState: actor.role === 'delegate' ? actor.memberState : null,
    bodyIds: actor.bodyIds,
  };
}

/** Every meeting the actor may read from `since` on, through the meetings module's own rules. */
async function feedMeetings(ctx: Ctx, since: string): Promise<Meeting[]> {
  const out: Meeting[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMeetingsPage(ctx, { limit: 200, cursor, from: since });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_MEETINGS);
  return out;
}

function stateOrBodyName(
  a: { memberState: string | null; bodyName: string | null; bodyShortName: string | null },
  lang: Lang,
): string {
  if (a.memberState) {
    return a.memberState;
  }
  const short = parseTextOrNull(a.bodyShortName);
  return pick(short ?? parseTextOrNull(a.bodyName), lang);
}

const newest = (a: string, b: string) => (b > a ? b : a);

/**
 * The iCalendar text of a feed, or 404 for an unknown or revoked secret or a deactivated user.
 * What it shows is decided from the user's record as it is now (DESIGN §3): a changed role,
 * state or body scope shows at the next fetch, never more than the user may read.
 */
export async function renderCalendarFeed(
  db: Kysely<Database>,
  dialect: DialectName,
  publicUrl: string,
  secret: string,
  langOverride: Lang | undefined,
): Promise<string> {
  if (!FEED_SECRET.test(secret)) {
    throw notFound('calendar feed');
  }
  const secretHash = sha256(secret);
  const owner = await repo.findFeedOwner(db, secretHash);
  if (owner?.active !== 1) {
    throw notFound('calendar feed');
  }
  const now = Date.now();
  if (!owner.lastUsedAt || now - Date.parse(owner.lastUsedAt) > TOUCH_INTERVAL_MS) {
    await repo.touchFeed(db, secretHash, new Date(now).toISOString());
  }
  const actor = actorFromUser(owner);
  const ctx: Ctx = { db, dialect, actor };
  const lang: Lang = langOverride ?? (owner.language === 'ru' ? 'ru' : 'en');
  const labels = FEED_LABELS[lang];
  const base = publicUrl.replace(/\/+$/, '');
  const host = new URL(base).hostname;
  const since = yearAgo();
  const scope = scopeOf(actor);

  const [meetings, due, consultations] = await Promise.all([
    feedMeetings(ctx, since),
    repo.listDueAssignments(db, scope, since, MAX_DUE_ASSIGNMENTS),
    repo.listOpenConsultations(db, actor, scope, since, MAX_CONSULTATIONS),
  ]);

  const cal = zonedCalendar({
    prodId: { company: 'Plenum', product: 'Personal calendar', language: lang.toUpperCase() },
    name: labels.calendarName,
    url: `${base}/app/`,
    ttl: 3600,
  });

  for (const m of meetings) {
    const location = m.location
      ? [m.location.venue ? pick(m.location.venue, lang) : '', pick(m.location.city, lang)]
          .filter(Boolean)
          .join(', ')
      : null;
    cal.createEvent({
      ...meetingTiming(m),
      id: `meeting-${m.id}@${host}`,
      sequence: m.version,
      stamp: new Date(m.updatedAt),
      lastModified: new Date(m.updatedAt),
      created: new Date(m.createdAt),
      summary: pick(m.name, lang),
      status:
        m.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : m.status === 'planned'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      ...(location ? { location } : {}),
      url: `${base}/app/meetings/${m.id}`,
    });
  }

  // One event per decision and due date: its assignees due that day, grouped.
  const groups = new Map<
    string,
    { first: (typeof due)[number]; assignees: string[]; at: string }
  >();
  for (const a of due) {
    const key = `${a.decisionId}|${a.dueDate}`;
    const group = groups.get(key);
    const name = stateOrBodyName(a, lang);
    if (group) {
      group.assignees.push(name);
      group.at = newest(group.at, a.updatedAt);
    } else {
      groups.set(key, { first: a, assignees: [name], at: a.updatedAt });
    }
  }
  for (const { first, assignees, at } of groups.values()) {
    const dueDate = first.dueDate as string;
    cal.createEvent({
      ...allDay(dueDate),
      id: `due-${first.decisionId}-${dueDate}@${host}`,
      stamp: new Date(at),
      lastModified: new Date(at),
      created: new Date(first.decisionCreatedAt),
      summary: labels.due(first.number, pick(parseText(first.title), lang)),
      description: `${labels.assignees}: ${assignees.join(', ')}`,
      url: `${base}/app/decisions/${first.decisionId}`,
    });
  }

  for (const c of consultations) {
    const title = pick(parseText(c.title), lang);
    cal.createEvent({
      ...allDay(c.deadline),
      id: `consultation-${c.id}@${host}`,
      sequence: c.version,
      stamp: new Date(c.updatedAt),
      lastModified: new Date(c.updatedAt),
      created: new Date(c.createdAt),
      summary: labels.deadline(title, c.round),
      description: [
        `${labels.invited}: ${c.invited.join(', ')}`,
        ...(c.silenceProcedure === 1 ? [labels.silence] : []),
      ].join('\n'),
      url: `${base}/app/consultations/${c.id}`,
    });
  }
  return cal.toString();
}
