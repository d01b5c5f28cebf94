import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody } from '../../../test/factories.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { multipart, pdf } from '../files/test-helpers.ts';
import { setDocumentStatus } from './service.ts';

describe(`documents (${DIALECT})`, () => {
  let t: TestApp;
  let commission: string;
  let council: string;

  beforeAll(async () => {
    t = await createTestApp();
    commission = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
    council = await insertBody(t.handle.db, { slug: 'council', name: 'Council', kind: 'council' });
  });
  afterAll(async () => t.close());

  const create = (body: Record<string, unknown> = {}, caller: Caller = 'secretariat') =>
    t.as(caller, {
      method: 'POST',
      url: '/api/v1/documents',
      payload: {
        title: { en: 'Draft regulation' },
        kind: 'regulation',
        bodyId: commission,
        ...body,
      },
    });
  const get = (caller: Caller, url: string, headers: Record<string, string> = {}) =>
    t.as(caller, { method: 'GET', url, headers });
  const addVersion = (id: string, body: Record<string, unknown>, caller: Caller = 'secretariat') =>
    t.as(caller, { method: 'POST', url: `/api/v1/documents/${id}/versions`, payload: body });
  const uploadPdf = async (seed: string, caller: Caller = 'secretariat') => {
    const body = multipart(pdf(seed), { name: `${seed}.pdf` });
    const res = await t.as(caller, {
      method: 'POST',
      url: '/api/v1/files',
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode).toBe(201);
    return res.json().sha256 as string;
  };
  const countRows = async (table: 'documents' | 'documentVersions' | 'documentAccess') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Moves a document as the consultations module does, in a transaction of its own. */
  const moveStatus = (id: string, from: string[], to: string) =>
    t.handle.db.transaction().execute((trx) =>
      setDocumentStatus(
        trx,
        {
          id: t.userIds.secretariat,
          role: 'secretariat',
          name: 's',
          memberState: null,
          bodyIds: [],
        },
        id,
        from as never,
        to as never,
      ),
    );

  it('documents its routes in the OpenAPI description', async () => {
    const res = await get('anonymous', '/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/documents',
      '/api/v1/documents/{id}',
      '/api/v1/documents/{id}/versions',
      '/api/v1/documents/{id}/versions/compare',
      '/api/v1/documents/{id}/versions/{number}',
      '/api/v1/files',
      '/api/v1/files/{sha256}',
      '/api/v1/reports/{id}/attachments',
    ]) {
      expect(paths).toContain(p);
    }
  });

  describe('create and read', () => {
    it('creates a draft without versions, with Location and ETag', async () => {
      const res = await create({
        title: { en: 'Program 2030', ru: 'Программа 2030' },
        kind: 'program',
      });
      expect(res.statusCode).toBe(201);
      const doc = res.json();
      expect(res.headers.location).toBe(`/api/v1/documents/${doc.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(doc).toMatchObject({
        title: { en: 'Program 2030', ru: 'Программа 2030' },
        kind: 'program',
        bodyId: commission,
        classification: 'internal',
        accessList: null,
        status: 'draft',
        latestVersion: 0,
        adoptedByDecisionId: null,
        version: 1,
      });
      const read = await get('observer', `/api/v1/documents/${doc.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(doc);
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'document')
        .where('entityId', '=', doc.id)
        .execute();
      expect(audit).toEqual([{ action: 'create' }]);
    });

    it('only the secretariat creates documents', async () => {
      expect((await create({}, 'anonymous')).statusCode).toBe(401);
      expect((await create({}, 'observer')).statusCode).toBe(403);
      expect((await create({}, 'delegateArm')).statusCode).toBe(403);
      expect((await create({}, 'admin')).statusCode).toBe(201);
    });

    it('refuses hostile input with 4xx and creates nothing', async () => {
      const before = await countRows('documents');
      const bodies: [Record<string, unknown>, number][] = [
        [{ title: 'plain string' }, 400],
        [{ title: { en: 'x'.repeat(1001) } }, 400],
        [{ title: { en: 'a\u0000b' } }, 400],
        [{ title: {} }, 400],
        [{ kind: 'memo' }, 400],
        [{ classification: 'secret' }, 400],
        [{ status: 'adopted' }, 400],
        [{ latestVersion: 7 }, 400],
        [{ bodyId: 42 }, 400],
        [{ bodyId: newId() }, 400],
        [{ classification: 'restricted' }, 422],
        [{ classification: 'restricted', accessList: { memberStates: [], bodyIds: [] } }, 422],
        [{ classification: 'internal', accessList: { memberStates: ['ARM'] } }, 422],
        [{ classification: 'restricted', accessList: { memberStates: ['XXX'] } }, 400],
        [{ classification: 'restricted', accessList: { memberStates: ['arm'] } }, 400],
        [{ classification: 'restricted', accessList: { bodyIds: [newId()] } }, 400],
        [{ classification: 'restricted', accessList: { memberStates: ['ARM'], admin: true } }, 400],
      ];
      for (const [body, status] of bodies) {
        const res = await create(body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 100)).toBe(status);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      const unknownBody = await create({ bodyId: newId() });
      expect(unknownBody.json().errors).toEqual([{ path: 'bodyId', message: 'No such body.' }]);
      const noList = await create({ classification: 'restricted' });
      expect(noList.json()).toMatchObject({
        code: 'unprocessable',
        errors: [{ path: 'accessList', message: 'Name at least one member state or body' }],
      });
      const ru = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/documents',
        headers: { 'accept-language': 'ru' },
        payload: {
          title: { ru: 'Проект' },
          kind: 'other',
          bodyId: commission,
          classification: 'restricted',
        },
      });
      expect(ru.json().detail).toBe(
        'Для документа ограниченного доступа укажите в списке доступа хотя бы одно государство-член или орган.',
      );
      expect(await countRows('documents')).toBe(before);
    });
  });

  describe('access (DESIGN §3)', () => {
    let restricted: string;
    let internal: string;
    let publicDoc: string;
    let restrictedFile: string;
    let publicFile: string;

    beforeAll(async () => {
      restricted = (
        await create({
          title: { en: 'Restricted draft' },
          classification: 'restricted',
          accessList: { memberStates: ['ARM', 'ARM'], bodyIds: [council] },
        })
      ).json().id;
      internal = (await create({ title: { en: 'Internal draft' } })).json().id;
      publicDoc = (await create({ title: { en: 'Public text' }, classification: 'public' })).json()
        .id;
      restrictedFile = await uploadPdf('restricted-file');
      publicFile = await uploadPdf('public-file');
      expect(
        (await addVersion(restricted, { text: { en: 'Secret' }, fileSha256: restrictedFile }))
          .statusCode,
      ).toBe(201);
      expect(
        (await addVersion(publicDoc, { text: { en: 'Open' }, fileSha256: publicFile })).statusCode,
      ).toBe(201);
    });

    const visible = async (caller: Caller) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(
          caller,
          `/api/v1/documents?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode).toBe(200);
        ids.push(...res.json().items.map((d: { id: string }) => d.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      return ids;
    };

    it('stores the access list once per entry and mirrors it in document_access', async () => {
      const doc = (await get('secretariat', `/api/v1/documents/${restricted}`)).json();
      expect(doc.accessList).toEqual({ memberStates: ['ARM'], bodyIds: [council] });
      const rows = await t.handle.db
        .selectFrom('documentAccess')
        .select(['memberState', 'bodyId'])
        .where('documentId', '=', restricted)
        .execute();
      expect(rows).toHaveLength(2);
    });

    it('hides a restricted document, its versions and its file from a state not on the list', async () => {
      for (const caller of ['delegateBlr', 'observer', 'anonymous'] as const) {
        for (const url of [
          `/api/v1/documents/${restricted}`,
          `/api/v1/documents/${restricted}/versions`,
          `/api/v1/documents/${restricted}/versions/1`,
          `/api/v1/documents/${restricted}/versions/compare?from=1&to=1`,
          `/api/v1/files/${restrictedFile}`,
        ]) {
          const res = await get(caller, url);
          expect(res.statusCode, `${caller} ${url}`).toBe(404);
        }
        expect(await visible(caller)).not.toContain(restricted);
        const filtered = await get(caller, '/api/v1/documents?classification=restricted');
        expect(filtered.json().items).toEqual([]);
      }
      // Writes are the staff's: refused at the door whichever document they name, so nothing
      // tells that this one exists.
      for (const id of [restricted, '01J00000000000000000000000']) {
        const patch = await t.as('delegateBlr', {
          method: 'PATCH',
          url: `/api/v1/documents/${id}`,
          payload: { title: { en: 'x' } },
        });
        expect(patch.statusCode).toBe(403);
      }
    });

    it('shows it to a delegate of a listed state and to members of a listed body', async () => {
      for (const url of [
        `/api/v1/documents/${restricted}`,
        `/api/v1/documents/${restricted}/versions`,
        `/api/v1/documents/${restricted}/versions/1`,
        `/api/v1/files/${restrictedFile}`,
      ]) {
        expect((await get('delegateArm', url)).statusCode, url).toBe(200);
      }
      expect(await visible('delegateArm')).toContain(restricted);
      // A readable document the delegate may not change: 403.
      const patch = await t.as('delegateArm', {
        method: 'PATCH',
        url: `/api/v1/documents/${restricted}`,
        payload: { title: { en: 'x' } },
      });
      expect(patch.statusCode).toBe(403);

      await t.handle.db
        .updateTable('users')
        .set({ bodyIds: JSON.stringify([council]) })
        .where('id', '=', t.userIds.observer)
        .execute();
      t.app.authCache.clear();
      expect((await get('observer', `/api/v1/documents/${restricted}`)).statusCode).toBe(200);
      expect((await get('observer', `/api/v1/files/${restrictedFile}`)).statusCode).toBe(200);
      await t.handle.db
        .updateTable('users')
        .set({ bodyIds: '[]' })
        .where('id', '=', t.userIds.observer)
        .execute();
      t.app.authCache.clear();
    });

    it('shows internal documents to signed-in users and public ones to everyone', async () => {
      expect((await get('observer', `/api/v1/documents/${internal}`)).statusCode).toBe(200);
      expect((await get('anonymous', `/api/v1/documents/${internal}`)).statusCode).toBe(404);
      expect((await get('anonymous', `/api/v1/documents/${publicDoc}`)).statusCode).toBe(200);
      expect((await get('anonymous', `/api/v1/documents/${publicDoc}/versions/1`)).statusCode).toBe(
        200,
      );
      expect((await get('anonymous', `/api/v1/files/${publicFile}`)).statusCode).toBe(200);
      const anon = await visible('anonymous');
      expect(anon).toContain(publicDoc);
      expect(anon).not.toContain(internal);
      expect(await visible('secretariat')).toEqual(
        expect.arrayContaining([restricted, internal, publicDoc]),
      );
    });

    it('follows a change of classification at once', async () => {
      const current = (await get('secretariat', `/api/v1/documents/${restricted}`)).json();
      const res = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/documents/${restricted}`,
        headers: { 'if-match': `"${current.version}"` },
        payload: { accessList: { memberStates: ['BLR'] } },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().accessList).toEqual({ memberStates: ['BLR'], bodyIds: [] });
      expect((await get('delegateArm', `/api/v1/files/${restrictedFile}`)).statusCode).toBe(404);
      expect((await get('delegateBlr', `/api/v1/files/${restrictedFile}`)).statusCode).toBe(200);

      const open = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/documents/${restricted}`,
        payload: { classification: 'internal' },
      });
      expect(open.json()).toMatchObject({ classification: 'internal', accessList: null });
      const rows = await t.handle.db
        .selectFrom('documentAccess')
        .select('documentId')
        .where('documentId', '=', restricted)
        .execute();
      expect(rows).toEqual([]);
      expect((await get('delegateArm', `/api/v1/documents/${restricted}`)).statusCode).toBe(200);
      // Back to restricted without naming anyone: refused.
      const closed = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/documents/${restricted}`,
        payload: { classification: 'restricted' },
      });
      expect(closed.statusCode).toBe(422);
    });
  });

  describe('list', () => {
    it('filters by kind, body, status, classification and title in any language', async () => {
      const a = (
        await create({
          title: { en: 'Standard on ammunition', ru: 'Стандарт о БОЕПРИПАСАХ' },
          kind: 'standard',
          bodyId: council,
        })
      ).json();
      const b = (await create({ title: { en: 'Report 100%_done' }, kind: 'report' })).json();
      const ids = async (query: string) =>
        (await get('secretariat', `/api/v1/documents?${query}`))
          .json()
          .items.map((d: { id: string }) => d.id);
      expect(await ids('kind=standard')).toEqual([a.id]);
      expect(await ids(`bodyId=${council}`)).toEqual([a.id]);
      expect(await ids(`q=${encodeURIComponent('боеприпас')}`)).toEqual([a.id]);
      expect(await ids('q=AMMUNITION')).toEqual([a.id]);
      expect(await ids(`q=${encodeURIComponent('100%_')}`)).toEqual([b.id]);
      expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([b.id]);
      expect(await ids('status=adopted&kind=standard')).toEqual([]);
      expect(await ids('classification=public&kind=report')).toEqual([]);
    });

    it('refuses bad filters and cursors with 400', async () => {
      for (const query of [
        'limit=0',
        'limit=201',
        'kind=memo',
        'status=done',
        'cursor=garbage',
        `cursor=${Buffer.from('[1]').toString('base64url')}`,
        `q=${'x'.repeat(201)}`,
        'classification=secret',
      ]) {
        expect((await get('secretariat', `/api/v1/documents?${query}`)).statusCode, query).toBe(
          400,
        );
      }
    });
  });

  describe('change and delete', () => {
    it('applies If-Match: a stale or malformed one is a 412 and changes nothing', async () => {
      const doc = (await create()).json();
      const url = `/api/v1/documents/${doc.id}`;
      const ok = await t.as('secretariat', {
        method: 'PATCH',
        url,
        headers: { 'if-match': '"1"' },
        payload: { title: { en: 'Renamed' }, kind: 'other' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.json()).toMatchObject({ title: { en: 'Renamed' }, kind: 'other', version: 2 });
      for (const ifMatch of ['"1"', 'W/"7"', 'nonsense']) {
        const stale = await t.as('secretariat', {
          method: 'PATCH',
          url,
          headers: { 'if-match': ifMatch },
          payload: { title: { en: 'Lost update' } },
        });
        expect(stale.statusCode, ifMatch).toBe(412);
      }
      const del = await t.as('secretariat', {
        method: 'DELETE',
        url,
        headers: { 'if-match': '"1"' },
      });
      expect(del.statusCode).toBe(412);
      const now = (await get('secretariat', url)).json();
      expect(now).toMatchObject({ title: { en: 'Renamed' }, version: 2 });
    });

    it('refuses hostile patches and changes nothing', async () => {
      const doc = (await create()).json();
      const url = `/api/v1/documents/${doc.id}`;
      for (const payload of [
        { status: 'adopted' },
        { latestVersion: 5 },
        { title: null },
        { title: { fr: 'Projet' } },
        { bodyId: 'nope' },
        { accessList: { memberStates: ['ARM'] } },
      ]) {
        const res = await t.as('secretariat', { method: 'PATCH', url, payload });
        expect(res.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, JSON.stringify(payload)).toBeLessThan(500);
      }
      expect((await get('secretariat', url)).json()).toEqual(doc);
    });

    it('deletes a draft with its versions and their file links', async () => {
      const doc = (await create()).json();
      const sha = await uploadPdf('to-delete');
      await addVersion(doc.id, { fileSha256: sha, fileName: 'draft.pdf' });
      const del = await t.as('delegateArm', {
        method: 'DELETE',
        url: `/api/v1/documents/${doc.id}`,
      });
      expect(del.statusCode).toBe(403);
      const res = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/documents/${doc.id}`,
        headers: { 'if-match': '"2"' },
      });
      expect(res.statusCode).toBe(204);
      expect((await get('secretariat', `/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
      const links = await t.handle.db
        .selectFrom('fileLinks')
        .select('id')
        .where('sha256', '=', sha)
        .execute();
      expect(links).toEqual([]);
      // The stored file stays for its uploader.
      expect((await get('secretariat', `/api/v1/files/${sha}`)).statusCode).toBe(200);
      expect((await get('observer', `/api/v1/files/${sha}`)).statusCode).toBe(404);
    });

    it('deletes only drafts: a document that went further answers 409', async () => {
      const doc = (await create()).json();
      await moveStatus(doc.id, ['draft'], 'under_consultation');
      const res = await t.as('secretariat', {
        method: 'DELETE',
        url: `/api/v1/documents/${doc.id}`,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toBe('Only a draft can be deleted; withdraw it instead.');
      expect((await get('secretariat', `/api/v1/documents/${doc.id}`)).statusCode).toBe(200);
    });
  });

  describe('status (DESIGN §2)', () => {
    it('goes draft → under consultation → agreed → adopted, each step audited', async () => {
      const doc = (await create()).json();
      const moved = await moveStatus(doc.id, ['draft'], 'under_consultation');
      expect(moved).toMatchObject({ status: 'under_consultation', version: 2 });
      const withdraw = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/documents/${doc.id}/withdraw`,
      });
      expect(withdraw.statusCode).toBe(409);
      const early = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/documents/${doc.id}/adopt`,
        payload: { decisionId: newId() },
      });
      expect(early.statusCode).toBe(422);

      await moveStatus(doc.id, ['under_consultation'], 'agreed');
      const decision = await t.as('secretariat', {
        method: 'POST',
        url: '/api/v1/decisions',
        payload: {
          bodyId: commission,
          number: 'D/1',
          adoptedOn: '2024-05-01',
          title: { en: 'Adopting the regulation' },
          text: { en: 'Adopted.' },
        },
      });
      const decisionId = decision.json().id;
      const stale = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/documents/${doc.id}/adopt`,
        headers: { 'if-match': '"1"' },
        payload: { decisionId },
      });
      expect(stale.statusCode).toBe(412);
      const byDelegate = await t.as('delegateArm', {
        method: 'POST',
        url: `/api/v1/documents/${doc.id}/adopt`,
        payload: { decisionId },
      });
      expect(byDelegate.statusCode).toBe(403);
      const adopted = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/documents/${doc.id}/adopt`,
        headers: { 'if-match': '"3"' },
        payload: { decisionId },
      });
      expect(adopted.statusCode).toBe(200);
      expect(adopted.headers.etag).toBe('"4"');
      expect(adopted.json()).toMatchObject({
        status: 'adopted',
        adoptedByDecisionId: decisionId,
        version: 4,
      });
      const again = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/documents/${doc.id}/adopt`,
        payload: { decisionId },
      });
      expect(again.statusCode).toBe(409);
      expect(
        (await t.as('secretariat', { method: 'POST', url: `/api/v1/documents/${doc.id}/withdraw` }))
          .statusCode,
      ).toBe(409);
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .select(['action', 'change'])
        .where('entityType', '=', 'document')
        .where('entityId', '=', doc.id)
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'status', 'status']);
      expect(JSON.parse(audit[3]?.change ?? '{}')).toMatchObject({
        status: ['agreed', 'adopted'],
        adoptedByDecisionId: decisionId,
      });
    });

    it('withdraws a draft and then takes no versions or further moves', async () => {
      const doc = (await create()).json();
      const res = await t.as('secretariat', {
        method: 'POST',
        url: `/api/v1/documents/${doc.id}/withdraw`,
        headers: { 'if-match': '"1"' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('withdrawn');
      const version = await addVersion(doc.id, { text: { en: 'Late' } });
      expect(version.statusCode).toBe(409);
      await expect(moveStatus(doc.id, ['draft'], 'under_consultation')).rejects.toMatchObject({
        code: 'invalid_transition',
      });
    });

    it('setDocumentStatus refuses a move from a status not listed, and an unknown document', async () => {
      const doc = (await create()).json();
      await expect(moveStatus(doc.id, ['under_consultation'], 'agreed')).rejects.toBeInstanceOf(
        AppError,
      );
      await expect(moveStatus(newId(), ['draft'], 'under_consultation')).rejects.toMatchObject({
        code: 'not_found',
      });
      expect((await get('secretariat', `/api/v1/documents/${doc.id}`)).json().status).toBe('draft');
    });
  });

  describe('versions', () => {
    it('numbers versions 1, 2, 3 and renders their Markdown safely', async () => {
      const doc = (await create()).json();
      const first = await addVersion(doc.id, {
        text: {
          en: '# Article 1\n\n**Bold** <script>alert(1)</script> [x](javascript:alert(1))',
          ru: '# Статья 1',
        },
        note: { en: 'First draft' },
      });
      expect(first.statusCode).toBe(201);
      expect(first.headers.location).toBe(`/api/v1/documents/${doc.id}/versions/1`);
      const v1 = first.json();
      expect(v1).toMatchObject({
        documentId: doc.id,
        number: 1,
        file: null,
        note: { en: 'First draft' },
      });
      expect(v1.textHtml.en).toContain('<strong>Bold</strong>');
      expect(v1.textHtml.en).not.toContain('<script');
      expect(v1.textHtml.en).not.toMatch(/href="javascript:/i);
      expect(v1.textHtml.ru).toContain('<h1>Статья 1</h1>');

      const sha = await uploadPdf('version-file');
      const second = await addVersion(doc.id, { fileSha256: sha, fileName: '../Draft v2.pdf' });
      expect(second.json()).toMatchObject({
        number: 2,
        text: null,
        textHtml: null,
        file: {
          sha256: sha,
          name: 'Draft v2.pdf',
          mediaType: 'application/pdf',
          href: `/api/v1/files/${sha}`,
        },
      });
      const third = await addVersion(doc.id, { text: { en: 'Third' }, fileSha256: sha });
      expect(third.json().number).toBe(3);
      // Without a name, the version takes the name the file is known by.
      expect(third.json().file.name).toBe('Draft v2.pdf');

      const read = await get('observer', `/api/v1/documents/${doc.id}`);
      expect(read.json()).toMatchObject({ latestVersion: 3, version: 4 });
      const list = await get('observer', `/api/v1/documents/${doc.id}/versions?limit=2`);
      expect(list.json().items.map((v: { number: number }) => v.number)).toEqual([3, 2]);
      expect(list.json().items[0].hasText).toBe(true);
      const rest = await get(
        'observer',
        `/api/v1/documents/${doc.id}/versions?limit=2&cursor=${list.json().nextCursor}`,
      );
      expect(rest.json()).toMatchObject({ items: [{ number: 1 }], nextCursor: null });
      const one = await get('observer', `/api/v1/documents/${doc.id}/versions/1`);
      expect(one.json()).toEqual(v1);
      expect((await get('observer', `/api/v1/documents/${doc.id}/versions/4`)).statusCode).toBe(
        404,
      );
      expect((await get('observer', `/api/v1/documents/${doc.id}/versions/0`)).statusCode).toBe(
        400,
      );
      expect((await get('observer', `/api/v1/documents/${doc.id}/versions/abc`)).statusCode).toBe(
        400,
      );
      const audit = await t.handle.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityType', '=', 'document_version')
        .where('entityId', '=', v1.id)
        .execute();
      expect(audit).toEqual([{ action: 'create' }]);
    });

    it('never changes a version: PATCH, PUT and DELETE answer 405', async () => {
      const doc = (await create()).json();
      await addVersion(doc.id, { text: { en: 'Fixed' } });
      for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
        const res = await t.as('secretariat', {
          method,
          url: `/api/v1/documents/${doc.id}/versions/1`,
          payload: { text: { en: 'Changed' } },
        });
        expect(res.statusCode, method).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
      }
      expect(
        (await get('secretariat', `/api/v1/documents/${doc.id}/versions/1`)).json().text,
      ).toEqual({
        en: 'Fixed',
      });
    });

    it('gives concurrent versions distinct numbers without gaps', async () => {
      const doc = (await create()).json();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => addVersion(doc.id, { text: { en: `Text ${i}` } })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
      const numbers = results.map((r) => r.json().number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const stored = await t.handle.db
        .selectFrom('documentVersions')
        .select('number')
        .where('documentId', '=', doc.id)
        .orderBy('number')
        .execute();
      expect(stored.map((r) => r.number)).toEqual(numbers);
      expect((await get('secretariat', `/api/v1/documents/${doc.id}`)).json().latestVersion).toBe(
        12,
      );
    });

    it('refuses a version without text or file, unknown files and hostile input, leaving no gap', async () => {
      const doc = (await create()).json();
      const before = await countRows('documentVersions');
      const cases: [Record<string, unknown>, number][] = [
        [{}, 422],
        [{ note: { en: 'Only a note' } }, 422],
        [{ text: { en: 'x' }, fileName: 'a.pdf' }, 422],
        [{ fileSha256: 'a'.repeat(64) }, 422],
        [{ fileSha256: 'not-a-hash' }, 400],
        [{ text: 'plain' }, 400],
        [{ text: { en: 'x'.repeat(200_001) } }, 400],
        [{ text: { en: 'ok' }, number: 7 }, 400],
        [{ text: { en: 'nul \u0000' } }, 400],
      ];
      for (const [body, status] of cases) {
        const res = await addVersion(doc.id, body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status);
      }
      const none = await addVersion(doc.id, {});
      expect(none.json().errors).toEqual([{ path: 'text', message: 'Give a text or a file' }]);
      expect(await countRows('documentVersions')).toBe(before);
      expect((await get('secretariat', `/api/v1/documents/${doc.id}`)).json()).toMatchObject({
        latestVersion: 0,
        version: 1,
      });
      expect((await addVersion(doc.id, { text: { en: 'ok' } })).json().number).toBe(1);
      expect((await addVersion(doc.id, { text: { en: 'no' } }, 'delegateArm')).statusCode).toBe(
        403,
      );
      expect((await addVersion(doc.id, { text: { en: 'no' } }, 'anonymous')).statusCode).toBe(401);
      expect((await addVersion(newId(), { text: { en: 'no' } })).statusCode).toBe(404);
    });
  });

  describe('compare', () => {
    let doc: string;

    beforeAll(async () => {
      doc = (await create()).json().id;
      await addVersion(doc, {
        text: { en: 'Article 1\nThe parties cooperate.\nArticle 2\nRemoved line\n' },
      });
      await addVersion(doc, {
        text: {
          en: 'Article 1\nThe parties closely cooperate.\nArticle 2\nNew line one\nNew line two\n',
          ru: 'Статья 1',
        },
      });
      await addVersion(doc, { fileSha256: await uploadPdf('compare-file') });
    });

    it('pairs changed lines with their word changes, side by side', async () => {
      const res = await get(
        'observer',
        `/api/v1/documents/${doc}/versions/compare?from=1&to=2&lang=en`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.from).toEqual({ number: 1, lang: 'en', fallback: false });
      expect(body.rows.map((r: { change: string }) => r.change)).toEqual([
        'same',
        'changed',
        'same',
        'changed',
        'added',
      ]);
      expect(body.stats).toEqual({ same: 2, changed: 2, removed: 0, added: 1 });
      const changed = body.rows[1];
      expect(changed.left).toMatchObject({ number: 2, text: 'The parties cooperate.' });
      expect(changed.right).toMatchObject({ number: 2, text: 'The parties closely cooperate.' });
      expect(changed.left.segments.map((s: { text: string }) => s.text).join('')).toBe(
        'The parties cooperate.',
      );
      expect(changed.left.segments.every((s: { change: string }) => s.change === 'same')).toBe(
        true,
      );
      const added = changed.right.segments.filter((s: { change: string }) => s.change === 'added');
      expect(added.map((s: { text: string }) => s.text).join('')).toContain('closely');
      expect(body.rows[4]).toMatchObject({
        left: null,
        right: { number: 5, text: 'New line two' },
      });
      const removed = body.rows[3].left.segments.filter(
        (s: { change: string }) => s.change === 'removed',
      );
      expect(removed.map((s: { text: string }) => s.text).join('')).toContain('Removed');
    });

    it('falls back to the other language and says so', async () => {
      const res = await get(
        'observer',
        `/api/v1/documents/${doc}/versions/compare?from=1&to=2&lang=ru`,
      );
      expect(res.json().from).toEqual({ number: 1, lang: 'en', fallback: true });
      expect(res.json().to).toEqual({ number: 2, lang: 'ru', fallback: false });
      expect(res.json().rows[0]).toMatchObject({ change: 'changed' });
    });

    it('refuses a version without text, unknown versions and bad queries', async () => {
      const noText = await get('observer', `/api/v1/documents/${doc}/versions/compare?from=1&to=3`);
      expect(noText.statusCode).toBe(422);
      expect(noText.json().errors).toEqual([
        { path: 'query.to', message: 'Version 3 has no text' },
      ]);
      expect(
        (await get('observer', `/api/v1/documents/${doc}/versions/compare?from=1&to=9`)).statusCode,
      ).toBe(404);
      for (const query of ['from=1', 'from=a&to=2', 'from=1&to=2&lang=fr', 'from=1&to=2&x=1']) {
        expect(
          (await get('observer', `/api/v1/documents/${doc}/versions/compare?${query}`)).statusCode,
          query,
        ).toBe(400);
      }
    });
  });
});
