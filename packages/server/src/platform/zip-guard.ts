import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const WIDE = 0xffffffff;
const MAX_ENTRIES = 2_000;
const MAX_INFLATED = 50 * 1024 * 1024;

/**
 * Whether `bytes` is a ZIP archive (an XLSX or a DOCX is one) that stays within bounds once
 * inflated: at most 2,000 entries and `maxInflated` bytes (50 MB) in all. Each entry is inflated
 * against its declared size, so an archive that understates its sizes (a "zip bomb") fails here
 * instead of exhausting memory in the workbook or document reader.
 */
export function checkZipBounds(bytes: Buffer, maxInflated: number = MAX_INFLATED): boolean {
  try {
    return inspect(bytes, maxInflated);
  } catch {
    return false;
  }
}

function inspect(buf: Buffer, maxInflated: number): boolean {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    return false;
  }
  const entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (entries === 0 || entries > MAX_ENTRIES || offset === WIDE) {
    return false;
  }
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(offset) !== CENTRAL) {
      return false;
    }
    const method = buf.readUInt16LE(offset + 10);
    let compressed = buf.readUInt32LE(offset + 20);
    let size = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    let local = buf.readUInt32LE(offset + 42);
    if (size === WIDE || compressed === WIDE || local === WIDE) {
      // ZIP64: the wide values follow in the extra field 0x0001, in this order.
      const extraStart = offset + 46 + nameLength;
      const extra = buf.subarray(extraStart, extraStart + extraLength);
      let p = 0;
      let found = false;
      while (p + 4 <= extra.length && !found) {
        const id = extra.readUInt16LE(p);
        const length = extra.readUInt16LE(p + 2);
        if (id === 1) {
          let q = p + 4;
          const next = () => {
            const value = Number(extra.readBigUInt64LE(q));
            q += 8;
            return value;
          };
          size = size === WIDE ? next() : size;
          compressed = compressed === WIDE ? next() : compressed;
          local = local === WIDE ? next() : local;
          found = true;
        }
        p += 4 + length;
      }
      if (!found) {
        return false;
      }
    }
    total += size;
    if (total > maxInflated || buf.readUInt32LE(local) !== LOCAL) {
      return false;
    }
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (data.length !== compressed) {
      return false;
    }
    if (method === 8) {
      if (inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }).length !== size) {
        return false;
      }
    } else if (method !== 0 || compressed !== size) {
      return false;
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return true;
}
