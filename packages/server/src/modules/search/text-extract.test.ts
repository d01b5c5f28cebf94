import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCX, extractText, PDF } from '../../platform/text-extract.ts';
import { makeDocx, makePdf } from './test-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-extract-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function recorder() {
  const lines: { details: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    log: (details: Record<string, unknown>, message: string) => lines.push({ details, message }),
  };
}

describe('extractText', () => {
  it('reads every page of a PDF, Cyrillic included', async () => {
    const file = write(
      'two-pages.pdf',
      makePdf([
        ['Regulation on standardization', 'Положение о стандартизации'],
        ['Annex on logistics'],
      ]),
    );
    const text = await extractText(file, PDF);
    expect(text).toContain('Regulation on standardization');
    expect(text).toContain('Положение о стандартизации');
    expect(text).toContain('Annex on logistics');
  });

  it('stops after the page limit and the character limit', async () => {
    const file = write('limits.pdf', makePdf([['first page words'], ['second page words']]));
    const pages = await extractText(file, PDF, { limits: { maxPages: 1 } });
    expect(pages).toContain('first page');
    expect(pages).not.toContain('second page');
    const chars = await extractText(file, PDF, { limits: { maxChars: 5 } });
    expect(chars).toBe('first');
  });

  it('reads the paragraphs of a DOCX', async () => {
    const file = write(
      'memo.docx',
      await makeDocx(['Протокол совещания экспертов', 'Joint research programme']),
    );
    const text = await extractText(file, DOCX);
    expect(text).toContain('Протокол совещания экспертов');
    expect(text).toContain('Joint research programme');
  });

  it('keeps plain text and Markdown as they are, without control characters', async () => {
    const file = write('note.md', '# Heading\u0000 with a NUL\n\nСодержание');
    const text = await extractText(file, 'text/markdown; charset=utf-8');
    expect(text).toBe('# Heading with a NUL\n\nСодержание');
  });

  it('gives no text for types it does not read', async () => {
    const file = write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(await extractText(file, 'image/png')).toBe('');
  });

  it('turns a broken PDF into empty text and one log line, never an exception', async () => {
    const file = write('broken.pdf', '%PDF-1.4\nthis is not a PDF body at all');
    const { lines, log } = recorder();
    expect(await extractText(file, PDF, { log })).toBe('');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.details).toMatchObject({ file, mediaType: PDF });
  });

  it('turns a broken DOCX and a missing file into empty text', async () => {
    const broken = write('broken.docx', 'PK\u0003\u0004 not really a zip');
    const { lines, log } = recorder();
    expect(await extractText(broken, DOCX, { log })).toBe('');
    expect(await extractText(path.join(dir, 'missing.txt'), 'text/plain', { log })).toBe('');
    expect(lines).toHaveLength(2);
  });

  it('gives up after its time limit', async () => {
    const file = write('slow.pdf', makePdf([['some text']]));
    const { lines, log } = recorder();
    expect(await extractText(file, PDF, { limits: { timeoutMs: 1 }, log })).toBe('');
    expect(String(lines[0]?.details.reason)).toContain('timed out');
  });

  it('ends a parse over its memory ceiling in the parser process, not in the server', async () => {
    const file = write('heavy.pdf', makePdf([['some text']]));
    const { lines, log } = recorder();
    // 1 MB cannot even hold pdf.js: the parsing process runs out of memory and dies alone.
    expect(await extractText(file, PDF, { limits: { maxHeapMb: 1 }, log })).toBe('');
    expect(String(lines[0]?.details.reason)).toMatch(/the parser exited with/);
    expect(await extractText(file, PDF, { log })).toContain('some text');
  });
});
