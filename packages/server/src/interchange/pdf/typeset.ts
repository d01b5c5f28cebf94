import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * pdfmake for every PDF Plenum typesets. The fonts are the Roboto that ships inside the pdfmake
 * package (it covers Latin and Cyrillic, so Russian renders and extracts as text); nothing else
 * may be read from disk and nothing fetched from the network, so no content of a document can
 * make the server open a file or a URL.
 */

const require = createRequire(import.meta.url);
const ROBOTO = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

/** The font family the definitions name (pdfmake's default, stated for clarity). */
export const PDF_FONT = 'Roboto';

const FONTS = {
  [PDF_FONT]: {
    normal: path.join(ROBOTO, 'Roboto-Regular.ttf'),
    bold: path.join(ROBOTO, 'Roboto-Medium.ttf'),
    italics: path.join(ROBOTO, 'Roboto-Italic.ttf'),
    bolditalics: path.join(ROBOTO, 'Roboto-MediumItalic.ttf'),
  },
};
const FONT_FILES = new Set(Object.values(FONTS[PDF_FONT]));

/**
 * Typesets a document definition into a PDF. pdfmake is loaded with the first document: it holds
 * about 25 MB of memory that a server which never typesets should not carry.
 */
export async function typesetPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const { default: pdfmake } = await import('pdfmake');
  // pdfmake is one shared instance: set what it may touch before every document, synchronously
  // with createPdf, so another caller's settings can never apply to this one.
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => FONT_FILES.has(path.resolve(file)));
  return pdfmake
    .createPdf({ ...definition, defaultStyle: { font: PDF_FONT, ...definition.defaultStyle } })
    .getBuffer();
}
