import type { Readable } from 'node:stream';
import {
  type AssignmentStatus,
  type DecisionListQuery,
  type DecisionStatus,
  REPORT_STATUSES,
  type ReviewEntry,
  toRoman,
} from '@plenum/shared';
import type ExcelJS from 'exceljs';
import { isStaff, requireActsForState, requireRole } from '../../platform/access.ts';
import { type Ctx, type Tx, todayIso } from '../../platform/context.ts';
import { AppError, forbidden, invalid, localizeMessage, notFound } from '../../platform/errors.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { registerBatches, reportRefusal, writeReport } from '../decisions/service.ts';
import { getImplementationReview } from '../implementation/service.ts';
import { CSV_TYPE, type Download, type Format, tableOutput } from './download.ts';
import {
  ASSIGNMENT_STATUS_LABELS,
  BULK,
  type BulkColumn,
  DECISION_KIND_LABELS,
  DECISION_STATUS_LABELS,
  dateInText,
  FILE_NAMES,
  type Lang,
  LEGEND,
  meetingName,
  OVERDUE,
  pick,
  REGISTER_HEADINGS,
  REPORT_OF,
  REVIEW_HEADINGS,
  REVIEW_SUMMARY,
  type ReportStatus,
  SOURCE_LABELS,
} from './labels.ts';
import * as repo from './repository.ts';
import { type Column, csvStream, type TableRow, type Tone } from './table.ts';
import {
  applyTone,
  tableSheet,
  type UploadedCell,
  type UploadedWorkbook,
  XLSX_TYPE,
  xlsxStream,
} from './xlsx.ts';

export type { Format } from './download.ts';

function download(
  kind: keyof typeof FILE_NAMES,
  suffix: string,
  lang: Lang,
  format: Format,
  body: Readable,
): Download {
  const ascii = suffix.replace(/[^A-Za-z0-9._-]+/g, '-');
  return {
    name: FILE_NAMES[kind].en(ascii),
    localName: FILE_NAMES[kind][lang](suffix),
    extension: format,
    contentType: format === 'csv' ? CSV_TYPE : XLSX_TYPE,
    body,
  };
}

const DECISION_TONES: Record<DecisionStatus, Tone> = {
  implemented: 'good',
  in_progress: 'progress',
  overdue: 'bad',
  cancelled: 'neutral',
  superseded: 'neutral',
};

function assignmentTone(status: AssignmentStatus, overdue: boolean): Tone {
  if (status === 'implemented') {
    return 'good';
  }
  if (status === 'not_applicable') {
    return 'neutral';
  }
  return status === 'not_implemented' || overdue ? 'bad' : 'progress';
}

type BodyNames = { name: string; shortName: string | null };

/** A body's short name, else its name, in the language (then the other language). */
function bodyLabel(body: BodyNames | undefined, lang: Lang): string {
  if (!body) {
    return '';
  }
  const name = parseText(body.name);
  const short = parseTextOrNull(body.shortName);
  return short?.[lang] ?? name[lang] ?? (pick(short, lang) || pick(name, lang));
}

async function bodyLabels(db: Tx, lang: Lang): Promise<Map<string, string>> {
  return new Map((await repo.listBodyNames(db)).map((b) => [b.id, bodyLabel(b, lang)]));
}

// ---- The decision register ------------------------------------------------------------------

/**
 * GET /decisions/export.csv|xlsx: the register under the same filters and order as GET
 * /decisions, fetched and written batch by batch.
 */
export async function exportDecisionRegister(
  ctx: Ctx,
  q: Omit<DecisionListQuery, 'limit' | 'cursor'>,
  lang: Lang,
  format: Format,
): Promise<Download> {
  const batches = await registerBatches(ctx, q);
  const bodies = await bodyLabels(ctx.db, lang);
  const headings = REGISTER_HEADINGS[lang];
  const columns: Column[] = [
    { header: headings[0] as string, width: 10 },
    { header: headings[1] as string, width: 16 },
    { header: headings[2] as string, width: 60, wrap: true },
    { header: headings[3] as string, width: 24 },
    { header: headings[4] as string, width: 11 },
    { header: headings[5] as string, width: 13, kind: 'date' },
    { header: headings[6] as string, width: 15 },
    { header: headings[7] as string, width: 30, wrap: true },
    { header: headings[8] as string, width: 14, kind: 'date' },
    { header: headings[9] as string, width: 12, kind: 'number' },
  ];
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const batch of batches) {
      const assignees = new Map<string, { states: string[]; bodies: string[] }>();
      for (const a of await repo.assigneesOf(
        ctx.db,
        batch.map((d) => d.id),
      )) {
        const entry = assignees.get(a.decisionId) ?? { states: [], bodies: [] };
        if (a.memberState) {
          entry.states.push(a.memberState);
        } else if (a.bodyId) {
          entry.bodies.push(bodies.get(a.bodyId) ?? a.bodyId);
        }
        assignees.set(a.decisionId, entry);
      }
      for (const d of batch) {
        const who = assignees.get(d.id);
        const names = who ? [...who.states.sort(), ...who.bodies.sort()] : [];
        yield {
          cells: [
            d.number,
            DECISION_KIND_LABELS[d.kind][lang],
            pick(d.title, lang),
            bodies.get(d.bodyId) ?? '',
            d.meetingNumber === null ? null : toRoman(d.meetingNumber),
            d.adoptedOn,
            DECISION_STATUS_LABELS[d.status][lang],
            names.join(', '),
            d.nextDueDate,
            d.openAssignments,
          ],
          tones: [null, null, null, null, null, null, DECISION_TONES[d.status]],
        };
      }
    }
  }
  const sheet = lang === 'ru' ? 'Решения' : 'Decisions';
  return download(
    'register',
    todayIso(),
    lang,
    format,
    tableOutput(columns, rows(), sheet, format),
  );
}

// ---- The implementation matrix of a meeting's review -----------------------------------------

type AssigneeKey = { memberState: string } | { bodyId: string };
const keyOf = (a: { memberState: string | null; bodyId: string | null }) =>
  a.memberState ? `s:${a.memberState}` : `b:${a.bodyId}`;

function assigneeCell(a: ReviewEntry['assignments'][number], lang: Lang): string {
  let text = ASSIGNMENT_STATUS_LABELS[a.status][lang];
  if (a.overdue) {
    text += `, ${OVERDUE[lang]}`;
  }
  if (a.latestReport) {
    text += `; ${REPORT_OF[lang]} ${dateInText(a.latestReport.reportedOn, lang)}`;
  }
  return text;
}

/**
 * GET /meetings/{id}/implementation-review/export.csv|xlsx: one row per reviewed decision, one
 * column per assignee that appears (states by code, then bodies), each cell that assignee's
 * status and latest report date; then the review's summary.
 */
export async function exportImplementationReview(
  ctx: Ctx,
  meetingId: string,
  lang: Lang,
  format: Format,
): Promise<Download> {
  const review = await getImplementationReview(ctx, meetingId);
  const meeting = await repo.findMeetingHeading(ctx.db, meetingId);
  if (!meeting) {
    throw notFound('meeting');
  }
  const bodies = await bodyLabels(ctx.db, lang);
  const assignees = new Map<string, AssigneeKey>();
  for (const entry of review.entries) {
    for (const a of entry.assignments) {
      assignees.set(
        keyOf(a),
        a.memberState ? { memberState: a.memberState } : { bodyId: a.bodyId as string },
      );
    }
  }
  const label = (k: AssigneeKey) =>
    'memberState' in k ? k.memberState : (bodies.get(k.bodyId) ?? k.bodyId);
  const order = [...assignees.entries()].sort(([ka, a], [kb, b]) =>
    ka[0] === kb[0] ? label(a).localeCompare(label(b), lang) : ka < kb ? 1 : -1,
  );
  const headings = REVIEW_HEADINGS[lang];
  const columns: Column[] = [
    { header: headings.fixed[0] as string, width: 12 },
    { header: headings.fixed[1] as string, width: 55, wrap: true },
    { header: headings.fixed[2] as string, width: 20 },
    { header: headings.fixed[3] as string, width: 15 },
    ...(review.recorded ? [{ header: headings.atReview, width: 16 }] : []),
    ...order.map(([, k]) => ({ header: label(k), width: 24, wrap: true })),
  ];
  const rows: TableRow[] = review.entries.map((entry) => {
    const byAssignee = new Map(entry.assignments.map((a) => [keyOf(a), a]));
    const cells: TableRow['cells'] = [
      entry.decision.number,
      pick(entry.decision.title, lang),
      SOURCE_LABELS[entry.source][lang],
      DECISION_STATUS_LABELS[entry.decision.status][lang],
    ];
    const tones: TableRow['tones'] = [null, null, null, DECISION_TONES[entry.decision.status]];
    if (review.recorded) {
      cells.push(entry.statusAtReview ? DECISION_STATUS_LABELS[entry.statusAtReview][lang] : null);
      tones.push(entry.statusAtReview ? DECISION_TONES[entry.statusAtReview] : null);
    }
    for (const [key] of order) {
      const a = byAssignee.get(key);
      cells.push(a ? assigneeCell(a, lang) : null);
      tones.push(a ? assignmentTone(a.status, a.overdue) : null);
    }
    return { cells, tones };
  });

  const s = REVIEW_SUMMARY[lang];
  const meetingTitle = meetingName(
    lang,
    toRoman(meeting.number),
    meeting.kind === 'extraordinary',
    parseText(meeting.bodyName),
    parseTextOrNull(meeting.bodyNameGenitive),
  );
  const summary: [string, string | number][] = [
    [s.meeting, meetingTitle],
    [s.asOf, review.asOf],
    [s.recorded, review.recorded ? s.yes : s.no],
    [s.total, review.summary.total],
    [s.implemented, review.summary.implemented],
    [s.inProgress, review.summary.inProgress],
    [s.overdue, review.summary.overdue],
    [s.notImplemented, review.summary.notImplemented],
    [s.closed, review.summary.closed],
  ];
  const suffix = `${meeting.slug}-${meeting.number}`;

  if (format === 'csv') {
    // The summary follows the matrix after an empty line, padded to the same number of fields.
    const pad = (cells: (string | number | null)[]) => [
      ...cells,
      ...Array(Math.max(0, columns.length - cells.length)).fill(null),
    ];
    const all: TableRow[] = [
      ...rows,
      { cells: pad([]) },
      { cells: pad([s.title]) },
      ...summary.map(([k, v]) => ({ cells: pad([k, v]) })),
    ];
    return download('review', suffix, lang, 'csv', csvStream(columns, all));
  }
  const body = xlsxStream(async (wb) => {
    const table = tableSheet(wb, s.matrixSheet, columns);
    for (const row of rows) {
      table.add(row).commit();
    }
    table.finish();
    const sheet = wb.addWorksheet(s.sheet);
    sheet.columns = [{ width: 34 }, { width: 60 }];
    const title = sheet.addRow([s.title]);
    title.font = { bold: true, size: 13 };
    title.commit();
    for (const [k, v] of summary) {
      const row = sheet.addRow([k, v]);
      row.getCell(1).font = { bold: true };
      row.commit();
    }
    sheet.addRow([]).commit();
    const legend = sheet.addRow([s.legend]);
    legend.font = { bold: true };
    legend.commit();
    const samples = Object.entries(LEGEND[lang]) as [Tone, string][];
    for (const [tone, text] of samples) {
      const row = sheet.addRow([text]);
      applyTone(row.getCell(1), tone);
      row.commit();
    }
    sheet.commit();
  });
  return download('review', suffix, lang, 'xlsx', body);
}

// ---- Bulk reporting: the sheet to fill in ----------------------------------------------------

const BULK_ORDER: BulkColumn[] = [
  'id',
  'number',
  'title',
  'assignee',
  'dueDate',
  'currentStatus',
  'newStatus',
  'text',
  'reportedOn',
];
const EDITABLE = new Set<BulkColumn>(['newStatus', 'text', 'reportedOn']);
const EDITABLE_FILL = 'FFFFF2CC';
const ID_FILL = 'FFD9D9D9';

type DataValidationTarget = {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

/**
 * GET /assignments/export.xlsx: a state's (or, for the secretariat, a body's) open assignments as
 * a sheet to fill in and upload again. A delegate gets only its own state's (DESIGN §3).
 */
export async function exportOpenAssignments(
  ctx: Ctx,
  q: { memberState?: string; bodyId?: string },
  lang: Lang,
): Promise<Download> {
  requireRole(ctx.actor, 'delegate', 'secretariat', 'admin');
  let assignee: AssigneeKey;
  let who: string;
  let suffix: string;
  if (!isStaff(ctx.actor)) {
    if (q.bodyId) {
      throw forbidden('The secretariat reports for bodies.');
    }
    const state = q.memberState ?? ctx.actor.memberState ?? '';
    requireActsForState(ctx.actor, state);
    assignee = { memberState: state };
  } else if (q.memberState && q.bodyId) {
    throw invalid('bodyId', 'Name a member state or a body, not both.');
  } else if (q.memberState) {
    assignee = { memberState: q.memberState };
  } else if (q.bodyId) {
    assignee = { bodyId: q.bodyId };
  } else {
    throw invalid('memberState', 'Name a member state or a body.');
  }
  if ('memberState' in assignee) {
    const state = await repo.findState(ctx.db, assignee.memberState);
    if (!state) {
      throw invalid('memberState', 'No such member state.');
    }
    who = pick(parseText(state.name), lang);
    suffix = state.code;
  } else {
    const body = await repo.findBody(ctx.db, assignee.bodyId);
    if (!body) {
      throw invalid('bodyId', 'No such body.');
    }
    who = bodyLabel(body, lang);
    suffix = body.slug;
  }
  const today = todayIso();
  const t = BULK[lang];
  const columns: Column[] = BULK_ORDER.map((key) => ({
    header: t.headings[key],
    width: { id: 38, title: 55, text: 55, assignee: 24 }[key as string] ?? 15,
    kind: key === 'dueDate' || key === 'reportedOn' ? 'date' : 'text',
    wrap: key === 'title' || key === 'text',
    headerFill: key === 'id' ? ID_FILL : EDITABLE.has(key) ? EDITABLE_FILL : undefined,
  }));
  const statusLabels = REPORT_STATUSES.map((s) => ASSIGNMENT_STATUS_LABELS[s][lang]);

  const body = xlsxStream(async (wb, closed) => {
    const table = tableSheet(wb, t.sheet, columns);
    let after: [string, string] | null = null;
    for (;;) {
      const batch = await repo.openAssignmentsBatch(ctx.db, assignee, after, 500);
      for (const a of batch) {
        const overdue = a.dueDate !== null && a.dueDate < today;
        const status = a.status as AssignmentStatus;
        const row = table.add({
          cells: [
            a.id,
            a.number,
            pick(parseText(a.title), lang),
            who,
            a.dueDate,
            ASSIGNMENT_STATUS_LABELS[status][lang] + (overdue ? `, ${OVERDUE[lang]}` : ''),
            null,
            null,
            null,
          ],
          tones: [null, null, null, null, null, assignmentTone(status, overdue)],
        });
        row.getCell(1).font = { color: { argb: 'FF808080' } };
        for (const [i, key] of BULK_ORDER.entries()) {
          if (EDITABLE.has(key)) {
            row.getCell(i + 1).fill = {
              type: 'pattern',
              pattern: 'solid',
              fgColor: { argb: EDITABLE_FILL },
            };
          }
        }
        row.commit();
      }
      const last = batch[batch.length - 1];
      if (closed()) {
        return;
      }
      if (batch.length < 500 || !last) {
        break;
      }
      after = [last.dueKey, last.id];
    }
    const lastRow = Math.max(table.rowCount, 2);
    const col = (key: BulkColumn) => String.fromCharCode(65 + BULK_ORDER.indexOf(key));
    (table.ws as unknown as DataValidationTarget).dataValidations.add(
      `${col('newStatus')}2:${col('newStatus')}${lastRow}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${statusLabels.join(',')}"`],
        showInputMessage: true,
        promptTitle: t.headings.newStatus,
        prompt: t.listPrompt,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: t.headings.newStatus,
        error: t.listError,
      },
    );
    table.finish();
    const help = wb.addWorksheet(t.instructionsSheet);
    help.columns = [{ width: 110, style: { alignment: { wrapText: true, vertical: 'top' } } }];
    for (const [i, line] of t.instructions(who, dateInText(today, lang)).entries()) {
      const row = help.addRow([line]);
      if (i === 0) {
        row.font = { bold: true };
      }
      row.commit();
    }
    help.commit();
  });
  return download('assignments', `${suffix}-${today}`, lang, 'xlsx', body);
}

// ---- Bulk reporting: the filled sheet comes back ----------------------------------------------

export interface ImportRow {
  /** The row's number in the sheet (the header is row 1). */
  row: number;
  assignmentId: string | null;
  decisionNumber: string | null;
  action: 'report' | 'skip';
  status: ReportStatus | null;
  reportedOn: string | null;
  /** What stops this row, in the caller's language; empty when the row is fine. */
  problems: string[];
}

export interface ImportResult {
  dryRun: boolean;
  /** Reports written: all of the rows' reports, or none. */
  written: number;
  rows: ImportRow[];
  summary: { reports: number; skipped: number; problems: number };
}

const fold = (text: string) =>
  text.trim().toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ');

/** Statuses by their code or their label in either language. */
const STATUS_BY_TEXT = new Map<string, ReportStatus>(
  REPORT_STATUSES.flatMap((s) => [
    [fold(s), s],
    [fold(s.replaceAll('_', ' ')), s],
    [fold(ASSIGNMENT_STATUS_LABELS[s].en), s],
    [fold(ASSIGNMENT_STATUS_LABELS[s].ru), s],
  ]),
);

const HEADING_BY_TEXT = new Map<string, { key: BulkColumn; lang: Lang }>(
  (['en', 'ru'] as const).flatMap((lang) =>
    BULK_ORDER.map((key) => [fold(BULK[lang].headings[key]), { key, lang }] as const),
  ),
);

function textOf(cell: UploadedCell | undefined): string | null {
  if (cell === null || cell === undefined) {
    return null;
  }
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
  return text === '' ? null : text;
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date.toISOString().slice(0, 10)
    : null;
}

/** A cell as a calendar date: a spreadsheet date, YYYY-MM-DD or DD.MM.YYYY; else null. */
function dateOf(cell: UploadedCell): string | null {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  }
  if (typeof cell !== 'string') {
    return null;
  }
  const text = cell.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  return dotted ? isoDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1])) : null;
}

/** The sheet with the ID and new status columns, its columns and its language. */
function locateSheet(upload: UploadedWorkbook) {
  for (const sheet of upload.sheets) {
    const header = sheet.rows[0];
    if (!header) {
      continue;
    }
    const at = new Map<BulkColumn, number>();
    let lang: Lang | null = null;
    header.cells.forEach((cell, i) => {
      const found = typeof cell === 'string' ? HEADING_BY_TEXT.get(fold(cell)) : undefined;
      if (found && !at.has(found.key)) {
        at.set(found.key, i);
        if (found.key === 'id' || !lang) {
          lang = found.lang;
        }
      }
    });
    if (at.has('id') && at.has('newStatus')) {
      return { sheet, headerRow: header.row, at, lang: (lang ?? 'en') as Lang };
    }
  }
  throw new AppError(
    'bad_request',
    'The workbook has no sheet with the ID and new status columns of a Plenum assignments sheet.',
  );
}

const TEXT_LIMIT = 20_000;

interface ParsedRow {
  row: number;
  id: string | null;
  number: string | null;
  statusText: string | null;
  text: string | null;
  reportedOnCell: UploadedCell;
}

/**
 * POST /assignments/import: each row of a filled sheet is checked by the rules of POST
 * /decisions/{id}/reports. A dry run writes nothing; otherwise every report is written in one
 * transaction, and only when no row has a problem.
 */
export async function importReports(
  ctx: Ctx,
  upload: UploadedWorkbook,
  opts: { dryRun: boolean; lang: Lang },
): Promise<ImportResult> {
  requireRole(ctx.actor, 'delegate', 'secretariat', 'admin');
  const { sheet, headerRow, at, lang: sheetLang } = locateSheet(upload);
  const cell = (cells: UploadedCell[], key: BulkColumn) => {
    const i = at.get(key);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const parsed: ParsedRow[] = sheet.rows
    .filter((r) => r.row > headerRow && r.cells.some((c) => textOf(c) !== null))
    .map((r) => ({
      row: r.row,
      id: textOf(cell(r.cells, 'id')),
      number: textOf(cell(r.cells, 'number')),
      statusText: textOf(cell(r.cells, 'newStatus')),
      text: textOf(cell(r.cells, 'text')),
      reportedOnCell: cell(r.cells, 'reportedOn'),
    }));
  const say = (message: string) => localizeMessage(message, opts.lang);

  const evaluate = async (db: Tx) => {
    const ids = [...new Set(parsed.map((p) => p.id).filter((id): id is string => !!id))];
    const known = new Map((await repo.assignmentsForImport(db, ids)).map((a) => [a.id, a]));
    const today = todayIso();
    const seen = new Set<string>();
    const writes: {
      decisionId: string;
      assignmentId: string;
      row: ImportRow;
      text: string | null;
    }[] = [];
    const rows = parsed.map((p): ImportRow => {
      const assignment = p.id ? known.get(p.id) : undefined;
      const row: ImportRow = {
        row: p.row,
        assignmentId: p.id,
        decisionNumber: assignment?.number ?? p.number,
        action: p.statusText === null ? 'skip' : 'report',
        status: null,
        reportedOn: null,
        problems: [],
      };
      if (row.action === 'skip') {
        return row;
      }
      const problems: string[] = [];
      if (!p.id) {
        problems.push('The row has no assignment ID.');
      } else if (!assignment) {
        problems.push('No such assignment.');
      } else if (seen.has(p.id)) {
        problems.push('An earlier row reports on the same assignment.');
      }
      row.status = STATUS_BY_TEXT.get(fold(p.statusText ?? '')) ?? null;
      if (!row.status) {
        problems.push('Unknown status; choose one from the list.');
      }
      const empty = textOf(p.reportedOnCell) === null;
      row.reportedOn = empty ? today : dateOf(p.reportedOnCell);
      if (!row.reportedOn) {
        problems.push('The report date is not a date.');
      }
      if (p.text && p.text.length > TEXT_LIMIT) {
        problems.push('The report text is longer than 20,000 characters.');
      }
      if (assignment) {
        seen.add(assignment.id);
        const refusal = reportRefusal(
          ctx.actor,
          assignment,
          assignment,
          row.reportedOn ?? today,
          today,
        );
        if (refusal) {
          problems.push(refusal.errors?.[0]?.message ?? refusal.message);
        }
      }
      row.problems = problems.map(say);
      if (assignment && problems.length === 0) {
        writes.push({
          decisionId: assignment.decisionId,
          assignmentId: assignment.id,
          row,
          text: p.text,
        });
      }
      return row;
    });
    const summary = {
      reports: writes.length,
      skipped: rows.filter((r) => r.action === 'skip').length,
      problems: rows.filter((r) => r.problems.length > 0).length,
    };
    return { rows, summary, writes };
  };

  if (opts.dryRun) {
    const { rows, summary } = await evaluate(ctx.db);
    return { dryRun: true, written: 0, rows, summary };
  }
  return ctx.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction that writes, so what is written is what was checked.
    const { rows, summary, writes } = await evaluate(trx);
    if (summary.problems > 0) {
      return { dryRun: false, written: 0, rows, summary };
    }
    for (const w of writes) {
      await writeReport(ctx, trx, w.decisionId, w.assignmentId, {
        status: w.row.status as ReportStatus,
        text: w.text ? { [sheetLang]: w.text } : null,
        reportedOn: w.row.reportedOn as string,
      });
    }
    return { dryRun: false, written: writes.length, rows, summary };
  });
}
