import type { Consultation, ConsultationComment, LocalizedText } from '@plenum/shared';
import type * as Docx from 'docx';
import type { Ctx } from '../../platform/context.ts';
import { loadExcelJS } from '../exports/xlsx.ts';
import {
  dateInText,
  FILE_NAME,
  type Lang,
  OUTCOME_LABELS,
  POSITION_HEADINGS,
  POSITION_LABELS,
  pick,
  RESOLUTION_LABELS,
  TABLE_HEADINGS,
  TITLE_BLOCK,
} from './labels.ts';
import * as repo from './repository.ts';
import { consolidatedTable } from './service.ts';

// Loaded on first use: exceljs (through loadExcelJS) and docx hold about 40 MB of RSS that a
// server which never exports a consultation does not need.
let docxModule: Promise<typeof Docx> | undefined;
const loadDocx = (): Promise<typeof Docx> => {
  docxModule ??= import('docx');
  return docxModule;
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface CommentsFile {
  /** ASCII only, for the plain `filename` parameter; without the extension. */
  name: string;
  /** The name in the export's language, for `filename*`. */
  localName: string;
  extension: 'xlsx' | 'docx';
  contentType: string;
  body: Buffer;
}

interface Consolidated {
  round: Consultation;
  comments: ConsultationComment[];
  states: Map<string, LocalizedText>;
}

async function load(ctx: Ctx, id: string): Promise<Consolidated> {
  const { round, comments } = await consolidatedTable(ctx, id);
  const states = await repo.stateNames(ctx.db, round.memberStates);
  return { round, comments, states };
}

const stateLabel = (t: Consolidated, code: string, lang: Lang) => {
  const name = pick(t.states.get(code), lang);
  return name ? `${code} — ${name}` : code;
};

/** The title block's lines: document, version, round, deadline, silence procedure, outcome. */
function titleLines(t: Consolidated, lang: Lang): [string, string][] {
  const l = TITLE_BLOCK[lang];
  return [
    [l.document, pick(t.round.document.title, lang)],
    [l.version, String(t.round.versionNumber)],
    [l.round, String(t.round.round)],
    [l.deadline, dateInText(t.round.deadline, lang)],
    [l.silence, t.round.silenceProcedure ? l.yes : l.no],
    [l.outcome, OUTCOME_LABELS[t.round.outcome ?? 'open'][lang]],
  ];
}

function commentCells(t: Consolidated, c: ConsultationComment, lang: Lang): string[] {
  return [
    String(c.number),
    stateLabel(t, c.memberState, lang),
    c.clause,
    pick(c.comment, lang),
    pick(c.proposedText, lang),
    RESOLUTION_LABELS[c.resolution ?? 'none'][lang],
    pick(c.response, lang),
  ];
}

// ---- XLSX ------------------------------------------------------------------------------------

const WIDTHS = [6, 24, 16, 60, 50, 20, 50];

/**
 * The consolidated table as a workbook: a title block above the table of comments (bold header,
 * autofilter, wrapped text), and a second sheet with each invited state's position.
 */
export async function commentsXlsx(ctx: Ctx, id: string, lang: Lang): Promise<CommentsFile> {
  const t = await load(ctx, id);
  const l = TITLE_BLOCK[lang];
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Plenum';
  wb.created = new Date();

  const ws = wb.addWorksheet(l.commentsSheet);
  ws.columns = WIDTHS.map((width) => ({
    width,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  const heading = ws.addRow([l.heading]);
  heading.font = { bold: true, size: 14 };
  for (const [label, value] of titleLines(t, lang)) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    ws.mergeCells(row.number, 2, row.number, WIDTHS.length);
  }
  ws.addRow([]);
  const header = ws.addRow(TABLE_HEADINGS[lang]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  const headerRow = header.number;
  for (const c of t.comments) {
    ws.addRow(commentCells(t, c, lang));
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: Math.max(headerRow, ws.rowCount), column: WIDTHS.length },
  };

  const ps = wb.addWorksheet(l.positionsSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ps.columns = [24, 26, 60, 14].map((width) => ({
    width,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  ps.addRow(POSITION_HEADINGS[lang]).font = { bold: true };
  for (const p of t.round.positions) {
    ps.addRow([
      stateLabel(t, p.memberState, lang),
      POSITION_LABELS[p.position ?? 'none'][lang],
      pick(p.note, lang),
      p.positionAt ? dateInText(p.positionAt.slice(0, 10), lang) : '',
    ]);
  }

  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    name: FILE_NAME.en(t.round.round),
    localName: FILE_NAME[lang](t.round.round),
    extension: 'xlsx',
    contentType: XLSX_TYPE,
    body,
  };
}

// ---- DOCX ------------------------------------------------------------------------------------

// Widths of the table's columns in twentieths of a point, filling a landscape A4 page's text
// width (297 mm less 2 × 20 mm margins ≈ 14 570 twips).
const DOCX_WIDTHS = [600, 1700, 1300, 3300, 3000, 1500, 3170];

/** A cell's text as paragraphs, one per line, so line breaks in comments survive. */
function cellParagraphs(docx: typeof Docx, text: string, bold = false): Docx.Paragraph[] {
  const { Paragraph, TextRun } = docx;
  const lines = text.split(/\r?\n/);
  return lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

function cell(
  docx: typeof Docx,
  text: string,
  width: number,
  opts: { bold?: boolean; shade?: boolean } = {},
) {
  const CELL_BORDER = { style: docx.BorderStyle.SINGLE, size: 4, color: '808080' };
  return new docx.TableCell({
    width: { size: width, type: docx.WidthType.DXA },
    children: cellParagraphs(docx, text, opts.bold),
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    ...(opts.shade ? { shading: { fill: 'E7E6E6' } } : {}),
  });
}

/**
 * The consolidated table as a landscape Word document: the title block (document, version,
 * round, deadline, outcome) and a table with one row per comment, its header repeated on every
 * page.
 */
export async function commentsDocx(ctx: Ctx, id: string, lang: Lang): Promise<CommentsFile> {
  const t = await load(ctx, id);
  const docx = await loadDocx();
  const {
    AlignmentType,
    Document,
    HeadingLevel,
    Packer,
    PageOrientation,
    Paragraph,
    Table,
    TableLayoutType,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  const l = TITLE_BLOCK[lang];
  const titleBlock = titleLines(t, lang).map(
    ([label, value]) =>
      new Paragraph({
        children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
      }),
  );
  const header = new TableRow({
    tableHeader: true,
    children: TABLE_HEADINGS[lang].map((h, i) =>
      cell(docx, h, DOCX_WIDTHS[i] as number, { bold: true, shade: true }),
    ),
  });
  const rows = t.comments.map(
    (c) =>
      new TableRow({
        cantSplit: false,
        children: commentCells(t, c, lang).map((text, i) =>
          cell(docx, text, DOCX_WIDTHS[i] as number),
        ),
      }),
  );
  const table = new Table({
    rows: [header, ...rows],
    width: { size: DOCX_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: DOCX_WIDTHS,
    layout: TableLayoutType.FIXED,
  });
  const doc = new Document({
    creator: 'Plenum',
    title: `${l.heading}: ${pick(t.round.document.title, lang)}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 22 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: l.heading, bold: true })],
          }),
          ...titleBlock,
          new Paragraph({ children: [] }),
          ...(t.comments.length > 0 ? [table] : [new Paragraph(l.noComments)]),
        ],
      },
    ],
  });
  return {
    name: FILE_NAME.en(t.round.round),
    localName: FILE_NAME[lang](t.round.round),
    extension: 'docx',
    contentType: DOCX_TYPE,
    body: await Packer.toBuffer(doc),
  };
}
