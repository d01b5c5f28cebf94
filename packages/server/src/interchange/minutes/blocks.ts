/**
 * The layout-neutral content of the minutes: what the PDF and DOCX renderers both draw. The
 * builder (document.ts) writes the minutes in these blocks once per language; each renderer maps
 * them to its library's structures (pdfmake content, docx paragraphs and tables).
 */

export interface Inline {
  text: string;
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  strike?: boolean;
  /** A link target (http, https, mailto only; see markdown.ts). */
  link?: string;
  /** Secondary text: the fallback marker, notes. */
  muted?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Block =
  | { type: 'title'; inlines: Inline[] }
  | { type: 'subtitle'; inlines: Inline[] }
  | { type: 'banner'; inlines: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4; inlines: Inline[] }
  | { type: 'paragraph'; inlines: Inline[]; align?: Align }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'code'; text: string }
  | { type: 'rule' }
  | { type: 'table'; header: string[] | null; rows: Inline[][][]; widths: number[] }
  /** Two texts on one line, one at each margin (the place and the date). */
  | { type: 'spread'; left: Inline[]; right: Inline[] }
  | { type: 'signatures'; rows: { role: string; name: string }[] };

/**
 * A passage of the document in one language. In a bilingual edition each section is one row of
 * the parallel table: English on the left, Russian on the right.
 */
export type Section = (lang: 'en' | 'ru') => Block[];

export const plain = (text: string): Inline[] => [{ text }];
