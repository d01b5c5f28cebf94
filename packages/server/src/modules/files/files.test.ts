import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody, insertMeeting } from '../../../test/factories.ts';
import { fileStore, sweepStaleUploads } from '../../platform/files.ts';
import { newId } from '../../platform/ids.ts';
import { docx, elf, exe, multipart, PNG, pdf, storedFiles, xlsx, zip } from './test-helpers.ts';

const LIMIT = 64 * 1024;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe(`files (${DIALECT})`, () => {
  let t: TestApp;
  let commission: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { PLENUM_FILES_MAX_BYTES: String(LIMIT) } });
    commission = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
  });
  afterAll(async () => t.close());

  const upload = (
    content: Buffer | string,
    opts: Parameters<typeof multipart>[1] = {},
    caller: Caller = 'secretariat',
  ) => {
    const body = multipart(content, opts);
    return t.as(caller, {
      method: 'POST',
      url: '/api/v1/files',
      payload: body.payload,
      headers: body.headers,
    });
  };
  const fileRows = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const get = (caller: Caller, url: string, headers: Record<string, string> = {}) =>
    t.as(caller, { method: 'GET', url, headers });

  describe('upload', () => {
    it('replays an upload repeated with its Idempotency-Key, and refuses the key for another file', async () => {
      const send = (content: Buffer) => {
        const body = multipart(content, { name: 'keyed.pdf' });
        return t.as('secretariat', {
          method: 'POST',
          url: '/api/v1/files',
          payload: body.payload,
          headers: { ...body.headers, 'idempotency-key': 'upload-1' },
        });
      };
      const first = await send(pdf('keyed one'));
      expect(first.statusCode).toBe(201);
      const again = await send(pdf('keyed one'));
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      const other = await send(pdf('keyed two'));
      expect(other.statusCode).toBe(422);
      expect(other.json()).toMatchObject({ detail: expect.stringContaining('different request') });
    });

    it('stores a PDF by its SHA-256 and answers 201 with the detected type', async () => {
      const content = pdf('upload');
      const res = await upload(content, { name: 'report.pdf', contentType: 'text/plain' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        sha256: sha(content),
        size: content.length,
        mediaType: 'application/pdf',
        name: 'report.pdf',
      });
      expect(res.headers.location).toBe(`/api/v1/files/${sha(content)}`);
      const onDisk = storedFiles(t.dataDir).filter((p) => p.endsWith(sha(content)));
      expect(onDisk).toHaveLength(1);
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .select(['action', 'entityId'])
        .where('entityType', '=', 'file')
        .where('entityId', '=', sha(content))
        .execute();
      expect(audit).toEqual([{ action: 'upload', entityId: sha(content) }]);
    });

    it('streams files larger than the JSON body limit, up to the file limit', async () => {
      const big = await createTestApp({ env: { PLENUM_FILES_MAX_BYTES: String(3 * 1024 * 1024) } });
      try {
        const send = (content: Buffer) => {
          const body = multipart(content, { name: 'big.pdf' });
          return big.as('secretariat', {
            method: 'POST',
            url: '/api/v1/files',
            payload: body.payload,
            headers: body.headers,
          });
        };
        const content = Buffer.concat([pdf('big'), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
        const ok = await send(content);
        expect(ok.statusCode).toBe(201);
        expect(ok.json()).toMatchObject({ size: content.length, mediaType: 'application/pdf' });
        const download = await big.as('secretariat', {
          method: 'GET',
          url: `/api/v1/files/${ok.json().sha256}`,
        });
        expect(download.rawPayload.equals(content)).toBe(true);
        const tooBig = await send(Buffer.concat([pdf('big2'), Buffer.alloc(3 * 1024 * 1024)]));
        expect(tooBig.statusCode).toBe(413);
        expect(storedFiles(big.dataDir)).toHaveLength(1);
      } finally {
        await big.close();
      }
    });

    it('detects office documents, images and text from the content, not the name', async () => {
      const cases: [Buffer | string, string, string][] = [
        [
          await docx('Draft regulation'),
          'draft.bin',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ],
        [
          await xlsx(),
          'table',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ],
        [PNG, 'picture.pdf', 'image/png'],
        ['# Notes\n\nТекст по-русски.\n', 'notes.md', 'text/markdown'],
        ['a,b\n1,2\n', 'table.csv', 'text/csv'],
        ['plain words\n', 'readme', 'text/plain'],
      ];
      for (const [content, name, mediaType] of cases) {
        const res = await upload(content, { name });
        expect(res.statusCode, name).toBe(201);
        expect(res.json().mediaType, name).toBe(mediaType);
      }
    });

    it('keeps the same bytes once and answers a repeat with the same hash', async () => {
      const content = pdf('dedupe');
      const before = await fileRows();
      const first = await upload(content, { name: 'one.pdf' });
      const second = await upload(content, { name: 'two.pdf' }, 'delegateArm');
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.json().sha256).toBe(first.json().sha256);
      expect(second.json().name).toBe('two.pdf');
      expect(await fileRows()).toBe(before + 1);
      expect(storedFiles(t.dataDir).filter((p) => p.endsWith(sha(content)))).toHaveLength(1);
    });

    it('refuses a file over the limit with 413 and keeps nothing', async () => {
      const before = { rows: await fileRows(), files: storedFiles(t.dataDir).length };
      const res = await upload(Buffer.alloc(LIMIT + 1, 0x41), { name: 'big.txt' });
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'payload_too_large',
        detail: 'The file is larger than the upload limit; nothing was stored.',
      });
      expect(await fileRows()).toBe(before.rows);
      expect(storedFiles(t.dataDir)).toHaveLength(before.files);
      // Exactly at the limit it is accepted.
      expect((await upload(Buffer.alloc(LIMIT, 0x42), { name: 'edge.txt' })).statusCode).toBe(201);
    });

    it('refuses forbidden types with 415 and keeps nothing', async () => {
      const before = { rows: await fileRows(), files: storedFiles(t.dataDir).length };
      const cases: [Buffer | string, string][] = [
        [elf(), 'report.pdf'],
        [exe(), 'minutes.pdf'],
        ['<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'draft.docx'],
        ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.svg'],
        ['  \n<?xml version="1.0"?><svg onload="alert(1)"/>', 'image.png'],
        [zip(), 'archive.docx'],
        [Buffer.from([0x41, 0x00, 0x42, 0x43]), 'nul.txt'],
        [Buffer.from([0xff, 0xfe, 0x41, 0x80, 0x81]), 'latin.txt'],
        ['', 'empty.txt'],
      ];
      for (const [content, name] of cases) {
        const res = await upload(content, { name, contentType: 'application/pdf' });
        expect(res.statusCode, name).toBe(415);
        expect(res.json().code, name).toBe('unsupported_media_type');
      }
      expect(await fileRows()).toBe(before.rows);
      expect(storedFiles(t.dataDir)).toHaveLength(before.files);
    });

    it('answers in Russian to a Russian caller', async () => {
      const body = multipart(elf(), { name: 'x.pdf' });
      const res = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/files',
        payload: body.payload,
        headers: { ...body.headers, 'accept-language': 'ru' },
      });
      expect(res.json().detail).toBe(
        'Файлы этого вида не принимаются: передайте PDF, офисный документ, изображение или простой текст.',
      );
    });

    it('lets writers upload; observers and anonymous callers cannot', async () => {
      expect((await upload(pdf('obs'), {}, 'observer')).statusCode).toBe(403);
      expect((await upload(pdf('anon'), {}, 'anonymous')).statusCode).toBe(401);
      expect((await upload(pdf('del'), {}, 'delegateBlr')).statusCode).toBe(201);
    });

    it('refuses a request without a file part or not multipart', async () => {
      const wrongField = await upload(pdf('field'), { field: 'document' });
      expect(wrongField.statusCode).toBe(400);
      expect(wrongField.json().errors).toEqual([
        { path: 'file', message: 'Send one file in the multipart field "file"' },
      ]);
      const json = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/files',
        payload: { sha256: 'x' },
      });
      expect(json.statusCode).toBe(415);
    });

    it('answers a cut-off or malformed upload with 400 and keeps nothing', async () => {
      const before = { rows: await fileRows(), files: storedFiles(t.dataDir).length };
      const body = multipart(pdf('cut'), { name: 'cut.pdf' });
      const cut = body.payload.subarray(0, body.payload.length - 20);
      const res = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/files',
        payload: cut,
        headers: body.headers,
      });
      expect(res.statusCode).toBe(400);
      const noBoundary = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/files',
        payload: body.payload,
        headers: { 'content-type': 'multipart/form-data' },
      });
      expect(noBoundary.statusCode).toBeGreaterThanOrEqual(400);
      expect(noBoundary.statusCode).toBeLessThan(500);
      expect(await fileRows()).toBe(before.rows);
      expect(storedFiles(t.dataDir)).toHaveLength(before.files);
    });

    it('sweeps temporary files that a crash left behind, and only old ones', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-sweep-'));
      try {
        const store = fileStore(dir, 1000);
        fs.mkdirSync(path.join(store.root, 'tmp'), { recursive: true });
        const old = path.join(store.root, 'tmp', 'old.part');
        const fresh = path.join(store.root, 'tmp', 'fresh.part');
        fs.writeFileSync(old, 'x');
        fs.writeFileSync(fresh, 'y');
        const dayAgo = new Date(Date.now() - 2 * 86_400_000);
        fs.utimesSync(old, dayAgo, dayAgo);
        expect(await sweepStaleUploads(store)).toBe(1);
        expect(fs.existsSync(old)).toBe(false);
        expect(fs.existsSync(fresh)).toBe(true);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('sanitizes hostile names when storing them', async () => {
      const cases: [string, string][] = [
        [encodeURIComponent('../../etc/passwd'), 'passwd'],
        [encodeURIComponent('..\\..\\boot.ini'), 'boot.ini'],
        [encodeURIComponent('a"b|c?.txt'), 'abc.txt'],
        [encodeURIComponent('\u202Etxt.exe'), 'txt.exe'],
        [encodeURIComponent('Протокол заседания №21.txt'), 'Протокол заседания №21.txt'],
        [encodeURIComponent('...'), 'file'],
      ];
      for (const [encodedName, expected] of cases) {
        const res = await upload(`content for ${expected}\n`, { encodedName });
        expect(res.statusCode, expected).toBe(201);
        expect(res.json().name, expected).toBe(expected);
      }
    });
  });

  describe('download', () => {
    let content: Buffer;
    let hash: string;

    beforeAll(async () => {
      content = Buffer.from(Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join(''), 'utf8');
      hash = (await upload(content, { name: 'lines.txt' })).json().sha256;
    });

    it('sends the whole file with safe headers', async () => {
      const res = await get('secretariat', `/api/v1/files/${hash}`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(content)).toBe(true);
      expect(res.headers).toMatchObject({
        'content-type': 'text/plain; charset=utf-8',
        'content-length': String(content.length),
        'x-content-type-options': 'nosniff',
        etag: `"${hash}"`,
        'accept-ranges': 'bytes',
        'cache-control': 'private, no-cache',
        'content-disposition': `attachment; filename="lines.txt"; filename*=UTF-8''lines.txt`,
      });
      expect(res.headers['content-security-policy']).toContain('sandbox');
    });

    it('answers HEAD with the headers and no body', async () => {
      const res = await t.as('secretariat', { method: 'HEAD', url: `/api/v1/files/${hash}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-length']).toBe(String(content.length));
      expect(res.rawPayload.length).toBe(0);
    });

    it('serves byte ranges with 206 and refuses unsatisfiable ones with 416', async () => {
      const first = await get('secretariat', `/api/v1/files/${hash}`, { range: 'bytes=0-9' });
      expect(first.statusCode).toBe(206);
      expect(first.headers['content-range']).toBe(`bytes 0-9/${content.length}`);
      expect(first.headers['content-length']).toBe('10');
      expect(first.rawPayload.equals(content.subarray(0, 10))).toBe(true);

      const open = await get('secretariat', `/api/v1/files/${hash}`, { range: 'bytes=100-' });
      expect(open.statusCode).toBe(206);
      expect(open.rawPayload.equals(content.subarray(100))).toBe(true);

      const suffix = await get('secretariat', `/api/v1/files/${hash}`, { range: 'bytes=-7' });
      expect(suffix.statusCode).toBe(206);
      expect(suffix.rawPayload.equals(content.subarray(content.length - 7))).toBe(true);

      const clipped = await get('secretariat', `/api/v1/files/${hash}`, {
        range: `bytes=${content.length - 3}-999999`,
      });
      expect(clipped.headers['content-range']).toBe(
        `bytes ${content.length - 3}-${content.length - 1}/${content.length}`,
      );

      const beyond = await get('secretariat', `/api/v1/files/${hash}`, {
        range: `bytes=${content.length}-`,
      });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers['content-range']).toBe(`bytes */${content.length}`);
      expect(beyond.json().code).toBe('range_not_satisfiable');

      // Several ranges, another unit or a malformed range: the whole file.
      for (const range of ['bytes=0-1,5-6', 'items=0-1', 'bytes=9-2', 'bytes=abc']) {
        const whole = await get('secretariat', `/api/v1/files/${hash}`, { range });
        expect(whole.statusCode, range).toBe(200);
        expect(whole.rawPayload.length, range).toBe(content.length);
      }
      // If-Range with another validator asks for the whole file.
      const stale = await get('secretariat', `/api/v1/files/${hash}`, {
        range: 'bytes=0-9',
        'if-range': '"something-else"',
      });
      expect(stale.statusCode).toBe(200);
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const res = await get('secretariat', `/api/v1/files/${hash}`, {
        'if-none-match': `"${hash}"`,
      });
      expect(res.statusCode).toBe(304);
      expect(res.rawPayload.length).toBe(0);
    });

    it('writes Content-Disposition safely for hostile and Cyrillic names', async () => {
      const cases = [
        { encodedName: encodeURIComponent('../../etc/passwd'), ascii: 'passwd', star: 'passwd' },
        {
          encodedName: encodeURIComponent('say "hi"; x=1.txt'),
          ascii: 'say hi_ x=1.txt',
          star: 'say%20hi%3B%20x%3D1.txt',
        },
        {
          encodedName: encodeURIComponent('Решение №3.txt'),
          ascii: '_______ No3.txt',
          star: encodeURIComponent('Решение №3.txt'),
        },
      ];
      for (const [i, c] of cases.entries()) {
        const res = await upload(`name case ${i}\n`, { encodedName: c.encodedName });
        const file = await get('secretariat', `/api/v1/files/${res.json().sha256}`);
        const header = file.headers['content-disposition'] as string;
        expect(header).toBe(`attachment; filename="${c.ascii}"; filename*=UTF-8''${c.star}`);
        expect(header).not.toMatch(/[\r\n]/);
        expect(header.match(/"/g)).toHaveLength(2);
      }
    });

    it('answers 404 for an unknown hash and 400 for a malformed one', async () => {
      expect((await get('secretariat', `/api/v1/files/${'0'.repeat(64)}`)).statusCode).toBe(404);
      expect((await get('secretariat', '/api/v1/files/../../etc/passwd')).statusCode).toBe(404);
      const malformed = await get('secretariat', `/api/v1/files/${'A'.repeat(64)}`);
      expect(malformed.statusCode).toBe(400);
    });

    it('lets only the uploader and staff read a file not attached to anything', async () => {
      const mine = await upload(pdf('unlinked'), { name: 'mine.pdf' }, 'delegateArm');
      const url = `/api/v1/files/${mine.json().sha256}`;
      expect((await get('delegateArm', url)).statusCode).toBe(200);
      expect((await get('secretariat', url)).statusCode).toBe(200);
      expect((await get('admin', url)).statusCode).toBe(200);
      for (const caller of ['delegateBlr', 'observer', 'anonymous'] as const) {
        const res = await get(caller, url);
        expect(res.statusCode, caller).toBe(404);
        expect(res.json().detail).toBe('No such file.');
      }
    });
  });

  describe('attachments', () => {
    let decisionId: string;
    let assignmentArm: string;
    let reportArm: string;
    let meetingId: string;
    let publicItem: string;
    let closedItem: string;

    beforeAll(async () => {
      const decision = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/decisions',
        payload: {
          bodyId: commission,
          number: 'A/1',
          adoptedOn: '2024-01-10',
          title: { en: 'On cooperation' },
          text: { en: 'Text.' },
        },
      });
      decisionId = decision.json().id;
      const assignment = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/decisions/${decisionId}/assignments`,
        payload: { memberState: 'ARM' },
      });
      assignmentArm = assignment.json().id;
      const report = await t.as('delegateArm', {
        method: 'POST',
        url: `/api/v1/decisions/${decisionId}/reports`,
        payload: { assignmentId: assignmentArm, status: 'in_progress' },
      });
      reportArm = report.json().id;
      meetingId = await insertMeeting(t.handle.db, {
        bodyId: commission,
        number: 21,
        startDate: '2024-04-27',
        status: 'announced',
      });
      const now = new Date().toISOString();
      publicItem = newId();
      closedItem = newId();
      for (const [id, ordinal, isPublic] of [
        [publicItem, 1, 1],
        [closedItem, 2, 0],
      ] as const) {
        await t.handle.db
          .insertInto('agendaItems')
          .values({
            id,
            meetingId,
            parentId: null,
            ordinal,
            title: JSON.stringify({ en: `Item ${ordinal}` }),
            kind: 'other',
            description: null,
            rapporteurPersonId: null,
            public: isPublic,
            version: 1,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      }
    });

    const attach = (caller: Caller, url: string, payload: unknown) =>
      t.as(caller, { method: 'POST', url, payload: payload as Record<string, unknown> });

    it('attaches a file to a decision, lists it and lets signed-in users download it', async () => {
      const file = (await upload(pdf('decision'), { name: 'annex.pdf' })).json();
      const url = `/api/v1/decisions/${decisionId}/attachments`;
      const res = await attach('secretariat', url, { sha256: file.sha256, name: 'Annex 1.pdf' });
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe(`${url}/${file.sha256}`);
      expect(res.json()).toMatchObject({
        sha256: file.sha256,
        name: 'Annex 1.pdf',
        mediaType: 'application/pdf',
        href: `/api/v1/files/${file.sha256}`,
      });
      const list = await get('observer', url);
      expect(list.json().items.map((a: { name: string }) => a.name)).toEqual(['Annex 1.pdf']);
      const download = await get('observer', `/api/v1/files/${file.sha256}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toContain('filename="Annex 1.pdf"');
      expect((await get('anonymous', url)).statusCode).toBe(401);
      expect((await get('anonymous', `/api/v1/files/${file.sha256}`)).statusCode).toBe(404);

      const dup = await attach('secretariat', url, { sha256: file.sha256, name: 'again.pdf' });
      expect(dup.statusCode).toBe(409);
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'decision')
        .where('entityId', '=', decisionId)
        .where('action', '=', 'attach')
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('refuses an unknown file with 422, and writers other than the secretariat with 403', async () => {
      const url = `/api/v1/decisions/${decisionId}/attachments`;
      const unknown = await attach('secretariat', url, { sha256: 'f'.repeat(64), name: 'x.pdf' });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().errors).toEqual([
        { path: 'sha256', message: 'No uploaded file has this SHA-256' },
      ]);
      const file = (await upload(pdf('deleg'), {}, 'delegateArm')).json();
      const byDelegate = await attach('delegateArm', url, { sha256: file.sha256, name: 'x.pdf' });
      expect(byDelegate.statusCode).toBe(403);
      const missing = await attach('secretariat', `/api/v1/decisions/${newId()}/attachments`, {
        sha256: file.sha256,
        name: 'x.pdf',
      });
      expect(missing.statusCode).toBe(404);
    });

    it('refuses hostile input and changes nothing', async () => {
      const url = `/api/v1/decisions/${decisionId}/attachments`;
      const file = (await upload(pdf('hostile'), {})).json();
      const before = (await get('secretariat', url)).json().items.length;
      const bodies: unknown[] = [
        { sha256: file.sha256 },
        { sha256: 42, name: 'x' },
        { sha256: file.sha256, name: 'x', extra: true },
        { sha256: file.sha256.toUpperCase(), name: 'x' },
        { sha256: file.sha256, name: 'x'.repeat(300) },
        { sha256: file.sha256, name: 'a\u0000b' },
        { sha256: file.sha256, name: '   ' },
        [],
      ];
      for (const body of bodies) {
        const res = await attach('secretariat', url, body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      }
      expect((await get('secretariat', url)).json().items.length).toBe(before);
    });

    it('detaches a file; the file then reads only for its uploader and staff', async () => {
      const file = (await upload(pdf('detach'), { name: 'temp.pdf' })).json();
      const url = `/api/v1/decisions/${decisionId}/attachments`;
      await attach('secretariat', url, { sha256: file.sha256, name: 'temp.pdf' });
      expect((await get('observer', `/api/v1/files/${file.sha256}`)).statusCode).toBe(200);
      const del = await t.as('secretariat', { method: 'DELETE', url: `${url}/${file.sha256}` });
      expect(del.statusCode).toBe(204);
      expect((await get('observer', `/api/v1/files/${file.sha256}`)).statusCode).toBe(404);
      expect((await get('secretariat', `/api/v1/files/${file.sha256}`)).statusCode).toBe(200);
      const again = await t.as('secretariat', { method: 'DELETE', url: `${url}/${file.sha256}` });
      expect(again.statusCode).toBe(404);
    });

    it('sanitizes the names of links, so no CR, LF or quote reaches a header', async () => {
      const url = `/api/v1/decisions/${decisionId}/attachments`;
      const cases = [
        ['evil"\r\nSet-Cookie: a=b.pdf', 'evilSet-Cookie a=b.pdf'],
        ['../../../etc/passwd', 'passwd'],
        ['C:\\Windows\\system32\\Приложение 2.pdf', 'Приложение 2.pdf'],
      ];
      for (const [i, [name, stored]] of cases.entries()) {
        const file = (await upload(pdf(`link-name-${i}`), { name: 'x.pdf' })).json();
        const res = await attach('secretariat', url, { sha256: file.sha256, name });
        expect(res.statusCode).toBe(201);
        expect(res.json().name).toBe(stored);
        const download = await get('observer', `/api/v1/files/${file.sha256}`);
        const header = download.headers['content-disposition'] as string;
        expect(header).not.toMatch(/[\r\n]/);
        expect(header.match(/"/g)).toHaveLength(2);
        expect(header).toContain(`filename*=UTF-8''${encodeURIComponent(stored as string)}`);
        expect(download.headers['set-cookie']).toBeUndefined();
      }
    });

    it('lets a delegate attach only to its own state’s reports', async () => {
      const url = `/api/v1/reports/${reportArm}/attachments`;
      const own = (await upload(pdf('report-arm'), { name: 'evidence.pdf' }, 'delegateArm')).json();
      const ok = await attach('delegateArm', url, { sha256: own.sha256, name: 'evidence.pdf' });
      expect(ok.statusCode).toBe(201);
      const other = (await upload(pdf('report-blr'), {}, 'delegateBlr')).json();
      const refused = await attach('delegateBlr', url, { sha256: other.sha256, name: 'x.pdf' });
      expect(refused.statusCode).toBe(403);
      // A delegate cannot borrow a file it may not read (someone else's unattached upload).
      const foreign = (await upload(pdf('foreign'), {}, 'secretariat')).json();
      const borrowed = await attach('delegateArm', url, { sha256: foreign.sha256, name: 'x.pdf' });
      expect(borrowed.statusCode).toBe(422);
      const list = await get('observer', url);
      expect(list.json().items.map((a: { sha256: string }) => a.sha256)).toEqual([own.sha256]);
      expect((await get('delegateBlr', `/api/v1/files/${own.sha256}`)).statusCode).toBe(200);
      expect((await get('anonymous', `/api/v1/files/${own.sha256}`)).statusCode).toBe(404);
      expect((await get('secretariat', `/api/v1/reports/${newId()}/attachments`)).statusCode).toBe(
        404,
      );
      const detach = await t.as('delegateBlr', {
        method: 'DELETE',
        url: `${url}/${own.sha256}`,
      });
      expect(detach.statusCode).toBe(403);
    });

    it('serves files of public agenda items of public meetings to anyone', async () => {
      const open = (await upload(pdf('agenda-public'), { name: 'item1.pdf' })).json();
      const closed = (await upload(pdf('agenda-closed'), { name: 'item2.pdf' })).json();
      const base = `/api/v1/meetings/${meetingId}/agenda-items`;
      expect(
        (
          await attach('secretariat', `${base}/${publicItem}/attachments`, {
            sha256: open.sha256,
            name: 'item1.pdf',
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await attach('secretariat', `${base}/${closedItem}/attachments`, {
            sha256: closed.sha256,
            name: 'item2.pdf',
          })
        ).statusCode,
      ).toBe(201);
      expect((await get('anonymous', `/api/v1/files/${open.sha256}`)).statusCode).toBe(200);
      expect((await get('anonymous', `/api/v1/files/${closed.sha256}`)).statusCode).toBe(404);
      expect((await get('observer', `/api/v1/files/${closed.sha256}`)).statusCode).toBe(200);
      expect((await get('anonymous', `${base}/${publicItem}/attachments`)).statusCode).toBe(200);
      expect((await get('anonymous', `${base}/${closedItem}/attachments`)).statusCode).toBe(404);
      const wrongMeeting = await get(
        'observer',
        `/api/v1/meetings/${newId()}/agenda-items/${publicItem}/attachments`,
      );
      expect(wrongMeeting.statusCode).toBe(404);
      const byDelegate = await attach('delegateArm', `${base}/${publicItem}/attachments`, {
        sha256: open.sha256,
        name: 'x.pdf',
      });
      expect(byDelegate.statusCode).toBe(403);

      // Once the meeting is no longer public, neither is the file.
      await t.handle.db
        .updateTable('meetings')
        .set({ status: 'planned' })
        .where('id', '=', meetingId)
        .execute();
      expect((await get('anonymous', `/api/v1/files/${open.sha256}`)).statusCode).toBe(404);
    });
  });
});
