import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, DIALECT, type TestApp } from '../../../test/app.ts';
import { daysFromToday, insertBody, insertMeeting } from '../../../test/factories.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A ZIP archive of deflated entries; an entry may declare another size than its data's. */
function zipOf(entries: { name: string; content: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, content, declaredSize = content.length } of entries) {
    const data = deflateRawSync(content);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest workbook the import reads: one sheet with the ID and new status columns. */
function minimalWorkbook(extra: { name: string; content: Buffer; declaredSize?: number }[] = []) {
  const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  return zipOf([
    {
      name: '[Content_Types].xml',
      content: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      content: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      content: xml(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="Assignments" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: xml(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cell('A1', 'ID (do not change)')}${cell('B1', 'New status')}</row><row r="2">${cell('A2', 'unknown-id')}${cell('B2', 'Implemented')}</row></sheetData></worksheet>`,
      ),
    },
    ...extra,
  ]);
}

type ImportBody = {
  dryRun: boolean;
  written: number;
  rows: {
    row: number;
    assignmentId: string | null;
    decisionNumber: string | null;
    action: 'report' | 'skip';
    status: string | null;
    reportedOn: string | null;
    problems: string[];
  }[];
  summary: { reports: number; skipped: number; problems: number };
};

describe(`bulk reporting (${DIALECT})`, () => {
  let t: TestApp;
  let commission: string;
  let council: string;
  let m20: string;
  const d: Record<string, { id: string; number: string }> = {};
  const a: Record<string, { id: string }> = {};

  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await t.as('secretariat', { method: 'POST', url: `/api/v1${url}`, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const decide = async (key: string, extra: Record<string, unknown> = {}) => {
    d[key] = await post('/decisions', {
      bodyId: commission,
      meetingId: m20,
      title: { en: `On ${key}`, ru: `О ${key}` },
      text: { en: key },
      ...extra,
    });
  };
  const assign = async (key: string, decision: string, payload: Record<string, unknown>) => {
    a[key] = await post(`/decisions/${d[decision]?.id}/assignments`, payload);
  };
  const download = async (caller: Caller, query: string) =>
    t.as(caller, { method: 'GET', url: `/api/v1/assignments/export.xlsx${query}` });
  const load = async (buffer: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return wb;
  };
  const sheetOf = async (caller: Caller, query: string) => {
    const res = await download(caller, query);
    expect(res.statusCode, res.body).toBe(200);
    const wb = await load(res.rawPayload);
    return { res, wb, ws: wb.worksheets[0] as ExcelJS.Worksheet };
  };
  /** Row number of an assignment in the sheet (by the ID column). */
  const rowOf = (ws: ExcelJS.Worksheet, id: string) => {
    let found = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === id) {
        found = n;
      }
    });
    expect(found, id).toBeGreaterThan(1);
    return ws.getRow(found);
  };
  const fill = (
    ws: ExcelJS.Worksheet,
    id: string,
    status: string | null,
    text?: string,
    on?: string | Date,
  ) => {
    const row = rowOf(ws, id);
    row.getCell(7).value = status;
    if (text !== undefined) {
      row.getCell(8).value = text;
    }
    if (on !== undefined) {
      row.getCell(9).value = on;
    }
  };
  const upload = async (
    caller: Caller,
    body: Buffer | string,
    query = '?dryRun=true',
    headers: Record<string, string> = { 'content-type': XLSX },
  ) =>
    t.as(caller, {
      method: 'POST',
      url: `/api/v1/assignments/import${query}`,
      headers,
      payload: body,
    });
  const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
  const reportCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('implementationReports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const assignment = async (decision: string, key: string) =>
    (
      await t.as('observer', {
        method: 'GET',
        url: `/api/v1/decisions/${d[decision]?.id}/assignments/${a[key]?.id}`,
      })
    ).json();

  beforeAll(async () => {
    t = await createTestApp();
    commission = await insertBody(t.handle.db, { slug: 'icmec', name: 'Commission' });
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
    await decide('standards');
    await decide('ventures');
    await decide('cancelled');
    await decide('finished');
    await decide('canceller');
    await assign('standardsArm', 'standards', { memberState: 'ARM', dueDate: daysFromToday(10) });
    await assign('standardsBlr', 'standards', { memberState: 'BLR', dueDate: daysFromToday(20) });
    await assign('standardsCouncil', 'standards', { bodyId: council, dueDate: daysFromToday(30) });
    await assign('venturesArm', 'ventures', { memberState: 'ARM', dueDate: daysFromToday(-3) });
    await assign('venturesKaz', 'ventures', { memberState: 'KAZ' });
    await assign('cancelledArm', 'cancelled', { memberState: 'ARM', dueDate: daysFromToday(5) });
    await assign('finishedArm', 'finished', { memberState: 'ARM', dueDate: daysFromToday(5) });
    await post(`/decisions/${d.finished?.id}/reports`, {
      assignmentId: a.finishedArm?.id,
      status: 'implemented',
    });
    const cancel = await t.as('secretariat', {
      method: 'POST',
      url: `/api/v1/decisions/${d.canceller?.id}/relations`,
      payload: { kind: 'cancels', decisionId: d.cancelled?.id },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
  });
  afterAll(async () => t.close());

  describe('the sheet to fill in', () => {
    it('gives a delegate its own state’s open assignments on open decisions, earliest due first', async () => {
      const { res, ws, wb } = await sheetOf('delegateArm', '?lang=en');
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="assignments-ARM-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/,
      );
      expect(ws.name).toBe('Assignments');
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Assignments', 'Instructions']);
      const header: unknown[] = [];
      ws.getRow(1).eachCell((c) => {
        header.push(c.value);
      });
      expect(header).toEqual([
        'ID (do not change)',
        'Decision',
        'Title',
        'Assignee',
        'Due date',
        'Current status',
        'New status',
        'Report text',
        'Reported on',
      ]);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => {
        if (n > 1) {
          rows.push([1, 2, 4, 6].map((c) => row.getCell(c).value));
        }
      });
      // Cancelled decisions and implemented assignments are not asked about.
      expect(rows).toEqual([
        [a.venturesArm?.id, d.ventures?.number, 'State ARM', 'Awaiting report, overdue'],
        [a.standardsArm?.id, d.standards?.number, 'State ARM', 'Awaiting report'],
      ]);
      const due = rowOf(ws, a.standardsArm?.id as string).getCell(5).value as Date;
      expect(due.toISOString().slice(0, 10)).toBe(daysFromToday(10));
      expect(ws.autoFilter).toBe('A1:I3');
    });

    it('offers the report statuses as a list in the sheet’s language', async () => {
      const en = await sheetOf('delegateArm', '?lang=en');
      const cell = rowOf(en.ws, a.standardsArm?.id as string).getCell(7);
      expect(cell.dataValidation).toMatchObject({
        type: 'list',
        allowBlank: true,
        formulae: ['"In progress,Implemented,Not implemented,Not applicable"'],
      });
      const ru = await sheetOf('delegateArm', '?lang=ru');
      expect(ru.ws.name).toBe('Поручения');
      expect(ru.ws.getRow(1).getCell(7).value).toBe('Новый статус');
      expect(rowOf(ru.ws, a.standardsArm?.id as string).getCell(7).dataValidation).toMatchObject({
        formulae: ['"Выполняется,Выполнено,Не выполнено,Неприменимо"'],
      });
      expect(rowOf(ru.ws, a.standardsArm?.id as string).getCell(3).value).toBe('О standards');
    });

    it('refuses a delegate another state’s or a body’s sheet, and a reader any', async () => {
      expect((await download('delegateArm', '?memberState=BLR')).statusCode).toBe(403);
      expect((await download('delegateArm', `?bodyId=${council}`)).statusCode).toBe(403);
      expect((await download('delegateArm', '?memberState=ARM')).statusCode).toBe(200);
      expect((await download('observer', '?memberState=ARM')).statusCode).toBe(403);
      const anonymous = await download('anonymous', '?memberState=ARM');
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
    });

    it('gives the secretariat any state’s or body’s sheet, and asks which', async () => {
      const blr = await sheetOf('secretariat', '?memberState=BLR');
      expect(blr.ws.getCell('A2').value).toBe(a.standardsBlr?.id);
      expect(blr.ws.rowCount).toBe(2);
      const body = await sheetOf('secretariat', `?bodyId=${council}&lang=ru`);
      expect(body.ws.getCell('A2').value).toBe(a.standardsCouncil?.id);
      expect(body.ws.getCell('D2').value).toBe('Совет');
      expect(body.res.headers['content-disposition']).toContain('filename="assignments-council-');
      const neither = await download('secretariat', '');
      expect(neither.statusCode).toBe(400);
      expect(neither.json().errors[0].path).toBe('memberState');
      const both = await download('secretariat', `?memberState=BLR&bodyId=${council}`);
      expect(both.statusCode).toBe(400);
      expect((await download('secretariat', '?memberState=ZZZ')).statusCode).toBe(400);
      expect((await download('secretariat', '?bodyId=nope')).statusCode).toBe(400);
    });
  });

  describe('the filled sheet comes back', () => {
    it('checks a dry run row by row and writes nothing', async () => {
      const { wb, ws } = await sheetOf('delegateArm', '?lang=en');
      fill(ws, a.standardsArm?.id as string, 'Implemented', 'Adopted as a national standard');
      fill(ws, a.venturesArm?.id as string, 'In progress', undefined, '2025-01-15');
      const before = await reportCount();
      const res = await upload('delegateArm', await bytes(wb));
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as ImportBody;
      expect(body).toMatchObject({ dryRun: true, written: 0 });
      expect(body.summary).toEqual({ reports: 2, skipped: 0, problems: 0 });
      expect(body.rows).toEqual([
        {
          row: 2,
          assignmentId: a.venturesArm?.id,
          decisionNumber: d.ventures?.number,
          action: 'report',
          status: 'in_progress',
          reportedOn: '2025-01-15',
          problems: [],
        },
        {
          row: 3,
          assignmentId: a.standardsArm?.id,
          decisionNumber: d.standards?.number,
          action: 'report',
          status: 'implemented',
          reportedOn: daysFromToday(0),
          problems: [],
        },
      ]);
      expect(await reportCount()).toBe(before);
      expect((await assignment('standards', 'standardsArm')).status).toBe('pending');
    });

    it('writes every report of a clean sheet; the assignments and decisions change', async () => {
      const { wb, ws } = await sheetOf('delegateArm', '?lang=en');
      fill(ws, a.standardsArm?.id as string, 'Implemented', 'Adopted as a national standard');
      fill(
        ws,
        a.venturesArm?.id as string,
        'not_implemented',
        'Delayed',
        new Date(Date.UTC(2025, 0, 15)),
      );
      const before = await reportCount();
      const res = await upload('delegateArm', await bytes(wb), '?dryRun=false');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        dryRun: false,
        written: 2,
        summary: { reports: 2, skipped: 0, problems: 0 },
      });
      expect(await reportCount()).toBe(before + 2);
      expect(await assignment('standards', 'standardsArm')).toMatchObject({
        status: 'implemented',
        latestReport: {
          status: 'implemented',
          text: { en: 'Adopted as a national standard' },
          reportedOn: daysFromToday(0),
          reportedBy: { name: 'delegateArm' },
        },
      });
      expect(await assignment('ventures', 'venturesArm')).toMatchObject({
        status: 'not_implemented',
        latestReport: { reportedOn: '2025-01-15' },
      });
      const history = await t.as('secretariat', {
        method: 'GET',
        url: `/api/v1/audit-events?entityType=assignment&entityId=${a.standardsArm?.id}`,
      });
      expect(history.json().items.map((e: { action: string }) => e.action)).toContain('report');
      // The state's sheet no longer asks about the implemented assignment.
      const again = await sheetOf('delegateArm', '?lang=en');
      expect(again.ws.rowCount).toBe(2);
      expect(again.ws.getCell('A2').value).toBe(a.venturesArm?.id);
    });

    it('refuses an Idempotency-Key reused for another sheet with a plain 422 problem', async () => {
      const key = { 'content-type': XLSX, 'idempotency-key': 'sheet-1' };
      const { wb, ws } = await sheetOf('delegateArm', '?lang=en');
      const blank = await bytes(wb);
      const first = await upload('delegateArm', blank, '?dryRun=true', key);
      expect(first.statusCode, first.body).toBe(200);
      const again = await upload('delegateArm', blank, '?dryRun=true', key);
      expect(again.headers['idempotent-replayed']).toBe('true');
      ws.getCell('AA1').value = 'another sheet';
      const other = await upload('delegateArm', await bytes(wb), '?dryRun=true', key);
      expect(other.statusCode, other.body).toBe(422);
      expect(other.json()).toMatchObject({ detail: expect.stringContaining('different request') });
    });

    it('writes nothing when one row has a problem, and answers 422 with every row', async () => {
      const { wb, ws } = await sheetOf('secretariat', '?memberState=BLR&lang=ru');
      const extra = ws.addRow([a.venturesKaz?.id, d.ventures?.number]);
      extra.getCell(7).value = 'done';
      fill(
        ws,
        a.standardsBlr?.id as string,
        'Выполнено',
        'Принят национальный стандарт',
        '01.02.2025',
      );
      const before = await reportCount();
      const res = await upload('secretariat', await bytes(wb), '?dryRun=false');
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as ImportBody & { status: number; code: string };
      expect(body).toMatchObject({ status: 422, code: 'unprocessable', dryRun: false, written: 0 });
      expect(body.summary).toEqual({ reports: 1, skipped: 0, problems: 1 });
      expect(body.rows.map((r) => [r.row, r.status, r.problems])).toEqual([
        [2, 'implemented', []],
        [3, null, ['Unknown status; choose one from the list.']],
      ]);
      expect(await reportCount()).toBe(before);
      expect((await assignment('standards', 'standardsBlr')).status).toBe('pending');

      // Corrected, the same sheet goes in; the Russian text and the dotted date are kept.
      extra.getCell(7).value = null;
      const ok = await upload('secretariat', await bytes(wb), '?dryRun=false');
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().summary).toEqual({ reports: 1, skipped: 1, problems: 0 });
      expect(await assignment('standards', 'standardsBlr')).toMatchObject({
        status: 'implemented',
        latestReport: { text: { ru: 'Принят национальный стандарт' }, reportedOn: '2025-02-01' },
      });
    });

    it('lists every problem of a delegate’s sheet in its row', async () => {
      const { wb, ws } = await sheetOf('delegateArm', '?lang=en');
      fill(ws, a.venturesArm?.id as string, 'Implemented', undefined, daysFromToday(2));
      const rows: [string | null, string | null, unknown][] = [
        [a.standardsBlr?.id as string, 'Implemented', null],
        [a.standardsCouncil?.id as string, 'Implemented', null],
        ['no-such-assignment', 'Implemented', null],
        [a.cancelledArm?.id as string, 'In progress', null],
        [a.venturesKaz?.id as string, null, null],
        [null, 'Implemented', null],
        [a.venturesArm?.id as string, 'In progress', 'last spring'],
        [a.venturesArm?.id as string, 'Finished', true],
      ];
      for (const [id, status, on] of rows) {
        const row = ws.addRow([id]);
        row.getCell(7).value = status;
        row.getCell(9).value = on as ExcelJS.CellValue;
        row.getCell(8).value = 'x';
      }
      const res = await upload('delegateArm', await bytes(wb));
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as ImportBody;
      expect(body.rows.map((r) => [r.row, r.action, r.problems])).toEqual([
        [2, 'report', ['A report cannot be dated in the future.']],
        [3, 'report', ['You may act only for your own member state.']],
        [4, 'report', ['The secretariat reports for bodies.']],
        [5, 'report', ['No such assignment.']],
        [6, 'report', ['The decision is cancelled; it takes no more reports.']],
        [7, 'skip', []],
        [8, 'report', ['The row has no assignment ID.']],
        [
          9,
          'report',
          ['An earlier row reports on the same assignment.', 'The report date is not a date.'],
        ],
        [
          10,
          'report',
          [
            'An earlier row reports on the same assignment.',
            'Unknown status; choose one from the list.',
            'The report date is not a date.',
          ],
        ],
      ]);
      expect(body.rows[2]?.decisionNumber).toBe(d.standards?.number);
      expect(body.summary).toEqual({ reports: 0, skipped: 1, problems: 8 });

      const ru = await upload('delegateArm', await bytes(wb), '?dryRun=true', {
        'content-type': XLSX,
        'accept-language': 'ru',
      });
      expect((ru.json() as ImportBody).rows[1]?.problems).toEqual([
        'Вы можете действовать только от имени своего государства-члена.',
      ]);
    });

    it('accepts only a readable workbook of the right kind', async () => {
      const json = await upload('delegateArm', JSON.stringify({ rows: [] }), '?dryRun=true', {
        'content-type': 'application/json',
      });
      expect(json.statusCode).toBe(415);
      expect(json.json().code).toBe('unsupported_media_type');
      const csv = await upload('delegateArm', 'a,b\r\n', '?dryRun=true', {
        'content-type': 'text/csv',
      });
      expect(csv.statusCode).toBe(415);
      const none = await t.as('delegateArm', {
        method: 'POST',
        url: '/api/v1/assignments/import?dryRun=true',
      });
      expect(none.statusCode).toBe(415);
      const garbage = await upload('delegateArm', Buffer.from('this is not a workbook'));
      expect(garbage.statusCode).toBe(400);
      expect(garbage.headers['content-type']).toContain('application/problem+json');
      expect(garbage.json().detail).toBe('The file is not a readable XLSX workbook.');
      const other = new ExcelJS.Workbook();
      other.addWorksheet('Data').addRow(['Name', 'Value']);
      const foreign = await upload('delegateArm', await bytes(other));
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().detail).toMatch(/no sheet with the ID and new status columns/);
      const big = await upload('delegateArm', Buffer.alloc(5 * 1024 * 1024 + 10));
      expect(big.statusCode).toBe(413);
    });

    it('refuses an archive that inflates beyond the allowed or its declared size', async () => {
      const readable = await upload('delegateArm', minimalWorkbook());
      expect(readable.statusCode, readable.body).toBe(200);
      expect((readable.json() as ImportBody).rows[0]?.problems).toEqual(['No such assignment.']);
      const padding = Buffer.alloc(60 * 1024 * 1024);
      const honest = minimalWorkbook([{ name: 'xl/media/padding.bin', content: padding }]);
      expect(honest.length).toBeLessThan(200_000);
      const big = await upload('delegateArm', honest);
      expect(big.statusCode).toBe(400);
      expect(big.json().detail).toBe('The file is not a readable XLSX workbook.');
      const lying = minimalWorkbook([
        {
          name: 'xl/media/padding.bin',
          content: padding.subarray(0, 10_000_000),
          declaredSize: 1000,
        },
      ]);
      expect((await upload('delegateArm', lying)).statusCode).toBe(400);
    });

    it('needs a signed-in reporter before reading the upload', async () => {
      const garbage = Buffer.from('not a workbook');
      expect((await upload('anonymous', garbage)).statusCode).toBe(401);
      expect((await upload('observer', garbage)).statusCode).toBe(403);
    });
  });
});
