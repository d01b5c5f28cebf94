import type { MinutesLanguage } from '@plenum/shared';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { typesetPdf } from '../pdf/typeset.ts';
import type { Block, Inline, Section } from './blocks.ts';
import { pageLabel } from './document.ts';

/** A4 in points, with 2 cm side margins: the width the text runs in. */
const PAGE_MARGIN = 57;
const TEXT_WIDTH = 595.28 - 2 * PAGE_MARGIN;
const COLUMN_GAP = 12;

const MUTED = '#666666';

function runs(inlines: Inline[]): Content[] {
  return inlines.map((r) => ({
    text: r.text,
    ...(r.bold ? { bold: true } : {}),
    ...(r.italics ? { italics: true } : {}),
    ...(r.strike ? { decoration: 'lineThrough' as const } : {}),
    ...(r.code ? { background: '#eeeeee' } : {}),
    ...(r.link ? { link: r.link, color: '#1a4d8f' } : {}),
    ...(r.muted ? { color: MUTED } : {}),
  }));
}

const HEADING_SIZES = { 1: 13, 2: 12, 3: 11, 4: 10 } as const;

/** Blocks as pdfmake content, for a column `width` points wide. */
function content(blocks: Block[], width: number): Content[] {
  return blocks.map((block) => blockContent(block, width));
}

function blockContent(block: Block, width: number): Content {
  switch (block.type) {
    case 'title':
      return {
        text: runs(block.inlines),
        alignment: 'center',
        bold: true,
        fontSize: 16,
        margin: [0, 0, 0, 4],
      };
    case 'subtitle':
      return {
        text: runs(block.inlines),
        alignment: 'center',
        bold: true,
        fontSize: 12,
        margin: [0, 0, 0, 12],
      };
    case 'banner':
      return {
        text: runs(block.inlines),
        alignment: 'center',
        italics: true,
        color: '#8a1c1c',
        margin: [0, 6, 0, 10],
      };
    case 'heading':
      return {
        text: runs(block.inlines),
        bold: true,
        fontSize: HEADING_SIZES[block.level],
        margin: [0, block.level <= 2 ? 12 : 8, 0, 4],
        headlineLevel: block.level,
      };
    case 'paragraph':
      return {
        text: runs(block.inlines),
        alignment: block.align ?? 'left',
        margin: [0, 0, 0, 5],
      };
    case 'list': {
      const items = block.items.map((item) => ({ stack: content(item, width - 15) }));
      return block.ordered
        ? { ol: items, start: block.start, margin: [0, 0, 0, 5] }
        : { ul: items, margin: [0, 0, 0, 5] };
    }
    case 'quote':
      return { stack: content(block.blocks, width - 15), margin: [15, 0, 0, 5], italics: true };
    case 'code':
      return {
        text: block.text,
        preserveLeadingSpaces: true,
        background: '#eeeeee',
        fontSize: 9,
        margin: [0, 0, 0, 5],
      };
    case 'rule':
      return {
        canvas: [
          { type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 0.5, lineColor: '#999999' },
        ],
        margin: [0, 4, 0, 8],
      };
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      // Cell padding and rules take about 10 points per column.
      const usable = width - 10 * block.widths.length;
      const body: TableCell[][] = [
        ...(block.header
          ? [block.header.map((h) => ({ text: h, bold: true, fillColor: '#e7e6e6' }))]
          : []),
        ...block.rows.map((row) => row.map((cell) => ({ text: runs(cell) }))),
      ];
      return {
        table: {
          headerRows: block.header ? 1 : 0,
          widths: block.widths.map((w) => (usable * w) / total),
          body,
        },
        // A half-page column of the bilingual edition takes a smaller type, so words fit whole.
        fontSize: width < 300 ? 8 : 9,
        margin: [0, 2, 0, 8],
      };
    }
    case 'spread':
      return {
        columns: [
          { text: runs(block.left), width: '*' },
          { text: runs(block.right), width: '*', alignment: 'right' },
        ],
        margin: [0, 0, 0, 6],
      };
    case 'signatures':
      return {
        table: {
          // Three cells, each padded 4 points a side.
          widths: [0.38, 0.24, 0.38].map((share) => (width - 24) * share),
          body: block.rows.map((r) => [
            { text: r.role, bold: true, margin: [0, 18, 0, 0] },
            { text: '', border: [false, false, false, true] },
            { text: r.name, margin: [0, 18, 0, 0], alignment: 'right' },
          ]),
        },
        layout: { defaultBorder: false },
        margin: [0, 24, 0, 0],
        unbreakable: true,
      };
  }
}

/**
 * The sections as a PDF: in one language, or (bilingual) as a two-column table, English on the
 * left and Russian on the right, one row per section so the languages stay side by side.
 */
export function sectionsPdf(
  sections: Section[],
  lang: MinutesLanguage,
  meta: { title: string; header: string },
): Promise<Buffer> {
  let body: Content[];
  if (lang === 'bilingual') {
    const column = (TEXT_WIDTH - COLUMN_GAP) / 2 - 8;
    body = [
      {
        table: {
          widths: ['*', '*'],
          headerRows: 1,
          body: [
            [
              { text: 'English', bold: true, color: MUTED, fontSize: 8 },
              { text: 'Русский', bold: true, color: MUTED, fontSize: 8 },
            ],
            ...sections.map((section) => [
              { stack: content(section('en'), column) },
              { stack: content(section('ru'), column) },
            ]),
          ],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 1 ? 0.5 : 0),
          vLineColor: () => '#bbbbbb',
          paddingLeft: (i: number) => (i === 1 ? COLUMN_GAP / 2 + 2 : 0),
          paddingRight: (i: number) => (i === 0 ? COLUMN_GAP / 2 + 2 : 0),
        },
        fontSize: 9,
      },
    ];
  } else {
    body = sections.flatMap((section) => content(section(lang), TEXT_WIDTH));
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [PAGE_MARGIN, 60, PAGE_MARGIN, 60],
    info: { title: meta.title, creator: 'Plenum', producer: 'Plenum' },
    defaultStyle: { fontSize: 10.5, lineHeight: 1.15 },
    header: () => ({
      text: meta.header,
      alignment: 'center',
      fontSize: 8,
      color: MUTED,
      margin: [PAGE_MARGIN, 28, PAGE_MARGIN, 0],
    }),
    footer: (page: number, pages: number) => ({
      text: pageLabel(lang, page, pages),
      alignment: 'center',
      fontSize: 8,
      color: MUTED,
      margin: [PAGE_MARGIN, 20, PAGE_MARGIN, 0],
    }),
    content: body,
  };
  return typesetPdf(definition);
}
