import type { Readable } from 'node:stream';
import type { Attachment, AttachmentCreate, FileOwnerType, FileUpload } from '@plenum/shared';
import { requireActsForState, requireContentWriter, requireRole } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, type Tx } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  commitStaged,
  detectMediaType,
  discardStaged,
  type FileStore,
  parseRange,
  sanitizeFileName,
  stageUpload,
  tooLarge,
} from '../../platform/files.ts';
import { newId } from '../../platform/ids.ts';
import { getAgendaItem } from '../agenda/service.ts';
import { getDecision } from '../decisions/service.ts';
import * as repo from './repository.ts';

/** One file part of a multipart upload, as the route obtains it. */
export interface UploadPart {
  file: Readable;
  filename: string;
  /** True when the parser cut the part at the size limit. */
  truncated: () => boolean;
}

// Multipart framing around the file: boundaries and part headers stay far below this.
const FRAMING_ALLOWANCE = 64 * 1024;

/**
 * Stores an uploaded file (DESIGN §6: refused before it is stored when too large or of a
 * forbidden type). Anyone who writes content uploads: the secretariat, and delegates for their
 * state's reports; observers and anonymous callers do not. The bytes are hashed while they
 * stream; the type is judged from the content; the same bytes are kept once.
 */
export async function uploadFile(
  ctx: Ctx,
  store: FileStore,
  declaredLength: number | null,
  nextPart: () => Promise<UploadPart | undefined>,
): Promise<FileUpload> {
  requireRole(ctx.actor, 'admin', 'secretariat', 'delegate');
  if (declaredLength !== null && declaredLength > store.maxBytes + FRAMING_ALLOWANCE) {
    throw tooLarge(store.maxBytes);
  }
  const part = await nextPart();
  if (!part) {
    throw new AppError('validation_failed', 'The request has invalid fields.', {
      errors: [{ path: 'file', message: 'Send one file in the multipart field "file"' }],
    });
  }
  const staged = await stageUpload(store, part.file, part.truncated);
  const name = sanitizeFileName(part.filename);
  const mediaType = await detectMediaType(staged, name).catch(() => null);
  if (!mediaType) {
    await discardStaged(staged);
    throw new AppError(
      'unsupported_media_type',
      'This kind of file is not accepted: send a PDF, an office document, an image or plain text.',
    );
  }
  await commitStaged(store, staged);
  const now = nowIso();
  const userId = ctx.actor.id as string;
  const stored = await ctx.db.transaction().execute(async (trx) => {
    await repo.insertFileOnce(trx, {
      sha256: staged.sha256,
      size: staged.size,
      mediaType,
      createdAt: now,
      createdBy: userId,
    });
    const firstByThisUser = await repo.recordUpload(trx, {
      sha256: staged.sha256,
      userId,
      name,
      createdAt: now,
    });
    const row = (await repo.findFile(trx, staged.sha256)) as repo.FileRow;
    if (firstByThisUser) {
      await recordAudit(trx, ctx.dialect, ctx.actor, {
        action: 'upload',
        entityType: 'file',
        entityId: row.sha256,
        change: { name, size: row.size, mediaType: row.mediaType },
      });
    }
    return row;
  });
  return { sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, name };
}

/** What the route needs to answer GET/HEAD /files/{sha256}. */
export interface FileDownload {
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  /** The byte range to send, or null for the whole file. */
  range: { start: number; end: number } | null;
}

/**
 * A stored file the caller may read (through a link to something it may read, its own upload,
 * or as staff); anything else is a 404 exactly like an unknown hash (DESIGN §3). An unsatisfiable
 * range is a 416 that names the size, as RFC 9110 asks.
 */
export async function readFile(
  ctx: Ctx,
  sha256: string,
  rangeHeader: string | undefined,
): Promise<FileDownload> {
  const file = await repo.findFile(ctx.db, sha256);
  const readable = file ? await repo.readableFile(ctx.db, ctx.actor, sha256) : undefined;
  if (!file || readable === undefined) {
    throw notFound('file');
  }
  const { name, restrictedDocumentId } = readable;
  const range = parseRange(rangeHeader, file.size);
  if (range === 'unsatisfiable') {
    throw new AppError('range_not_satisfiable', 'The range lies beyond the end of the file.', {
      headers: { 'content-range': `bytes */${file.size}` },
    });
  }
  if (restrictedDocumentId !== null) {
    // A file of a restricted document: who read it goes into the audit trail (issue 9).
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx.dialect, ctx.actor, {
        action: 'read',
        entityType: 'file',
        entityId: sha256,
        change: { documentId: restrictedDocumentId },
      }),
    );
  }
  return { sha256, size: file.size, mediaType: file.mediaType, name, range };
}

/** The name under which the actor knows a stored file (its upload or a link it reads), if any. */
export function knownFileName(ctx: Ctx, db: Tx, sha256: string): Promise<string | undefined> {
  return repo.readableFileName(db, ctx.actor, sha256);
}

// ---- Attachments -----------------------------------------------------------------------------

/** What a file is attached to, and who may read and change its attachments. */
export type Owner =
  | { type: 'decision'; decisionId: string }
  | { type: 'report'; reportId: string }
  | { type: 'agenda_item'; meetingId: string; itemId: string };

interface ResolvedOwner {
  type: FileOwnerType;
  id: string;
  /** Throws 401/403 when the actor may read the owner but not change its attachments. */
  requireWriter: () => void;
}

/** Reads the owner as the actor (404 when it may not), without deciding about writes yet. */
async function resolveOwner(ctx: Ctx, owner: Owner): Promise<ResolvedOwner> {
  switch (owner.type) {
    case 'decision': {
      await getDecision(ctx, owner.decisionId);
      return {
        type: 'decision',
        id: owner.decisionId,
        requireWriter: () => requireContentWriter(ctx.actor),
      };
    }
    case 'report': {
      // Reports are part of the internal record: signed-in users read them.
      requireRole(ctx.actor, 'admin', 'secretariat', 'delegate', 'observer');
      const report = await repo.findReportOwner(ctx.db, owner.reportId);
      if (!report) {
        throw notFound('report');
      }
      return {
        type: 'report',
        id: report.id,
        // A delegate attaches only to its own state's reports; body reports are the secretariat's.
        requireWriter: () =>
          report.memberState
            ? requireActsForState(ctx.actor, report.memberState)
            : requireContentWriter(ctx.actor),
      };
    }
    case 'agenda_item': {
      await getAgendaItem(ctx, owner.meetingId, owner.itemId);
      return {
        type: 'agenda_item',
        id: owner.itemId,
        requireWriter: () => requireContentWriter(ctx.actor),
      };
    }
  }
}

export async function listAttachments(ctx: Ctx, owner: Owner): Promise<Attachment[]> {
  const resolved = await resolveOwner(ctx, owner);
  const rows = await repo.listAttachments(ctx.db, resolved.type, resolved.id);
  return rows.map(repo.mapAttachment);
}

/**
 * Links stored files to an owner inside the caller's transaction, with an audit event each. A
 * file the actor may not read is treated as unknown (422), so linking cannot reveal or borrow
 * someone else's file. Other modules call this to attach files as they create records.
 */
export async function attachFiles(
  ctx: Ctx,
  trx: Tx,
  ownerType: FileOwnerType,
  ownerId: string,
  files: AttachmentCreate[],
  path = 'sha256',
): Promise<void> {
  for (const [index, input] of files.entries()) {
    const where = files.length > 1 ? `${index}.${path}` : path;
    const file = await repo.findFile(trx, input.sha256);
    const readable = file && (await repo.readableFileName(trx, ctx.actor, input.sha256));
    if (!file || readable === undefined) {
      throw new AppError('unprocessable', 'No such file; upload it first.', {
        errors: [{ path: where, message: 'No uploaded file has this SHA-256' }],
      });
    }
    const name = sanitizeFileName(input.name);
    await guardConstraints(
      () =>
        repo.insertLink(trx, {
          id: newId(),
          sha256: input.sha256,
          ownerType,
          ownerId,
          name,
          createdAt: nowIso(),
          createdBy: ctx.actor.id,
        }),
      {
        unique: 'This file is attached already.',
        uniqueErrors: [{ path: where, message: 'Already attached' }],
      },
    );
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'attach',
      entityType: ownerType,
      entityId: ownerId,
      change: { sha256: input.sha256, name },
    });
  }
}

export async function addAttachment(
  ctx: Ctx,
  owner: Owner,
  input: AttachmentCreate,
): Promise<Attachment> {
  const resolved = await resolveOwner(ctx, owner);
  resolved.requireWriter();
  await ctx.db.transaction().execute(async (trx) => {
    await attachFiles(ctx, trx, resolved.type, resolved.id, [input]);
  });
  const row = await repo.findAttachment(ctx.db, resolved.type, resolved.id, input.sha256);
  if (!row) {
    throw notFound('attachment');
  }
  return repo.mapAttachment(row);
}

export async function removeAttachment(ctx: Ctx, owner: Owner, sha256: string): Promise<void> {
  const resolved = await resolveOwner(ctx, owner);
  resolved.requireWriter();
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await repo.deleteLink(trx, resolved.type, resolved.id, sha256);
    if (removed === 0) {
      throw notFound('attachment');
    }
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'detach',
      entityType: resolved.type,
      entityId: resolved.id,
      change: { sha256 },
    });
  });
}
