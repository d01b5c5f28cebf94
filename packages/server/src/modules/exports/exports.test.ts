import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../../../test/factories.ts';

/** RFC 4180: quoted fields, doubled quotes, CRLF records. Fails on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === '') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          throw new Error('unterminated quote');
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') {
        throw new Error(`bare CR at ${i}`);
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    throw new Error('the last record has no CRLF');
  }
  return rows;
}

const BOM = '\uFEFF';

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sheet's values as rows of plain values (dates stay Date). */
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === undefined ? null : v);
    }
    out.push(cells);
  });
  return out;
}

describe(`exports (${DIALECT})`, () => {
  let t: TestApp;
  let csc: string;
  let commission: string;
  let council: string;
  let m20: string;
  let m21: string;
  const d: Record<string, { id: string; number: string }> = {};
  const a: Record<string, { id: string }> = {};

  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await t.as('secretariat', { method: 'POST', url: `/api/v1${url}`, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const decide = async (key: string, body: Record<string, unknown>) => {
    d[key] = await post('/decisions', { text: { en: key }, ...body });
  };
  const assign = async (key: string, decision: string, payload: Record<string, unknown>) => {
    a[key] = await post(`/decisions/${d[decision]?.id}/assignments`, payload);
  };
  const report = (decision: string, assignment: string, status: string) =>
    post(`/decisions/${d[decision]?.id}/reports`, { assignmentId: a[assignment]?.id, status });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.as('observer', { method: 'GET', url: `/api/v1${url}`, headers });
  const csv = async (url: string, headers: Record<string, string> = {}) => {
    const res = await get(url, headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    return { res, rows: parseCsv(text.slice(1)) };
  };
  const xlsx = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    return { res, wb: await readXlsx(res.rawPayload) };
  };
  const listed = async (query: string) =>
    (await get(`/decisions?limit=200&${query}`)).json().items as {
      number: string;
      status: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    csc = await insertBody(t.handle.db, {
      slug: 'csc',
      name: 'Collective Security Council',
      nameRu: 'Совет коллективной безопасности',
      kind: 'statutory_body',
    });
    commission = await insertBody(t.handle.db, {
      slug: 'icmec',
      name: 'Interstate Commission',
      nameRu: 'Межгосударственная комиссия',
      parentId: csc,
    });
    await t.handle.db
      .updateTable('bodies')
      .set({
        shortName: JSON.stringify({ en: 'ICMEC', ru: 'МКВЭС' }),
        nameGenitive: JSON.stringify({ ru: 'Межгосударственной комиссии' }),
      })
      .where('id', '=', commission)
      .execute();
    council = await insertBody(t.handle.db, {
      slug: 'council',
      name: 'Council',
      nameRu: 'Совет',
      kind: 'council',
    });
    m20 = await insertMeeting(t.handle.db, {
      bodyId: commission,
      number: 20,
      startDate: '2022-10-20',
      status: 'held',
    });
    m21 = await insertMeeting(t.handle.db, {
      bodyId: commission,
      number: 21,
      startDate: '2023-04-27',
      status: 'announced',
    });

    await decide('done', {
      bodyId: commission,
      meetingId: m20,
      title: { en: 'On standardization', ru: 'О стандартизации' },
    });
    await decide('open', {
      bodyId: commission,
      meetingId: m20,
      kind: 'recommendation',
      title: { ru: 'О совместных предприятиях' },
    });
    await decide('late', {
      bodyId: commission,
      meetingId: m20,
      title: { en: '=HYPERLINK("http://evil.example","x")', ru: '@SUM(1)' },
    });
    await decide('quoted', {
      bodyId: commission,
      meetingId: m20,
      title: { en: 'Joint R&D, "phase 2"\nand more', ru: 'Совместные НИОКР, «этап 2»' },
    });
    await decide('statutory', {
      bodyId: csc,
      number: 'CSC-2022-7',
      adoptedOn: '2022-11-23',
      kind: 'instruction',
      title: { en: 'On the commission’s tasks', ru: 'О задачах комиссии' },
    });
    await decide('later', {
      bodyId: commission,
      meetingId: m21,
      title: { en: 'A later decision', ru: 'Более позднее решение' },
    });

    await assign('doneArm', 'done', { memberState: 'ARM', dueDate: daysFromToday(10) });
    await assign('openArm', 'open', { memberState: 'ARM', dueDate: daysFromToday(30) });
    await assign('openBlr', 'open', { memberState: 'BLR', dueDate: daysFromToday(60) });
    await assign('openRus', 'open', { memberState: 'RUS', dueDate: daysFromToday(60) });
    await assign('lateKaz', 'late', { memberState: 'KAZ', dueDate: daysFromToday(-5) });
    await assign('quotedCouncil', 'quoted', { bodyId: council, dueDate: daysFromToday(20) });
    await assign('quotedTjk', 'quoted', { memberState: 'TJK', dueDate: daysFromToday(40) });
    await assign('statutoryCommission', 'statutory', {
      bodyId: commission,
      dueDate: daysFromToday(90),
    });

    await report('done', 'doneArm', 'implemented');
    await report('open', 'openArm', 'in_progress');
    await report('open', 'openRus', 'not_applicable');
    await report('quoted', 'quotedTjk', 'not_implemented');
  });
  afterAll(async () => t.close());

  describe('the decision register', () => {
    it('exports as CSV exactly the decisions GET /decisions lists, in its order, with their statuses', async () => {
      const expected = await listed('');
      const { rows } = await csv('/decisions/export.csv?lang=en');
      expect(rows[0]).toEqual([
        'Number',
        'Kind',
        'Title',
        'Adopting body',
        'Meeting',
        'Adopted on',
        'Status',
        'Assignees',
        'Next due date',
        'Open assignments',
      ]);
      const body = rows.slice(1);
      expect(body.map((r) => r[0])).toEqual(expected.map((x) => x.number));
      const label: Record<string, string> = {
        in_progress: 'In progress',
        overdue: 'Overdue',
        implemented: 'Implemented',
      };
      expect(body.map((r) => r[6])).toEqual(expected.map((x) => label[x.status]));
      expect(body.every((r) => r.length === 10)).toBe(true);
    });

    it('fills every column: kind, body short name, Roman meeting, dates, assignees and open count', async () => {
      const { rows } = await csv('/decisions/export.csv?lang=en');
      const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
      expect(byNumber.get(d.open?.number as string)).toEqual([
        '20/2',
        'Recommendation',
        'О совместных предприятиях',
        'ICMEC',
        'XX',
        '2022-10-20',
        'In progress',
        'ARM, BLR, RUS',
        daysFromToday(30),
        '2',
      ]);
      expect(byNumber.get('CSC-2022-7')).toEqual([
        'CSC-2022-7',
        'Instruction',
        'On the commission’s tasks',
        'Collective Security Council',
        '',
        '2022-11-23',
        'In progress',
        'ICMEC',
        daysFromToday(90),
        '1',
      ]);
      expect(byNumber.get('20/4')?.[7]).toBe('TJK, Council');
      expect(byNumber.get('20/1')?.slice(6)).toEqual(['Implemented', 'ARM', '', '0']);
    });

    it('applies the list’s filters: status, body, assignee, due range and search', async () => {
      const cases = [
        'status=overdue',
        'status=in_progress,implemented',
        `bodyId=${csc}`,
        `meetingId=${m21}`,
        'memberState=ARM',
        `assigneeBodyId=${council}`,
        `dueFrom=${daysFromToday(50)}&dueTo=${daysFromToday(70)}`,
        'q=стандартизац',
      ];
      for (const query of cases) {
        const expected = (await listed(query)).map((x) => x.number);
        const { rows } = await csv(`/decisions/export.csv?${query}`);
        expect(
          rows.slice(1).map((r) => r[0]),
          query,
        ).toEqual(expected);
        // Each filter narrows the register of six decisions, and something matches.
        expect(expected.length, query).toBeGreaterThan(0);
        expect(expected.length, query).toBeLessThan(6);
      }
      const byDue = (await listed('sort=due')).map((x) => x.number);
      expect((await csv('/decisions/export.csv?sort=due')).rows.slice(1).map((r) => r[0])).toEqual(
        byDue,
      );
      expect(byDue).not.toEqual((await listed('')).map((x) => x.number));
      expect((await csv('/decisions/export.csv?status=overdue')).rows.slice(1)).toEqual([
        expect.arrayContaining(['20/3', 'Overdue', 'KAZ']),
      ]);
    });

    it('writes Russian headings, labels and titles with lang=ru, falling back to English', async () => {
      const { rows, res } = await csv('/decisions/export.csv?lang=ru');
      expect(rows[0]?.slice(0, 3)).toEqual(['Номер', 'Вид', 'Наименование']);
      const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
      expect(byNumber.get('20/1')?.slice(1, 4)).toEqual(['Решение', 'О стандартизации', 'МКВЭС']);
      expect(byNumber.get('20/1')?.[6]).toBe('Выполнено');
      expect(byNumber.get('20/3')?.[6]).toBe('Просрочено');
      expect(byNumber.get('20/4')?.[7]).toBe('TJK, Совет');
      // The bytes are UTF-8: Cyrillic survives intact.
      expect(res.rawPayload.includes(Buffer.from('О совместных предприятиях', 'utf8'))).toBe(true);
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    });

    it('takes the language from X-Plenum-Language or Accept-Language without ?lang', async () => {
      const viaHeader = await csv('/decisions/export.csv', { 'x-plenum-language': 'ru' });
      expect(viaHeader.rows[0]?.[0]).toBe('Номер');
      const viaAccept = await csv('/decisions/export.csv', { 'accept-language': 'ru-RU,ru;q=0.9' });
      expect(viaAccept.rows[0]?.[0]).toBe('Номер');
      const english = await csv('/decisions/export.csv', { 'accept-language': 'en-GB,ru;q=0.5' });
      expect(english.rows[0]?.[0]).toBe('Number');
      expect((await csv('/decisions/export.csv')).rows[0]?.[0]).toBe('Number');
      const explicit = await csv('/decisions/export.csv?lang=en', { 'x-plenum-language': 'ru' });
      expect(explicit.rows[0]?.[0]).toBe('Number');
    });

    it('guards against formula injection and quotes by RFC 4180 with CRLF records', async () => {
      const { res, rows } = await csv('/decisions/export.csv?lang=en');
      const text = res.rawPayload.toString('utf8');
      const late = rows.find((r) => r[0] === '20/3');
      expect(late?.[2]).toBe('\'=HYPERLINK("http://evil.example","x")');
      expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"');
      const quoted = rows.find((r) => r[0] === '20/4');
      expect(quoted?.[2]).toBe('Joint R&D, "phase 2"\nand more');
      const ru = await csv('/decisions/export.csv?lang=ru');
      expect(ru.rows.find((r) => r[0] === '20/3')?.[2]).toBe("'@SUM(1)");
      // Every record ends in CRLF; the only bare LF is inside the quoted title.
      expect(text.split('\r\n').length - 1).toBe(rows.length);
    });

    it('names the file as an attachment, in ASCII and in UTF-8', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const en = await get('/decisions/export.xlsx?lang=en');
      expect(en.headers['content-disposition']).toBe(
        `attachment; filename="decisions-${today}.xlsx"; filename*=UTF-8''decisions-${today}.xlsx`,
      );
      const ru = await get('/decisions/export.csv?lang=ru');
      const disposition = ru.headers['content-disposition'] as string;
      expect(disposition).toMatch(new RegExp(`^attachment; filename="decisions-${today}.csv"; `));
      const star = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] as string;
      expect(decodeURIComponent(star)).toBe(`решения-${today}.csv`);
      expect(disposition).not.toMatch(/[^\x20-\x7e]/);
    });

    it('exports an XLSX sheet: bold frozen header, widths, autofilter, real dates and numbers', async () => {
      const { wb } = await xlsx('/decisions/export.xlsx?lang=en&status=in_progress,overdue');
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      expect(ws.name).toBe('Decisions');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.getColumn(3).width).toBeGreaterThan(30);
      const rows = sheetRows(ws);
      expect(ws.autoFilter).toBe(`A1:J${rows.length}`);
      const expected = await listed('status=in_progress,overdue');
      expect(rows.slice(1).map((r) => r[0])).toEqual(expected.map((x) => x.number));
      const open = rows.find((r) => r[0] === '20/2') as unknown[];
      expect(open[5]).toEqual(new Date(Date.UTC(2022, 9, 20)));
      expect(ws.getRow(rows.indexOf(open) + 1).getCell(6).numFmt).toBe('yyyy-mm-dd');
      expect(open[8]).toBeInstanceOf(Date);
      expect((open[8] as Date).toISOString().slice(0, 10)).toBe(daysFromToday(30));
      expect(open[9]).toBe(2);
      expect(open[6]).toBe('In progress');
      // Text cells stay text in XLSX: no formula is created.
      const late = rows.find((r) => r[0] === '20/3') as unknown[];
      expect(late[2]).toBe('=HYPERLINK("http://evil.example","x")');
    });

    it('exports an XLSX in Russian with Cyrillic intact', async () => {
      const { wb } = await xlsx('/decisions/export.xlsx?lang=ru&memberState=ARM');
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      const rows = sheetRows(ws);
      expect(rows[0]?.slice(0, 3)).toEqual(['Номер', 'Вид', 'Наименование']);
      expect(rows.slice(1).map((r) => [r[0], r[2], r[6]])).toEqual([
        ['20/2', 'О совместных предприятиях', 'Выполняется'],
        ['20/1', 'О стандартизации', 'Выполнено'],
      ]);
    });

    it('pages through every decision beyond one batch, in the list’s order', async () => {
      const bulk = await insertBody(t.handle.db, { slug: 'bulk', name: 'Bulk body' });
      const now = new Date().toISOString();
      const values = Array.from({ length: 1150 }, (_, i) => {
        const day = String((i % 28) + 1).padStart(2, '0');
        const adoptedOn = `2021-0${(i % 9) + 1}-${day}`;
        const number = `B-${i}`;
        return {
          id: `bulk-${String(i).padStart(5, '0')}`,
          bodyId: bulk,
          meetingId: null,
          agendaItemId: null,
          number,
          meetingNumber: null,
          ordinal: null,
          kind: 'decision',
          title: JSON.stringify({ en: `Bulk ${i}` }),
          text: JSON.stringify({ en: 'x' }),
          adoptedOn,
          closedAs: null,
          assignmentCount: 1,
          openCount: i % 3 === 0 ? 0 : 1,
          nextOpenDue: i % 3 === 0 ? null : daysFromToday((i % 50) - 10),
          searchText: number.toLowerCase(),
          sortKey: `${adoptedOn}|000000|000000|${number}`,
          dueKey: '9999-12-31',
          textHtml: '{}',
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
      });
      for (let i = 0; i < values.length; i += 100) {
        await t.handle.db
          .insertInto('decisions')
          .values(values.slice(i, i + 100))
          .execute();
      }
      for (const sort of ['adopted', 'due']) {
        const expected: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: { number: string }[]; nextCursor: string | null } = (
            await get(
              `/decisions?limit=200&bodyId=${bulk}&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
            )
          ).json();
          expected.push(...page.items.map((x) => x.number));
          cursor = page.nextCursor;
        } while (cursor);
        expect(expected).toHaveLength(1150);
        const { rows } = await csv(`/decisions/export.csv?bodyId=${bulk}&sort=${sort}`);
        expect(
          rows.slice(1).map((r) => r[0]),
          sort,
        ).toEqual(expected);
        const overdue = await csv(`/decisions/export.csv?bodyId=${bulk}&status=overdue`);
        const overdueListed = values.filter(
          (v) => v.nextOpenDue !== null && v.nextOpenDue < daysFromToday(0),
        );
        expect(overdue.rows.length - 1).toBe(overdueListed.length);
      }
      const { wb } = await xlsx(`/decisions/export.xlsx?bodyId=${bulk}`);
      expect((wb.worksheets[0] as ExcelJS.Worksheet).rowCount).toBe(1151);
    });

    it('needs a sign-in and answers bad filters with a problem before any file', async () => {
      for (const url of ['/decisions/export.csv', '/decisions/export.xlsx']) {
        const res = await t.as('anonymous', { method: 'GET', url: `/api/v1${url}` });
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['content-disposition']).toBeUndefined();
      }
      const bad = await get('/decisions/export.csv?status=done');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('query.status');
      const lang = await get('/decisions/export.xlsx?lang=de');
      expect(lang.statusCode).toBe(400);
    });
  });

  describe('the implementation matrix', () => {
    const url = (format: string, lang = 'en') =>
      `/meetings/${m21}/implementation-review/export.${format}?lang=${lang}`;
    const today = () => new Date().toISOString().slice(0, 10);

    it('has one row per reviewed decision and the right cell per assignee (CSV)', async () => {
      const review = (await get(`/meetings/${m21}/implementation-review`)).json();
      const { rows, res } = await csv(url('csv'));
      expect(res.headers['content-disposition']).toContain(
        'filename="implementation-review-icmec-21.csv"',
      );
      expect(rows[0]).toEqual([
        'Number',
        'Title',
        'Source',
        'Status',
        'ARM',
        'BLR',
        'KAZ',
        'RUS',
        'TJK',
        'Council',
        'ICMEC',
      ]);
      const matrix = rows.slice(1, 1 + review.entries.length);
      expect(matrix.map((r) => r[0])).toEqual(
        review.entries.map((e: { decision: { number: string } }) => e.decision.number),
      );
      const cell = (number: string, assignee: string) =>
        matrix.find((r) => r[0] === number)?.[(rows[0] as string[]).indexOf(assignee)];
      expect(cell('20/1', 'ARM')).toBe(`Implemented; report of ${today()}`);
      expect(cell('20/1', 'BLR')).toBe('');
      expect(cell('20/2', 'ARM')).toBe(`In progress; report of ${today()}`);
      expect(cell('20/2', 'BLR')).toBe('Awaiting report');
      expect(cell('20/2', 'RUS')).toBe(`Not applicable; report of ${today()}`);
      expect(cell('20/3', 'KAZ')).toBe('Awaiting report, overdue');
      expect(cell('20/4', 'TJK')).toBe(`Not implemented; report of ${today()}`);
      expect(cell('20/4', 'Council')).toBe('Awaiting report');
      expect(cell('CSC-2022-7', 'ICMEC')).toBe('Awaiting report');
      expect(matrix.find((r) => r[0] === 'CSC-2022-7')?.slice(2, 4)).toEqual([
        'Statutory body',
        'In progress',
      ]);
      expect(matrix.find((r) => r[0] === '20/3')?.slice(2, 4)).toEqual(['Own decision', 'Overdue']);
      // Every assignment of the review is in its cell; every other cell is empty.
      for (const entry of review.entries) {
        for (const header of (rows[0] as string[]).slice(4)) {
          const has = entry.assignments.some(
            (x: { memberState: string | null }) =>
              x.memberState === header ||
              (x.memberState === null && ['Council', 'ICMEC'].includes(header)),
          );
          const value = cell(entry.decision.number, header);
          if (!has) {
            expect(value, `${entry.decision.number} ${header}`).toBe('');
          }
        }
      }
      // The summary follows after an empty record, padded to the same width.
      const rest = rows.slice(1 + review.entries.length);
      expect(rest.every((r) => r.length === 11)).toBe(true);
      expect(rest[0]?.every((v) => v === '')).toBe(true);
      const summary = new Map(rest.slice(2).map((r) => [r[0], r[1]]));
      expect(summary.get('Decisions reviewed')).toBe(String(review.summary.total));
      expect(summary.get('Implemented')).toBe(String(review.summary.implemented));
      expect(summary.get('Overdue')).toBe(String(review.summary.overdue));
      expect(summary.get('Not implemented')).toBe(String(review.summary.notImplemented));
      expect(summary.get('Meeting')).toBe('XXI meeting of the Interstate Commission');
    });

    it('colours the status cells in XLSX and keeps their text', async () => {
      const { wb } = await xlsx(url('xlsx'));
      const ws = wb.getWorksheet('Implementation') as ExcelJS.Worksheet;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      const headers = sheetRows(ws)[0] as string[];
      const rowOf = (number: string) => {
        let found = 0;
        ws.eachRow((row, n) => {
          if (row.getCell(1).value === number) {
            found = n;
          }
        });
        return ws.getRow(found);
      };
      const at = (number: string, assignee: string) =>
        rowOf(number).getCell(headers.indexOf(assignee) + 1);
      const fill = (c: ExcelJS.Cell) =>
        (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null;
      expect(fill(at('20/1', 'ARM'))).toBe('FFC6EFCE');
      expect(at('20/1', 'ARM').value).toBe(`Implemented; report of ${today()}`);
      expect(fill(at('20/2', 'ARM'))).toBe('FFFFEB9C');
      expect(fill(at('20/2', 'BLR'))).toBe('FFFFEB9C');
      expect(fill(at('20/3', 'KAZ'))).toBe('FFFFC7CE');
      expect(at('20/3', 'KAZ').value).toBe('Awaiting report, overdue');
      expect(fill(at('20/4', 'TJK'))).toBe('FFFFC7CE');
      expect(fill(at('20/2', 'RUS'))).toBe('FFE7E6E6');
      expect(at('20/2', 'RUS').value).toBe(`Not applicable; report of ${today()}`);
      expect(fill(at('20/1', 'BLR'))).toBeNull();
      expect(at('20/1', 'BLR').value).toBeNull();
      expect(fill(at('20/3', 'Status'))).toBe('FFFFC7CE');
      expect(at('20/3', 'Status').value).toBe('Overdue');

      const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
      // The legend repeats a label; the counts come first.
      const pairs = new Map(
        sheetRows(summary)
          .map((r): [unknown, unknown] => [r[0], r[1]])
          .reverse(),
      );
      expect(
        sheetRows(summary)
          .slice(-4)
          .map((r) => r[0]),
      ).toEqual([
        'Implemented',
        'In progress or awaiting report',
        'Overdue or not implemented',
        'Not applicable, cancelled or superseded',
      ]);
      expect(fill(summary.getCell(`A${summary.rowCount}`))).toBe('FFE7E6E6');
      const review = (await get(`/meetings/${m21}/implementation-review`)).json();
      expect(pairs.get('Decisions reviewed')).toBe(review.summary.total);
      expect(pairs.get('In progress')).toBe(review.summary.inProgress);
      expect(pairs.get('Not implemented')).toBe(review.summary.notImplemented);
    });

    it('speaks Russian with lang=ru', async () => {
      const { rows } = await csv(url('csv', 'ru'));
      expect(rows[0]?.slice(0, 4)).toEqual(['Номер', 'Наименование', 'Источник', 'Статус']);
      expect(rows[0]?.slice(-2)).toEqual(['МКВЭС', 'Совет']);
      const late = rows.find((r) => r[0] === '20/3') as string[];
      expect(late[1]).toBe("'@SUM(1)");
      expect(late[(rows[0] as string[]).indexOf('KAZ')]).toBe('Ожидается информация, просрочено');
      const done = rows.find((r) => r[0] === '20/1') as string[];
      const [y, m, dd] = today().split('-');
      expect(done[(rows[0] as string[]).indexOf('ARM')]).toBe(
        `Выполнено; информация от ${dd}.${m}.${y}`,
      );
      expect(rows.find((r) => r[0] === 'Заседание')?.[1]).toBe(
        'XXI заседание Межгосударственной комиссии',
      );
      const { wb } = await xlsx(url('xlsx', 'ru'));
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Выполнение', 'Итоги']);
    });

    it('adds the status at the review once the meeting is held', async () => {
      for (const status of ['in_session', 'held']) {
        const res = await t.as('secretariat', {
          method: 'PATCH',
          url: `/api/v1/meetings/${m21}`,
          payload: { status },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const { rows } = await csv(url('csv'));
      expect(rows[0]?.[4]).toBe('Status at the review');
      expect(rows.find((r) => r[0] === '20/1')?.[4]).toBe('Implemented');
    });

    it('needs a sign-in and answers 404 for an unknown meeting', async () => {
      for (const format of ['csv', 'xlsx']) {
        const anonymous = await t.as('anonymous', { method: 'GET', url: `/api/v1${url(format)}` });
        expect(anonymous.statusCode).toBe(401);
        const unknown = await get(`/meetings/nope/implementation-review/export.${format}`);
        expect(unknown.statusCode).toBe(404);
        expect(unknown.headers['content-type']).toContain('application/problem+json');
      }
    });
  });
});
