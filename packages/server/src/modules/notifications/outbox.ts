import type { NotificationKind } from '@plenum/shared';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import {
  type MailEntry,
  MailSendError,
  type MailTransport,
  renderMailHtml,
  renderMailText,
} from '../../platform/mail.ts';
import { type Lang, MAIL_WORDS, renderNotification } from './messages.ts';

/** Attempts before a message is given up as failed (its last error stays in the row). */
export const MAX_MAIL_ATTEMPTS = 8;
/** The first retry waits this long; each further one twice as long, up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;
/** A claim older than this belongs to a worker that died mid-send: the row is tried again. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Days back the digest job looks, so a server down over midnight still sends the digest. */
const DIGEST_LOOKBACK_DAYS = 3;

/** The wait before the next attempt after `attempts` failed ones. */
export function backoffMs(attempts: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Queues one mail. The dedupe key is unique: queuing the same mail twice (a repeated event, a
 * digest job run twice) keeps the first. The Message-ID is fixed now, so every attempt carries
 * the same one.
 */
export async function enqueueMail(
  db: Tx,
  mail: {
    dedupeKey: string;
    userId: string;
    toAddress: string;
    language: Lang;
    kind: 'notification' | 'digest';
    notificationIds: string[];
    now: string;
  },
): Promise<void> {
  const id = newId();
  await db
    .insertInto('mailOutbox')
    .values({
      id,
      dedupeKey: mail.dedupeKey,
      messageId: `<${id}@plenum>`,
      userId: mail.userId,
      toAddress: mail.toAddress,
      language: mail.language,
      kind: mail.kind,
      notificationIds: JSON.stringify(mail.notificationIds),
      subject: null,
      textBody: null,
      htmlBody: null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: mail.now,
      claimedAt: null,
      lastError: null,
      sentAt: null,
      createdAt: mail.now,
      updatedAt: mail.now,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/**
 * Queues one digest per user and UTC day for the notifications that waited for it (users who
 * chose a daily digest), once the day is over. Idempotent: the dedupe key is user + day.
 */
export async function runDigests(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const today = dayOf(now);
  let queued = 0;
  for (let back = DIGEST_LOOKBACK_DAYS; back >= 1; back--) {
    const day = addDays(today, -back);
    const rows = await db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.userId')
      .leftJoin('notificationPreferences as p', 'p.userId', 'n.userId')
      .select(['n.id', 'n.userId', 'u.email', 'u.language', 'p.mail as currentMail'])
      .where('n.mail', '=', 'daily_digest')
      .where('n.createdAt', '>=', `${day}T00:00:00.000Z`)
      .where('n.createdAt', '<', `${addDays(day, 1)}T00:00:00.000Z`)
      .where('u.active', '=', 1)
      .orderBy('n.userId')
      .orderBy('n.id')
      .execute();
    const byUser = new Map<string, typeof rows>();
    for (const row of rows) {
      // A user who turned mail off since then gets no digest.
      if (row.currentMail === 'none') {
        continue;
      }
      const list = byUser.get(row.userId) ?? [];
      list.push(row);
      byUser.set(row.userId, list);
    }
    for (const [userId, list] of byUser) {
      const first = list[0];
      if (!first) {
        continue;
      }
      const result = await db
        .selectFrom('mailOutbox')
        .select('id')
        .where('dedupeKey', '=', `digest:${userId}:${day}`)
        .executeTakeFirst();
      if (result) {
        continue;
      }
      await enqueueMail(db, {
        dedupeKey: `digest:${userId}:${day}`,
        userId,
        toAddress: first.email,
        language: first.language === 'ru' ? 'ru' : 'en',
        kind: 'digest',
        notificationIds: list.map((r) => r.id),
        now: now.toISOString(),
      });
      queued++;
    }
  }
  return queued;
}

interface Rendered {
  subject: string;
  text: string;
  html: string;
}

/** Renders a queued mail from its notifications, in its language; null when none is left. */
async function renderOutboxMail(
  db: Kysely<Database>,
  row: { kind: string; language: string; notificationIds: string; createdAt: string },
  publicUrl: string,
): Promise<Rendered | null> {
  const lang: Lang = row.language === 'ru' ? 'ru' : 'en';
  const ids = JSON.parse(row.notificationIds) as string[];
  if (!ids.length) {
    return null;
  }
  const notifications = await db
    .selectFrom('notifications')
    .select(['id', 'kind', 'params', 'link', 'createdAt'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  if (!notifications.length) {
    return null;
  }
  const base = publicUrl.replace(/\/+$/, '');
  const words = MAIL_WORDS[lang];
  const entries: MailEntry[] = notifications.map((n) => {
    const { title, body } = renderNotification(
      n.kind as NotificationKind,
      JSON.parse(n.params) as Record<string, string>,
      lang,
    );
    const link = n.link.startsWith('/') ? n.link : `/${n.link}`;
    return { title, body, url: `${base}${link}`, linkLabel: words.open };
  });
  const first = entries[0] as MailEntry;
  const subject =
    row.kind === 'digest'
      ? words.digestSubject(
          dayOf(new Date(notifications[0]?.createdAt ?? row.createdAt)),
          entries.length,
        )
      : first.title;
  const content = { heading: subject, entries, footer: words.footer };
  return {
    subject,
    text: renderMailText(content),
    html: renderMailHtml({ ...content, language: lang }),
  };
}

export interface MailWorkerResult {
  sent: number;
  retried: number;
  failed: number;
  unsent: number;
  cancelled: number;
}

/**
 * Processes due outbox rows. Each row is claimed by a conditional UPDATE (pending → sending)
 * before it is sent, so several workers or instances never send the same row; it is marked sent
 * after. A failed attempt waits with exponential backoff, up to MAX_MAIL_ATTEMPTS. Without a
 * transport, rows are rendered and kept as unsent_no_transport for the operator.
 */
export async function runMailWorker(opts: {
  db: Kysely<Database>;
  config: Pick<Config, 'publicUrl' | 'mailFrom'>;
  transport: MailTransport | null;
  now?: Date;
  batch?: number;
}): Promise<MailWorkerResult> {
  const { db, config, transport } = opts;
  const now = opts.now ?? new Date();
  const nowIso = now.toISOString();
  const result: MailWorkerResult = { sent: 0, retried: 0, failed: 0, unsent: 0, cancelled: 0 };

  await db
    .updateTable('mailOutbox')
    .set({ status: 'pending', claimedAt: null, updatedAt: nowIso })
    .where('status', '=', 'sending')
    .where('claimedAt', '<', new Date(now.getTime() - STALE_CLAIM_MS).toISOString())
    .execute();

  const due = await db
    .selectFrom('mailOutbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', nowIso)
    .orderBy('nextAttemptAt')
    .orderBy('id')
    .limit(opts.batch ?? 100)
    .execute();

  for (const { id } of due) {
    // The claim: only one worker turns this pending row into its own sending row.
    const claimed = await db
      .updateTable('mailOutbox')
      .set((eb) => ({
        status: 'sending',
        claimedAt: nowIso,
        attempts: eb('attempts', '+', transport ? 1 : 0),
        updatedAt: nowIso,
      }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', nowIso)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      continue;
    }
    const mine = db
      .updateTable('mailOutbox')
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimedAt', '=', nowIso);
    const row = await db
      .selectFrom('mailOutbox')
      .leftJoin('users as u', 'u.id', 'mailOutbox.userId')
      .select([
        'mailOutbox.kind',
        'mailOutbox.language',
        'mailOutbox.notificationIds',
        'mailOutbox.toAddress',
        'mailOutbox.messageId',
        'mailOutbox.subject',
        'mailOutbox.textBody',
        'mailOutbox.htmlBody',
        'mailOutbox.attempts',
        'mailOutbox.createdAt',
        'u.active',
      ])
      .where('mailOutbox.id', '=', id)
      .executeTakeFirstOrThrow();

    let rendered: Rendered | null =
      row.subject !== null && row.textBody !== null && row.htmlBody !== null
        ? { subject: row.subject, text: row.textBody, html: row.htmlBody }
        : null;
    if (!rendered) {
      rendered = row.active === 1 ? await renderOutboxMail(db, row, config.publicUrl) : null;
    }
    if (!rendered || row.active !== 1) {
      // The recipient was removed or deactivated, or its notifications are gone.
      await mine.set({ status: 'cancelled', updatedAt: nowIso }).execute();
      result.cancelled++;
      continue;
    }
    const content = {
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      updatedAt: nowIso,
    };
    if (!transport) {
      await mine.set({ ...content, status: 'unsent_no_transport' }).execute();
      result.unsent++;
      continue;
    }
    try {
      await transport.send({
        from: config.mailFrom,
        to: row.toAddress,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: row.messageId,
        language: row.language === 'ru' ? 'ru' : 'en',
      });
      await mine.set({ ...content, status: 'sent', sentAt: nowIso, lastError: null }).execute();
      result.sent++;
    } catch (error) {
      const message =
        error instanceof MailSendError ? error.message : 'The mail transport failed unexpectedly.';
      const giveUp =
        (error instanceof MailSendError && error.permanent) || row.attempts >= MAX_MAIL_ATTEMPTS;
      await mine
        .set({
          ...content,
          status: giveUp ? 'failed' : 'pending',
          lastError: message,
          claimedAt: null,
          nextAttemptAt: giveUp
            ? nowIso
            : new Date(now.getTime() + backoffMs(row.attempts)).toISOString(),
        })
        .execute();
      if (giveUp) {
        result.failed++;
      } else {
        result.retried++;
      }
    }
  }
  return result;
}
