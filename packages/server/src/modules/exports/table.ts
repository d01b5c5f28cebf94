import { Readable } from 'node:stream';

/**
 * One table model for both outputs: a cell is text, a number, an ISO date (in a `date` column) or
 * empty; a tone colours the cell in XLSX (the text stays, for colour-blind readers).
 */
export type CellValue = string | number | null;
export type Tone = 'good' | 'progress' | 'bad' | 'neutral';

export interface Column {
  header: string;
  width: number;
  kind?: 'text' | 'date' | 'number';
  wrap?: boolean;
  /** ARGB fill of the header cell (XLSX), e.g. to mark the columns to fill in. */
  headerFill?: string;
}

export interface TableRow {
  cells: CellValue[];
  tones?: (Tone | null)[];
}

/** A formula-looking cell is neutralised: spreadsheet programs would evaluate it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-injection guard, then RFC 4180 quoting. */
export function csvField(value: CellValue): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: CellValue[]) => `${cells.map(csvField).join(',')}\r\n`;

/** UTF-8 byte order mark: spreadsheet programs then read Cyrillic as UTF-8. */
const BOM = '\uFEFF';

/** A CSV document (BOM, CRLF) streamed from rows that may still be fetched batch by batch. */
export function csvStream(
  columns: Column[],
  rows: AsyncIterable<TableRow> | Iterable<TableRow>,
): Readable {
  async function* lines() {
    yield BOM + csvLine(columns.map((c) => c.header));
    let chunk = '';
    for await (const row of rows) {
      chunk += csvLine(row.cells);
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) {
      yield chunk;
    }
  }
  return Readable.from(lines(), { objectMode: false });
}
