import type { MinutesLanguage } from '@plenum/shared';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopPosition,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Inline, Section } from './blocks.ts';
import { L } from './labels.ts';

/** A4 portrait less 2 cm margins, in twentieths of a point. */
const MARGIN = 1134;
const TEXT_WIDTH = 11906 - 2 * MARGIN;

const MUTED = '666666';
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

type Body = (Paragraph | Table)[];

/** Numbered lists: one numbering definition per start value, one instance per list. */
class Numbering {
  starts = new Set<number>([1]);
  private next = 1;
  instance(start: number): number {
    this.starts.add(start);
    return this.next++;
  }
  config() {
    return [...this.starts].map((start) => ({
      reference: `ordered-${start}`,
      levels: [0, 1, 2, 3].map(
        (level): ILevelsOptions => ({
          level,
          format: LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          start,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
        }),
      ),
    }));
  }
}

function runs(
  inlines: Inline[],
  extra: { bold?: boolean; italics?: boolean } = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of inlines) {
    const parts = r.text.split('\n');
    const make = (text: string, index: number) =>
      new TextRun({
        text,
        ...(index > 0 ? { break: 1 } : {}),
        ...(r.bold || extra.bold ? { bold: true } : {}),
        ...(r.italics || extra.italics ? { italics: true } : {}),
        ...(r.strike ? { strike: true } : {}),
        ...(r.code ? { font: 'Courier New' } : {}),
        ...(r.muted ? { color: MUTED } : {}),
        ...(r.link ? { style: 'Hyperlink' } : {}),
      });
    const textRuns = parts.map(make);
    if (r.link) {
      out.push(new ExternalHyperlink({ link: r.link, children: textRuns }));
    } else {
      out.push(...textRuns);
    }
  }
  return out;
}

function cell(children: Body, width: number, opts: { shade?: boolean; borders?: boolean } = {}) {
  const border = opts.borders === false ? NONE : RULE;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    // Word requires a cell to end with a paragraph, also after a nested table.
    children: children.at(-1) instanceof Paragraph ? children : [...children, new Paragraph({})],
    borders: { top: border, bottom: border, left: border, right: border },
    ...(opts.shade ? { shading: { fill: 'E7E6E6' } } : {}),
  });
}

/** Blocks as Word paragraphs and tables, for a column `width` twips wide. */
function body(blocks: Block[], width: number, numbering: Numbering, level = 0): Body {
  const out: Body = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'title':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 80 },
            children: runs(block.inlines, { bold: true }).map((r) => r),
            heading: HeadingLevel.TITLE,
          }),
        );
        break;
      case 'subtitle':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: runs(block.inlines, { bold: true }),
          }),
        );
        break;
      case 'banner':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 200 },
            children: runs(
              block.inlines.map((r) => ({ ...r, muted: true })),
              { italics: true },
            ),
          }),
        );
        break;
      case 'heading':
        out.push(new Paragraph({ heading: HEADINGS[block.level], children: runs(block.inlines) }));
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            spacing: { after: 100 },
            ...(block.align === 'center' ? { alignment: AlignmentType.CENTER } : {}),
            ...(block.align === 'justify' ? { alignment: AlignmentType.JUSTIFIED } : {}),
            children: runs(block.inlines),
          }),
        );
        break;
      case 'list': {
        const instance = block.ordered ? numbering.instance(block.start) : 0;
        for (const item of block.items) {
          item.forEach((inner, index) => {
            if (index === 0 && inner.type === 'paragraph') {
              out.push(
                new Paragraph({
                  children: runs(inner.inlines),
                  ...(block.ordered
                    ? { numbering: { reference: `ordered-${block.start}`, level, instance } }
                    : { bullet: { level } }),
                }),
              );
            } else {
              out.push(...body([inner], width, numbering, Math.min(level + 1, 3)));
            }
          });
        }
        break;
      }
      case 'quote':
        for (const inner of body(block.blocks, width - 720, numbering, level)) {
          out.push(inner);
        }
        break;
      case 'code':
        out.push(
          new Paragraph({
            shading: { fill: 'EEEEEE' },
            children: block.text.split('\n').map(
              (line, i) =>
                new TextRun({
                  text: line,
                  font: 'Courier New',
                  size: 18,
                  ...(i > 0 ? { break: 1 } : {}),
                }),
            ),
          }),
        );
        break;
      case 'rule':
        out.push(new Paragraph({ border: { bottom: { ...RULE, space: 1 } }, children: [] }));
        break;
      case 'table': {
        const total = block.widths.reduce((a, b) => a + b, 0);
        const widths = block.widths.map((w) => Math.floor((width * w) / total));
        const rows = [
          ...(block.header
            ? [
                new TableRow({
                  tableHeader: true,
                  children: block.header.map((h, i) =>
                    cell(
                      [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })],
                      widths[i] ?? 0,
                      {
                        shade: true,
                      },
                    ),
                  ),
                }),
              ]
            : []),
          ...block.rows.map(
            (row) =>
              new TableRow({
                children: widths.map((w, i) =>
                  cell([new Paragraph({ children: runs(row[i] ?? []) })], w),
                ),
              }),
          ),
        ];
        out.push(
          new Table({
            rows,
            width: { size: width, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
          }),
          new Paragraph({}),
        );
        break;
      }
      case 'spread':
        out.push(
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: Math.min(width, TabStopPosition.MAX) }],
            spacing: { after: 120 },
            children: [
              ...runs(block.left),
              new TextRun({ children: [new Tab()] }),
              ...runs(block.right),
            ],
          }),
        );
        break;
      case 'signatures': {
        const widths = [
          Math.floor(width * 0.35),
          Math.floor(width * 0.3),
          Math.floor(width * 0.35),
        ];
        out.push(
          new Paragraph({ spacing: { before: 360 }, children: [] }),
          new Table({
            width: { size: width, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            rows: block.rows.map(
              (r) =>
                new TableRow({
                  cantSplit: true,
                  children: [
                    cell(
                      [
                        new Paragraph({
                          spacing: { before: 360 },
                          children: [new TextRun({ text: r.role, bold: true })],
                        }),
                      ],
                      widths[0] as number,
                      { borders: false },
                    ),
                    new TableCell({
                      width: { size: widths[1] as number, type: WidthType.DXA },
                      borders: { top: NONE, left: NONE, right: NONE, bottom: RULE },
                      children: [new Paragraph({})],
                    }),
                    cell(
                      [
                        new Paragraph({
                          alignment: AlignmentType.RIGHT,
                          spacing: { before: 360 },
                          children: [new TextRun(r.name)],
                        }),
                      ],
                      widths[2] as number,
                      { borders: false },
                    ),
                  ],
                }),
            ),
          }),
        );
        break;
      }
    }
  }
  return out;
}

/**
 * The sections as a Word document: in one language, or (bilingual) as a two-column table,
 * English on the left and Russian on the right, one row per section. The running header names
 * the body; the footer numbers the pages ("Page 3 of 7" / "Стр. 3 из 7", Word's own fields).
 */
export function sectionsDocx(
  sections: Section[],
  lang: MinutesLanguage,
  meta: { title: string; header: string },
): Promise<Buffer> {
  const numbering = new Numbering();
  let children: Body;
  if (lang === 'bilingual') {
    const half = Math.floor(TEXT_WIDTH / 2);
    const headerRow = new TableRow({
      tableHeader: true,
      children: ['English', 'Русский'].map((label) =>
        cell(
          [
            new Paragraph({
              children: [new TextRun({ text: label, bold: true, color: MUTED, size: 16 })],
            }),
          ],
          half,
          {
            borders: false,
          },
        ),
      ),
    });
    const rows = sections.map(
      (section) =>
        new TableRow({
          children: [
            cell(body(section('en'), half - 200, numbering), half, { borders: false }),
            cell(body(section('ru'), half - 200, numbering), half, { borders: false }),
          ],
        }),
    );
    children = [
      new Table({
        rows: [headerRow, ...rows],
        width: { size: half * 2, type: WidthType.DXA },
        columnWidths: [half, half],
        layout: TableLayoutType.FIXED,
      }),
    ];
  } else {
    children = sections.flatMap((section) => body(section(lang), TEXT_WIDTH, numbering));
  }
  const pageLine = (l: 'en' | 'ru') => {
    const [before, middle] = L.page[l].split(/\{page\}|\{pages\}/) as [string, string];
    return [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES];
  };
  const footerText =
    lang === 'bilingual' ? [...pageLine('en'), ' / ', ...pageLine('ru')] : pageLine(lang);
  const doc = new Document({
    creator: 'Plenum',
    title: meta.title,
    styles: {
      default: {
        document: { run: { font: 'Times New Roman', size: lang === 'bilingual' ? 20 : 24 } },
      },
    },
    numbering: { config: numbering.config() },
    sections: [
      {
        properties: {
          page: { margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: meta.header, size: 16, color: MUTED })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: footerText, size: 16, color: MUTED })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
