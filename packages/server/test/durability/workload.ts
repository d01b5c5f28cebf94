import { createHash, randomBytes } from 'node:crypto';

/**
 * The load of a durability round and the ledger of what it was promised. Each writer owns the
 * resources it created, so the writes to one resource happen one after another: after a kill a
 * resource shows either its last acknowledged state or the state of the one write that was in
 * flight (unknown), never anything else.
 */

export type Json = Record<string, unknown>;

export type Kind =
  | 'news'
  | 'meeting'
  | 'agendaItem'
  | 'document'
  | 'documentVersion'
  | 'file'
  | 'attachment'
  | 'decision'
  | 'assignment'
  | 'report'
  /** A POST with an Idempotency-Key that was answered: repeating it must replay that answer. */
  | 'replay';

/** A resource whose creation (or last change) the server answered with a 2xx. */
export interface Tracked {
  kind: Kind;
  /** Its id (a file: its SHA-256). */
  id: string;
  /** Where it is read (API path below /api/v1). */
  path: string;
  /** The writer that created it; only that writer changes it. */
  owner: number;
  /** The acknowledged version (versioned resources), at least what the server holds. */
  version: number | null;
  /** The acknowledged content: the fields the harness writes, as the server answered them. */
  content: Json;
  /** A change in flight when the server died: it may or may not have been committed. */
  pending: Json | null;
  /** Identifiers for resources built on this one (meeting of an agenda item, and so on). */
  ref: Record<string, string>;
}

export interface Ledger {
  items: Tracked[];
  /** 2xx answers to writes, all rounds. */
  acknowledged: number;
  /** Writes whose answer never came (in flight at a kill). */
  unknown: number;
  /** Answers other than 2xx that the workload did not expect, with what was asked. */
  unexpected: string[];
  /** Counters that stay unique across rounds (meeting and decision numbers). */
  serial: number;
  /** POSTs with an Idempotency-Key that were in flight at a kill, to be repeated after it. */
  keysInFlight: { key: string; body: Json; owner: number }[];
}

export const newLedger = (): Ledger => ({
  items: [],
  acknowledged: 0,
  unknown: 0,
  unexpected: [],
  serial: 0,
  keysInFlight: [],
});

export interface Api {
  base: string;
  token: string;
}

export interface Answer {
  status: number;
  json: Json;
}

/** Thrown when the connection failed: the server is gone, the outcome of the write unknown. */
export class NoAnswer extends Error {}

export async function call(
  api: Api,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${api.base}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${api.token}`,
        ...(body !== undefined && !(body instanceof FormData)
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    text = await res.text();
  } catch (error) {
    throw new NoAnswer((error as Error).message);
  }
  let json: Json = {};
  try {
    json = text ? (JSON.parse(text) as Json) : {};
  } catch {
    json = { raw: text.slice(0, 200) };
  }
  return { status: res.status, json };
}

/** Bytes of a stored file, or null when it did not answer 200. */
export async function download(api: Api, sha256: string): Promise<Buffer | null> {
  const res = await fetch(`${api.base}/api/v1/files/${sha256}`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  if (res.status !== 200) {
    await res.body?.cancel();
    return null;
  }
  return Buffer.from(await res.arrayBuffer());
}

export const sha256Of = (bytes: Buffer | string) =>
  createHash('sha256').update(bytes).digest('hex');

/** The fields of a resource the harness writes and compares, read from an API answer. */
export function contentOf(kind: Kind, json: Json): Json {
  switch (kind) {
    case 'news':
      return { title: json.title, body: json.body };
    case 'meeting':
      return { number: json.number, startDate: json.startDate, notes: json.notes };
    case 'agendaItem':
      return { title: json.title };
    case 'document':
      return { title: json.title };
    case 'documentVersion':
      return { text: json.text, file: (json.file as Json | null)?.sha256 ?? null };
    case 'decision':
      return { number: json.number, title: json.title, text: json.text };
    case 'assignment':
      return { memberState: json.memberState };
    case 'report':
      return { status: json.status, text: json.text };
    case 'file':
    case 'attachment':
      return { sha256: json.sha256 };
    case 'replay':
      return { id: json.id };
  }
}

export const sameContent = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

const words = () => randomBytes(6).toString('hex');
const text = (label: string) => ({ en: `${label} ${words()}`, ru: `${label} ру ${words()}` });

/** What every writer needs: the API, the ledger, the body and state the records belong to. */
export interface LoadContext {
  api: Api;
  ledger: Ledger;
  bodyId: string;
  memberState: string;
  /** Set when the round is over (the server was killed): writers stop. */
  stopped: () => boolean;
}

export function track(
  ledger: Ledger,
  kind: Kind,
  path: string,
  owner: number,
  json: Json,
  ref: Record<string, string> = {},
): Tracked {
  const item: Tracked = {
    kind,
    id: String(json.id ?? json.sha256),
    path,
    owner,
    version: typeof json.version === 'number' ? json.version : null,
    content: contentOf(kind, json),
    pending: null,
    ref,
  };
  ledger.items.push(item);
  return item;
}

/**
 * Sends one write. A 2xx is counted and returned; a missing answer marks the round over for this
 * writer (NoAnswer propagates); any other status is recorded as unexpected and returns null.
 */
async function write(
  ctx: LoadContext,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Json | null> {
  let answer: Answer;
  try {
    answer = await call(ctx.api, method, path, body, headers);
  } catch (error) {
    if (error instanceof NoAnswer) {
      ctx.ledger.unknown++;
    }
    throw error;
  }
  if (answer.status >= 200 && answer.status < 300) {
    ctx.ledger.acknowledged++;
    return answer.json;
  }
  if (!ctx.stopped()) {
    ctx.ledger.unexpected.push(
      `${method} ${path} → ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`,
    );
  }
  return null;
}

/** Applies a change to a tracked resource: pending while in flight, acknowledged on a 2xx. */
async function change(ctx: LoadContext, item: Tracked, patch: Json, expected: Json): Promise<void> {
  item.pending = expected;
  const json = await write(ctx, 'PATCH', item.path, patch, {
    'if-match': `"${item.version}"`,
  });
  item.pending = null;
  if (json) {
    item.version = json.version as number;
    item.content = contentOf(item.kind, json);
  }
}

const mine = (ctx: LoadContext, owner: number, kind: Kind) =>
  ctx.ledger.items.filter((i) => i.owner === owner && i.kind === kind);

function pick<T>(list: T[]): T | undefined {
  return list[Math.floor(Math.random() * list.length)];
}

function textFile(): { bytes: Buffer; name: string } {
  const lines: string[] = [];
  const size = 2048 + Math.floor(Math.random() * 6144);
  let length = 0;
  while (length < size) {
    const line = `Line ${lines.length + 1}: ${randomBytes(24).toString('hex')}`;
    lines.push(line);
    length += line.length + 1;
  }
  return { bytes: Buffer.from(`${lines.join('\n')}\n`), name: `note-${words()}.txt` };
}

/** Uploads a few KB of text; the ledger keeps its SHA-256 once the server acknowledged it. */
async function upload(
  ctx: LoadContext,
  owner: number,
): Promise<{ sha256: string; name: string } | null> {
  const file = textFile();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'text/plain' }), file.name);
  const json = await write(ctx, 'POST', '/files', form);
  const sha256 = sha256Of(file.bytes);
  if (!json) {
    return null;
  }
  if (json.sha256 !== sha256) {
    ctx.ledger.unexpected.push(`POST /files answered sha256 ${json.sha256}, sent ${sha256}`);
  }
  track(ctx.ledger, 'file', `/files/${sha256}`, owner, { sha256 });
  return { sha256, name: file.name };
}

type Op = (ctx: LoadContext, owner: number) => Promise<void>;

const ops: { weight: number; run: Op }[] = [
  {
    weight: 3,
    run: async (ctx, owner) => {
      const body = { title: text('Durable news'), body: { en: `Body ${words()}` } };
      // Half of them with an Idempotency-Key, whose answer must outlive the kill as well.
      const key = Math.random() < 0.5 ? `durability-${words()}` : null;
      let json: Json | null;
      try {
        json = await write(ctx, 'POST', '/news', body, key ? { 'idempotency-key': key } : {});
      } catch (error) {
        if (key && error instanceof NoAnswer) {
          ctx.ledger.keysInFlight.push({ key, body, owner });
        }
        throw error;
      }
      if (json) {
        track(ctx.ledger, 'news', `/news/${json.id}`, owner, json);
        if (key) {
          const replay = track(ctx.ledger, 'replay', '/news', owner, json, { key });
          replay.content = { id: json.id, body };
        }
      }
    },
  },
  {
    weight: 3,
    run: async (ctx, owner) => {
      const item = pick(mine(ctx, owner, 'news'));
      if (item) {
        const title = text('Edited news');
        await change(ctx, item, { title }, { ...item.content, title });
      }
    },
  },
  {
    weight: 2,
    run: async (ctx, owner) => {
      const number = 1000 + ++ctx.ledger.serial;
      const meeting = await write(ctx, 'POST', '/meetings', {
        bodyId: ctx.bodyId,
        number,
        startDate: '2027-03-01',
        timeZone: 'Europe/Moscow',
      });
      if (!meeting) {
        return;
      }
      track(ctx.ledger, 'meeting', `/meetings/${meeting.id}`, owner, meeting, {
        meetingId: meeting.id as string,
      });
      for (let i = 0; i < 2 && !ctx.stopped(); i++) {
        const item = await write(ctx, 'POST', `/meetings/${meeting.id}/agenda-items`, {
          title: text('Agenda item'),
        });
        if (item) {
          track(
            ctx.ledger,
            'agendaItem',
            `/meetings/${meeting.id}/agenda-items/${item.id}`,
            owner,
            item,
            {
              meetingId: meeting.id as string,
              itemId: item.id as string,
            },
          );
        }
      }
    },
  },
  {
    weight: 2,
    run: async (ctx, owner) => {
      const item = pick(mine(ctx, owner, 'meeting'));
      if (item) {
        const notes = text('Notes');
        await change(ctx, item, { notes }, { ...item.content, notes });
      }
    },
  },
  {
    weight: 2,
    run: async (ctx, owner) => {
      const doc = await write(ctx, 'POST', '/documents', {
        title: text('Durable document'),
        kind: 'report',
        bodyId: ctx.bodyId,
      });
      if (!doc) {
        return;
      }
      const tracked = track(ctx.ledger, 'document', `/documents/${doc.id}`, owner, doc, {
        documentId: doc.id as string,
      });
      await addVersion(ctx, owner, tracked, { text: { en: `# Text\n\n${words()}` } });
    },
  },
  {
    weight: 2,
    run: async (ctx, owner) => {
      const item = pick(mine(ctx, owner, 'document'));
      if (item) {
        const title = text('Retitled document');
        await change(ctx, item, { title }, { ...item.content, title });
      }
    },
  },
  {
    weight: 3,
    run: async (ctx, owner) => {
      const file = await upload(ctx, owner);
      if (!file || ctx.stopped()) {
        return;
      }
      const agendaItem = pick(mine(ctx, owner, 'agendaItem'));
      const document = pick(mine(ctx, owner, 'document'));
      if (agendaItem && (Math.random() < 0.5 || !document)) {
        const { meetingId, itemId } = agendaItem.ref as { meetingId: string; itemId: string };
        const base = `/meetings/${meetingId}/agenda-items/${itemId}/attachments`;
        const json = await write(ctx, 'POST', base, { sha256: file.sha256, name: file.name });
        if (json) {
          track(ctx.ledger, 'attachment', base, owner, json);
        }
      } else if (document) {
        await addVersion(ctx, owner, document, { fileSha256: file.sha256, fileName: file.name });
      }
    },
  },
  {
    weight: 2,
    run: async (ctx, owner) => {
      const decision = await write(ctx, 'POST', '/decisions', {
        bodyId: ctx.bodyId,
        number: `DUR-${++ctx.ledger.serial}`,
        title: text('Durable decision'),
        text: { en: `Decides ${words()}` },
        adoptedOn: '2026-11-01',
      });
      if (!decision) {
        return;
      }
      const decisionId = decision.id as string;
      track(ctx.ledger, 'decision', `/decisions/${decisionId}`, owner, decision, { decisionId });
      if (ctx.stopped()) {
        return;
      }
      const assignment = await write(ctx, 'POST', `/decisions/${decisionId}/assignments`, {
        memberState: ctx.memberState,
        dueDate: '2027-06-30',
      });
      if (!assignment) {
        return;
      }
      track(
        ctx.ledger,
        'assignment',
        `/decisions/${decisionId}/assignments/${assignment.id}`,
        owner,
        assignment,
        { decisionId },
      );
      if (ctx.stopped()) {
        return;
      }
      const report = await write(ctx, 'POST', `/decisions/${decisionId}/reports`, {
        assignmentId: assignment.id,
        status: 'in_progress',
        text: { en: `Progress ${words()}` },
      });
      if (report) {
        track(ctx.ledger, 'report', `/decisions/${decisionId}/reports`, owner, report, {
          decisionId,
          reportId: report.id as string,
        });
      }
    },
  },
  {
    weight: 2,
    run: async (ctx, owner) => {
      const item = pick(mine(ctx, owner, 'decision'));
      if (item) {
        const title = text('Amended decision');
        await change(ctx, item, { title }, { ...item.content, title });
      }
    },
  },
];

/** A new version of an owned document; the document's own version moves on with it. */
async function addVersion(
  ctx: LoadContext,
  owner: number,
  document: Tracked,
  body: Json,
): Promise<void> {
  if (ctx.stopped()) {
    return;
  }
  const documentId = document.ref.documentId as string;
  const json = await write(ctx, 'POST', `/documents/${documentId}/versions`, body);
  if (json) {
    document.version = (document.version ?? 0) + 1;
    track(
      ctx.ledger,
      'documentVersion',
      `/documents/${documentId}/versions/${json.number}`,
      owner,
      json,
    );
  }
}

const totalWeight = ops.reduce((sum, op) => sum + op.weight, 0);

function chooseOp(): Op {
  let r = Math.random() * totalWeight;
  for (const op of ops) {
    r -= op.weight;
    if (r < 0) {
      return op.run;
    }
  }
  return (ops[0] as { run: Op }).run;
}

/** One writer: operations back to back until the round stops or the server stops answering. */
export async function writer(ctx: LoadContext, owner: number): Promise<void> {
  // Writers start with different operations, so even a short round sends every kind of write.
  let next: Op | null = (ops[(owner + ctx.ledger.serial) % ops.length] as { run: Op }).run;
  while (!ctx.stopped()) {
    try {
      const op = next ?? chooseOp();
      next = null;
      await op(ctx, owner);
    } catch (error) {
      if (error instanceof NoAnswer) {
        return;
      }
      if (!ctx.stopped()) {
        ctx.ledger.unexpected.push(`writer ${owner}: ${(error as Error).message}`);
      }
    }
  }
}
