import { createHash } from 'node:crypto';
import fsp from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { AgendaItem, LocalizedText, Meeting, MeetingPack, PackItem } from '@plenum/shared';
import type { PDFDocument } from 'pdf-lib';
import { listAgenda } from '../../modules/agenda/service.ts';
import { getBody } from '../../modules/directory/bodies.service.ts';
import type { Download } from '../../modules/exports/download.ts';
import { dateInText, type Lang, pick } from '../../modules/exports/labels.ts';
import { getMeeting, lockMeeting, readableMeeting } from '../../modules/meetings/service.ts';
import { requireContentWriter, requireSignedIn } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Ctx, nowIso, todayIso } from '../../platform/context.ts';
import { guardConstraints } from '../../platform/db-errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  commitStaged,
  type FileStore,
  filePath,
  hasFile,
  openFile,
  stageUpload,
} from '../../platform/files.ts';
import { newId } from '../../platform/ids.ts';
import { parseText } from '../../platform/text.ts';
import { plain } from '../minutes/blocks.ts';
import { markdownBlocks } from '../minutes/markdown.ts';
import { sectionsPdf } from '../minutes/pdf.ts';
import { PACK_LABELS } from './labels.ts';
import type { Content, OutlineEntry } from './pdf.ts';
import * as repo from './repository.ts';

/**
 * pdf-lib and the pack's PDF helpers, loaded with the first pack: they hold about 25 MB of memory
 * that a server which never issues a pack should not carry.
 */
const pdfTools = () => import('./pdf.ts');

/**
 * Meeting packs (issue 7). A pack is one frozen PDF for every reader of the meeting's internal
 * record: its cover and agenda, then the pages of every PDF on the agenda (the latest version of
 * each linked document and each PDF attached to an agenda item; a version that has only a
 * Markdown text is typeset as the minutes are), with bookmarks per agenda item and per document.
 * Other files (DOCX, spreadsheets) are listed by name in the agenda. Because one file serves
 * every participant, it holds only what every signed-in reader may read (DESIGN §3): public and
 * internal documents. Restricted documents are left out entirely, not even listed by title, since
 * a listing would reveal them to readers outside their access list; the cover says that
 * restricted material is in the workspace.
 * Later material goes out as numbered addenda holding only what was added or changed since the
 * previous issue; an issued pack is never rewritten.
 */

const PDF = 'application/pdf';

/** One thing on the agenda that a pack includes or lists. */
interface Material {
  item: PackItem;
  /** embedded: its PDF; text: a version without a file, typeset from its Markdown text. */
  reason: 'embedded' | 'text' | 'not_pdf' | 'no_file' | 'unreadable';
  text: LocalizedText | null;
}

/** Where the pages of an included item come from: its file, or its typeset text. */
const sourceKey = (item: PackItem) => item.sha256 ?? `text:${item.versionId}`;

/** What makes an item "the same" across issues: the document version, or the attached file. */
const keyOf = (item: PackItem) =>
  item.kind === 'document_version'
    ? `v:${item.documentId}:${item.versionId ?? 'none'}`
    : `a:${item.agendaItemId}:${item.sha256}`;

async function gatherMaterial(ctx: Ctx, meetingId: string, lang: Lang): Promise<Material[]> {
  const [documents, attachments] = await Promise.all([
    repo.listPackDocuments(ctx.db, meetingId),
    repo.listPackAttachments(ctx.db, meetingId),
  ]);
  const out: Material[] = [];
  for (const d of documents) {
    const hasPdf = d.fileSha256 !== null && d.mediaType === PDF;
    const text = d.fileSha256 === null && d.text !== null ? parseText(d.text) : null;
    out.push({
      item: {
        kind: 'document_version',
        agendaItemId: d.agendaItemId,
        documentId: d.documentId,
        versionId: d.versionId,
        versionNumber: d.versionNumber,
        sha256: d.fileSha256,
        title: pick(parseText(d.title), lang),
        embedded: hasPdf || text !== null,
      },
      reason: hasPdf ? 'embedded' : text ? 'text' : d.fileSha256 ? 'not_pdf' : 'no_file',
      text,
    });
  }
  for (const a of attachments) {
    const isPdf = a.mediaType === PDF;
    out.push({
      item: {
        kind: 'attachment',
        agendaItemId: a.agendaItemId,
        documentId: null,
        versionId: null,
        versionNumber: null,
        sha256: a.sha256,
        title: a.name,
        embedded: isPdf,
      },
      reason: isPdf ? 'embedded' : 'not_pdf',
      text: null,
    });
  }
  return out;
}

// ---- Reading ---------------------------------------------------------------------------------

/** The packs of a meeting, pack first: every signed-in reader of the meeting sees them. */
export async function listMeetingPacks(ctx: Ctx, meetingId: string): Promise<MeetingPack[]> {
  const meeting = await readableMeeting(ctx, meetingId);
  requireSignedIn(ctx.actor);
  return (await repo.listPacks(ctx.db, meeting.id)).map(repo.mapPack);
}

/** One issued pack or addendum as a PDF download. */
export async function openPack(
  ctx: Ctx,
  store: FileStore,
  meetingId: string,
  sequence: number,
): Promise<Download> {
  const meeting = await getMeeting(ctx, meetingId);
  requireSignedIn(ctx.actor);
  const row = await repo.findPack(ctx.db, meetingId, sequence);
  if (!row || !hasFile(store, row.fileSha256)) {
    throw notFound('pack');
  }
  const lang: Lang = row.lang === 'ru' ? 'ru' : 'en';
  return {
    name: PACK_LABELS.en.fileName(sequence, meeting.numeral),
    localName: PACK_LABELS[lang].fileName(sequence, meeting.numeral),
    extension: 'pdf',
    contentType: PDF,
    body: openFile(store, row.fileSha256),
  };
}

// ---- Issuing ---------------------------------------------------------------------------------

const line = (m: Material, lang: Lang): string => {
  const l = PACK_LABELS[lang];
  const version = m.item.versionNumber !== null ? ` (${l.version(m.item.versionNumber)})` : '';
  switch (m.reason) {
    case 'embedded':
    case 'text':
      return `${m.item.title}${version}`;
    case 'not_pdf':
      return `${m.item.title}${version} — ${l.notEmbedded}`;
    case 'no_file':
      return `${m.item.title}${version} — ${l.noFile}`;
    case 'unreadable':
      return `${m.item.title}${version} — ${l.unreadable}`;
  }
};

function place(meeting: Meeting, lang: Lang): string {
  const loc = meeting.location;
  if (!loc) {
    return '';
  }
  return [pick(loc.city, lang), loc.venue ? pick(loc.venue, lang) : ''].filter(Boolean).join(', ');
}

/** The pages of an included item: its stored PDF, or its Markdown text typeset like minutes. */
async function readSource(store: FileStore, m: Material, lang: Lang): Promise<PDFDocument | null> {
  const { loadPdf } = await pdfTools();
  if (m.reason === 'text' && m.text) {
    const title = m.item.title;
    const blocks = markdownBlocks(pick(m.text, lang));
    return loadPdf(
      await sectionsPdf([() => [{ type: 'title', inlines: plain(title) }, ...blocks]], lang, {
        title,
        header: title,
      }),
    );
  }
  const sha = m.item.sha256;
  if (!sha || !hasFile(store, sha)) {
    return null;
  }
  return loadPdf(await fsp.readFile(filePath(store, sha)));
}

/** The cover and agenda pages. */
function coverDefinition(
  lang: Lang,
  meeting: Meeting,
  bodyName: LocalizedText,
  sequence: number,
  agenda: AgendaItem[],
  byItem: Map<string, Material[]>,
) {
  const l = PACK_LABELS[lang];
  const name = pick(meeting.name, lang);
  const dates =
    meeting.endDate !== meeting.startDate
      ? `${dateInText(meeting.startDate, lang)} — ${dateInText(meeting.endDate, lang)}`
      : dateInText(meeting.startDate, lang);
  const where = place(meeting, lang);
  const content: Content[] = [
    { text: pick(bodyName, lang), style: 'body', margin: [0, 120, 0, 24] },
    { text: name, style: 'title' },
    { text: where ? `${dates}, ${where}` : dates, alignment: 'center', margin: [0, 8, 0, 40] },
    { text: sequence === 0 ? l.pack : l.addendumTo(sequence, name), style: 'kind' },
    {
      text: `${l.issuedOn} ${dateInText(todayIso(), lang)}`,
      alignment: 'center',
      margin: [0, 8, 0, 40],
    },
    { text: l.restrictedNote, style: 'note' },
    {
      text: sequence === 0 ? l.agenda : l.addendumAgenda,
      style: 'heading',
      pageBreak: 'before',
    },
  ];
  if (agenda.length === 0) {
    content.push({ text: l.noAgenda, italics: true });
  }
  for (const item of agenda) {
    const material = byItem.get(item.id) ?? [];
    const depth = item.position.split('.').length - 1;
    content.push({
      text: `${item.position}. ${pick(item.title, lang)}`,
      bold: true,
      margin: [depth * 18, 10, 0, 4],
    });
    content.push(
      material.length > 0
        ? { ul: material.map((m) => line(m, lang)), margin: [depth * 18 + 12, 0, 0, 0] }
        : { text: l.nothingAttached, italics: true, margin: [depth * 18 + 12, 0, 0, 0] },
    );
  }
  return {
    pageSize: 'A4' as const,
    pageMargins: [56, 56, 56, 56] as [number, number, number, number],
    info: {
      title: sequence === 0 ? `${l.pack}: ${name}` : l.addendumTo(sequence, name),
      creator: 'Plenum',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      body: { fontSize: 13, alignment: 'center' as const },
      title: { fontSize: 20, bold: true, alignment: 'center' as const },
      kind: { fontSize: 16, bold: true, alignment: 'center' as const },
      note: { fontSize: 9, italics: true, alignment: 'center' as const },
      heading: {
        fontSize: 15,
        bold: true,
        margin: [0, 0, 0, 8] as [number, number, number, number],
      },
    },
    content,
  };
}

/**
 * Issues the meeting's pack, or the next addendum when a pack exists (secretariat). An addendum
 * holds the document versions and attachments not in any earlier issue; with nothing new it is
 * a 409 and nothing is stored. The PDF goes to the file store, its record (with the list of
 * what it included) to meeting_packs, and the issue to the audit trail.
 */
export async function issuePack(
  ctx: Ctx,
  store: FileStore,
  meetingId: string,
  lang: Lang,
): Promise<MeetingPack> {
  requireContentWriter(ctx.actor);
  const meeting = await getMeeting(ctx, meetingId);
  const previous = await repo.listPacks(ctx.db, meetingId);
  const sequence = previous.length === 0 ? 0 : Math.max(...previous.map((p) => p.sequence)) + 1;
  const issued = new Set(previous.flatMap((p) => (JSON.parse(p.items) as PackItem[]).map(keyOf)));
  const [agenda, all, body] = await Promise.all([
    listAgenda(ctx, meetingId),
    gatherMaterial(ctx, meetingId, lang),
    getBody(ctx, meeting.bodyId),
  ]);
  const material = sequence === 0 ? all : all.filter((m) => !issued.has(keyOf(m.item)));
  if (sequence > 0 && material.length === 0) {
    throw new AppError(
      'conflict',
      'Nothing was added or changed on the agenda since the last issue; there is no addendum to issue.',
    );
  }

  // Read each PDF once and typeset each text-only version; one that pdf-lib cannot read is
  // listed instead of included.
  const sources = new Map<string, PDFDocument | null>();
  for (const m of material) {
    if (m.reason !== 'embedded' && m.reason !== 'text') {
      continue;
    }
    const key = sourceKey(m.item);
    if (!sources.has(key)) {
      sources.set(key, await readSource(store, m, lang));
    }
    if (!sources.get(key)) {
      m.reason = 'unreadable';
      m.item.embedded = false;
    }
  }

  const byItem = new Map<string, Material[]>();
  for (const m of material) {
    byItem.set(m.item.agendaItemId, [...(byItem.get(m.item.agendaItemId) ?? []), m]);
  }
  // An addendum's agenda shows only the items with new material.
  const items = sequence === 0 ? agenda.items : agenda.items.filter((item) => byItem.has(item.id));
  const { PDFDocument, appendPages, typeset, writeOutline } = await pdfTools();
  const cover = await PDFDocument.load(
    await typeset(coverDefinition(lang, meeting, body.name, sequence, items, byItem)),
  );

  const out = await PDFDocument.create();
  await appendPages(out, cover);
  const agendaPage = Math.min(1, cover.getPageCount() - 1);
  const l = PACK_LABELS[lang];
  const outline: OutlineEntry[] = [{ title: l.coverAndAgenda, page: 0, children: [] }];
  for (const item of items) {
    const children: OutlineEntry[] = [];
    for (const m of byItem.get(item.id) ?? []) {
      const source = m.item.embedded ? sources.get(sourceKey(m.item)) : null;
      if (source) {
        children.push({ title: line(m, lang), page: await appendPages(out, source), children: [] });
      }
    }
    outline.push({
      title: `${item.position}. ${pick(item.title, lang)}`,
      page: children[0]?.page ?? agendaPage,
      children,
    });
  }
  writeOutline(out, outline);
  const name = pick(meeting.name, lang);
  out.setTitle(sequence === 0 ? `${l.pack}: ${name}` : l.addendumTo(sequence, name));
  out.setLanguage(lang);
  out.setCreator('Plenum');
  out.setProducer('Plenum');
  const bytes = Buffer.from(await out.save());
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  // Our own output: the upload limit does not apply to it.
  const staged = await stageUpload(
    { root: store.root, maxBytes: Number.MAX_SAFE_INTEGER },
    Readable.from([bytes]),
  );
  await commitStaged(store, staged);

  const row = {
    id: newId(),
    meetingId,
    sequence,
    lang,
    fileSha256: sha256,
    size: bytes.length,
    pageCount: out.getPageCount(),
    items: JSON.stringify(material.map((m) => m.item)),
    issuedAt: nowIso(),
    issuedById: ctx.actor.id,
    issuedByName: ctx.actor.name,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, ctx.dialect, meetingId);
    // Another issue published meanwhile: this one was computed against an older state.
    const now = await repo.listPacks(trx, meetingId);
    if (now.length !== previous.length) {
      throw new AppError(
        'conflict',
        'Another issue of this pack was published meanwhile; issue again to see what is new.',
      );
    }
    await repo.insertFileOnce(trx, {
      sha256,
      size: bytes.length,
      mediaType: PDF,
      createdAt: row.issuedAt,
      createdBy: ctx.actor.id,
    });
    await guardConstraints(() => repo.insertPack(trx, row), {
      unique: 'Another issue of this pack was published meanwhile; issue again to see what is new.',
    });
    await recordAudit(trx, ctx.dialect, ctx.actor, {
      action: 'issue',
      entityType: 'meeting_pack',
      entityId: row.id,
      change: {
        meetingId,
        sequence,
        lang,
        sha256,
        pageCount: row.pageCount,
        items: material.map((m) => keyOf(m.item)),
      },
    });
  });
  return repo.mapPack(row);
}
