import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { type Column, csvStream, type TableRow } from './table.ts';
import { tableSheet, XLSX_TYPE, xlsxStream } from './xlsx.ts';

/**
 * What every export of Plenum sends: the registers, the review matrix, bulk reporting sheets and
 * the consultations' comment tables share one way of naming and sending a file.
 */

export type Lang = 'en' | 'ru';
export type Format = 'csv' | 'xlsx';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file to send. */
export interface Download {
  /** ASCII only, for the plain `filename` parameter; without the extension. */
  name: string;
  /** The same in the export's language, for `filename*`. */
  localName: string;
  extension: string;
  contentType: string;
  body: Readable | Buffer;
}

/** A register's export named "<name>-<date>" in English and in the export's language. */
export function datedDownload(
  names: Record<Lang, string>,
  lang: Lang,
  format: Format,
  date: string,
  body: Readable,
): Download {
  return {
    name: `${names.en}-${date}`,
    localName: `${names[lang]}-${date}`,
    extension: format,
    contentType: format === 'csv' ? CSV_TYPE : XLSX_TYPE,
    body,
  };
}

/** Rows as CSV, or as an XLSX table sheet streamed row by row (stopping if the client left). */
export function tableOutput(
  columns: Column[],
  rows: AsyncIterable<TableRow>,
  sheet: string,
  format: Format,
): Readable {
  if (format === 'csv') {
    return csvStream(columns, rows);
  }
  return xlsxStream(async (wb, closed) => {
    const table = tableSheet(wb, sheet, columns);
    for await (const row of rows) {
      if (closed()) {
        return;
      }
      table.add(row).commit();
    }
    table.finish();
  });
}

/**
 * Sends a file as an attachment (RFC 6266): an ASCII `filename` for every client and the
 * language's name as UTF-8 in `filename*`; never cached, never sniffed.
 */
export function sendDownload(reply: FastifyReply, file: Download) {
  const ascii = `${file.name}.${file.extension}`;
  const local = encodeURIComponent(`${file.localName}.${file.extension}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${local}`)
    .header('Cache-Control', 'private, no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(file.body);
}
