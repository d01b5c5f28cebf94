import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import type { CellValue, Column, TableRow, Tone } from './table.ts';
import { checkZipBounds } from './zip-guard.ts';

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
export type SheetWriter = ExcelJS.Worksheet;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Loaded on first use: about 29 MB of RSS a server that never exports or imports does not need.
let excel: Promise<typeof ExcelJS> | undefined;
/** exceljs, loaded with the first workbook written or read (the imports module shares it). */
export const loadExcelJS = (): Promise<typeof ExcelJS> => {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
};

/** Fill and font of each tone: Excel's own Good / Neutral / Bad cell styles, and grey. */
const TONES: Record<Tone, { fill: string; font: string }> = {
  good: { fill: 'FFC6EFCE', font: 'FF006100' },
  progress: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  bad: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  neutral: { fill: 'FFE7E6E6', font: 'FF3A3838' },
};

export function applyTone(cell: ExcelJS.Cell, tone: Tone): void {
  const { fill, font } = TONES[tone];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  cell.font = { color: { argb: font } };
}

/** An ISO date as the Date exceljs writes as a spreadsheet date (UTC midnight, no shift). */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/**
 * Streams a workbook while `build` adds its sheets: rows are committed as they are written, so a
 * large register never sits whole in memory. `closed` tells `build` that the client went away,
 * so it stops fetching; a failure midway cuts the download short.
 */
export function xlsxStream(
  build: (wb: WorkbookWriter, closed: () => boolean) => Promise<void>,
): Readable {
  const out = new PassThrough();
  let closed = false;
  out.on('close', () => {
    closed = true;
  });
  loadExcelJS()
    .then(async (excelJS) => {
      const wb = new excelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: true,
        useSharedStrings: false,
      });
      wb.creator = 'Plenum';
      wb.created = new Date();
      await build(wb, () => closed);
      return closed ? undefined : wb.commit();
    })
    .catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/**
 * A sheet with the table's columns: bold frozen header row, widths, date formats. Returns a
 * writer of rows and a `finish` that sets the autofilter over what was written and commits.
 */
export function tableSheet(wb: WorkbookWriter, name: string, columns: Column[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style:
      c.kind === 'date'
        ? { numFmt: 'yyyy-mm-dd' }
        : c.wrap
          ? { alignment: { wrapText: true, vertical: 'top' } }
          : {},
  }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    if (c.headerFill) {
      header.getCell(i + 1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: c.headerFill },
      };
    }
  });
  header.commit();
  let count = 1;
  return {
    ws,
    add(row: TableRow): ExcelJS.Row {
      const values = row.cells.map((v: CellValue, i) =>
        v !== null && columns[i]?.kind === 'date' && typeof v === 'string' ? isoToDate(v) : v,
      );
      const added = ws.addRow(values);
      row.tones?.forEach((tone, i) => {
        if (tone) {
          applyTone(added.getCell(i + 1), tone);
        }
      });
      count++;
      return added;
    },
    get rowCount() {
      return count;
    },
    finish(): void {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: count, column: columns.length } };
      ws.commit();
    },
  };
}

// ---- Reading an uploaded workbook -----------------------------------------------------------

export type UploadedCell = string | number | Date | null;
export interface UploadedSheet {
  name: string;
  rows: { row: number; cells: UploadedCell[] }[];
}
/** What the import's body parser makes of an XLSX upload. */
export interface UploadedWorkbook {
  kind: 'xlsx';
  sheets: UploadedSheet[];
}

export const isUploadedWorkbook = (body: unknown): body is UploadedWorkbook =>
  typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'xlsx';

const MAX_ROWS = 20_000;
const MAX_COLUMNS = 50;

function normalise(value: ExcelJS.CellValue): UploadedCell {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
    return value;
  }
  if (typeof value === 'boolean') {
    return String(value);
  }
  if ('richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || typeof result === 'object' ? null : normalise(result as never);
  }
  if ('text' in value && typeof value.text === 'string') {
    return value.text;
  }
  return null;
}

const unreadable = () =>
  new AppError('bad_request', 'The file is not a readable XLSX workbook.', {
    errors: [{ path: 'body', message: 'Not a readable XLSX workbook' }],
  });

/**
 * Reads an uploaded workbook into plain rows of cells. The archive's sizes are bounded first, so
 * a small file that inflates to gigabytes is refused rather than read.
 */
export async function readWorkbook(bytes: Buffer): Promise<UploadedWorkbook> {
  if (!checkZipBounds(bytes)) {
    throw unreadable();
  }
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable();
  }
  if (wb.worksheets.length === 0) {
    throw unreadable();
  }
  const sheets: UploadedSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.rowCount > MAX_ROWS + 1) {
      throw new AppError(
        'bad_request',
        'The sheet has more than 20,000 rows; split it into several files.',
      );
    }
    const rows: UploadedSheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: UploadedCell[] = [];
      const last = Math.min(row.cellCount, MAX_COLUMNS);
      for (let c = 1; c <= last; c++) {
        cells.push(normalise(row.getCell(c).value));
      }
      rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: ws.name, rows });
  }
  return { kind: 'xlsx', sheets };
}
