import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { AppError } from './errors.ts';

/**
 * The file store: content-addressed by SHA-256 under `<dataDir>/files`. An upload streams into a
 * temporary file of the store while it is hashed, measured and inspected; only a complete upload
 * of an accepted type is moved (fsync, atomic rename, fsync of the directory) to
 * `<root>/<aa>/<bb>/<sha256>`. The same bytes are therefore stored once, and a file the server
 * answered for survives a crash.
 */
export interface FileStore {
  root: string;
  maxBytes: number;
}

export function fileStore(dataDir: string, maxBytes: number): FileStore {
  return { root: path.resolve(dataDir, 'files'), maxBytes };
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The API address of a stored file. */
export const fileHref = (sha256: string) => `/api/v1/files/${sha256}`;

/** Where the content with this hash lives. Only a well-formed hash becomes a path. */
export function filePath(store: FileStore, sha256: string): string {
  if (!SHA256.test(sha256)) {
    throw new Error('Not a SHA-256');
  }
  return path.join(store.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

const tempDir = (store: FileStore) => path.join(store.root, 'tmp');

/** A complete upload waiting in the store's temporary folder. */
export interface StagedFile {
  tempPath: string;
  sha256: string;
  size: number;
  /** Valid UTF-8 from start to end. */
  utf8: boolean;
  /** Contains a NUL byte (text never does). */
  nul: boolean;
  /** The first bytes, for telling markup from plain text. */
  head: Buffer;
}

const HEAD_BYTES = 4096;

/** 413 for an upload over the limit (the limit itself travels in the field error). */
export const tooLarge = (maxBytes: number) =>
  new AppError(
    'payload_too_large',
    'The file is larger than the upload limit; nothing was stored.',
    {
      errors: [{ path: 'file', message: `At most ${maxBytes} bytes` }],
    },
  );

/** Hashes, counts and inspects the bytes flowing through, failing as soon as the limit passes. */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  utf8 = true;
  nul = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly headChunks: Buffer[] = [];
  private headSize = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(tooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    if (!this.nul && chunk.includes(0)) {
      this.nul = true;
    }
    if (this.utf8 && !this.nul) {
      try {
        this.decoder.decode(chunk, { stream: true });
      } catch {
        this.utf8 = false;
      }
    }
    if (this.headSize < HEAD_BYTES) {
      this.headChunks.push(chunk.subarray(0, HEAD_BYTES - this.headSize));
      this.headSize += Math.min(chunk.length, HEAD_BYTES - this.headSize);
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.utf8 && !this.nul) {
      try {
        this.decoder.decode();
      } catch {
        this.utf8 = false;
      }
    }
    done();
  }

  head(): Buffer {
    return Buffer.concat(this.headChunks);
  }
}

/**
 * Streams `source` into a temporary file of the store. Over the limit (counted here, or reported
 * by the source through `truncated`) the temporary file is removed and a 413 thrown: nothing of
 * a refused upload stays behind.
 */
export async function stageUpload(
  store: FileStore,
  source: Readable,
  truncated: () => boolean = () => false,
): Promise<StagedFile> {
  await fsp.mkdir(tempDir(store), { recursive: true });
  const tempPath = path.join(tempDir(store), `${randomBytes(16).toString('hex')}.part`);
  const inspector = new Inspector(store.maxBytes);
  try {
    await pipeline(source, inspector, fs.createWriteStream(tempPath, { flags: 'wx' }));
    if (truncated()) {
      throw tooLarge(store.maxBytes);
    }
  } catch (error) {
    await fsp.rm(tempPath, { force: true });
    if (error instanceof AppError) {
      throw error;
    }
    // The client went away or sent a broken body: its fault, and nothing was kept.
    throw new AppError('bad_request', 'The upload was cut short or is not well-formed.');
  }
  return {
    tempPath,
    sha256: inspector.hash.digest('hex'),
    size: inspector.size,
    utf8: inspector.utf8,
    nul: inspector.nul,
    head: inspector.head(),
  };
}

/**
 * Removes temporary files left by uploads that a crash interrupted. Only old ones: another
 * instance sharing the store may be writing a fresh one right now.
 */
export async function sweepStaleUploads(
  store: FileStore,
  olderThanMs = 86_400_000,
): Promise<number> {
  const dir = tempDir(store);
  let removed = 0;
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat?.isFile() && Date.now() - stat.mtimeMs > olderThanMs) {
      await fsp.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Removes a staged file that will not be kept. */
export async function discardStaged(staged: StagedFile): Promise<void> {
  await fsp.rm(staged.tempPath, { force: true });
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await fsp.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Moves a staged file to its content address: the data is synced first, the rename is atomic and
 * the directory is synced after it, so the file is complete and present once this returns. When
 * the same content is stored already, the staged copy is simply dropped.
 */
export async function commitStaged(store: FileStore, staged: StagedFile): Promise<void> {
  const target = filePath(store, staged.sha256);
  const dir = path.dirname(target);
  if (fs.existsSync(target)) {
    await discardStaged(staged);
    // Another upload of the same bytes may have renamed it a moment ago and not yet synced the
    // directory (or died before it did): this answer must not get ahead of that sync.
    await fsyncPath(target);
    await fsyncPath(dir);
    return;
  }
  await fsyncPath(staged.tempPath);
  // The first directory this call creates, if any: new directories are entries of their parents.
  const created = await fsp.mkdir(dir, { recursive: true });
  await fsp.rename(staged.tempPath, target);
  await fsyncPath(dir);
  if (created !== undefined) {
    for (let d = dir; ; d = path.dirname(d)) {
      await fsyncPath(path.dirname(d));
      if (d === path.resolve(created) || d === store.root) {
        break;
      }
    }
  }
}

/** Whether the content with this hash is in the store. */
export function hasFile(store: FileStore, sha256: string): boolean {
  return fs.existsSync(filePath(store, sha256));
}

/** A stream of the stored content, whole or the inclusive byte range [start, end]. */
export function openFile(
  store: FileStore,
  sha256: string,
  range?: { start: number; end: number },
): fs.ReadStream {
  return fs.createReadStream(
    filePath(store, sha256),
    range ? { start: range.start, end: range.end } : {},
  );
}

// ---- Types -----------------------------------------------------------------------------------

/** Binary types accepted as they are detected by file-type. */
const DETECTED_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

const TEXT_TYPES: Record<string, string> = {
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
};

// A text that is markup (HTML, SVG, XML) can carry script when a browser renders it.
const MARKUP = /<(?:!doctype|html|head|body|svg|script|iframe|object|embed|\?xml|math)\b/i;

function isMarkup(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('<') || MARKUP.test(text);
}

/**
 * Legacy Office files are OLE compound files, as are installers (MSI) and much else: only the
 * stream names in the compound file's directory tell a Word or Excel file apart.
 */
async function compoundFileType(file: string): Promise<string | null> {
  const handle = await fsp.open(file, 'r');
  try {
    const header = Buffer.alloc(512);
    await handle.read(header, 0, 512, 0);
    const shift = header.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) {
      return null;
    }
    const sectorSize = 1 << shift;
    const perSector = sectorSize / 4;
    const offsetOf = (sector: number) => (sector + 1) * sectorSize;
    const readSector = async (sector: number) => {
      const buffer = Buffer.alloc(sectorSize);
      const { bytesRead } = await handle.read(buffer, 0, sectorSize, offsetOf(sector));
      return bytesRead === sectorSize ? buffer : null;
    };
    // The FAT's own sectors: the first 109 in the header, the rest in the DIFAT chain.
    const fatSectors: number[] = [];
    const fatCount = header.readUInt32LE(0x2c);
    for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) {
      fatSectors.push(header.readUInt32LE(0x4c + i * 4));
    }
    let difat = header.readUInt32LE(0x44);
    for (let hops = 0; fatSectors.length < fatCount && difat < 0xfffffffa && hops < 1000; hops++) {
      const sector = await readSector(difat);
      if (!sector) {
        return null;
      }
      for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) {
        fatSectors.push(sector.readUInt32LE(i * 4));
      }
      difat = sector.readUInt32LE((perSector - 1) * 4);
    }
    const nextOf = async (sector: number): Promise<number> => {
      const fatSector = fatSectors[Math.floor(sector / perSector)];
      if (fatSector === undefined) {
        return 0xfffffffe;
      }
      const entry = Buffer.alloc(4);
      await handle.read(entry, 0, 4, offsetOf(fatSector) + (sector % perSector) * 4);
      return entry.readUInt32LE(0);
    };
    const names = new Set<string>();
    let sector = header.readUInt32LE(0x30);
    for (let hops = 0; sector < 0xfffffffa && hops < 512; hops++) {
      const dir = await readSector(sector);
      if (!dir) {
        break;
      }
      for (let at = 0; at + 128 <= sectorSize; at += 128) {
        const length = Math.min(dir.readUInt16LE(at + 0x40), 64);
        if (length >= 2 && dir[at + 0x42] === 2) {
          names.add(dir.toString('utf16le', at, at + length - 2));
        }
      }
      sector = await nextOf(sector);
    }
    if (names.has('WordDocument')) {
      return 'application/msword';
    }
    if (names.has('Workbook') || names.has('Book')) {
      return 'application/vnd.ms-excel';
    }
    if (names.has('PowerPoint Document')) {
      return 'application/vnd.ms-powerpoint';
    }
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * The media type of a staged upload, judged by its content alone: documents and images that
 * file-type recognises, legacy Word/Excel/PowerPoint by their compound-file streams, and plain
 * text (UTF-8 without NUL bytes, not markup). The name only picks the text flavour (Markdown,
 * CSV). Anything else (executables, archives, HTML, SVG, unknown binaries) is null: refused.
 */
export async function detectMediaType(staged: StagedFile, name: string): Promise<string | null> {
  if (staged.size === 0) {
    return null;
  }
  const detected = await fileTypeFromFile(staged.tempPath);
  if (detected) {
    if (DETECTED_TYPES.has(detected.mime)) {
      return detected.mime;
    }
    if (detected.mime === 'application/x-cfb') {
      return compoundFileType(staged.tempPath);
    }
    return null;
  }
  if (staged.utf8 && !staged.nul && !isMarkup(staged.head)) {
    const ext = path.extname(name).slice(1).toLowerCase();
    return TEXT_TYPES[ext] ?? 'text/plain';
  }
  return null;
}

/** The Content-Type to send for a stored media type (text is always UTF-8 here). */
export function contentTypeHeader(mediaType: string): string {
  return mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType;
}

// ---- Names -----------------------------------------------------------------------------------

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/rtf': 'rtf',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'text/markdown': 'md',
  'text/csv': 'csv',
  'text/plain': 'txt',
};

/** The usual extension of a media type, for names made up by the server. */
export const extensionOf = (mediaType: string): string => EXTENSIONS[mediaType] ?? 'bin';

/**
 * A file name safe to store and show: no directories (`../../etc/passwd` becomes `passwd`), no
 * control, bidirectional-override or quote characters, no leading dots, at most 200 characters.
 */
export function sanitizeFileName(raw: string, fallback = 'file'): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/["<>:|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (!cleaned) {
    return fallback;
  }
  const chars = Array.from(cleaned);
  if (chars.length <= 200) {
    return cleaned;
  }
  const ext = path.extname(cleaned);
  const keep = ext.length > 0 && ext.length <= 10 ? ext : '';
  return chars.slice(0, 200 - keep.length).join('') + keep;
}

/**
 * Extensions a browser renders as a page or a desktop runs as a program. No stored file is of
 * such a type (markup and executables are refused), so a name ending in one lies about the
 * content: a PDF/HTML polyglot saved as `report.pdf.html` would open as a page.
 */
const ACTIVE_EXTENSIONS = new Set([
  ...['html', 'htm', 'xhtml', 'xht', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt'],
  ...['js', 'mjs', 'cjs', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'hta', 'swf', 'jnlp', 'url', 'lnk'],
  ...['exe', 'com', 'bat', 'cmd', 'ps1', 'scr', 'msi', 'reg', 'pif', 'cpl', 'jar', 'app', 'sh'],
]);

/**
 * The name to save a file of `mediaType` under: a name ending in an active extension gets the
 * type's own appended (`report.pdf.html` → `report.pdf.html.pdf`), so it opens as what it is.
 */
export function downloadName(name: string, mediaType: string): string {
  const safe = sanitizeFileName(name);
  const ext = path.extname(safe).slice(1).toLowerCase();
  return ACTIVE_EXTENSIONS.has(ext) ? `${safe}.${extensionOf(mediaType)}` : safe;
}

/**
 * `attachment` with an ASCII fallback name and the exact name in RFC 5987 `filename*`; the name
 * is sanitized first, so no quote, CR or LF can reach the header. Given the media type, the name
 * also says it (`downloadName`).
 */
export function contentDisposition(name: string, mediaType?: string): string {
  const safe = mediaType ? downloadName(name, mediaType) : sanitizeFileName(name);
  const ascii =
    safe
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%;]/g, '_') || 'file';
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// ---- Ranges ----------------------------------------------------------------------------------

/**
 * A single `bytes=` range of a file of `size` bytes: the inclusive range, 'unsatisfiable' (416),
 * or null to send the whole file (no Range, another unit, several ranges, or a malformed one,
 * which RFC 9110 lets a server ignore).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (header === undefined) {
    return null;
  }
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) {
    return null;
  }
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') {
    return null;
  }
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) {
      return 'unsatisfiable';
    }
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start) {
    return null;
  }
  if (start >= size) {
    return 'unsatisfiable';
  }
  return { start, end: Math.min(end, size - 1) };
}
