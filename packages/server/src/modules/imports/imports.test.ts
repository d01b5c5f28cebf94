import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/app.ts';
import { multipart, PNG } from '../files/test-helpers.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

type Result = {
  kind: string;
  format: string;
  dryRun: boolean;
  written: boolean;
  summary: { rows: number; create: number; update: number; skip: number; problems: number };
  problems: { row: number; column: string | null; message: string }[];
  status?: number;
  code?: string;
};

function upload(
  kind: string,
  content: Buffer | string,
  opts: {
    name?: string;
    dryRun?: boolean;
    caller?: Caller;
    lang?: string;
    field?: string;
    idempotencyKey?: string;
  } = {},
) {
  const body = multipart(content, { name: opts.name ?? 'import.csv', field: opts.field });
  return t.as(opts.caller ?? 'secretariat', {
    method: 'POST',
    url: `/api/v1/imports/${kind}${opts.dryRun ? '?dryRun=true' : ''}`,
    payload: body.payload,
    headers: {
      ...body.headers,
      ...(opts.lang ? { 'accept-language': opts.lang } : {}),
      ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
    },
  });
}

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Import');
  for (const row of rows) {
    sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const count = async (table: 'persons' | 'organizations' | 'memberStates' | 'auditEvents') =>
  Number(
    (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const personsNamed = (en: string) =>
  t.handle.db
    .selectFrom('persons')
    .selectAll()
    .where('name', 'like', `%${JSON.stringify(en).slice(1, -1)}%`)
    .execute();

describe('who may import', () => {
  it('answers 401 to anonymous callers and 403 to delegates and observers', async () => {
    const csv = 'code,name_en\nUZB,Uzbekistan\n';
    expect((await upload('member-states', csv, { caller: 'anonymous' })).statusCode).toBe(401);
    for (const caller of ['delegateArm', 'observer'] as const) {
      const res = await upload('member-states', csv, { caller });
      expect(res.statusCode, caller).toBe(403);
      const template = await t.as(caller, {
        method: 'GET',
        url: '/api/v1/imports/templates/persons.csv',
      });
      expect(template.statusCode, caller).toBe(403);
    }
    expect(
      (await t.as('anonymous', { method: 'GET', url: '/api/v1/imports/templates/persons.xlsx' }))
        .statusCode,
    ).toBe(401);
    expect(await count('memberStates')).toBe(6);
  });

  it('answers 400 to an unknown kind', async () => {
    const res = await upload('bodies', 'name_en\nX\n');
    expect(res.statusCode).toBe(400);
  });
});

describe('the API description', () => {
  it('documents the import and template routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toContain('/api/v1/imports/{kind}');
    expect(paths).toContain('/api/v1/imports/templates/persons.xlsx');
    expect(paths).toContain('/api/v1/auth/calendar-feed');
    expect(paths.some((p) => p.startsWith('/calendar/'))).toBe(false);
  });
});

describe('templates', () => {
  it('gives the header row as CSV', async () => {
    const res = await t.as('secretariat', {
      method: 'GET',
      url: '/api/v1/imports/templates/persons.csv',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('filename="import-persons.csv"');
    expect(res.body).toBe('\uFEFFname_en,name_ru,member_state,position_en,position_ru\r\n');
  });

  it('gives the header row as XLSX, in a file the import itself reads back', async () => {
    const res = await t.as('admin', {
      method: 'GET',
      url: '/api/v1/imports/templates/organizations.xlsx',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const header = book.worksheets[0]?.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(['name_en', 'name_ru', 'member_state', 'kind']);
    // Empty below the header: the import says so rather than importing nothing.
    const back = await upload('organizations', res.rawPayload, {
      name: 'import-organizations.xlsx',
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().detail).toBe('The file has a header but no rows below it.');
  });
});

describe('member states', () => {
  it('a clean CSV creates, updates and skips by code, with an audit event per change', async () => {
    const audits = await count('auditEvents');
    const csv = [
      'status,code,name_ru,name_en',
      'observer,UZB,Узбекистан,Uzbekistan',
      ',ARM,,Republic of Armenia',
      'member,BLR,Государство BLR,State BLR',
      '',
    ].join('\r\n');
    const dry = await upload('member-states', csv, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect((dry.json() as Result).summary).toEqual({
      rows: 3,
      create: 1,
      update: 1,
      skip: 1,
      problems: 0,
    });
    expect(await count('memberStates')).toBe(6);

    const res = await upload('member-states', csv);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as Result;
    expect(result).toMatchObject({ written: true, dryRun: false, format: 'csv', problems: [] });
    const uzb = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/UZB' });
    expect(uzb.json()).toMatchObject({
      code: 'UZB',
      name: { en: 'Uzbekistan', ru: 'Узбекистан' },
      status: 'observer',
    });
    const arm = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/ARM' });
    // An empty cell leaves the stored value: the Russian name and the status stay.
    expect(arm.json()).toMatchObject({
      name: { en: 'Republic of Armenia', ru: 'Государство ARM' },
      status: 'member',
      version: 2,
    });
    expect(await count('auditEvents')).toBe(audits + 2);
  });
});

describe('Idempotency-Key on an upload', () => {
  it('replays the first answer for the same file, and refuses another file with the key', async () => {
    const csv = (name: string) => `code,name_en,status\r\nMNG,${name},observer\r\n`;
    const first = await upload('member-states', csv('Mongolia'), { idempotencyKey: 'imp-1' });
    expect(first.statusCode, first.body).toBe(200);
    const audits = await count('auditEvents');
    const states = await count('memberStates');

    // The same file again (multipart framing differs per request; the key judges the content).
    const again = await upload('member-states', csv('Mongolia'), { idempotencyKey: 'imp-1' });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    // Another file with the same key: refused before anything is read into the directory.
    const other = await upload('member-states', csv('Mongolia (renamed)'), {
      idempotencyKey: 'imp-1',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ detail: expect.stringContaining('different request') });
    const mng = await t.as('observer', { method: 'GET', url: '/api/v1/member-states/MNG' });
    expect(mng.json()).toMatchObject({ name: { en: 'Mongolia' }, version: 1 });
    expect(await count('auditEvents')).toBe(audits);
    expect(await count('memberStates')).toBe(states);
  });
});

describe('persons', () => {
  it('a dry run lists every problem of every row, in the caller’s language, and writes nothing', async () => {
    const persons = await count('persons');
    const audits = await count('auditEvents');
    const csv = [
      'name_en,name_ru,member_state,position_en',
      'Ivan Petrov,Иван Петров,XXX,Minister',
      ',,ARM,Deputy',
      'Anna Sidorova,,arm,Expert',
      'Good Person,,KAZ,Director',
      'good person,,KAZ,Director',
      `Long Position,,BLR,${'x'.repeat(1001)}`,
    ].join('\n');
    const res = await upload('persons', csv, { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as Result;
    expect(result.written).toBe(false);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'member_state'],
      [3, 'name_en'],
      [4, 'member_state'],
      [6, 'name_en'],
      [7, 'position_en'],
    ]);
    expect(result.problems[0]?.message).toBe('No such member state');
    expect(result.problems[3]?.message).toBe('The same record as row 5');
    expect(result.summary).toEqual({ rows: 6, create: 1, update: 0, skip: 0, problems: 5 });
    expect(await count('persons')).toBe(persons);
    expect(await count('auditEvents')).toBe(audits);

    const ru = (await upload('persons', csv, { dryRun: true, lang: 'ru' })).json() as Result;
    expect(ru.problems[0]?.message).toBe('Такого государства-члена нет');
    expect(ru.problems[3]?.message).toBe('Та же запись, что в строке 5');
  });

  it('a file with one bad row writes nothing: 422 with the same list', async () => {
    const persons = await count('persons');
    const audits = await count('auditEvents');
    const csv = 'name_en,member_state\nFirst Good,ARM\nSecond Good,BLR\nBad State,ZZZ\n';
    const res = await upload('persons', csv);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as Result;
    expect(body.code).toBe('unprocessable');
    expect(body.written).toBe(false);
    expect(body.problems).toEqual([
      { row: 4, column: 'member_state', message: 'No such member state' },
    ]);
    expect(body.summary).toMatchObject({ rows: 3, create: 2, problems: 1 });
    expect(await count('persons')).toBe(persons);
    expect(await count('auditEvents')).toBe(audits);
  });

  it('matches by member state and name: a second import updates instead of duplicating', async () => {
    const first = await upload(
      'persons',
      'name_en;name_ru;member_state;position_en\nPetr Ivanov;Пётр Иванов;ARM;Minister\nNo State;;;\n',
    );
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as Result).summary).toMatchObject({ create: 2 });
    // By the Russian name alone, and with a new position.
    const second = await upload(
      'persons',
      'name_ru,member_state,position_ru\nпётр иванов,ARM,Министр\nПётр Иванов,BLR,\n',
    );
    expect(second.statusCode, second.body).toBe(200);
    expect((second.json() as Result).summary).toMatchObject({ create: 1, update: 1 });
    const [petr, ...others] = await personsNamed('Petr Ivanov');
    expect(others).toHaveLength(0);
    expect(JSON.parse(petr?.position ?? 'null')).toEqual({ en: 'Minister', ru: 'Министр' });
    expect(petr?.version).toBe(2);
    const events = await t.handle.db
      .selectFrom('auditEvents')
      .select(['action'])
      .where('entityType', '=', 'person')
      .where('entityId', '=', petr?.id as string)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('stores formula-like values as the text given, neither stripped nor evaluated', async () => {
    const res = await upload(
      'persons',
      'name_en,member_state\n"=HYPERLINK(""http://x"",""y"")",TJK\n@SUM(1+2),TJK\n',
    );
    expect(res.statusCode, res.body).toBe(200);
    const stored = await t.handle.db
      .selectFrom('persons')
      .select('name')
      .where('memberState', '=', 'TJK')
      .execute();
    expect(stored.map((s) => JSON.parse(s.name).en).sort()).toEqual([
      '=HYPERLINK("http://x","y")',
      '@SUM(1+2)',
    ]);
  });
});

describe('organizations from XLSX', () => {
  it('reads the first sheet, columns in any order, formulas kept as text', async () => {
    const file = await workbook([
      ['kind', 'member_state', 'name_en', 'name_ru'],
      ['enterprise', 'KAZ', 'Kazakh Works', 'Казахский завод'],
      ['institute', 'KGZ', { formula: 'CONCAT("Evil","Corp")', result: 'EvilCorp' }, null],
    ]);
    const dry = await upload('organizations', file, { name: 'orgs.xlsx', dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ format: 'xlsx', summary: { create: 2, problems: 0 } });
    const res = await upload('organizations', file, { name: 'orgs.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const list = await t.as('observer', {
      method: 'GET',
      url: '/api/v1/organizations?memberState=KGZ',
    });
    expect((list.json() as { items: { name: { en: string } }[] }).items[0]?.name.en).toBe(
      '=CONCAT("Evil","Corp")',
    );

    const again = await upload(
      'organizations',
      await workbook([
        ['name_en', 'member_state', 'kind'],
        ['KAZAKH WORKS', 'KAZ', 'agency'],
      ]),
      { name: 'orgs.xlsx' },
    );
    expect((again.json() as Result).summary).toMatchObject({ update: 1, create: 0 });
    const kaz = await t.as('observer', {
      method: 'GET',
      url: '/api/v1/organizations?memberState=KAZ',
    });
    const items = (kaz.json() as { items: { kind: string; name: { en: string } }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'agency', name: { en: 'KAZAKH WORKS' } });
  });

  it('reports a bad header on row 1 and checks no row', async () => {
    const file = await workbook([
      ['name', 'member_state', 'member_state'],
      ['X', 'KAZ', 'KAZ'],
    ]);
    const res = await upload('organizations', file, { name: 'orgs.xlsx', dryRun: true });
    const result = res.json() as Result;
    expect(result.problems.every((p) => p.row === 1)).toBe(true);
    expect(result.problems.map((p) => p.column)).toEqual(['name', 'member_state', null, 'kind']);
    expect(result.summary).toMatchObject({ rows: 1, create: 0, problems: 1 });
  });
});

describe('hostile files', () => {
  it('refuses a file that is neither CSV nor XLSX with 415', async () => {
    expect((await upload('persons', PNG, { name: 'photo.png' })).statusCode).toBe(415);
    expect((await upload('persons', PNG, { name: 'people.csv' })).statusCode).toBe(415);
    expect((await upload('persons', 'name_en\nX\n', { name: 'people.xlsx' })).statusCode).toBe(415);
    const json = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/imports/persons',
      payload: { name_en: 'X' },
    });
    expect(json.statusCode).toBe(415);
  });

  it('refuses a file over the limit with 413, and writes nothing', async () => {
    const persons = await count('persons');
    const big = `name_en\n${'A long name of somebody\n'.repeat(260_000)}`;
    const res = await upload('persons', big);
    expect(res.statusCode).toBe(413);
    expect(await count('persons')).toBe(persons);
  });

  it('answers a malformed CSV with 400 and where it broke', async () => {
    const res = await upload('persons', 'name_en,member_state\nOk,ARM\n"Broken,ARM\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(
      'The CSV file is not well-formed at line 3: a quoted value is not closed.',
    );
  });

  it('flags values standing in columns without a header, once per row', async () => {
    const res = await upload('persons', 'name_en,member_state\nStray Values,ARM,extra,more\n', {
      dryRun: true,
    });
    const result = res.json() as Result;
    expect(result.problems).toEqual([
      { row: 2, column: null, message: 'A value stands in a column without a header' },
    ]);
    expect(result.summary).toMatchObject({ rows: 1, create: 0, problems: 1 });
  });

  it('answers an empty file, or a request without a file, with 400', async () => {
    for (const content of ['', '\uFEFF', '  \n\n']) {
      const res = await upload('persons', content);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toBe('The file is empty.');
    }
    const other = await upload('persons', 'name_en\nX\n', { field: 'attachment' });
    expect(other.statusCode).toBe(400);
  });
});
