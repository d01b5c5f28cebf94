import type { LocalizedText } from '@plenum/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { type AccessList, type Classification, canReadClassified } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { nowIso } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueMail } from './outbox.ts';
import * as repo from './repository.ts';

/** The kinds of notification Plenum sends (issue 4). */
export type NotificationKind =
  | 'consultation_opened'
  | 'consultation_deadline_soon'
  | 'consultation_deadline_passed'
  | 'decision_assigned'
  | 'report_submitted'
  | 'comment_resolved'
  | 'written_procedure_opened';

export type NotificationRole = 'admin' | 'secretariat' | 'delegate' | 'observer';

/** Who should hear of an event; recipients are resolved when notify is called. */
export interface NotificationAudience {
  /** Delegates of these member states. */
  memberStates?: string[];
  /** Users whose bodyIds include one of these bodies. */
  bodyIds?: string[];
  /** Users with one of these roles. */
  roles?: NotificationRole[];
  userIds?: string[];
}

/**
 * An event to tell users of.
 *
 * `params` fill the kind's message (see messages.ts): a plain value under its name (`round`,
 * `deadline` as YYYY-MM-DD, `status`, `resolution`…), a text in several languages as
 * `name.en` / `name.ru` (use `localizedParams`). Per kind:
 * - consultation_opened, consultation_deadline_soon, consultation_deadline_passed:
 *   document, round, deadline, silenceProcedure ('true' | 'false');
 * - decision_assigned: number, decision, assignee, dueDate (optional);
 * - report_submitted: number, decision, assignee, status, reportedBy;
 * - comment_resolved: document, clause, resolution.
 * - written_procedure_opened: proposal (its title), deadline (YYYY-MM-DD, UTC).
 *
 * `entity.type` decides who may hear of it: for 'document', 'document_version', 'consultation'
 * and 'consultation_comment' (or 'comment') only recipients who may read the document are
 * notified (DESIGN §3); other entities (decisions, assignments, reports) are internal, which
 * every signed-in user reads.
 */
export interface NotificationEvent {
  kind: NotificationKind;
  /** One notification per recipient and key: a repeated call with the same key adds nothing. */
  dedupeKey: string;
  audience: NotificationAudience;
  entity: { type: string; id: string };
  params: Record<string, string>;
  /** The workspace path the notification points to, e.g. `/app/consultations/…`. */
  link: string;
}

/** `{title: {en, ru}}` → `{'title.en': …, 'title.ru': …}`, for a localized template value. */
export function localizedParams(name: string, text: LocalizedText): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of ['en', 'ru'] as const) {
    const value = text[lang];
    if (value) {
      out[`${name}.${lang}`] = value;
    }
  }
  return out;
}

const uniq = (values: readonly string[] | undefined) => [...new Set(values ?? [])];

function actorOf(row: repo.RecipientRow): Actor {
  let bodyIds: string[] = [];
  try {
    bodyIds = JSON.parse(row.bodyIds) as string[];
  } catch {
    bodyIds = [];
  }
  return {
    id: row.id,
    role: row.role as Actor['role'],
    name: row.name,
    memberState: row.memberState,
    bodyIds,
  };
}

/**
 * Records one in-app notification per recipient of the event's audience, and queues the mail of
 * those who want it at once, inside the caller's write transaction (so a rolled-back change
 * notifies nobody). Recipients are the active users the audience names who may read the entity;
 * one who already has a notification under the dedupe key gets nothing new.
 */
export async function notify(db: Kysely<Database>, event: NotificationEvent): Promise<void> {
  const audience = {
    memberStates: uniq(event.audience.memberStates),
    bodyIds: uniq(event.audience.bodyIds),
    roles: uniq(event.audience.roles),
    userIds: uniq(event.audience.userIds),
  };
  const candidates = await repo.findAudienceCandidates(db, audience);
  const named = candidates.filter(
    (u) =>
      audience.roles.includes(u.role) ||
      audience.userIds.includes(u.id) ||
      (u.role === 'delegate' &&
        u.memberState !== null &&
        audience.memberStates.includes(u.memberState)) ||
      repo.holdsAnyBody(u.bodyIds, audience.bodyIds),
  );
  if (!named.length) {
    return;
  }
  const document = await repo.findEntityDocument(db, event.entity);
  if (document === 'missing') {
    // Readability cannot be judged for an entity that is not there: tell no one.
    return;
  }
  const recipients =
    document === 'none'
      ? named
      : named.filter((u) =>
          canReadClassified(
            actorOf(u),
            document.classification as Classification,
            document.accessList ? (JSON.parse(document.accessList) as AccessList) : null,
          ),
        );
  const now = nowIso();
  const params = JSON.stringify(event.params);
  const rows = recipients.map((u) => ({
    id: newId(),
    userId: u.id,
    kind: event.kind,
    dedupeKey: event.dedupeKey,
    entityType: event.entity.type,
    entityId: event.entity.id,
    params,
    link: event.link,
    mail: u.mail ?? 'immediate',
    createdAt: now,
  }));
  const inserted = new Set(await repo.insertNotifications(db, rows));
  for (const [index, row] of rows.entries()) {
    const user = recipients[index];
    if (!inserted.has(row.id) || row.mail !== 'immediate' || !user) {
      continue;
    }
    await enqueueMail(db, {
      dedupeKey: `notification:${user.id}:${event.dedupeKey}`,
      userId: user.id,
      toAddress: user.email,
      language: user.language === 'ru' ? 'ru' : 'en',
      kind: 'notification',
      notificationIds: [row.id],
      now,
    });
  }
}
