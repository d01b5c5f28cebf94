import { IMPORT_MAX_ROWS } from '@plenum/shared';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import type { Lang } from '../exports/labels.ts';
import { loadExcelJS } from '../exports/xlsx.ts';
import { checkZipBounds } from '../exports/zip-guard.ts';
import { messagesOf } from './messages.ts';

/** An uploaded table: its rows of text cells, numbered as a spreadsheet shows them. */
export interface UploadedTable {
  format: 'csv' | 'xlsx';
  rows: { row: number; cells: string[] }[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const MAX_COLUMNS = 50;

function extensionOf(filename: string | undefined): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(filename ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * The text of a cell. A formula stays the formula's text (`=…`): it is neither evaluated nor
 * dropped, and whatever exports it later neutralises it as it does every formula-like text.
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return `=${cell.formula ?? ''}`;
  }
  if ('richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  if ('error' in value) {
    return String(value.error);
  }
  if ('text' in value && typeof value.text === 'string') {
    return value.text;
  }
  return '';
}

async function readXlsx(bytes: Buffer, lang: Lang): Promise<UploadedTable> {
  const m = messagesOf(lang);
  const unreadable = () => new AppError('unsupported_media_type', m.unreadableXlsx);
  // Bounded before it is inflated: a small file that unpacks to gigabytes is refused unread.
  if (!checkZipBounds(bytes)) {
    throw unreadable();
  }
  // exceljs is loaded on first use (see loadExcelJS): a server that never imports does not pay.
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable();
  }
  const ws = wb.worksheets[0];
  if (!ws) {
    throw unreadable();
  }
  if (ws.actualRowCount > IMPORT_MAX_ROWS + 1) {
    throw new AppError('payload_too_large', m.tooManyRows(IMPORT_MAX_ROWS));
  }
  const rows: UploadedTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const last = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= last; c++) {
      cells.push(cellText(row.getCell(c)));
    }
    rows.push({ row: rowNumber, cells });
  });
  return { format: 'xlsx', rows };
}

/** The separator the header line uses: comma, semicolon (spreadsheets in Russian) or tab. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

function readCsv(bytes: Buffer, lang: Lang): UploadedTable {
  const m = messagesOf(lang);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('unsupported_media_type', m.notUtf8);
  }
  // Control characters other than tab and line ends: a binary file, not a table.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) {
    throw new AppError('unsupported_media_type', m.wrongType);
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 64 * 1024,
      to: IMPORT_MAX_ROWS + 2,
    }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    const what =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? m.csvQuote
        : e.code === 'CSV_INVALID_CLOSING_QUOTE'
          ? m.csvClosingQuote
          : m.csvOther;
    throw new AppError(
      'bad_request',
      m.malformedCsv(typeof e.lines === 'number' ? e.lines : null, what),
      {
        errors: [{ path: 'file', message: m.malformedCsv(e.lines ?? null, what) }],
      },
    );
  }
  if (records.length > IMPORT_MAX_ROWS + 1) {
    throw new AppError('payload_too_large', m.tooManyRows(IMPORT_MAX_ROWS));
  }
  return {
    format: 'csv',
    rows: records.map((cells, i) => ({ row: i + 1, cells: cells.slice(0, MAX_COLUMNS) })),
  };
}

/**
 * Reads an upload as a table. The kind is judged from the content (an XLSX is a ZIP archive;
 * a CSV is UTF-8 text) and must agree with the file name's extension when there is one.
 */
export async function readUploadedTable(
  bytes: Buffer,
  filename: string | undefined,
  lang: Lang,
): Promise<UploadedTable> {
  const m = messagesOf(lang);
  const withoutBom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (withoutBom.toString('utf8').trim() === '') {
    throw new AppError('validation_failed', m.empty, {
      errors: [{ path: 'file', message: m.empty }],
    });
  }
  const extension = extensionOf(filename);
  const zipped = bytes.subarray(0, 4).equals(ZIP_MAGIC);
  if (zipped && (extension === null || extension === 'xlsx')) {
    return readXlsx(bytes, lang);
  }
  if (!zipped && (extension === null || extension === 'csv' || extension === 'txt')) {
    return readCsv(bytes, lang);
  }
  throw new AppError('unsupported_media_type', m.wrongType);
}
