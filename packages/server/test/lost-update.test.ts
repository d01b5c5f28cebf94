import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';

type Json = Record<string, unknown>;

/**
 * DESIGN §4 "Concurrency": a PATCH with a stale If-Match answers 412 and changes nothing, so
 * concurrent editors cannot overwrite each other unseen. Each scenario sends its requests at
 * once to a listening server (real connections, interleaved by the server, not one inject after
 * another), on the dialect of the run.
 */

const EDITORS = 10;

let t: TestApp;
let base: string;

interface Answer {
  status: number;
  json: Json;
  etag: string | null;
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${t.tokens.secretariat}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text ? (JSON.parse(text) as Json) : {},
    etag: res.headers.get('etag'),
  };
}

async function created(path: string, body: unknown): Promise<Json> {
  const res = await send('POST', path, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

/** The number of audit events of one record: every committed change appends exactly one. */
async function auditCount(entityId: string): Promise<number> {
  const rows = await t.handle.db
    .selectFrom('auditEvents')
    .select('seq')
    .where('entityId', '=', entityId)
    .execute();
  return rows.length;
}

interface Resource {
  name: string;
  /** Creates a fresh record and answers its path. */
  make: () => Promise<string>;
  /** A change of editor `i` (distinct per editor) and how to read that field back. */
  patch: (i: number) => Json;
  field: (json: Json) => unknown;
}

let bodyId: string;

const text = (s: string) => ({ en: s });

const resources: Resource[] = [
  {
    name: 'a news item',
    make: async () => `/news/${(await created('/news', { title: text('Contested news') })).id}`,
    patch: (i) => ({ title: text(`News title by editor ${i}`) }),
    field: (json) => json.title,
  },
  {
    name: 'a meeting',
    make: async () => {
      const meeting = await created('/meetings', {
        bodyId,
        startDate: '2027-05-10',
        timeZone: 'Europe/Moscow',
      });
      return `/meetings/${meeting.id}`;
    },
    patch: (i) => ({ notes: text(`Notes by editor ${i}`) }),
    field: (json) => json.notes,
  },
  {
    name: 'an agenda item',
    make: async () => {
      const meeting = await created('/meetings', {
        bodyId,
        startDate: '2027-06-10',
        timeZone: 'Europe/Moscow',
      });
      const item = await created(`/meetings/${meeting.id}/agenda-items`, {
        title: text('Contested item'),
      });
      return `/meetings/${meeting.id}/agenda-items/${item.id}`;
    },
    patch: (i) => ({ title: text(`Item title by editor ${i}`) }),
    field: (json) => json.title,
  },
  {
    name: 'a document',
    make: async () => {
      const doc = await created('/documents', {
        title: text('Contested document'),
        kind: 'report',
        bodyId,
      });
      return `/documents/${doc.id}`;
    },
    patch: (i) => ({ title: text(`Document title by editor ${i}`) }),
    field: (json) => json.title,
  },
  {
    name: 'a decision',
    make: async () => {
      const decision = await created('/decisions', {
        bodyId,
        number: `LU-${Math.random().toString(36).slice(2, 10)}`,
        title: text('Contested decision'),
        text: text('Decides.'),
        adoptedOn: '2026-10-01',
      });
      return `/decisions/${decision.id}`;
    },
    patch: (i) => ({ title: text(`Decision title by editor ${i}`) }),
    field: (json) => json.title,
  },
  {
    name: 'a body',
    make: async () => {
      const body = await created('/bodies', {
        slug: `contested-${Math.random().toString(36).slice(2, 10)}`,
        name: text('Contested body'),
        kind: 'working_group',
      });
      return `/bodies/${body.id}`;
    },
    patch: (i) => ({ name: text(`Body name by editor ${i}`) }),
    field: (json) => json.name,
  },
];

const idOf = (path: string) => path.split('/').pop() as string;

beforeAll(async () => {
  t = await createTestApp({ env: { PLENUM_JOB_INTERVAL_SECONDS: '0' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  bodyId = (
    await created('/bodies', {
      slug: 'lost-update-commission',
      name: text('Lost update commission'),
      kind: 'commission',
    })
  ).id as string;
});

afterAll(async () => {
  await t?.close();
});

describe('concurrent editors with If-Match', () => {
  for (const resource of resources) {
    it(`${resource.name}: exactly one of ${EDITORS} editors wins, the others get 412 and change nothing`, async () => {
      const path = await resource.make();
      // Every editor reads the record first, so all hold the same version…
      const reads = await Promise.all(Array.from({ length: EDITORS }, () => send('GET', path)));
      const version = reads[0]?.json.version as number;
      for (const read of reads) {
        expect(read.status).toBe(200);
        expect(read.json.version).toBe(version);
        expect(read.etag).toBe(`"${version}"`);
      }
      const auditBefore = await auditCount(idOf(path));
      // …then all send their change at the same moment with the version they read.
      const answers = await Promise.all(
        reads.map((read, i) =>
          send('PATCH', path, resource.patch(i), { 'if-match': read.etag as string }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      const winners = statuses.flatMap((s, i) => (s === 200 ? [i] : []));
      expect(winners, JSON.stringify(statuses)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(EDITORS - 1);
      for (const lost of answers.filter((a) => a.status === 412)) {
        expect(lost.json.status).toBe(412);
        expect(typeof lost.json.title).toBe('string');
      }
      const winner = winners[0] as number;
      expect(answers[winner]?.json.version).toBe(version + 1);

      const after = await send('GET', path);
      expect(after.json.version).toBe(version + 1);
      expect(resource.field(after.json)).toEqual(resource.field(answers[winner]?.json ?? {}));
      expect(resource.field(after.json)).toEqual(
        resource.patch(winner)[Object.keys(resource.patch(winner))[0] as string],
      );
      // The losers left no trace: one committed change, one audit event.
      expect(await auditCount(idOf(path))).toBe(auditBefore + 1);
    });
  }
});

describe('concurrent editors without If-Match', () => {
  for (const resource of resources) {
    it(`${resource.name}: every change answered 200 is its own version, none overwritten unseen`, async () => {
      const path = await resource.make();
      const before = await send('GET', path);
      const version = before.json.version as number;
      const auditBefore = await auditCount(idOf(path));
      const answers = await Promise.all(
        Array.from({ length: EDITORS }, (_, i) => send('PATCH', path, resource.patch(i))),
      );
      // The API accepts a missing If-Match, but a change is still applied at the version it was
      // built on: one that raced another answers 412 rather than overwriting it unseen.
      for (const answer of answers) {
        expect([200, 412], JSON.stringify(answer.json)).toContain(answer.status);
      }
      const won = answers.filter((a) => a.status === 200);
      expect(won.length).toBeGreaterThanOrEqual(1);
      const versions = won.map((a) => a.json.version as number).sort((a, b) => a - b);
      // Two successes on the same version would be a lost update: each must have its own.
      expect(versions).toEqual(won.map((_, i) => version + 1 + i));
      const after = await send('GET', path);
      expect(after.json.version).toBe(version + won.length);
      const last = won.find((a) => a.json.version === version + won.length) as Answer;
      expect(resource.field(after.json)).toEqual(resource.field(last.json));
      expect(await auditCount(idOf(path))).toBe(auditBefore + won.length);
    });
  }

  it('a news item: two editors changing different fields at once both keep their change', async () => {
    for (let round = 0; round < 5; round++) {
      const path = `/news/${(await created('/news', { title: text('Two fields') })).id}`;
      const [title, summary] = await Promise.all([
        send('PATCH', path, { title: text(`Title ${round}`) }),
        send('PATCH', path, { summary: text(`Summary ${round}`) }),
      ]);
      expect([200, 412]).toContain(title?.status);
      expect([200, 412]).toContain(summary?.status);
      const after = (await send('GET', path)).json;
      // A change answered 200 is there; one answered 412 is not (nothing half-applied).
      expect(after.title).toEqual(
        title?.status === 200 ? text(`Title ${round}`) : text('Two fields'),
      );
      expect(after.summary).toEqual(summary?.status === 200 ? text(`Summary ${round}`) : null);
      expect(after.version).toBe(
        1 + (title?.status === 200 ? 1 : 0) + (summary?.status === 200 ? 1 : 0),
      );
    }
  });
});

describe('concurrent appends that count (no lost increment)', () => {
  it(`${EDITORS} versions added to one document at once are numbered 1…${EDITORS}, none lost`, async () => {
    const doc = await created('/documents', {
      title: text('Counted document'),
      kind: 'report',
      bodyId,
    });
    const answers = await Promise.all(
      Array.from({ length: EDITORS }, (_, i) =>
        send('POST', `/documents/${doc.id}/versions`, { text: text(`Version text ${i}`) }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(EDITORS).fill(201));
    const numbers = answers.map((a) => a.json.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: EDITORS }, (_, i) => i + 1));
    // Each number holds the text of the request that was answered with it.
    for (const answer of answers) {
      const read = await send('GET', `/documents/${doc.id}/versions/${answer.json.number}`);
      expect(read.json.text).toEqual(answer.json.text);
    }
    const after = (await send('GET', `/documents/${doc.id}`)).json;
    expect(after.latestVersion).toBe(EDITORS);
    expect(after.version).toBe((doc.version as number) + EDITORS);
  });

  it(`${EDITORS} decisions of one meeting created at once get distinct ordinals`, async () => {
    const meeting = await created('/meetings', {
      bodyId,
      startDate: '2027-07-01',
      timeZone: 'Europe/Moscow',
    });
    const answers = await Promise.all(
      Array.from({ length: EDITORS }, (_, i) =>
        send('POST', '/decisions', {
          bodyId,
          meetingId: meeting.id,
          title: text(`Ordinal ${i}`),
          text: text('Decides.'),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(EDITORS).fill(201));
    const numbers = new Set(answers.map((a) => a.json.number));
    expect(numbers.size).toBe(EDITORS);
    const list = await send('GET', `/decisions?meetingId=${meeting.id}&limit=50`);
    expect((list.json.items as Json[]).length).toBe(EDITORS);
  });
});
