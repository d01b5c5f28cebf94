import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECT } from './app.ts';
import {
  csvFields,
  decodeEntities,
  executableMarkup,
  icsLines,
  jsonLd,
  parseHtml,
  pdfText,
  wordText,
  xmlProblem,
  zipPart,
} from './hostile/inert.ts';
import { MARKDOWN_PAYLOAD, PAYLOADS } from './hostile/payloads.ts';
import { type DemoApp, demoApp } from './hostile/setup.ts';

/**
 * Issue 9: script, markup, template, formula and header payloads in every text field, checked
 * inert wherever the text comes out again: portal pages, JSON-LD, feeds, the calendar, minutes
 * as PDF, DOCX and Akoma Ntoso, and the CSV and XLSX exports.
 */
const both = (text: string) => ({ en: text, ru: text });
const FORMULA = /^[=+\-@\t\r]/;

describe(`inert payloads (${DIALECT})`, () => {
  let t: DemoApp;
  let bodyId: string;
  let meetingId: string;
  let documentId: string;
  let consultationId: string;
  const decisionIds: string[] = [];
  const slugs: string[] = [];

  const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
    const res = await t.as('secretariat', {
      method,
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 400)}`).toBeLessThan(300);
    return res;
  };
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await demoApp();
    bodyId = (
      (await api('GET', '/bodies?limit=200')).json().items as { id: string; kind: string }[]
    ).find((b) => b.kind === 'commission')?.id as string;

    const meeting = await api('POST', '/meetings', {
      bodyId,
      startDate: '2027-05-20',
      timeZone: 'Asia/Dushanbe',
      status: 'announced',
      location: { city: both(PAYLOADS[0]), country: 'TJK', venue: both(PAYLOADS[1]) },
      notes: both(PAYLOADS.join('\n')),
    });
    meetingId = meeting.json().id;
    // Minutes exist for meetings in session or held.
    await api('PATCH', `/meetings/${meetingId}`, { status: 'in_session' });
    for (const [i, p] of PAYLOADS.entries()) {
      const item = await api('POST', `/meetings/${meetingId}/agenda-items`, {
        title: both(p),
        description: both(`${p}\n\n${MARKDOWN_PAYLOAD}`),
        public: true,
      });
      const decision = await api('POST', '/decisions', {
        bodyId,
        meetingId,
        agendaItemId: item.json().id,
        title: both(p),
        text: both(`${p}\n\n${MARKDOWN_PAYLOAD}`),
        adoptedOn: '2027-05-20',
      });
      decisionIds.push(decision.json().id);
      const slug = `inert-payload-${i}`;
      const news = await api('POST', '/news', {
        slug,
        section: 'news',
        title: both(p),
        summary: both(p),
        body: both(`${p}\n\n${MARKDOWN_PAYLOAD}`),
        meetingId,
      });
      await api('POST', `/news/${news.json().id}/publish`, {});
      slugs.push(slug);
      await api('POST', '/persons', { name: both(p), memberState: 'ARM', position: both(p) });
      await api('POST', '/organizations', {
        name: both(p),
        memberState: 'ARM',
        kind: 'enterprise',
      });
      await api('POST', '/standards', {
        designation: `INERT ${i}`,
        title: both(p),
        description: both(p),
        bodyId,
      });
    }
    const document = await api('POST', '/documents', {
      title: both(PAYLOADS[4]),
      kind: 'draft_decision',
      bodyId,
      classification: 'public',
    });
    documentId = document.json().id;
    await api('POST', `/documents/${documentId}/versions`, {
      text: both(PAYLOADS.join('\n\n')),
      note: both(PAYLOADS[0]),
    });
    const consultation = await api('POST', '/consultations', {
      documentId,
      memberStates: ['ARM', 'BLR'],
      deadline: '2027-04-01',
    });
    consultationId = consultation.json().id;
    for (const p of PAYLOADS) {
      await api('POST', `/consultations/${consultationId}/comments`, {
        memberState: 'ARM',
        clause: p.trim() || 'x',
        comment: both(p),
        proposedText: both(p),
      });
    }
  }, 240_000);
  afterAll(async () => t?.close());

  it('finds executable markup when the payloads are pasted in unescaped (the checker works)', async () => {
    for (const p of [0, 1, 2, 4, 6, 7].map((i) => PAYLOADS[i] as string)) {
      const page = `<!doctype html><html><head><title>x</title></head><body><p>${p}</p></body></html>`;
      expect((await executableMarkup(page)).length, p).toBeGreaterThan(0);
    }
    const ld =
      '<script type="application/ld+json">{"headline":"</script><script>x</script>"}</script>';
    expect(await executableMarkup(`<html><body>${ld}</body></html>`)).not.toEqual([]);
  });

  it('stores every payload literally', async () => {
    for (const [i, id] of decisionIds.entries()) {
      const decision = (await api('GET', `/decisions/${id}`)).json();
      expect(decision.title.en).toBe(PAYLOADS[i]?.trim());
    }
    const news = (await api('GET', `/news?limit=200&q=${encodeURIComponent('inert')}`)).json();
    expect(news.items.length).toBeGreaterThanOrEqual(0);
  });

  describe('portal', () => {
    it('renders every news page with the payloads as text, never as markup', async () => {
      for (const [i, slug] of slugs.entries()) {
        for (const lang of ['en', 'ru']) {
          const res = await get(`/${lang}/news/${slug}`);
          expect(res.statusCode, slug).toBe(200);
          expect(await executableMarkup(res.body), `${slug} (${lang})`).toEqual([]);
          // The payload is there, as text: escaped, not dropped.
          const root = await parseHtml(res.body);
          const h1 = decodeEntities(root.querySelector('h1')?.textContent ?? '');
          expect(h1, `${slug} (${lang})`).toBe(PAYLOADS[i]?.trim());
        }
      }
    });

    it('keeps the JSON-LD block whole: a title with </script> cannot end it early', async () => {
      const i = PAYLOADS.indexOf('</script><script>window.__pwned=1</script>');
      const res = await get(`/en/news/${slugs[i]}`);
      const blocks = await jsonLd(res.body);
      expect(blocks.length).toBeGreaterThan(0);
      expect(JSON.stringify(blocks)).toContain(PAYLOADS[i]);
      expect(res.body).not.toContain(PAYLOADS[i]);
    });

    it('renders the news list, the home page and the meeting page inert', async () => {
      for (const url of [
        '/en/news',
        '/ru/news',
        '/en/',
        '/ru/',
        `/en/meetings/${meetingId}`,
        `/ru/meetings/${meetingId}`,
        '/en/meetings',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(await executableMarkup(res.body), url).toEqual([]);
        expect(res.body, url).not.toContain('<script>window.__pwned');
      }
    });

    it('escapes the payloads in the RSS and Atom feeds, whose HTML parts stay inert', async () => {
      const xml = new XMLParser({ ignoreAttributes: false, processEntities: true });
      for (const url of ['/en/feeds/news.rss', '/en/feeds/news.atom', '/ru/feeds/news.rss']) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(xmlProblem(res.body), url).toBeNull();
        const doc = xml.parse(res.body);
        const entries = (doc.rss?.channel?.item ?? doc.feed?.entry ?? []) as Record<
          string,
          unknown
        >[];
        const titles = entries.map((e) => {
          const title = e.title as string | { '#text': string };
          return typeof title === 'string' ? title : title?.['#text'];
        });
        expect(
          titles.some((title) => (PAYLOADS as readonly string[]).includes(title as string)),
          url,
        ).toBe(true);
        for (const e of entries) {
          for (const key of ['description', 'content', 'summary', 'content:encoded']) {
            const value = e[key] as string | { '#text'?: string } | undefined;
            const html = typeof value === 'string' ? value : value?.['#text'];
            if (html) {
              expect(await executableMarkup(html), `${url} ${key}`).toEqual([]);
            }
          }
        }
      }
    });

    it('escapes the payloads in the public calendar: no line can be injected', async () => {
      const res = await get('/calendar.ics');
      expect(res.statusCode).toBe(200);
      const lines = icsLines(res.body);
      expect(lines.some((l) => l.startsWith('LOCATION:') && l.includes('script'))).toBe(true);
      for (const line of lines) {
        expect(line.startsWith('X-Injected'), line).toBe(false);
        expect(line.startsWith('LOCATION:evil'), line).toBe(false);
      }
    });
  });

  describe('files', () => {
    it('carries the payloads literally in the minutes as PDF', async () => {
      const res = await api('GET', `/meetings/${meetingId}/minutes.pdf?lang=en`);
      const text = pdfText(res.rawPayload);
      for (const p of [
        '<script>window.__pwned=1;alert(1)</script>',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a template payload, on purpose
        '{{7*7}} ${7*7}',
        "=cmd|' /C calc'!A0",
      ]) {
        expect(text).toContain(p);
      }
    });

    it('carries the payloads literally in well-formed minutes as DOCX', async () => {
      const res = await api('GET', `/meetings/${meetingId}/minutes.docx?lang=en`);
      const xml = zipPart(res.rawPayload, 'word/document.xml');
      expect(xmlProblem(xml)).toBeNull();
      const text = wordText(xml);
      for (const p of PAYLOADS.slice(0, 4)) {
        expect(text).toContain(p);
      }
    });

    it('keeps the Akoma Ntoso of decisions and minutes well-formed with the payloads as text', async () => {
      const xxe = PAYLOADS.find((p) => p.includes('ENTITY')) as string;
      for (const id of decisionIds) {
        const res = await api('GET', `/decisions/${id}.akn.xml?lang=en`);
        expect(xmlProblem(res.body), id).toBeNull();
        expect(res.body).not.toContain('<!ENTITY');
        expect(res.body).not.toContain('<script>');
      }
      const minutes = await api('GET', `/meetings/${meetingId}/minutes.akn.xml?lang=en`);
      expect(xmlProblem(minutes.body)).toBeNull();
      expect(minutes.body).toContain(
        xxe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 20),
      );
    });

    it('carries the comments literally in the consultation DOCX', async () => {
      const res = await api('GET', `/consultations/${consultationId}/comments/export.docx?lang=en`);
      const xml = zipPart(res.rawPayload, 'word/document.xml');
      expect(xmlProblem(xml)).toBeNull();
      expect(wordText(xml)).toContain(PAYLOADS[0]);
    });

    it('neutralises formula injection in every CSV export', async () => {
      for (const url of [
        `/decisions/export.csv?meetingId=${meetingId}`,
        '/standards/export.csv?q=INERT',
        `/meetings/${meetingId}/implementation-review/export.csv`,
      ]) {
        const res = await api('GET', url);
        const fields = csvFields(res.body);
        const formulaLike = fields.filter((f) => FORMULA.test(f));
        expect(formulaLike, url).toEqual([]);
        if (!url.includes('implementation-review')) {
          expect(
            fields.some((f) => f === `'${PAYLOADS[8]}`),
            url,
          ).toBe(true);
        }
      }
    });

    it('writes every XLSX cell of user text as text, never as a formula', async () => {
      for (const url of [
        `/decisions/export.xlsx?meetingId=${meetingId}`,
        '/standards/export.xlsx?q=INERT',
        `/consultations/${consultationId}/comments/export.xlsx?lang=en`,
      ]) {
        const res = await api('GET', url);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
        let payloadCells = 0;
        book.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              expect(cell.type, `${url} ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
              const text = cell.text;
              if ((PAYLOADS as readonly string[]).some((p) => text.includes(p.trim()))) {
                payloadCells += 1;
              }
              if (FORMULA.test(text)) {
                expect(
                  [ExcelJS.ValueType.String, ExcelJS.ValueType.RichText],
                  `${url} ${cell.address}`,
                ).toContain(cell.type);
              }
            }),
          ),
        );
        expect(payloadCells, url).toBeGreaterThan(0);
      }
    });
  });
});
