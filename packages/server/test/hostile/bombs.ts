import zlib from 'node:zlib';

/**
 * A raw DEFLATE stream that inflates to `mib` MiB of zeros while staying about a thousand times
 * smaller: one compressed MiB, ended by a sync flush (so it is not the final block), repeated,
 * then an empty final block. Each copy refers only to itself, so the repeats are valid.
 */
export function deflateBomb(mib: number): Buffer {
  const chunk = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), {
    level: 9,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: mib }, () => chunk), finalEmptyBlock]);
}

export interface ZipEntry {
  name: string;
  /** The bytes as stored in the archive. */
  data: Buffer;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The uncompressed size the archive declares (an attacker may understate it). */
  size: number;
  crc: number;
}

export const stored = (name: string, text: string | Buffer): ZipEntry => {
  const data = Buffer.from(text);
  return { name, data, method: 0, size: data.length, crc: zlib.crc32(data) };
};

/** A ZIP archive of the given entries, written by hand so sizes and CRCs can lie. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const DOCX_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const DOCX_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';
const XLSX_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '</Types>';
const XLSX_RELS = DOCX_RELS.replace('word/document.xml', 'xl/workbook.xml');

/**
 * An office document whose main part inflates to `mib` MiB. With `honest` false the archive
 * declares the part as 100 bytes, as a bomb built to slip past a size check would.
 */
export function officeBomb(kind: 'docx' | 'xlsx', mib: number, honest = true): Buffer {
  const main = kind === 'docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml';
  const bomb: ZipEntry = {
    name: main,
    data: deflateBomb(mib),
    method: 8,
    size: honest ? mib * 1024 * 1024 : 100,
    crc: 0,
  };
  return kind === 'docx'
    ? zipOf([stored('[Content_Types].xml', DOCX_TYPES), stored('_rels/.rels', DOCX_RELS), bomb])
    : zipOf([
        stored('[Content_Types].xml', XLSX_TYPES),
        stored('_rels/.rels', XLSX_RELS),
        stored(
          'xl/workbook.xml',
          '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        stored(
          'xl/_rels/workbook.xml.rels',
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        bomb,
      ]);
}

/**
 * A gzip body that inflates to `mib` MiB of zeros, for a Content-Encoding bomb (its trailer's
 * CRC is left zero: a reader notices only after inflating everything).
 */
export function gzipBomb(mib: number): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE((mib * 1024 * 1024) >>> 0, 4);
  return Buffer.concat([header, deflateBomb(mib), trailer]);
}
