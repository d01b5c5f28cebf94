import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFRef,
} from 'pdf-lib';

export { PDFDocument };

import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * The PDF side of meeting packs: the cover and agenda are typeset by the shared pdfmake setup
 * (../pdf/typeset.ts: Roboto with Cyrillic, no file or network access), the documents' pages
 * appended by pdf-lib, and a PDF outline (bookmarks) written into the catalog, since pdf-lib has
 * no API for outlines.
 */

export { typesetPdf as typeset } from '../pdf/typeset.ts';

export type { Content, TDocumentDefinitions };

/** A bookmark: its title, the page (0-based, in the merged file) and its children. */
export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

/**
 * Writes `entries` as the document's outline (PDF 32000-1 §12.3.3): an /Outlines dictionary
 * with /First, /Last and /Count, and per entry /Title (UTF-16 text), /Parent, /Prev, /Next and a
 * /Dest that shows the whole page. Readers open with the bookmarks panel (/PageMode).
 */
export function writeOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) {
    return;
  }
  const context = doc.context;
  const pages = doc.getPages();
  const rootRef = context.nextRef();

  const build = (
    items: OutlineEntry[],
    parent: PDFRef,
  ): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = items.length;
    items.forEach((item, i) => {
      const dict = PDFDict.withContext(context);
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      const ref = refs[i] as PDFRef;
      if (i > 0) {
        dict.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
      }
      if (i < items.length - 1) {
        dict.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
      }
      const page = pages[Math.min(Math.max(item.page, 0), pages.length - 1)];
      if (page) {
        const dest = PDFArray.withContext(context);
        dest.push(page.ref);
        dest.push(PDFName.of('Fit'));
        dict.set(PDFName.of('Dest'), dest);
      }
      if (item.children.length > 0) {
        const sub = build(item.children, ref);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // Positive: shown open, with this many visible descendants.
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
      }
      context.assign(ref, dict);
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, count };
  };

  const top = build(entries, rootRef);
  const root = PDFDict.withContext(context);
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** A source PDF that pdf-lib can read and copy pages from, or null (damaged or encrypted). */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return doc.getPageCount() > 0 ? doc : null;
  } catch {
    return null;
  }
}

/** Appends every page of `source` to `target`; returns the index of the first appended page. */
export async function appendPages(target: PDFDocument, source: PDFDocument): Promise<number> {
  const first = target.getPageCount();
  const pages = await target.copyPages(source, source.getPageIndices());
  for (const page of pages) {
    target.addPage(page);
  }
  return first;
}
