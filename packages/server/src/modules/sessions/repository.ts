import type {
  AgendaItem,
  DecisionCreate,
  LocalizedText,
  Proposal,
  ProposalPosition,
  ProposalProcedure,
  ProposalStatePosition,
  ProposalStatus,
} from '@plenum/shared';
import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { DialectName } from '../../db/dialect.ts';
import type {
  MeetingSessionColumns,
  ProposalPositionTable,
  ProposalTable,
  SessionDatabase,
} from '../../db/tables/sessions.ts';
import type { Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';

/** The database with the meetings' session columns typed (see db/tables/sessions.ts). */
type SDb = Kysely<SessionDatabase> | Transaction<SessionDatabase>;
const s = (db: Tx): SDb => db as unknown as SDb;

export type ProposalRow = Selectable<ProposalTable> & { decisionNumber: string | null };
export type PositionRow = Selectable<ProposalPositionTable>;

// ---- Meetings in session -----------------------------------------------------------------------

export interface SessionMeetingRow {
  id: string;
  bodyId: string;
  number: number;
  status: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  currentAgendaItemId: string | null;
  currentProposalId: string | null;
  sessionOpenedAt: string | null;
  sessionClosedAt: string | null;
  sessionVersion: number;
}

const sessionColumns = [
  'id',
  'bodyId',
  'number',
  'status',
  'startDate',
  'endDate',
  'timeZone',
  'currentAgendaItemId',
  'currentProposalId',
  'sessionOpenedAt',
  'sessionClosedAt',
  'sessionVersion',
] as const;

export async function findSessionMeeting(
  db: Tx,
  id: string,
): Promise<SessionMeetingRow | undefined> {
  return s(db)
    .selectFrom('meetings')
    .select(sessionColumns)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The meeting's session columns, the row locked on PostgreSQL (SQLite serializes writers). */
export async function lockSessionMeeting(
  trx: Tx,
  dialect: DialectName,
  id: string,
): Promise<SessionMeetingRow | undefined> {
  let query = s(trx).selectFrom('meetings').select(sessionColumns).where('id', '=', id);
  if (dialect === 'postgres') {
    query = query.forUpdate();
  }
  return query.executeTakeFirst();
}

/** Writes session columns if the session version is still `version`; the rows changed. */
export async function updateSession(
  trx: Tx,
  id: string,
  version: number,
  values: Updateable<MeetingSessionColumns>,
): Promise<number> {
  const result = await s(trx)
    .updateTable('meetings')
    .set({ ...values, sessionVersion: version + 1 })
    .where('id', '=', id)
    .where('sessionVersion', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The quorum rule of the meeting's body: a number of member states, or null for all of them. */
export async function findMeetingQuorum(db: Tx, meetingId: string): Promise<number | null> {
  const row = await db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select('bodies.quorum')
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
  return row?.quorum ?? null;
}

/** The member states whose presence makes the quorum: status member, in code order. */
export async function listMemberStates(db: Tx): Promise<{ code: string; name: LocalizedText }[]> {
  const rows = await db
    .selectFrom('memberStates')
    .select(['code', 'name'])
    .where('status', '=', 'member')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: parseText(r.name) }));
}

export async function findMemberState(
  db: Tx,
  code: string,
): Promise<{ code: string; status: string } | undefined> {
  return db
    .selectFrom('memberStates')
    .select(['code', 'status'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function listAttendance(
  db: Tx,
  meetingId: string,
): Promise<{ memberState: string; present: number; recordedAt: string }[]> {
  return db
    .selectFrom('meetingAttendance')
    .select(['memberState', 'present', 'recordedAt'])
    .where('meetingId', '=', meetingId)
    .execute();
}

export async function upsertAttendance(
  trx: Tx,
  row: {
    meetingId: string;
    memberState: string;
    present: number;
    recordedAt: string;
    recordedBy: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('meetingAttendance')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['meetingId', 'memberState']).doUpdateSet({
        present: row.present,
        recordedAt: row.recordedAt,
        recordedBy: row.recordedBy,
      }),
    )
    .execute();
}

export async function findAgendaItem(
  db: Tx,
  meetingId: string,
  id: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('agendaItems')
    .select('id')
    .where('id', '=', id)
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
}

export async function findBody(db: Tx, id: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('bodies').select('id').where('id', '=', id).executeTakeFirst();
}

/** The body's meetings that were not cancelled, by start date. */
export async function listBodyMeetings(
  db: Tx,
  bodyId: string,
): Promise<{ id: string; startDate: string; status: string }[]> {
  return db
    .selectFrom('meetings')
    .select(['id', 'startDate', 'status'])
    .where('bodyId', '=', bodyId)
    .where('status', '<>', 'cancelled')
    .orderBy('startDate')
    .orderBy('id')
    .execute();
}

// ---- Proposals ---------------------------------------------------------------------------------

function proposalsQuery(db: Tx) {
  return s(db)
    .selectFrom('proposals')
    .leftJoin('decisions', 'decisions.id', 'proposals.decisionId')
    .selectAll('proposals')
    .select('decisions.number as decisionNumber');
}

export async function findProposal(db: Tx, id: string): Promise<ProposalRow | undefined> {
  return proposalsQuery(db).where('proposals.id', '=', id).executeTakeFirst();
}

/** The proposal row locked on PostgreSQL, for a change that depends on its positions. */
export async function lockProposal(
  trx: Tx,
  dialect: DialectName,
  id: string,
): Promise<Selectable<ProposalTable> | undefined> {
  let query = trx.selectFrom('proposals').selectAll().where('id', '=', id);
  if (dialect === 'postgres') {
    query = query.forUpdate();
  }
  return query.executeTakeFirst();
}

export async function listMeetingProposals(db: Tx, meetingId: string): Promise<ProposalRow[]> {
  return proposalsQuery(db)
    .where('proposals.meetingId', '=', meetingId)
    .orderBy('proposals.createdAt')
    .orderBy('proposals.id')
    .execute();
}

export interface ProposalFilters {
  procedure?: ProposalProcedure;
  status?: ProposalStatus;
  bodyId?: string;
  meetingId?: string;
}

/** Newest first (ids are time-ordered UUID v7), keyset after `after`. */
export async function listProposals(
  db: Tx,
  f: ProposalFilters,
  after: string | null,
  limit: number,
): Promise<ProposalRow[]> {
  let query = proposalsQuery(db);
  if (f.procedure) {
    query = query.where('proposals.procedure', '=', f.procedure);
  }
  if (f.status) {
    query = query.where('proposals.status', '=', f.status);
  }
  if (f.bodyId) {
    query = query.where('proposals.bodyId', '=', f.bodyId);
  }
  if (f.meetingId) {
    query = query.where('proposals.meetingId', '=', f.meetingId);
  }
  if (after) {
    query = query.where('proposals.id', '<', after);
  }
  return query
    .orderBy('proposals.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function insertProposal(trx: Tx, row: Selectable<ProposalTable>): Promise<void> {
  await trx.insertInto('proposals').values(row).execute();
}

/**
 * Changes a proposal only if it is still open at `version`: the claim that makes an adoption, a
 * rejection or a withdrawal happen once however many callers try at the same moment.
 */
export async function updateOpenProposal(
  trx: Tx,
  id: string,
  version: number | null,
  values: Updateable<ProposalTable>,
): Promise<number> {
  let query = trx
    .updateTable('proposals')
    .set(values)
    .where('id', '=', id)
    .where('status', '=', 'open');
  if (version !== null) {
    query = query.where('version', '=', version);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Open written proposals whose deadline is at or before `now`. */
export async function listDueWrittenProposals(db: Tx, now: string): Promise<{ id: string }[]> {
  return db
    .selectFrom('proposals')
    .select('id')
    .where('procedure', '=', 'written')
    .where('status', '=', 'open')
    .where('deadline', '<=', now)
    .orderBy('deadline')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function listPositions(db: Tx, proposalIds: string[]): Promise<PositionRow[]> {
  if (proposalIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('proposalPositions')
    .selectAll()
    .where('proposalId', 'in', proposalIds)
    .orderBy('memberState')
    .execute();
}

export async function upsertPosition(trx: Tx, row: PositionRow): Promise<void> {
  await trx
    .insertInto('proposalPositions')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['proposalId', 'memberState']).doUpdateSet({
        position: row.position,
        reservation: row.reservation,
        recordedBy: row.recordedBy,
        recordedByName: row.recordedByName,
        recordedAt: row.recordedAt,
      }),
    )
    .execute();
}

/** The document a proposal may come from: its kind, status and whether it exists. */
export async function findDocument(
  db: Tx,
  id: string,
): Promise<{ id: string; kind: string; status: string } | undefined> {
  return db
    .selectFrom('documents')
    .select(['id', 'kind', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The next number of the body's written-procedure sequence of a year: `WP-{year}/{n}`. The caller
 * locks the body row (PostgreSQL) and the unique (body, number) constraint backs it up.
 */
export async function nextWrittenNumber(
  trx: Tx,
  dialect: DialectName,
  bodyId: string,
  year: string,
): Promise<string> {
  if (dialect === 'postgres') {
    await sql`select id from bodies where id = ${bodyId} for update`.execute(trx);
  }
  const prefix = `WP-${year}/`;
  const rows = await trx
    .selectFrom('decisions')
    .select('number')
    .where('bodyId', '=', bodyId)
    .where('number', 'like', `${prefix}%`)
    .execute();
  let max = 0;
  for (const r of rows) {
    const n = Number(r.number.slice(prefix.length));
    if (Number.isInteger(n) && n > max) {
      max = n;
    }
  }
  return `${prefix}${max + 1}`;
}

/** Every decision a body adopted by written procedure, by adoption date. */
export async function listWrittenDecisions(
  db: Tx,
  bodyId: string,
): Promise<
  {
    decisionId: string;
    number: string;
    kind: string;
    title: string;
    adoptedOn: string;
    proposalId: string;
  }[]
> {
  return s(db)
    .selectFrom('proposals')
    .innerJoin('decisions', 'decisions.id', 'proposals.decisionId')
    .select([
      'decisions.id as decisionId',
      'decisions.number',
      'decisions.kind',
      'decisions.title',
      'decisions.adoptedOn',
      'proposals.id as proposalId',
    ])
    .where('proposals.procedure', '=', 'written')
    .where('proposals.status', '=', 'adopted')
    .where('proposals.bodyId', '=', bodyId)
    .orderBy('decisions.adoptedOn')
    .orderBy('decisions.number')
    .execute();
}

/** Adopted proposals of decisions, with their positions: what the minutes add per decision. */
export async function findProposalsOfDecisions(
  db: Tx,
  decisionIds: string[],
): Promise<{ id: string; decisionId: string }[]> {
  if (decisionIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'decisionId'])
    .where('decisionId', 'in', decisionIds)
    .execute();
  return rows.flatMap((r) => (r.decisionId ? [{ id: r.id, decisionId: r.decisionId }] : []));
}

// ---- Mappers -----------------------------------------------------------------------------------

export function mapPosition(row: PositionRow): ProposalStatePosition {
  return {
    memberState: row.memberState,
    position: row.position as ProposalPosition,
    reservation: parseTextOrNull(row.reservation),
    recordedAt: row.recordedAt,
    recordedBy: row.recordedByName,
  };
}

export function mapProposal(
  row: ProposalRow,
  positions: PositionRow[],
  outcome: Proposal['outcome'],
): Proposal {
  return {
    id: row.id,
    procedure: row.procedure as ProposalProcedure,
    bodyId: row.bodyId,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    documentId: row.documentId,
    kind: row.kind as DecisionCreate['kind'],
    title: parseText(row.title),
    text: parseText(row.text),
    status: row.status as ProposalStatus,
    deadline: row.deadline,
    decisionId: row.decisionId,
    decisionNumber: row.decisionNumber,
    positions: positions.map(mapPosition),
    outcome,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type AgendaItemKind = AgendaItem['kind'];
