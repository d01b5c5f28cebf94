import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { checkZipBounds } from './zip-guard.ts';

/**
 * Plain text of an uploaded file, for full-text search. PDF and DOCX are parsed in a process of
 * their own with a memory ceiling and a deadline: a hostile or huge file can neither block the
 * event loop nor take the server's memory with it, and all the parser used goes back to the
 * system when the process ends (a worker thread's isolate would leave the server's heap and
 * allocator larger after every upload). Extraction never throws; a failure yields empty text and
 * one log line, so a broken attachment never fails the write that indexes it.
 */

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExtractLimits {
  /** Characters kept; the rest is cut (search needs the words, not every page of an annex). */
  maxChars: number;
  /** PDF pages read. */
  maxPages: number;
  /** Wall-clock budget of one extraction; the parsing process is killed after it. */
  timeoutMs: number;
  /** Heap ceiling of the parsing process. */
  maxHeapMb: number;
  /** Bytes a DOCX may inflate to in all; a larger (or lying) archive is not opened. */
  maxInflatedBytes: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxChars: 2_000_000,
  maxPages: 2_000,
  timeoutMs: 30_000,
  maxHeapMb: 256,
  maxInflatedBytes: 100 * 1024 * 1024,
};

export interface ExtractOptions {
  limits?: Partial<ExtractLimits>;
  /** Where the line about a failed extraction goes (the process logger by default). */
  log?: (details: Record<string, unknown>, message: string) => void;
}

let defaultLogger: pino.Logger | undefined;
function logWarning(details: Record<string, unknown>, message: string): void {
  defaultLogger ??= pino({
    name: 'text-extract',
    level: process.env.PLENUM_LOG_LEVEL ?? 'info',
  });
  defaultLogger.warn(details, message);
}

const require = createRequire(import.meta.url);
const PDFJS_URL = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
const MAMMOTH_PATH = require.resolve('mammoth');

/**
 * Runs in the parsing process (CommonJS, evaluated from this string so it needs no build step of
 * its own). It reads the file itself, so large files are never copied between processes, and
 * sends the text back over the IPC channel.
 */
const PARSER_SOURCE = `
const fs = require('node:fs');
const { file, kind, maxChars, maxPages, pdfjsUrl, mammothPath } = JSON.parse(process.argv[1]);
// The server ends this process once it has the answer; a server that is gone ends it too.
process.on('disconnect', () => process.exit(0));
const reply = (message) => process.send(message);

async function pdfText() {
  const { getDocument } = await import(pdfjsUrl);
  const data = new Uint8Array(fs.readFileSync(file));
  const doc = await getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
  const parts = [];
  let length = 0;
  const pages = Math.min(doc.numPages, maxPages);
  for (let n = 1; n <= pages && length < maxChars; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (typeof item.str !== 'string') continue;
      text += item.str;
      text += item.hasEOL ? '\\n' : ' ';
    }
    page.cleanup();
    parts.push(text);
    length += text.length;
  }
  await doc.destroy();
  return parts.join('\\n\\n');
}

async function docxText() {
  const mammoth = require(mammothPath);
  const result = await mammoth.extractRawText({ path: file });
  return result.value;
}

(kind === 'pdf' ? pdfText() : docxText()).then(
  (text) => reply({ text: text.slice(0, maxChars) }),
  (err) => reply({ error: String((err && err.message) || err).slice(0, 500) }),
);
`;

// Two cores serve everyone: parse one file at a time and queue the rest.
const MAX_PARALLEL = 1;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function runParser(file: string, kind: 'pdf' | 'docx', limits: ExtractLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const job = JSON.stringify({
      file,
      kind,
      maxChars: limits.maxChars,
      maxPages: limits.maxPages,
      pdfjsUrl: PDFJS_URL,
      mammothPath: MAMMOTH_PATH,
    });
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${limits.maxHeapMb}`, '-e', PARSER_SOURCE, job],
      {
        // Nothing of the server's own start-up (loaders, inspector) belongs in the parser.
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        serialization: 'advanced',
      },
    );
    let settled = false;
    const finish = (fn: () => void) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        fn();
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
        }
      }
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${limits.timeoutMs} ms`))),
      limits.timeoutMs,
    );
    child.on('message', (message: { text?: string; error?: string }) =>
      finish(() =>
        typeof message.text === 'string'
          ? resolve(message.text)
          : reject(new Error(message.error ?? 'no text')),
      ),
    );
    child.on('error', (error) => finish(() => reject(error)));
    child.on('exit', (code, signal) =>
      finish(() => reject(new Error(`the parser exited with ${signal ?? code}`))),
    );
  });
}

// Control characters other than tab and line breaks carry no words; NUL cannot be stored in
// PostgreSQL text at all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

/** Text cleaned for storage: no control characters, no runs of blank space, within maxChars. */
export function cleanText(text: string, maxChars: number = DEFAULT_EXTRACT_LIMITS.maxChars) {
  return text
    .replace(CONTROL, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*\n\s*/g, '\n\n')
    .trim()
    .slice(0, maxChars);
}

async function plainText(file: string, maxChars: number): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    // UTF-8 takes at most 4 bytes a character; reading more could only be cut off again.
    const buffer = Buffer.alloc(Math.min((await handle.stat()).size, maxChars * 4));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** The extraction method for a media type, or null when the type carries no text we read. */
export function extractorFor(mediaType: string): 'pdf' | 'docx' | 'plain' | null {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === PDF) {
    return 'pdf';
  }
  if (type === DOCX) {
    return 'docx';
  }
  if (type === 'text/plain' || type === 'text/markdown') {
    return 'plain';
  }
  return null;
}

/**
 * The text of the file at `path`: every page of a PDF (pdf.js), the body of a DOCX (mammoth),
 * plain text and Markdown as they are. Other types, and any failure, give ''.
 */
export async function extractText(
  path: string,
  mediaType: string,
  opts: ExtractOptions = {},
): Promise<string> {
  const limits = { ...DEFAULT_EXTRACT_LIMITS, ...opts.limits };
  const kind = extractorFor(mediaType);
  if (kind === null) {
    return '';
  }
  const started = Date.now();
  try {
    // The parser's heap ceiling does not bound the buffers a ZIP inflates into: a DOCX that
    // unpacks to gigabytes (a "zip bomb") is checked against its declared sizes first.
    if (kind === 'docx' && !checkZipBounds(await fs.readFile(path), limits.maxInflatedBytes)) {
      throw new Error('the archive inflates beyond the limit or is not well-formed');
    }
    const raw =
      kind === 'plain'
        ? await plainText(path, limits.maxChars)
        : await withSlot(() => runParser(path, kind, limits));
    return cleanText(raw, limits.maxChars);
  } catch (error) {
    (opts.log ?? logWarning)(
      {
        file: path,
        mediaType,
        ms: Date.now() - started,
        reason: error instanceof Error ? error.message : String(error),
      },
      'text extraction failed; the file is indexed without its text',
    );
    return '';
  }
}
