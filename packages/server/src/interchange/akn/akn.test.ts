import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { insertBody, insertMeeting } from '../../../test/factories.ts';

const run = promisify(execFile);

// A copy of the OASIS schema kept in the repository (CC BY 4.0, see its README), found from this
// file so that the tests run from any clone.
const SCHEMA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test/standards/akn/akomantoso30.xsd',
);

/** Validates with libxml2's xmllint against the schema, offline; returns its complaint if any. */
async function validate(xml: string): Promise<string | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenum-akn-'));
  const file = path.join(dir, 'doc.xml');
  fs.writeFileSync(file, xml);
  try {
    await run('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file]);
    return null;
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The value of an FRBR element inside one FRBR level. */
function frbr(xml: string, level: string, element: string, attr = 'value'): string[] {
  const block = new RegExp(`<${level}>([\\s\\S]*?)</${level}>`).exec(xml)?.[1] ?? '';
  return [...block.matchAll(new RegExp(`<${element} ${attr}="([^"]*)"`, 'g'))].map(
    (m) => m[1] as string,
  );
}

const HOSTILE =
  'Preamble <script>alert(1)</script> & "quoted" \'apos\' ]]> \u0001\u0008\u001f end.\n\n' +
  '1. First point with **bold** and _italics_ & <b>raw</b>\n' +
  '2. Second point\n' +
  '   1. sub one\n' +
  '   2. sub two\n\n' +
  '- a bullet\n- another\n\n' +
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n' +
  '```\ncode <x> & y\n```\n';

const HOSTILE_RU =
  'Преамбула <script>alert(2)</script> & «кавычки» "x".\n\n1. Первый пункт\n2. Второй пункт\n';

describe(`Akoma Ntoso (${DIALECT})`, () => {
  let t: TestApp;
  let body: string;
  let meeting: string;
  let planned: string;
  let decision: { id: string; number: string; adoptedOn: string };
  let englishOnly: string;

  beforeAll(async () => {
    t = await createTestApp();
    body = await insertBody(t.handle.db, {
      slug: 'icmec',
      name: 'Interstate Commission <&>',
      nameRu: 'Межгосударственная комиссия',
    });
    meeting = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 21,
      startDate: '2023-04-27',
      status: 'held',
    });
    planned = await insertMeeting(t.handle.db, {
      bodyId: body,
      number: 22,
      startDate: '2030-04-27',
    });
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: {
        bodyId: body,
        meetingId: meeting,
        title: { en: 'On <script> & "quotes"', ru: 'О «кавычках» & <тегах>' },
        text: { en: HOSTILE, ru: HOSTILE_RU },
      },
    });
    expect(res.statusCode).toBe(201);
    decision = res.json();
    const other = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: {
        bodyId: body,
        number: 'S/2023 (a)',
        adoptedOn: '2023-01-10',
        title: { en: 'English only' },
        text: { en: 'Only English.' },
      },
    });
    expect(other.statusCode).toBe(201);
    englishOnly = other.json().id;
  });
  afterAll(async () => t.close());

  const getDecision = (
    id: string,
    query = '',
    caller: 'secretariat' | 'anonymous' = 'secretariat',
  ) => t.as(caller, { method: 'GET', url: `/api/v1/decisions/${id}.akn.xml${query}` });

  describe('decisions', () => {
    it.each(['en', 'ru'] as const)(
      'is valid Akoma Ntoso in %s, hostile text escaped',
      async (lang) => {
        const res = await getDecision(decision.id, `?lang=${lang}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/akn\+xml/);
        expect(res.headers['content-disposition']).toContain(`decision-21-1-${lang}.akn.xml`);
        const xml = res.body;
        expect(await validate(xml)).toBeNull();
        expect(xml).toContain('<doc name="decision">');
        expect(xml).not.toContain('<script>');
        expect(xml).toContain('&lt;script&gt;');
        // biome-ignore lint/suspicious/noControlCharactersInRegex: they must be gone
        expect(xml).not.toMatch(/[\u0001\u0008\u001f]/);
        if (lang === 'en') {
          expect(xml).toContain('&amp; &quot;quoted&quot; &apos;apos&apos; ]]&gt;');
          expect(xml).toContain('&lt;b&gt;raw&lt;/b&gt;');
          expect(xml).toContain('<docTitle>On &lt;script&gt; &amp; &quot;quotes&quot;</docTitle>');
        } else {
          expect(xml).toContain('<docTitle>О «кавычках» &amp; &lt;тегах&gt;</docTitle>');
        }
      },
    );

    it('identifies the work, expression and manifestation by the naming convention', async () => {
      for (const [lang, code] of [
        ['en', 'eng'],
        ['ru', 'rus'],
      ] as const) {
        const xml = (await getDecision(decision.id, `?lang=${lang}`)).body;
        const work = '/akn/csto/doc/decision/2023-04-27/21-1';
        const expression = `${work}/${code}@2023-04-27`;
        expect(frbr(xml, 'FRBRWork', 'FRBRuri')).toEqual([work]);
        expect(frbr(xml, 'FRBRWork', 'FRBRthis')).toEqual([`${work}/!main`]);
        expect(frbr(xml, 'FRBRWork', 'FRBRcountry')).toEqual(['csto']);
        expect(frbr(xml, 'FRBRWork', 'FRBRnumber')).toEqual(['21-1']);
        expect(frbr(xml, 'FRBRWork', 'FRBRdate', 'date')).toEqual(['2023-04-27']);
        expect(xml).toMatch(/<FRBRdate date="2023-04-27" name="adoption"\/>/);
        expect(frbr(xml, 'FRBRExpression', 'FRBRuri')).toEqual([expression]);
        expect(frbr(xml, 'FRBRExpression', 'FRBRthis')).toEqual([`${expression}/!main`]);
        expect(frbr(xml, 'FRBRExpression', 'FRBRlanguage', 'language')).toEqual([code]);
        expect(frbr(xml, 'FRBRManifestation', 'FRBRuri')).toEqual([`${expression}.akn`]);
        expect(frbr(xml, 'FRBRManifestation', 'FRBRthis')).toEqual([`${expression}/!main.xml`]);
        // Generation is today: the one date that is not part of an IRI.
        expect(xml).toContain(
          `<FRBRdate date="${new Date().toISOString().slice(0, 10)}" name="generation"/>`,
        );
        // Every IRI follows /akn/{country}/{type}/{subtype}/{date}/{number}[/{lang}@{date}].
        for (const iri of xml.matchAll(/(?:value|href)="(\/akn\/[^"]*)"/g)) {
          expect(iri[1]).toMatch(
            /^\/akn\/(csto\/doc\/decision\/\d{4}-\d{2}-\d{2}\/[a-z0-9.-]+(\/(eng|rus)@\d{4}-\d{2}-\d{2})?(\/!main(\.xml)?|\.akn)?|ontology\/organization\/csto\/[a-z0-9.-]+)$/,
          );
        }
        // The adopting body is the author, a TLC entry.
        expect(xml).toMatch(
          /<FRBRauthor href="#adoptingBody"\/>[\s\S]*<TLCOrganization eId="adoptingBody" href="\/akn\/ontology\/organization\/csto\/icmec" showAs="[^"]+"\/>/,
        );
      }
    });

    it('turns numbered points into paragraphs with unique eIds', async () => {
      const xml = (await getDecision(decision.id, '?lang=en')).body;
      expect(xml).toMatch(/<paragraph eId="para_1">\s*<num>1\.<\/num>/);
      expect(xml).toMatch(/<paragraph eId="para_2">\s*<num>2\.<\/num>/);
      expect(xml).toContain('<b>bold</b>');
      expect(xml).toContain('<i>italics</i>');
      expect(xml).toContain('<item eId="para_2__list_1__item_2">');
      const eIds = [...xml.matchAll(/eId="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(eIds).size).toBe(eIds.length);
    });

    it('takes the jurisdiction from PLENUM_AKN_JURISDICTION', async () => {
      const other = await createTestApp({ env: { PLENUM_AKN_JURISDICTION: 'icmec' } });
      try {
        const b = await insertBody(other.handle.db, { slug: 'commission', name: 'Commission' });
        const created = await other.as('secretariat', {
          method: 'POST',
          url: '/api/v1/decisions',
          payload: {
            bodyId: b,
            number: '7',
            adoptedOn: '2024-02-01',
            title: { en: 'T' },
            text: { en: 'X.' },
          },
        });
        const xml = (
          await other.as('observer', {
            method: 'GET',
            url: `/api/v1/decisions/${created.json().id}.akn.xml?lang=en`,
          })
        ).body;
        expect(frbr(xml, 'FRBRWork', 'FRBRuri')).toEqual(['/akn/icmec/doc/decision/2024-02-01/7']);
        expect(frbr(xml, 'FRBRWork', 'FRBRcountry')).toEqual(['icmec']);
        expect(await validate(xml)).toBeNull();
      } finally {
        await other.close();
      }
    });

    it('writes the language the text exists in and makes free numbers URI-safe', async () => {
      const res = await getDecision(englishOnly, '?lang=ru');
      expect(res.statusCode).toBe(200);
      expect(await validate(res.body)).toBeNull();
      expect(frbr(res.body, 'FRBRExpression', 'FRBRlanguage', 'language')).toEqual(['eng']);
      expect(frbr(res.body, 'FRBRWork', 'FRBRuri')).toEqual([
        '/akn/csto/doc/decision/2023-01-10/s-2023-a',
      ]);
    });

    it('follows the decision’s access rule and refuses a bad language', async () => {
      expect((await getDecision(decision.id, '?lang=en', 'anonymous')).statusCode).toBe(401);
      const unknown = await getDecision('01900000-0000-7000-8000-000000000000', '?lang=en');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
      const bad = await getDecision(decision.id, '?lang=de');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toContain('lang');
      const delegate = await t.as('delegateArm', {
        method: 'GET',
        url: `/api/v1/decisions/${decision.id}.akn.xml?lang=ru`,
      });
      expect(delegate.statusCode).toBe(200);
    });
  });

  describe('minutes', () => {
    let item1: string;
    let item2: string;
    let restrictedDoc: string;
    let publicDoc: string;

    beforeAll(async () => {
      const person = async (name: string, state: string | null) =>
        (
          await t.as('secretariat', {
            method: 'POST',
            url: '/api/v1/persons',
            payload: { name: { en: name, ru: `${name} (ru)` }, memberState: state },
          })
        ).json().id as string;
      const chair = await person('Chair <Person> & Co', 'ARM');
      const delegate = await person('Delegate "B"', 'BLR');
      const guest = await person('Guest', null);
      for (const [personId, role, memberState] of [
        [chair, 'chair', 'ARM'],
        [delegate, 'delegation_head', 'BLR'],
        [guest, 'guest', null],
      ] as const) {
        const res = await t.as('secretariat', {
          method: 'POST',
          url: `/api/v1/meetings/${meeting}/participants`,
          payload: { personId, role, memberState },
        });
        expect(res.statusCode).toBe(201);
      }
      // The agenda is written before the meeting sits; the minutes exist once it is held.
      const setStatus = (status: string) =>
        t.handle.db.updateTable('meetings').set({ status }).where('id', '=', meeting).execute();
      await setStatus('planned');
      const item = async (title: string, description: string | null) => {
        const res = await t.as('secretariat', {
          method: 'POST',
          url: `/api/v1/meetings/${meeting}/agenda-items`,
          payload: {
            title: { en: title, ru: `${title} (ru)` },
            description: description ? { en: description } : null,
            rapporteurPersonId: delegate,
          },
        });
        expect(res.statusCode).toBe(201);
        return res.json().id as string;
      };
      item1 = await item('On the implementation <of> decisions', '1. Report\n2. Discussion & vote');
      item2 = await item('Any other business', null);
      const doc = async (title: string, classification: string, accessList: unknown) => {
        const res = await t.as('secretariat', {
          method: 'POST',
          url: '/api/v1/documents',
          payload: {
            title: { en: title },
            kind: 'report',
            bodyId: body,
            classification,
            accessList,
          },
        });
        expect(res.statusCode).toBe(201);
        return res.json().id as string;
      };
      publicDoc = await doc('Open report', 'public', null);
      restrictedDoc = await doc('Secret annex', 'restricted', { memberStates: ['BLR'] });
      for (const documentId of [publicDoc, restrictedDoc]) {
        const res = await t.as('secretariat', {
          method: 'POST',
          url: `/api/v1/meetings/${meeting}/agenda-items/${item1}/documents`,
          payload: { documentId },
        });
        expect(res.statusCode).toBe(201);
      }
      await setStatus('held');
      const d = await t.as('secretariat', {
        method: 'PATCH',
        url: `/api/v1/decisions/${decision.id}`,
        headers: { 'if-match': `"${(await getVersion(decision.id)).toString()}"` },
        payload: { agendaItemId: item1 },
      });
      expect(d.statusCode).toBe(200);
    });

    async function getVersion(id: string): Promise<number> {
      return (await t.as('secretariat', { method: 'GET', url: `/api/v1/decisions/${id}` })).json()
        .version;
    }

    const getMinutes = (id: string, query: string, caller: Parameters<TestApp['as']>[0]) =>
      t.as(caller, { method: 'GET', url: `/api/v1/meetings/${id}/minutes.akn.xml${query}` });

    it.each(['en', 'ru'] as const)('is valid <debate name="minutes"> in %s', async (lang) => {
      const res = await getMinutes(meeting, `?lang=${lang}`, 'secretariat');
      expect(res.statusCode).toBe(200);
      const xml = res.body;
      expect(await validate(xml)).toBeNull();
      expect(xml).toContain('<debate name="minutes">');
      const code = lang === 'en' ? 'eng' : 'rus';
      const work = '/akn/csto/debate/minutes/icmec/2023-04-27/21';
      expect(frbr(xml, 'FRBRWork', 'FRBRuri')).toEqual([work]);
      expect(frbr(xml, 'FRBRWork', 'FRBRthis')).toEqual([`${work}/!main`]);
      expect(frbr(xml, 'FRBRExpression', 'FRBRuri')).toEqual([`${work}/${code}@2023-04-27`]);
      expect(frbr(xml, 'FRBRExpression', 'FRBRlanguage', 'language')).toEqual([code]);
      expect(frbr(xml, 'FRBRManifestation', 'FRBRuri')).toEqual([`${work}/${code}@2023-04-27.akn`]);
      // Roll call by delegation: Armenia's chair, Belarus' head, the guest in their own right.
      const roll = /<rollCall eId="rollCall_1">([\s\S]*?)<\/rollCall>/.exec(xml)?.[1] ?? '';
      expect(roll).toMatch(
        /<organization refersTo="#delegation_arm">[^<]*ARM<\/organization>: <person refersTo="#person_\d+" as="#role_chair">Chair &lt;Person&gt; &amp; Co/,
      );
      expect(roll).toMatch(/refersTo="#delegation_blr"/);
      expect(roll).toMatch(/as="#role_guest"/);
      // One debateSection per agenda item, the decision adopted under the first.
      const sections = [...xml.matchAll(/<debateSection eId="(dbsect_\d+)" name="agendaItem">/g)];
      expect(sections.map((s) => s[1])).toEqual(['dbsect_1', 'dbsect_2']);
      expect(xml).toMatch(
        new RegExp(
          `<ref href="/akn/csto/doc/decision/2023-04-27/21-1/${code}@2023-04-27">[^<]+ 21/1</ref>`,
        ),
      );
      expect(xml).toContain(lang === 'en' ? 'On the implementation &lt;of&gt; decisions' : '(ru)');
      const eIds = [...xml.matchAll(/eId="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(eIds).size).toBe(eIds.length);
      for (const iri of xml.matchAll(/(?:value|href)="(\/akn\/[^"]*)"/g)) {
        expect(iri[1]).toMatch(
          /^\/akn\/(csto\/debate\/minutes\/icmec\/2023-04-27\/21(\/(eng|rus)@2023-04-27)?(\/!main(\.xml)?|\.akn)?|csto\/doc\/decision\/\d{4}-\d{2}-\d{2}\/[a-z0-9.-]+\/(eng|rus)@\d{4}-\d{2}-\d{2}|ontology\/(organization|person|role)\/csto\/[a-z0-9.-]+)$/,
        );
      }
    });

    it('leaves out documents the caller may not read', async () => {
      const arm = (await getMinutes(meeting, '?lang=en', 'delegateArm')).body;
      expect(arm).toContain('Open report');
      expect(arm).not.toContain('Secret annex');
      const blr = (await getMinutes(meeting, '?lang=en', 'delegateBlr')).body;
      expect(blr).toContain('Secret annex');
      expect(await validate(arm)).toBeNull();
    });

    it('answers 404 for a hidden or unknown meeting, 401 anonymous, 400 for a bad language', async () => {
      expect((await getMinutes(meeting, '?lang=en', 'anonymous')).statusCode).toBe(401);
      expect(
        (await getMinutes('01900000-0000-7000-8000-000000000000', '?lang=en', 'secretariat'))
          .statusCode,
      ).toBe(404);
      expect((await getMinutes(meeting, '?lang=xx', 'secretariat')).statusCode).toBe(400);
      // A planned meeting has no minutes yet.
      expect((await getMinutes(planned, '?lang=en', 'secretariat')).statusCode).toBe(409);
      expect(item2).toBeTruthy();
    });
  });
});
