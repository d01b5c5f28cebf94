import type {
  Document,
  DocumentCreate,
  DocumentListQuery,
  DocumentPatch,
  DocumentStatus,
  DocumentVersion,
  DocumentVersionCreate,
  DocumentVersionListItem,
  Language,
  LocalizedText,
  Page,
  VersionComparison,
} from '@plenum/shared';
import { PostgresAdapter } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';
import { requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { diff, recordAudit } from '../../platform/audit.ts';
import { type Actor, type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.ts';
import { extensionOf, sanitizeFileName } from '../../platform/files.ts';
import { newId } from '../../platform/ids.ts';
import { renderLocalizedMarkdown } from '../../platform/markdown.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { likePattern, parseText, searchText, storeText } from '../../platform/text.ts';
import { attachFiles, knownFileName } from '../files/service.ts';
import { reindex, removeFromIndex } from '../search/indexer.ts';
import { compareTexts } from './compare.ts';
import * as repo from './repository.ts';

const stale = (current: number) =>
  new AppError(
    'precondition_failed',
    `This document changed since you read it (now version ${current}); reload and apply your change again.`,
  );

function expectVersion(current: number, wanted: number | null): void {
  if (wanted !== null && wanted !== current) {
    throw stale(current);
  }
}

/** A document the actor may read, or a 404 exactly as if it did not exist (DESIGN §3). */
async function loadReadable(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<repo.DocumentRow> {
  const row = await repo.findReadableDocument(db, ctx.actor, id);
  if (!row) {
    throw notFound('document');
  }
  return row;
}

/**
 * A document the actor will change: 401 without a sign-in, 404 when it may not read it, 403 when
 * it reads but may not write (only the secretariat writes documents).
 */
async function loadWritable(ctx: Ctx, id: string): Promise<repo.DocumentRow> {
  requireSignedIn(ctx.actor);
  const row = await loadReadable(ctx, id);
  requireContentWriter(ctx.actor);
  return row;
}

// ---- Reading ---------------------------------------------------------------------------------

export async function listDocumentsPage(ctx: Ctx, q: DocumentListQuery): Promise<Page<Document>> {
  const after = decodeCursor(q.cursor, 1) as [string] | null;
  if (after !== null && typeof after[0] !== 'string') {
    throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
  }
  const rows = await repo.listDocuments(
    ctx.db,
    ctx.actor,
    {
      kind: q.kind,
      bodyId: q.bodyId,
      status: q.status,
      classification: q.classification,
      q: q.q ? likePattern(q.q) : undefined,
    },
    after ? after[0] : null,
    q.limit,
  );
  return toPage(rows, q.limit, (r) => [r.id], repo.mapDocument);
}

export async function getDocument(ctx: Ctx, id: string): Promise<Document> {
  const row = await loadReadable(ctx, id);
  await recordRestrictedRead(ctx, row, 'document', id, null);
  return repo.mapDocument(row);
}

/**
 * A read of a restricted document (or of its versions) goes into the audit trail: who read what.
 * Public and internal reads cost nothing more. The live-event bus leaves `read` events out, or
 * every read would make the clients read again.
 */
async function recordRestrictedRead(
  ctx: Ctx,
  row: { classification: string },
  entityType: 'document' | 'document_version',
  entityId: string,
  change: Record<string, unknown> | null,
): Promise<void> {
  if (row.classification !== 'restricted') {
    return;
  }
  await ctx.db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, ctx.dialect, ctx.actor, { action: 'read', entityType, entityId, change }),
    );
}

// ---- Classification and access list ------------------------------------------------------------

type AccessInput = { memberStates: string[]; bodyIds: string[] } | null;

/**
 * The access list to store for a classification (DESIGN §3): a restricted document names at
 * least one member state or body, every one of which exists; other classifications carry none.
 */
async function checkAccess(
  db: Tx,
  classification: string,
  list: AccessInput,
): Promise<AccessInput> {
  const normalized = list
    ? { memberStates: [...new Set(list.memberStates)], bodyIds: [...new Set(list.bodyIds)] }
    : null;
  const empty = !normalized || normalized.memberStates.length + normalized.bodyIds.length === 0;
  if (classification !== 'restricted') {
    if (!empty) {
      throw new AppError('unprocessable', 'An access list applies to restricted documents only.', {
        errors: [{ path: 'accessList', message: 'Only for restricted documents' }],
      });
    }
    return null;
  }
  if (empty || !normalized) {
    throw new AppError(
      'unprocessable',
      'A restricted document needs an access list naming at least one member state or body.',
      { errors: [{ path: 'accessList', message: 'Name at least one member state or body' }] },
    );
  }
  const found = await repo.existingReferences(db, normalized.memberStates, normalized.bodyIds);
  const errors: FieldError[] = [];
  normalized.memberStates.forEach((code, i) => {
    if (!found.memberStates.has(code)) {
      errors.push({ path: `accessList.memberStates.${i}`, message: 'No such member state' });
    }
  });
  normalized.bodyIds.forEach((id, i) => {
    if (!found.bodyIds.has(id)) {
      errors.push({ path: `accessList.bodyIds.${i}`, message: 'No such body' });
    }
  });
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'The request has invalid fields.', { errors });
  }
  return normalized;
}

async function checkBody(db: Tx, bodyId: string): Promise<void> {
  const found = await repo.existingReferences(db, [], [bodyId]);
  if (!found.bodyIds.has(bodyId)) {
    throw invalid('bodyId', 'No such body.');
  }
}

const storeAccess = (list: AccessInput) => (list ? JSON.stringify(list) : null);

// ---- Writing ---------------------------------------------------------------------------------

export async function createDocument(ctx: Ctx, input: DocumentCreate): Promise<Document> {
  requireContentWriter(ctx.actor);
  await checkBody(ctx.db, input.bodyId);
  const accessList = await checkAccess(ctx.db, input.classification, input.accessList);
  const now = nowIso();
  const row = {
    id: newId(),
    title: storeText(input.title) as string,
    kind: input.kind,
    bodyId: input.bodyId,
    classification: input.classification,
    accessList: storeAccess(accessList),
    status: 'draft',
    latestVersion: 0,
    adoptedByDecisionId: null,
    searchText: searchText(input.title),
    createdBy: ctx.actor.id,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        await repo.insertDocument(trx, row);
        await repo.replaceAccess(trx, row.id, accessList);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'create',
          entityType: 'document',
          entityId: row.id,
          change: { ...input, accessList },
        });
        await reindex(trx, 'document', row.id);
      }),
    { foreignKey: 'A body or member state of the access list was removed meanwhile.' },
  );
  return repo.mapDocument(row);
}

export async function updateDocument(
  ctx: Ctx,
  id: string,
  patch: DocumentPatch,
  ifMatch: number | null,
): Promise<Document> {
  const current = await loadWritable(ctx, id);
  expectVersion(current.version, ifMatch);
  const before = repo.mapDocument(current);
  if (patch.bodyId !== undefined) {
    await checkBody(ctx.db, patch.bodyId);
  }
  const classification = patch.classification ?? before.classification;
  // A restricted document keeps its list unless the patch gives another; leaving the
  // restricted classification drops it.
  const requested =
    patch.accessList !== undefined
      ? patch.accessList
      : classification === 'restricted'
        ? before.accessList
        : null;
  const accessList = await checkAccess(ctx.db, classification, requested);
  const title = patch.title ?? before.title;
  const values = {
    title: storeText(title) as string,
    kind: patch.kind ?? before.kind,
    bodyId: patch.bodyId ?? before.bodyId,
    classification,
    accessList: storeAccess(accessList),
    searchText: searchText(title),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        if ((await repo.updateDocument(trx, id, current.version, values)) === 0) {
          throw stale(current.version + 1);
        }
        await repo.replaceAccess(trx, id, accessList);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'update',
          entityType: 'document',
          entityId: id,
          change: diff(
            {
              title: before.title,
              kind: before.kind,
              bodyId: before.bodyId,
              classification: before.classification,
              accessList: before.accessList,
            },
            {
              title,
              kind: values.kind,
              bodyId: values.bodyId,
              classification,
              accessList,
            },
          ),
        });
        await reindex(trx, 'document', id);
      }),
    { foreignKey: 'A body or member state of the access list was removed meanwhile.' },
  );
  return repo.mapDocument({ ...current, ...values });
}

/**
 * Removes a draft entered by mistake. A document that went to consultation is part of the
 * record: withdraw it instead (a consultation's reference to it also stops the delete: 409).
 */
export async function deleteDocument(ctx: Ctx, id: string, ifMatch: number | null): Promise<void> {
  const current = await loadWritable(ctx, id);
  expectVersion(current.version, ifMatch);
  if (current.status !== 'draft') {
    throw new AppError('invalid_transition', 'Only a draft can be deleted; withdraw it instead.');
  }
  await guardConstraints(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const still = await trx
          .selectFrom('documents')
          .select('id')
          .where('id', '=', id)
          .where('version', '=', current.version)
          .executeTakeFirst();
        if (!still) {
          throw stale(current.version + 1);
        }
        await repo.deleteDocument(trx, id);
        await recordAudit(trx, ctx.dialect, ctx.actor, {
          action: 'delete',
          entityType: 'document',
          entityId: id,
          change: { title: parseText(current.title), latestVersion: current.latestVersion },
        });
        await removeFromIndex(trx, 'document', id);
      }),
    { foreignKey: 'A consultation refers to this document; withdraw it instead.' },
  );
}

function dialectOf(trx: Tx): DialectName {
  return trx.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Moves a document from one of `from` to `to` in the caller's transaction, with its audit event,
 * and returns it. The consultations module calls it when a round opens (→ under_consultation) and
 * closes (→ agreed / not_agreed); access is the caller's to check. 404 for an unknown document,
 * 409 when its status is not one of `from`.
 */
export async function setDocumentStatus(
  trx: Tx,
  actor: Actor,
  id: string,
  from: readonly DocumentStatus[],
  to: DocumentStatus,
  extra: { adoptedByDecisionId?: string } = {},
): Promise<Document> {
  const dialect = dialectOf(trx);
  let query = trx.selectFrom('documents').selectAll().where('id', '=', id);
  if (dialect === 'postgres') {
    query = query.forUpdate();
  }
  const current = await query.executeTakeFirst();
  if (!current) {
    throw notFound('document');
  }
  if (!from.includes(current.status as DocumentStatus)) {
    throw new AppError(
      'invalid_transition',
      'The document’s current status does not allow this change.',
      { errors: [{ path: 'status', message: `${current.status} → ${to} is not allowed` }] },
    );
  }
  const values = {
    status: to,
    ...(extra.adoptedByDecisionId !== undefined
      ? { adoptedByDecisionId: extra.adoptedByDecisionId }
      : {}),
    version: current.version + 1,
    updatedAt: nowIso(),
  };
  if ((await repo.updateDocument(trx, id, current.version, values)) === 0) {
    throw stale(current.version + 1);
  }
  await recordAudit(trx, dialect, actor, {
    action: 'status',
    entityType: 'document',
    entityId: id,
    change: { status: [current.status, to], ...extra },
  });
  await reindex(trx, 'document', id);
  return repo.mapDocument({ ...current, ...values });
}

/** Withdraws a document (DESIGN §2); one under consultation needs its round closed first. */
export async function withdrawDocument(
  ctx: Ctx,
  id: string,
  ifMatch: number | null,
): Promise<Document> {
  const current = await loadWritable(ctx, id);
  expectVersion(current.version, ifMatch);
  if (current.status === 'under_consultation') {
    throw new AppError(
      'invalid_transition',
      'The document is under consultation; close the consultation before withdrawing it.',
    );
  }
  return ctx.db
    .transaction()
    .execute((trx) =>
      setDocumentStatus(trx, ctx.actor, id, ['draft', 'agreed', 'not_agreed'], 'withdrawn'),
    );
}

/** Records that a decision adopted an agreed document (DESIGN §2: agreed → adopted). */
export async function adoptDocument(
  ctx: Ctx,
  id: string,
  decisionId: string,
  ifMatch: number | null,
): Promise<Document> {
  const current = await loadWritable(ctx, id);
  expectVersion(current.version, ifMatch);
  if (!(await repo.decisionExists(ctx.db, decisionId))) {
    throw new AppError('unprocessable', 'No such decision.', {
      errors: [{ path: 'decisionId', message: 'No decision has this id' }],
    });
  }
  return guardConstraints(
    () =>
      ctx.db.transaction().execute((trx) =>
        setDocumentStatus(trx, ctx.actor, id, ['agreed'], 'adopted', {
          adoptedByDecisionId: decisionId,
        }),
      ),
    { foreignKey: 'The decision was removed meanwhile.' },
  );
}

// ---- Versions --------------------------------------------------------------------------------

/** Versions are added while the text is still being worked on; an agreed text stays as agreed. */
const OPEN_FOR_VERSIONS: readonly string[] = ['draft', 'under_consultation', 'not_agreed'];

/**
 * Adds an immutable version, numbered after the latest (no gaps, no duplicates under concurrent
 * writers: the number is taken by an UPDATE of the document row in the same transaction). The
 * Markdown is rendered to safe HTML now; a file is linked to the version so that readers of the
 * document may download it.
 */
export async function createVersion(
  ctx: Ctx,
  documentId: string,
  input: DocumentVersionCreate,
): Promise<DocumentVersion> {
  const document = await loadWritable(ctx, documentId);
  if (input.text === undefined && input.fileSha256 === undefined) {
    throw new AppError('unprocessable', 'A version needs a text, a file, or both.', {
      errors: [{ path: 'text', message: 'Give a text or a file' }],
    });
  }
  if (input.fileName !== undefined && input.fileSha256 === undefined) {
    throw new AppError('unprocessable', 'A file name needs the file.', {
      errors: [{ path: 'fileSha256', message: 'Give the file the name belongs to' }],
    });
  }
  if (!OPEN_FOR_VERSIONS.includes(document.status)) {
    throw new AppError(
      'invalid_transition',
      'The document is agreed, adopted or withdrawn; it takes no new versions.',
    );
  }
  const versionId = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const number = await repo.takeNextVersionNumber(trx, documentId, now);
    let fileName: string | null = null;
    if (input.fileSha256 !== undefined) {
      const file = await repo.findFile(trx, input.fileSha256);
      const known = await knownFileName(ctx, trx, input.fileSha256);
      fileName = sanitizeFileName(
        input.fileName ?? known ?? '',
        `document-v${number}.${extensionOf(file?.mediaType ?? '')}`,
      );
    }
    const row = {
      id: newId(),
      documentId,
      number,
      text: storeText(input.text),
      textHtml: input.text ? JSON.stringify(renderLocalizedMarkdown(input.text)) : null,
      fileSha256: input.fileSha256 ?? null,
      fileName,
      note: storeText(input.note),
      createdAt: now,
      createdBy: ctx.actor.id,
    };
    if (input.fileSha256 !== undefined) {
      // Checks the file exists and is the caller's to use (422 otherwise) before the row refers to it.
      await attachFiles(
        ctx,
        trx,
        'document_version',
        row.id,
        [{ sha256: input.fileSha256, name: fileName as string }],
        'fileSha256',
      );
    }
    await repo.insertVersion(trx, row);
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'create',
      entityType: 'document_version',
      entityId: row.id,
      change: {
        documentId,
        number,
        text: input.text ?? null,
        fileSha256: row.fileSha256,
        fileName,
        note: input.note ?? null,
      },
    });
    await reindex(trx, 'document', documentId);
    return row.id;
  });
  const created = await ctx.db
    .selectFrom('documentVersions')
    .select('number')
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  // The writer's own answer, not a read to record.
  return repo.mapVersion(await loadVersion(ctx, documentId, created.number));
}

export async function listVersionsPage(
  ctx: Ctx,
  documentId: string,
  q: { limit: number; cursor?: string },
): Promise<Page<DocumentVersionListItem>> {
  const document = await loadReadable(ctx, documentId);
  await recordRestrictedRead(ctx, document, 'document', documentId, { versions: 'list' });
  const after = decodeCursor(q.cursor, 1);
  if (after !== null && typeof after[0] !== 'number') {
    throw invalid('query.cursor', 'Not a cursor from this list; start again without it.');
  }
  const rows = await repo.listVersions(
    ctx.db,
    documentId,
    after ? (after[0] as number) : null,
    q.limit,
  );
  return toPage(rows, q.limit, (r) => [r.number], repo.mapVersionListItem);
}

async function loadVersion(ctx: Ctx, documentId: string, number: number) {
  const row = await repo.findVersion(ctx.db, documentId, number);
  if (!row) {
    throw notFound('version');
  }
  return row;
}

export async function getVersion(
  ctx: Ctx,
  documentId: string,
  number: number,
): Promise<DocumentVersion> {
  const document = await loadReadable(ctx, documentId);
  const version = await loadVersion(ctx, documentId, number);
  await recordRestrictedRead(ctx, document, 'document_version', version.id, {
    documentId,
    number,
  });
  return repo.mapVersion(version);
}

/** The text of a version in the asked language, else the other one (flagged as a fallback). */
function textIn(
  text: LocalizedText | null,
  lang: Language,
  number: number,
  path: string,
): { text: string; lang: Language; fallback: boolean } {
  const other: Language = lang === 'en' ? 'ru' : 'en';
  const asked = text?.[lang];
  if (asked !== undefined) {
    return { text: asked, lang, fallback: false };
  }
  const fallback = text?.[other];
  if (fallback !== undefined) {
    return { text: fallback, lang: other, fallback: true };
  }
  throw new AppError('unprocessable', 'A version without a text cannot be compared.', {
    errors: [{ path, message: `Version ${number} has no text` }],
  });
}

/** A side-by-side comparison of two versions' Markdown texts, computed on the server. */
export async function compareVersions(
  ctx: Ctx,
  documentId: string,
  q: { from: number; to: number; lang: Language },
): Promise<VersionComparison> {
  const document = await loadReadable(ctx, documentId);
  await recordRestrictedRead(ctx, document, 'document', documentId, {
    compare: [q.from, q.to],
  });
  const [from, to] = [
    await loadVersion(ctx, documentId, q.from),
    await loadVersion(ctx, documentId, q.to),
  ];
  const left = textIn(repo.mapVersion(from).text, q.lang, q.from, 'query.from');
  const right = textIn(repo.mapVersion(to).text, q.lang, q.to, 'query.to');
  return {
    documentId,
    from: { number: q.from, lang: left.lang, fallback: left.fallback },
    to: { number: q.to, lang: right.lang, fallback: right.fallback },
    ...compareTexts(left.text, right.text),
  };
}
