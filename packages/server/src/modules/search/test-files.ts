import { randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph, TextRun } from 'docx';

/**
 * Real PDF and DOCX inputs for the extraction and search tests, made in code so that no binary
 * fixture hides what it contains.
 */

// Glyph names of the Cyrillic letters in Windows-1251 order (А..Я, а..я). The Adobe names skip
// afii10023/afii10071 there: those are Ё and ё, which 1251 places elsewhere.
const CYRILLIC_GLYPHS = [
  ...Array.from({ length: 32 }, (_, i) => `/afii${10017 + i + (i >= 6 ? 1 : 0)}`),
  ...Array.from({ length: 32 }, (_, i) => `/afii${10065 + i + (i >= 6 ? 1 : 0)}`),
];

/** Windows-1251 bytes of ASCII and А..я (what the font's encoding below maps back). */
function cp1251(text: string): number[] {
  return [...text].map((ch) => {
    const code = ch.codePointAt(0) ?? 63;
    if (code >= 0x410 && code <= 0x44f) {
      return code - 0x410 + 0xc0;
    }
    return code < 128 ? code : 63;
  });
}

function pdfString(bytes: number[]): string {
  return bytes
    .map((b) =>
      b === 0x28 || b === 0x29 || b === 0x5c
        ? `\\${String.fromCharCode(b)}`
        : b < 32 || b > 126
          ? `\\${b.toString(8).padStart(3, '0')}`
          : String.fromCharCode(b),
    )
    .join('');
}

/**
 * A PDF with one page per entry, each line a text object in Helvetica whose encoding maps bytes
 * 0xC0–0xFF to the Cyrillic glyphs, so Russian text extracts as Unicode.
 */
export function makePdf(pages: string[][]): Buffer {
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [192 ${CYRILLIC_GLYPHS.join(' ')}] >> >>`,
  ];
  pages.forEach((lines, i) => {
    const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines
      .map((line) => `(${pdfString(cp1251(line))}) Tj T*`)
      .join(' ')} ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A DOCX with one paragraph per entry. */
export function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      { children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A multipart/form-data body with one part named `file`, as the upload route takes it. */
export function multipartFile(
  content: Buffer,
  name: string,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----search${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="file"; filename="${name}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
