import type { LocalizedText } from '@plenum/shared';
import type { TestApp } from '../../../test/app.ts';
import type { Db } from '../../db/dialect.ts';
import { newId } from '../../platform/ids.ts';
import { createToken } from '../auth/service.ts';
import { insertUser } from '../users/service.ts';

/**
 * Fixtures for the notification tests: rows of the documents and consultations areas written by
 * their contract columns (those areas' own services are tested by their owners), and extra users.
 */

const now = () => new Date().toISOString();

export async function addUser(
  t: TestApp,
  o: {
    email: string;
    role: 'admin' | 'secretariat' | 'delegate' | 'observer';
    memberState?: string | null;
    bodyIds?: string[];
    language?: 'en' | 'ru';
    active?: boolean;
  },
): Promise<{ id: string; token: string }> {
  const system = { id: null, role: 'admin' as const, name: 'test', memberState: null, bodyIds: [] };
  const user = await insertUser(t.handle.db, t.handle.dialect, system, {
    email: o.email,
    name: o.email.split('@')[0] ?? o.email,
    role: o.role,
    memberState: o.memberState ?? null,
    bodyIds: o.bodyIds ?? [],
    language: o.language ?? 'en',
    active: o.active ?? true,
    password: 'correct horse battery staple',
  });
  const token = await createToken(
    { db: t.handle.db, dialect: t.handle.dialect, actor: { ...system, id: user.id } },
    'test',
    user.id,
  );
  return { id: user.id, token: token.token };
}

/** A document with one version; a restricted one gets its access rows too. */
export async function addDocument(
  db: Db,
  o: {
    bodyId: string;
    title: LocalizedText;
    classification?: 'public' | 'internal' | 'restricted';
    accessList?: { memberStates?: string[]; bodyIds?: string[] } | null;
  },
): Promise<{ documentId: string; versionId: string }> {
  const documentId = newId();
  const versionId = newId();
  const at = now();
  await db
    .insertInto('documents')
    .values({
      id: documentId,
      title: JSON.stringify(o.title),
      kind: 'draft_decision',
      bodyId: o.bodyId,
      classification: o.classification ?? 'internal',
      accessList: o.accessList ? JSON.stringify(o.accessList) : null,
      status: 'under_consultation',
      latestVersion: 1,
      adoptedByDecisionId: null,
      searchText: '',
      createdBy: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  for (const memberState of o.accessList?.memberStates ?? []) {
    await db
      .insertInto('documentAccess')
      .values({ documentId, memberState, bodyId: null })
      .execute();
  }
  for (const bodyId of o.accessList?.bodyIds ?? []) {
    await db
      .insertInto('documentAccess')
      .values({ documentId, memberState: null, bodyId })
      .execute();
  }
  await db
    .insertInto('documentVersions')
    .values({
      id: versionId,
      documentId,
      number: 1,
      text: JSON.stringify({ en: 'Text.' }),
      textHtml: JSON.stringify({ en: '<p>Text.</p>' }),
      fileSha256: null,
      fileName: null,
      note: null,
      createdAt: at,
      createdBy: null,
    })
    .execute();
  return { documentId, versionId };
}

/** An open consultation round of a document version among the given states. */
export async function addConsultation(
  db: Db,
  o: {
    documentId: string;
    versionId: string;
    deadline: string;
    states: string[];
    round?: number;
    silenceProcedure?: boolean;
    status?: 'open' | 'closed';
  },
): Promise<string> {
  const id = newId();
  const at = now();
  await db
    .insertInto('consultations')
    .values({
      id,
      documentId: o.documentId,
      versionId: o.versionId,
      round: o.round ?? 1,
      deadline: o.deadline,
      silenceProcedure: o.silenceProcedure ? 1 : 0,
      councilMeetingId: null,
      status: o.status ?? 'open',
      outcome: null,
      openedAt: at,
      closedAt: null,
      closedBy: null,
      createdBy: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    .execute();
  for (const memberState of o.states) {
    await db
      .insertInto('consultationStates')
      .values({
        consultationId: id,
        memberState,
        position: null,
        positionNote: null,
        positionAt: null,
        positionBy: null,
        version: 1,
      })
      .execute();
  }
  return id;
}

export async function setPosition(
  db: Db,
  consultationId: string,
  memberState: string,
  position: string,
): Promise<void> {
  await db
    .updateTable('consultationStates')
    .set({ position, positionAt: now() })
    .where('consultationId', '=', consultationId)
    .where('memberState', '=', memberState)
    .execute();
}

export async function addComment(
  db: Db,
  o: {
    consultationId: string;
    memberState: string;
    number: number;
    clause: string;
    resolution?: string | null;
  },
): Promise<string> {
  const id = newId();
  const at = now();
  await db
    .insertInto('consultationComments')
    .values({
      id,
      consultationId: o.consultationId,
      number: o.number,
      memberState: o.memberState,
      clause: o.clause,
      comment: JSON.stringify({ en: 'A comment.' }),
      proposedText: null,
      resolution: o.resolution ?? null,
      response: null,
      resolvedAt: o.resolution ? at : null,
      resolvedBy: null,
      createdAt: at,
      createdBy: null,
      updatedAt: at,
      version: 1,
    })
    .execute();
  return id;
}
