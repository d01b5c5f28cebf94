import type {
  LocalizedText,
  NewsCreate,
  NewsItem,
  NewsListItem,
  NewsListQuery,
  NewsPatch,
  NewsPublish,
  NewsSchedule,
  Page,
} from '@plenum/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DialectName } from '../../db/dialect.ts';
import { isStaff, requireContentWriter } from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Actor, type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { guardConstraints, isUniqueViolation } from '../../platform/db-errors.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { renderLocalizedMarkdown, renderMarkdown } from '../../platform/markdown.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import {
  likePattern,
  parseText,
  parseTextOrNull,
  searchText,
  storeText,
} from '../../platform/text.ts';
import { attachFiles, knownFileName } from '../files/service.ts';
import { reindex, removeFromIndex } from '../search/indexer.ts';
import * as repo from './repository.ts';
import { firstFreeSlug, slugify } from './slug.ts';

/** The actor of changes made by the server itself (the scheduled-publishing job). */
const SCHEDULER: Actor = Object.freeze({
  id: null,
  role: 'admin',
  name: 'scheduled publishing',
  memberState: null,
  bodyIds: [],
});

const stale = (current: number) =>
  new AppError(
    'precondition_failed',
    `This news item changed since you read it (now version ${current}); reload and apply your change again.`,
  );

const slugTaken = () =>
  new AppError('duplicate', 'Another news item has this slug.', {
    errors: [{ path: 'slug', message: 'Already in use' }],
  });

/**
 * DESIGN §3: the secretariat and admins read every item; everyone else (observers, delegates,
 * anonymous callers) only what is publicly visible, and anything else answers 404.
 */
async function loadItem(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<repo.NewsRow> {
  const row = await repo.findNewsItem(db, id, !isStaff(ctx.actor), nowIso());
  if (!row) {
    throw notFound('news item');
  }
  return row;
}

/** DESIGN §3: an item the caller may not read is a 404; one it reads but may not change, 403. */
async function requireWriterOf(ctx: Ctx, id: string): Promise<void> {
  if (!isStaff(ctx.actor)) {
    await loadItem(ctx, id);
  }
  requireContentWriter(ctx.actor);
}

export async function getNewsItem(ctx: Ctx, id: string): Promise<NewsItem> {
  return repo.mapNewsItem(await loadItem(ctx, id), nowIso());
}

export async function listNewsPage(ctx: Ctx, q: NewsListQuery): Promise<Page<NewsListItem>> {
  const now = nowIso();
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await repo.listNewsItems(
    ctx.db,
    {
      section: q.section,
      status: q.status,
      meetingId: q.meetingId,
      q: q.q ? likePattern(q.q) : undefined,
      publicOnly: !isStaff(ctx.actor),
    },
    now,
    after,
    q.limit,
  );
  return toPage(
    rows,
    q.limit,
    (r) => [r.sortKey, r.id],
    (r) => repo.mapNewsListItem(r, now),
  );
}

/** Files the body refers to (/api/v1/files/{sha256}), and which of them it shows as images. */
function referencedFiles(body: LocalizedText | null): { all: Set<string>; images: Set<string> } {
  const all = new Set<string>();
  const images = new Set<string>();
  for (const text of [body?.en, body?.ru]) {
    if (!text) {
      continue;
    }
    for (const m of text.matchAll(/(!?)\[[^\]]*\]\(\s*<?\/api\/v1\/files\/([0-9a-f]{64})/g)) {
      all.add(m[2] as string);
      if (m[1] === '!') {
        images.add(m[2] as string);
      }
    }
    for (const m of text.matchAll(/\/api\/v1\/files\/([0-9a-f]{64})/g)) {
      all.add(m[1] as string);
    }
  }
  return { all, images };
}

interface FilePlan {
  /** Every file the item shows, with the name it is linked under. */
  wanted: Map<string, string>;
  imageSha256: string | null;
}

/**
 * The files an item shows: its lead image and the files its body refers to. Each must be an
 * uploaded file the actor may read (422 otherwise, before anything is written); the lead image
 * and body images must be images.
 */
async function planFileLinks(
  ctx: Ctx,
  trx: Tx,
  imageSha256: string | null,
  body: LocalizedText | null,
): Promise<FilePlan> {
  const refs = referencedFiles(body);
  const shas = new Set(refs.all);
  if (imageSha256) {
    shas.add(imageSha256);
  }
  const files = new Map((await repo.findFiles(trx, [...shas])).map((f) => [f.sha256, f]));
  const wanted = new Map<string, string>();
  for (const sha256 of shas) {
    const path = sha256 === imageSha256 ? 'imageSha256' : 'body';
    const file = files.get(sha256);
    const name = file ? await knownFileName(ctx, trx, sha256) : undefined;
    if (!file || name === undefined) {
      throw new AppError('unprocessable', 'No such file; upload it first.', {
        errors: [{ path, message: 'No uploaded file has this SHA-256' }],
      });
    }
    if (
      (sha256 === imageSha256 || refs.images.has(sha256)) &&
      !file.mediaType.startsWith('image/')
    ) {
      throw new AppError('unprocessable', 'The file is not an image.', {
        errors: [{ path, message: 'Upload a PNG, JPEG, GIF or WebP image' }],
      });
    }
    wanted.set(sha256, name);
  }
  return { wanted, imageSha256 };
}

/**
 * Makes the item's file links equal to what it shows, each change audited. The links are what
 * make the files readable to the public once the item is (files/repository.ts whereLinkReadable).
 */
async function applyFileLinks(ctx: Ctx, trx: Tx, newsId: string, plan: FilePlan): Promise<void> {
  const linked = new Set(await repo.linkedFiles(trx, newsId));
  for (const sha256 of linked) {
    if (!plan.wanted.has(sha256)) {
      await repo.unlinkFile(trx, newsId, sha256);
      await recordAudit(trx, ctx.dialect, ctx.actor, {
        action: 'detach',
        entityType: 'news',
        entityId: newsId,
        change: { sha256 },
      });
    }
  }
  const added = [...plan.wanted].filter(([sha256]) => !linked.has(sha256));
  await attachFiles(
    ctx,
    trx,
    'news',
    newsId,
    added.map(([sha256, name]) => ({ sha256, name })),
    added.length === 1 && added[0]?.[0] === plan.imageSha256 ? 'imageSha256' : 'sha256',
  );
}

/** The meeting must exist; the body defaults to the meeting's (DESIGN §2). */
async function resolveLinks(
  db: Tx,
  meetingId: string | null,
  bodyId: string | null,
): Promise<string | null> {
  if (meetingId) {
    const meeting = await repo.findMeetingBody(db, meetingId);
    if (!meeting) {
      throw invalid('meetingId', 'No such meeting.');
    }
    bodyId ??= meeting.bodyId;
  }
  if (bodyId && !(await repo.bodyExists(db, bodyId))) {
    throw invalid('bodyId', 'No such body.');
  }
  return bodyId;
}

/** A published or scheduled item needs a title and a body in at least one language. */
function requirePublishable(title: LocalizedText, body: LocalizedText | null): void {
  const complete = (['en', 'ru'] as const).some((lang) => !!title[lang] && !!body?.[lang]);
  if (!complete) {
    throw new AppError(
      'unprocessable',
      'A published or scheduled item needs a title and a body in at least one language.',
      { errors: [{ path: 'body', message: 'Give the title and the body in the same language' }] },
    );
  }
}

const titleForSlug = (title: LocalizedText) => title.en ?? title.ru ?? '';

/** A free slug from the title: base, base-2, base-3 … */
export async function suggestSlug(db: Tx, title: LocalizedText): Promise<string> {
  const base = slugify(titleForSlug(title)) || 'news';
  return firstFreeSlug(base, await repo.slugsLike(db, base));
}

const MAX_SLUG_ATTEMPTS = 5;

/** Creates a draft (DESIGN §2: news starts as a draft; publishing is a separate step). */
export async function createNewsItem(ctx: Ctx, input: NewsCreate): Promise<NewsItem> {
  requireContentWriter(ctx.actor);
  for (let attempt = 1; ; attempt++) {
    try {
      const id = await ctx.db.transaction().execute(async (trx) => {
        const bodyId = await resolveLinks(trx, input.meetingId, input.bodyId);
        const files = await planFileLinks(ctx, trx, input.imageSha256, input.body);
        const slug = input.slug ?? (await suggestSlug(trx, input.title));
        const now = nowIso();
        const row = {
          id: newId(),
          slug,
          section: input.section,
          title: storeText(input.title) as string,
          summary: storeText(input.summary),
          body: JSON.stringify(input.body ?? {}),
          bodyHtml: JSON.stringify(input.body ? renderLocalizedMarkdown(input.body) : {}),
          status: 'draft',
          publishAt: null,
          publishedAt: null,
          meetingId: input.meetingId,
          bodyId,
          imageSha256: input.imageSha256,
          imageAlt: storeText(input.imageAlt),
          searchText: searchText(slug, input.title, input.summary),
          version: 1,
          createdAt: now,
          updatedAt: now,
          createdBy: ctx.actor.id,
        };
        await guardConstraints(() => repo.insertNewsItem(trx, row), {
          unique: 'Another news item has this slug.',
          uniqueErrors: [{ path: 'slug', message: 'Already in use' }],
        });
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'news',
          entityId: row.id,
          change: { ...input, slug },
        });
        await applyFileLinks(ctx, trx, row.id, files);
        await reindex(trx, 'news', row.id);
        return row.id;
      });
      return getNewsItem(ctx, id);
    } catch (error) {
      // A generated slug taken by a concurrent creation: pick the next free one.
      const raced =
        input.slug === undefined &&
        (isUniqueViolation(error) || (error instanceof AppError && error.code === 'duplicate')) &&
        attempt < MAX_SLUG_ATTEMPTS;
      if (!raced) {
        throw error;
      }
    }
  }
}

type Snapshot = Record<string, unknown>;
const snapshotOf = (row: repo.NewsRow): Snapshot => ({
  slug: row.slug,
  section: row.section,
  title: parseText(row.title),
  summary: parseTextOrNull(row.summary),
  body: repo.parseBody(row.body),
  status: row.status,
  publishAt: row.publishAt,
  publishedAt: row.publishedAt,
  meetingId: row.meetingId,
  bodyId: row.bodyId,
  imageSha256: row.imageSha256,
  imageAlt: parseTextOrNull(row.imageAlt),
});

/**
 * Applies a change to an item read at `ifMatch` (or its current version), in one transaction
 * with its audit event, file links and search entry.
 */
async function changeItem(
  ctx: Ctx,
  id: string,
  ifMatch: number | null,
  action: string,
  build: (current: repo.NewsRow, trx: Tx) => Promise<Partial<repo.NewsRow>>,
): Promise<NewsItem> {
  await requireWriterOf(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadItem(ctx, id, trx);
    if (ifMatch !== null && ifMatch !== current.version) {
      throw stale(current.version);
    }
    const values = await build(current, trx);
    const next = { ...current, ...values };
    const title = parseText(next.title);
    const body = repo.parseBody(next.body);
    if (next.status !== 'draft') {
      requirePublishable(title, body);
    }
    const files =
      values.imageSha256 !== undefined || values.body !== undefined
        ? await planFileLinks(ctx, trx, next.imageSha256, body)
        : null;
    const update = {
      ...values,
      searchText: searchText(next.slug, title, parseTextOrNull(next.summary)),
      version: current.version + 1,
      updatedAt: nowIso(),
    };
    const updated = await guardConstraints(
      () => repo.updateNewsItem(trx, id, current.version, update),
      {
        unique: 'Another news item has this slug.',
        uniqueErrors: [{ path: 'slug', message: 'Already in use' }],
      },
    );
    if (updated === 0) {
      throw stale(current.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action,
      entityType: 'news',
      entityId: id,
      change: diff(snapshotOf(current), snapshotOf(next)),
    });
    if (files) {
      await applyFileLinks(ctx, trx, id, files);
    }
    await reindex(trx, 'news', id);
  });
  return getNewsItem(ctx, id);
}

export function updateNewsItem(
  ctx: Ctx,
  id: string,
  patch: NewsPatch,
  ifMatch: number | null,
): Promise<NewsItem> {
  return changeItem(ctx, id, ifMatch, 'update', async (current, trx) => {
    const values: Partial<repo.NewsRow> = {};
    if (patch.slug !== undefined && patch.slug !== current.slug) {
      // The public address of an item must not move once readers may have it.
      if (current.status !== 'draft') {
        throw new AppError(
          'invalid_transition',
          'The slug can change only while the item is a draft; unpublish it first.',
        );
      }
      if ((await repo.slugsLike(trx, patch.slug)).has(patch.slug)) {
        throw slugTaken();
      }
      values.slug = patch.slug;
    }
    if (patch.section !== undefined) {
      values.section = patch.section;
    }
    if (patch.title !== undefined) {
      values.title = storeText(patch.title) as string;
    }
    if (patch.summary !== undefined) {
      values.summary = storeText(patch.summary);
    }
    if (patch.body !== undefined) {
      values.body = JSON.stringify(patch.body ?? {});
      values.bodyHtml = JSON.stringify(patch.body ? renderLocalizedMarkdown(patch.body) : {});
    }
    if (patch.imageSha256 !== undefined) {
      values.imageSha256 = patch.imageSha256;
    }
    if (patch.imageAlt !== undefined) {
      values.imageAlt = storeText(patch.imageAlt);
    }
    if (patch.meetingId !== undefined || patch.bodyId !== undefined) {
      const meetingId = patch.meetingId !== undefined ? patch.meetingId : current.meetingId;
      const bodyId =
        patch.bodyId !== undefined
          ? patch.bodyId
          : patch.meetingId !== undefined
            ? null
            : current.bodyId;
      values.meetingId = meetingId;
      values.bodyId = await resolveLinks(trx, meetingId, bodyId);
    }
    return values;
  });
}

/** Publishes now: from a draft, or a scheduled item ahead of its time. */
export function publishNewsItem(
  ctx: Ctx,
  id: string,
  input: NewsPublish,
  ifMatch: number | null,
): Promise<NewsItem> {
  return changeItem(ctx, id, ifMatch, 'publish', async (current) => {
    const now = nowIso();
    const due =
      current.status === 'scheduled' && current.publishAt !== null && current.publishAt <= now;
    if (current.status === 'published' || due) {
      throw new AppError('invalid_transition', 'The news item is published already.');
    }
    // A backdated publication keeps an archive's dates; a future one is a schedule.
    const publishedAt = input.publishedAt ? new Date(input.publishedAt).toISOString() : now;
    if (publishedAt > now) {
      throw new AppError('unprocessable', 'A date of publication in the future is a schedule.', {
        errors: [{ path: 'publishedAt', message: 'Give a past time, or schedule the item' }],
      });
    }
    return { status: 'published', publishAt: null, publishedAt };
  });
}

/** Schedules (or reschedules) an unpublished item to go public at a future time. */
export function scheduleNewsItem(
  ctx: Ctx,
  id: string,
  input: NewsSchedule,
  ifMatch: number | null,
): Promise<NewsItem> {
  return changeItem(ctx, id, ifMatch, 'schedule', async (current) => {
    const now = nowIso();
    const due =
      current.status === 'scheduled' && current.publishAt !== null && current.publishAt <= now;
    if (current.status === 'published' || due) {
      throw new AppError(
        'invalid_transition',
        'The news item is published already; unpublish it before scheduling it.',
      );
    }
    // Stored in UTC so that text comparison orders times correctly whatever offset was sent.
    const publishAt = new Date(input.publishAt).toISOString();
    if (publishAt <= now) {
      throw new AppError('unprocessable', 'The time of publication must lie in the future.', {
        errors: [{ path: 'publishAt', message: 'Give a time in the future' }],
      });
    }
    return { status: 'scheduled', publishAt, publishedAt: null };
  });
}

/** Takes an item off the public portal: back to a draft (a pending schedule is cancelled). */
export function unpublishNewsItem(ctx: Ctx, id: string, ifMatch: number | null): Promise<NewsItem> {
  return changeItem(ctx, id, ifMatch, 'unpublish', async (current) => {
    if (current.status === 'draft') {
      throw new AppError('invalid_transition', 'The news item is a draft already.');
    }
    return { status: 'draft', publishAt: null, publishedAt: null };
  });
}

export async function deleteNewsItem(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  await requireWriterOf(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadItem(ctx, id, trx);
    if (ifMatch !== null && ifMatch !== current.version) {
      throw stale(current.version);
    }
    await applyFileLinks(ctx, trx, id, { wanted: new Map(), imageSha256: null });
    if ((await repo.deleteNewsItem(trx, id, current.version)) === 0) {
      throw stale(current.version + 1);
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'delete',
      entityType: 'news',
      entityId: id,
      change: snapshotOf(current),
    });
    await removeFromIndex(trx, 'news', id);
  });
}

/**
 * The scheduled-publishing job: flips every due scheduled item to published (publishedAt =
 * publishAt), audited and reindexed. Each item is claimed by a conditional update in its own
 * transaction, so several instances running the job at once flip it once. Readers do not wait
 * for this: wherePubliclyVisible shows a due item already. Returns how many this run flipped.
 */
export async function publishDueNews(
  db: Kysely<Database>,
  dialect: DialectName,
  now: Date = new Date(),
): Promise<number> {
  const at = now.toISOString();
  let flipped = 0;
  for (;;) {
    const ids = await repo.dueScheduledIds(db, at, 100);
    let claimed = 0;
    for (const id of ids) {
      const done = await db.transaction().execute(async (trx) => {
        const row = await repo.findNewsItem(trx, id, false, at);
        if (!row || !(await repo.claimDueItem(trx, id, at))) {
          return false;
        }
        await recordAudit(trx, dialect, SCHEDULER, {
          action: 'publish',
          entityType: 'news',
          entityId: id,
          change: { status: [row.status, 'published'], publishedAt: [null, row.publishAt] },
        });
        await reindex(trx, 'news', id);
        return true;
      });
      if (done) {
        claimed += 1;
      }
    }
    flipped += claimed;
    if (ids.length < 100) {
      return flipped;
    }
  }
}

/** POST /news/preview: the editor's live preview, rendered as a saved body would be. */
export function previewMarkdown(ctx: Ctx, markdown: string): { html: string } {
  requireContentWriter(ctx.actor);
  return { html: renderMarkdown(markdown) };
}
