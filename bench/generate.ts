/**
 * The bench's data generator: fills a fresh database at DESIGN §6 scale (commission scale ×10).
 *
 * Each area is one function of the `AREAS` list; it reads what earlier areas produced from the
 * shared `Generation` (states, bodies, persons, meetings …), streams its rows to `insertRows`
 * (multi-row INSERTs inside transactions, with a progress line per table) and records what later
 * areas need. Rows are shaped exactly as the services write them: LocalizedText as JSON text,
 * `search_text` lower-cased by the server's own `searchText`, version 1, ISO timestamps, UUID v7
 * ids from `newId`. Adding an area (registers, consultations) is one more function appended to
 * `AREAS`.
 *
 * Run on its own: `node --import tsx bench/generate.ts [--pg[=URL]] [--out FILE] [--scale N]`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ASSIGNMENT_STATUSES,
  CLOSED_ASSIGNMENT_STATUSES,
  type LocalizedText,
  toRoman,
} from '@plenum/shared';
import { type Insertable, type InsertObject, sql } from 'kysely';
import type { Database } from '../packages/server/src/db/database.ts';
import type { Db, DialectName } from '../packages/server/src/db/dialect.ts';
import { createToken } from '../packages/server/src/modules/auth/service.ts';
import { decisionStatusSql } from '../packages/server/src/modules/decisions/repository.ts';
import { sortKey } from '../packages/server/src/modules/directory/service.ts';
import { meetingName } from '../packages/server/src/modules/meetings/repository.ts';
import { firstFreeSlug, slugify } from '../packages/server/src/modules/news/slug.ts';
import { reindex, reindexAll } from '../packages/server/src/modules/search/indexer.ts';
import { insertUser } from '../packages/server/src/modules/users/service.ts';
import { hashPassword } from '../packages/server/src/platform/auth.ts';
import type { Actor } from '../packages/server/src/platform/context.ts';
import { newId } from '../packages/server/src/platform/ids.ts';
import { renderLocalizedMarkdown } from '../packages/server/src/platform/markdown.ts';
import { searchText, storeText } from '../packages/server/src/platform/text.ts';
import {
  AGENDA_TOPICS,
  COMMISSIONS,
  COUNCILS,
  DECISION_CLOSING,
  DECISION_POINTS,
  DECISION_TITLES,
  DECISION_TOPICS,
  DOCUMENT_LIST_ITEMS,
  DOCUMENT_SECTIONS,
  DOCUMENT_SENTENCES,
  DOCUMENT_TITLES,
  FIRST_NAMES,
  GROUP_SUBJECTS,
  LAST_NAMES,
  ORGANIZATION_FIELDS,
  type Pair,
  POSITIONS,
  REPORT_TEXTS,
  STATES,
  STATUTORY_BODIES,
  type StateEntry,
  VENUES,
  VERSION_NOTES,
} from './data/catalog.ts';
import { openFreshDatabase, pgUrlFromArgs } from './lib/database.ts';
import { formatCount, formatSeconds, Progress } from './lib/progress.ts';
import { Random } from './lib/random.ts';

// ---- Scale (DESIGN §6) -----------------------------------------------------------------------

/** Row counts at scale 1: the seed's commission ×10. */
export const SCALE = {
  persons: 5_000,
  secretariatStaff: 40,
  organizations: 2_000,
  meetings: 500,
  participantsPerMeeting: 20,
  /** Meetings per body over the ten years, by kind; working groups share the rest. */
  meetingsPerStatutoryBody: 12,
  meetingsPerCommission: 20,
  meetingsPerCouncil: 14,
  years: 10,
  /** Adopted at the held meetings; DESIGN §6. */
  decisions: 50_000,
  /** Decisions of the statutory bodies assigned to commissions (as well as to member states). */
  statutoryDecisionsForCommissions: 300,
  implementationReports: 300_000,
  /** DESIGN §6; each with one to three versions. */
  documents: 50_000,
} as const;

export interface GenerateOptions {
  /** Multiplies the scaled counts (persons, organizations, meetings); 1 is DESIGN §6 scale. */
  scale: number;
  /** Seed of the pseudo-random choices, so that runs generate the same shapes. */
  seed: number;
  /** "Today" of the dataset: the ten years of meetings end half a year after it. */
  today: Date;
}

export const DEFAULT_OPTIONS: GenerateOptions = { scale: 1, seed: 21, today: new Date() };

// ---- What areas share ------------------------------------------------------------------------

export interface StateRef extends StateEntry {
  status: 'member' | 'observer' | 'former';
}
export interface BodyRef {
  id: string;
  slug: string;
  kind: 'statutory_body' | 'commission' | 'council' | 'working_group' | 'secretariat';
  name: Pair;
  genitive: Pair;
  parentId: string | null;
  established: string;
}
export interface PersonRef {
  id: string;
  name: Pair;
  memberState: string | null;
}
export interface SeatRef {
  personId: string;
  bodyId: string;
  role: string;
  memberState: string | null;
  from: string | null;
  to: string | null;
}
export interface MeetingRef {
  id: string;
  body: BodyRef;
  number: number;
  status: string;
  startDate: string;
  endDate: string;
  hostState: string;
  chairPersonId: string | null;
  createdAt: string;
}

/** The state of one generation run: its database, its random source and what areas made. */
export interface Generation {
  db: Db;
  dialect: DialectName;
  rng: Random;
  progress: Progress;
  scale: number;
  /** Midnight UTC of the dataset's today. */
  today: Date;
  /** The first day of the ten years. */
  windowStart: Date;
  /** When the directory was set up: a month before the window. */
  setupAt: string;
  setupAtDate: Date;
  counts: Record<string, number>;
  states: StateRef[];
  bodies: BodyRef[];
  persons: PersonRef[];
  personsByState: Map<string, PersonRef[]>;
  secretariatStaff: PersonRef[];
  seats: SeatRef[];
  meetings: MeetingRef[];
  /** Agenda items of kind `decision` (items and sub-items) per meeting id. */
  decisionItems: Map<string, string[]>;
  /** The delegate user of each member and observer state: who reports for it. */
  delegates: Map<string, { id: string; name: string }>;
  benchUser: { id: string; email: string; token: string } | null;
  /** A delegate with an API token, for searching with access lists applied. */
  benchDelegate: { id: string; memberState: string; token: string } | null;
  decisions: DecisionRef[];
  /** Assignments with their planned reports; emptied once the reports are in. */
  assignments: AssignmentRef[];
}

export interface Area {
  /** For the terminal. */
  name: string;
  run(g: Generation): Promise<void>;
}

// ---- Helpers ---------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + Math.round(days) * DAY_MS);
const text = (pair: Pair) => storeText({ en: pair[0], ru: pair[1] }) as string;
/** A timestamp on the given day, during office hours. */
const stampOn = (g: Generation, day: Date) =>
  new Date(day.getTime() + g.rng.int(7 * 60, 17 * 60) * 60_000).toISOString();
const scaled = (g: Generation, n: number) => Math.max(1, Math.round(n * g.scale));

type TableName = keyof Database & string;
type Row<T extends TableName> = Insertable<Database[T]>;

/** Rows per INSERT statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const MAX_PARAMS_PER_STATEMENT = 8_000;
const MAX_ROWS_PER_STATEMENT = 500;
/** Rows per transaction: large enough to be fast, small enough to keep the WAL in check. */
const ROWS_PER_TRANSACTION = 10_000;

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts a stream of rows into one table with multi-row INSERTs inside transactions, showing a
 * progress line for the table; `expected` sizes the progress bar.
 */
export async function insertRows<T extends TableName>(
  g: Generation,
  table: T,
  expected: number,
  rows: Iterable<Row<T>>,
): Promise<number> {
  const progress = g.progress.table(snakeCase(table), expected);
  const iterator = rows[Symbol.iterator]();
  let perStatement = 0;
  let exhausted = false;
  while (!exhausted) {
    await g.db.transaction().execute(async (trx) => {
      let inTransaction = 0;
      while (!exhausted && inTransaction < ROWS_PER_TRANSACTION) {
        const batch: Row<T>[] = [];
        while (batch.length < Math.max(perStatement, 1)) {
          const next = iterator.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          batch.push(next.value);
          if (perStatement === 0) {
            const columns = Object.keys(next.value).length;
            perStatement = Math.max(
              1,
              Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS_PER_STATEMENT / columns)),
            );
          }
        }
        if (batch.length > 0) {
          await trx
            .insertInto(table)
            .values(batch as unknown as InsertObject<Database, T>[])
            .execute();
          progress.add(batch.length);
          inTransaction += batch.length;
        }
      }
    });
  }
  const { rows: count } = progress.finish();
  g.counts[snakeCase(table)] = (g.counts[snakeCase(table)] ?? 0) + count;
  return count;
}

// ---- Areas -----------------------------------------------------------------------------------

/** 50 member states: 44 members, 4 observers, 2 former members. */
async function memberStates(g: Generation): Promise<void> {
  g.states = STATES.map((s, i) => ({
    ...s,
    status: i < 44 ? 'member' : i < 48 ? 'observer' : 'former',
  }));
  await insertRows(
    g,
    'memberStates',
    g.states.length,
    g.states.map((s) => ({
      code: s.code,
      name: text(s.name),
      status: s.status,
      searchText: searchText(s.code, { en: s.name[0], ru: s.name[1] }),
      version: 1,
      createdAt: g.setupAt,
      updatedAt: g.setupAt,
    })),
  );
}

const ICMEC_MANDATE: Pair = [
  'The Commission formulates recommendations and adopts decisions within its competence to ensure ' +
    'multilateral military-economic (technical) cooperation in priority areas:\n\n' +
    '- development and implementation of long-term programs of military-economic cooperation;\n' +
    '- cooperation in the production of military products;\n' +
    '- joint ventures for the development, production, modernization, repair and disposal of ' +
    'military products;\n' +
    '- joint research and development;\n' +
    '- standardization of weapons and military equipment;\n' +
    '- mutual protection of rights to the results of intellectual activity.',
  'Комиссия вырабатывает рекомендации и принимает решения в пределах своей компетенции по ' +
    'обеспечению многостороннего военно-экономического (военно-технического) сотрудничества в ' +
    'приоритетных направлениях:\n\n' +
    '- разработка и реализация долгосрочных программ военно-экономического сотрудничества;\n' +
    '- кооперация в производстве продукции военного назначения;\n' +
    '- совместные предприятия по разработке, производству, модернизации, ремонту и утилизации ' +
    'продукции военного назначения;\n' +
    '- совместные научно-исследовательские и опытно-конструкторские работы;\n' +
    '- стандартизация вооружения и военной техники;\n' +
    '- взаимная охрана прав на результаты интеллектуальной деятельности.',
];

/** About 60 bodies: statutory bodies, commissions, councils, working groups, the secretariat. */
async function bodies(g: Generation): Promise<void> {
  const { rng } = g;
  const rows: Row<'bodies'>[] = [];
  const add = (
    b: Omit<BodyRef, 'id' | 'established'> & {
      short: Pair | null;
      established: Date;
      establishedBy: Pair | null;
      mandate: Pair | null;
    },
  ): BodyRef => {
    const ref: BodyRef = {
      id: newId(),
      slug: b.slug,
      kind: b.kind,
      name: b.name,
      genitive: b.genitive,
      parentId: b.parentId,
      established: isoDate(b.established),
    };
    g.bodies.push(ref);
    rows.push({
      id: ref.id,
      slug: b.slug,
      name: text(b.name),
      nameGenitive: text(b.genitive),
      shortName: b.short ? text(b.short) : null,
      kind: b.kind,
      parentId: b.parentId,
      established: ref.established,
      establishedBy: b.establishedBy ? text(b.establishedBy) : null,
      mandate: b.mandate ? text(b.mandate) : null,
      searchText: searchText(
        { en: b.name[0], ru: b.name[1] },
        b.short ? { en: b.short[0], ru: b.short[1] } : null,
      ),
      sortKey: sortKey({ en: b.name[0], ru: b.name[1] }),
      version: 1,
      createdAt: g.setupAt,
      updatedAt: g.setupAt,
    });
    return ref;
  };
  const foundedBy = (parent: BodyRef, on: Date): Pair => {
    const [en, ru] = formatLongDate(on);
    return [`Decision of ${parent.genitive[0]} of ${en}`, `Решение ${parent.genitive[1]} от ${ru}`];
  };

  const statutory = STATUTORY_BODIES.map((s) =>
    add({
      slug: s.slug,
      kind: 'statutory_body',
      name: s.name,
      genitive: s.genitive,
      short: s.short,
      parentId: null,
      established: new Date(Date.UTC(2002, 9, 7)),
      establishedBy: ['Charter of the Organization', 'Устав Организации'],
      mandate: null,
    }),
  );
  const council = statutory[0] as BodyRef;
  const commissions = COMMISSIONS.map((c, i) => {
    const established =
      i === 0
        ? new Date(Date.UTC(2005, 5, 23))
        : new Date(Date.UTC(2005 + i * 2, rng.int(0, 11), 15));
    return add({
      slug: c.slug,
      kind: 'commission',
      name: [
        `Interstate Commission for ${c.subject[0]}`,
        `Межгосударственная комиссия по ${c.subject[1]}`,
      ],
      genitive: [
        `the Interstate Commission for ${c.subject[0]}`,
        `Межгосударственной комиссии по ${c.subject[1]}`,
      ],
      short: c.short,
      parentId: council.id,
      established,
      establishedBy: foundedBy(council, established),
      mandate:
        i === 0
          ? ICMEC_MANDATE
          : [
              `Cooperation of the member states in ${c.subject[0].toLowerCase()}.`,
              `Сотрудничество государств-членов по ${c.subject[1]}.`,
            ],
    });
  });
  // The first commission (the seed's ICMEC) has five councils, the others two each.
  const councils = COUNCILS.map((c, i) => {
    const parent = (i < 5 ? commissions[0] : commissions[1 + Math.floor((i - 5) / 2)]) as BodyRef;
    const established = addDays(new Date(`${parent.established}T00:00:00Z`), rng.int(200, 1500));
    return add({
      slug: `council-${c.slug}`,
      kind: 'council',
      name: [
        `Coordinating Council for ${c.subject[0]}`,
        `Координационный совет по ${c.subject[1]}`,
      ],
      genitive: [
        `the Coordinating Council for ${c.subject[0]}`,
        `Координационного совета по ${c.subject[1]}`,
      ],
      short: null,
      parentId: parent.id,
      established,
      establishedBy: foundedBy(parent, established),
      mandate: [
        `Reviews and coordinates documents on ${c.subject[0].toLowerCase()} before they go to the commission.`,
        `Рассматривает и согласовывает документы по ${c.subject[1]} до их внесения в комиссию.`,
      ],
    });
  });
  GROUP_SUBJECTS.forEach((s, i) => {
    (
      [
        ['wg', 'Working Group on', 'Рабочая группа по', 'Рабочей группы по'],
        ['eg', 'Expert Group on', 'Экспертная группа по', 'Экспертной группы по'],
      ] as const
    ).forEach(([prefix, en, ru, ruGenitive], j) => {
      const parent = councils[(i * 2 + j) % councils.length] as BodyRef;
      const established = addDays(g.windowStart, rng.int(-900, 1500));
      add({
        slug: `${prefix}-${s.slug}`,
        kind: 'working_group',
        name: [`${en} ${s.subject[0]}`, `${ru} ${s.subject[1]}`],
        genitive: [`the ${en} ${s.subject[0]}`, `${ruGenitive} ${s.subject[1]}`],
        short: null,
        parentId: parent.id,
        established,
        establishedBy: foundedBy(parent, established),
        mandate: null,
      });
    });
  });
  add({
    slug: 'secretariat',
    kind: 'secretariat',
    name: ['Secretariat', 'Секретариат'],
    genitive: ['the Secretariat', 'Секретариата'],
    short: null,
    parentId: (commissions[0] as BodyRef).id,
    established: new Date(Date.UTC(2005, 8, 1)),
    establishedBy: null,
    mandate: null,
  });
  await insertRows(g, 'bodies', rows.length, rows);
}

const MONTHS_RU = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
function formatLongDate(d: Date): Pair {
  const en = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return [en, `${d.getUTCDate()} ${MONTHS_RU[d.getUTCMonth()]} ${d.getUTCFullYear()} года`];
}

/** About 5,000 persons: delegates and experts of every state, and the secretariat's staff. */
async function persons(g: Generation): Promise<void> {
  const { rng } = g;
  // At least a few persons per state, so that every state can send a delegation.
  const total = Math.max(scaled(g, SCALE.persons), g.states.length * 4 + SCALE.secretariatStaff);
  const staff = Math.min(SCALE.secretariatStaff, Math.max(2, Math.round(total / 100)));
  const refs: { ref: PersonRef; position: Pair | null }[] = [];
  // The seed's chair and Secretary General come first.
  const seeded: [Pair, string | null, Pair][] = [
    [
      ['Denis Manturov', 'Денис Мантуров'],
      'RUS',
      [
        'Deputy Prime Minister – Minister of Industry and Trade',
        'Заместитель Председателя Правительства – Министр промышленности и торговли',
      ],
    ],
    [
      ['Imangali Tasmagambetov', 'Имангали Тасмагамбетов'],
      null,
      ['Secretary General', 'Генеральный секретарь'],
    ],
  ];
  for (const [name, memberState, position] of seeded) {
    refs.push({ ref: { id: newId(), name, memberState }, position });
  }
  const randomName = (): Pair => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    return [`${first[0]} ${last[0]}`, `${first[1]} ${last[1]}`];
  };
  for (let i = 1; i < staff; i++) {
    refs.push({
      ref: { id: newId(), name: randomName(), memberState: null },
      position: rng.pick(POSITIONS.slice(10)),
    });
  }
  for (let i = refs.length; i < total; i++) {
    const state = g.states[i % g.states.length] as StateRef;
    refs.push({
      ref: { id: newId(), name: randomName(), memberState: state.code },
      position: rng.chance(0.85) ? rng.pick(POSITIONS) : null,
    });
  }
  for (const { ref } of refs) {
    g.persons.push(ref);
    if (ref.memberState === null) {
      g.secretariatStaff.push(ref);
    } else {
      const list = g.personsByState.get(ref.memberState) ?? [];
      list.push(ref);
      g.personsByState.set(ref.memberState, list);
    }
  }
  await insertRows(
    g,
    'persons',
    refs.length,
    refs.map(({ ref, position }) => ({
      id: ref.id,
      name: text(ref.name),
      memberState: ref.memberState,
      position: position ? text(position) : null,
      searchText: searchText({ en: ref.name[0], ru: ref.name[1] }),
      sortKey: sortKey({ en: ref.name[0], ru: ref.name[1] }),
      version: 1,
      createdAt: g.setupAt,
      updatedAt: g.setupAt,
    })),
  );
}

/**
 * Memberships: every body's chair, deputies, secretary, one member per represented state, its
 * experts and observers; a quarter of the seats changed hands during the ten years (the former
 * holder's membership ends the day the new one's begins).
 */
async function memberships(g: Generation): Promise<void> {
  const { rng } = g;
  const members = g.states.filter((s) => s.status === 'member');
  const observers = g.states.filter((s) => s.status === 'observer');
  const personOf = (code: string) => rng.pick(g.personsByState.get(code) ?? g.secretariatStaff);
  const windowEnd = addDays(g.today, 182);
  const seat = (bodyId: string, role: string, person: PersonRef, established: string) => {
    const from = new Date(`${established}T00:00:00Z`);
    const start = from < g.windowStart ? addDays(g.windowStart, -rng.int(0, 400)) : from;
    if (role === 'chair' || rng.chance(0.25)) {
      // The seat changed hands at some point of the ten years.
      const span = Math.round((windowEnd.getTime() - start.getTime()) / DAY_MS);
      const change = addDays(start, rng.int(200, Math.max(201, span - 200)));
      const successor = person.memberState
        ? personOf(person.memberState)
        : rng.pick(g.secretariatStaff);
      g.seats.push(
        {
          personId: person.id,
          bodyId,
          role,
          memberState: person.memberState,
          from: isoDate(start),
          to: isoDate(change),
        },
        {
          personId: successor.id,
          bodyId,
          role,
          memberState: successor.memberState,
          from: isoDate(change),
          to: null,
        },
      );
    } else {
      g.seats.push({
        personId: person.id,
        bodyId,
        role,
        memberState: person.memberState,
        from: isoDate(start),
        to: null,
      });
    }
  };
  for (const body of g.bodies) {
    if (body.kind === 'secretariat') {
      for (const person of g.secretariatStaff) {
        seat(
          body.id,
          person === g.secretariatStaff[0] ? 'head' : 'member',
          person,
          body.established,
        );
      }
      continue;
    }
    const represented =
      body.kind === 'statutory_body' || body.kind === 'commission'
        ? members
        : rng.sample(members, body.kind === 'council' ? 20 : 10);
    const chairState = body.slug === 'icmec' ? 'RUS' : rng.pick(represented).code;
    const chair =
      body.slug === 'icmec'
        ? (g.persons.find((p) => p.name[0] === 'Denis Manturov') as PersonRef)
        : personOf(chairState);
    seat(body.id, body.kind === 'working_group' ? 'head' : 'chair', chair, body.established);
    if (body.kind !== 'working_group') {
      for (const state of rng.sample(represented, 2)) {
        seat(body.id, 'deputy_chair', personOf(state.code), body.established);
      }
    }
    seat(body.id, 'secretary', rng.pick(g.secretariatStaff), body.established);
    for (const state of represented) {
      seat(body.id, 'member', personOf(state.code), body.established);
    }
    for (let i = 0; i < (body.kind === 'working_group' ? 2 : 4); i++) {
      seat(body.id, 'expert', personOf(rng.pick(represented).code), body.established);
    }
    if (body.kind === 'statutory_body' || body.kind === 'commission') {
      for (const state of observers) {
        seat(body.id, 'observer', personOf(state.code), body.established);
      }
    }
  }
  await insertRows(
    g,
    'memberships',
    g.seats.length,
    g.seats.map((s) => ({
      id: newId(),
      personId: s.personId,
      bodyId: s.bodyId,
      role: s.role,
      memberState: s.memberState,
      dateFrom: s.from,
      dateTo: s.to,
      version: 1,
      createdAt: g.setupAt,
      updatedAt: g.setupAt,
    })),
  );
}

/** About 2,000 enterprises, institutes and agencies of the member states. */
async function organizations(g: Generation): Promise<void> {
  const { rng } = g;
  const total = scaled(g, SCALE.organizations);
  const states = g.states.filter((s) => s.status !== 'former');
  function* rows(): Generator<Row<'organizations'>> {
    for (let i = 0; i < total; i++) {
      const state = rng.pick(states);
      const field = rng.pick(ORGANIZATION_FIELDS);
      const roll = rng.next();
      const kind =
        roll < 0.55 ? 'enterprise' : roll < 0.8 ? 'institute' : roll < 0.9 ? 'agency' : 'other';
      const n = rng.int(1, 40);
      const name: Pair =
        kind === 'enterprise'
          ? [
              `${field[0]} Plant No. ${n} (${state.capital[0]})`,
              `Завод ${field[1]} № ${n} (${state.capital[1]})`,
            ]
          : kind === 'institute'
            ? [
                `Research Institute of ${field[0]} (${state.capital[0]})`,
                `Научно-исследовательский институт ${field[1]} (${state.capital[1]})`,
              ]
            : kind === 'agency'
              ? [
                  `National Agency of ${field[0]} of ${state.name[0]}`,
                  `Национальное агентство ${field[1]} (${state.name[1]})`,
                ]
              : [
                  `Association of ${field[0]} Enterprises of ${state.name[0]}`,
                  `Ассоциация предприятий ${field[1]} (${state.name[1]})`,
                ];
      yield {
        id: newId(),
        name: text(name),
        memberState: state.code,
        kind,
        searchText: searchText({ en: name[0], ru: name[1] }),
        sortKey: sortKey({ en: name[0], ru: name[1] }),
        version: 1,
        createdAt: g.setupAt,
        updatedAt: g.setupAt,
      };
    }
  }
  await insertRows(g, 'organizations', total, rows());
}

const START_TIMES = ['10:00', '10:00', '10:00', '09:30', '11:00', '15:00', null] as const;
const NOTES: readonly Pair[] = [
  ['Held in closed session.', 'Проведено в закрытом формате.'],
  ['Held by videoconference.', 'Проведено в режиме видеоконференции.'],
  ['The heads of delegations signed the protocol.', 'Главы делегаций подписали протокол.'],
];

/**
 * 500 meetings over ten years ending half a year from today: statutory bodies about yearly,
 * commissions twice a year, each coordinating council on the eve of its commission's meetings
 * (parentMeetingId), working groups at random dates. Numbers run in date order within each body,
 * continuing from the meetings held before the ten years; statuses follow the dates.
 */
async function meetings(g: Generation): Promise<void> {
  const { rng } = g;
  const windowDays = SCALE.years * 365;
  const byBody = new Map<string, MeetingRef[]>();
  const rows: Row<'meetings'>[] = [];
  const capitals = g.states.filter((s) => s.status === 'member');
  const seatsOf = (bodyId: string, roles: string[]) =>
    g.seats.filter((s) => s.bodyId === bodyId && roles.includes(s.role));
  const chairOn = (body: BodyRef, date: string) => {
    const chairs = seatsOf(body.id, ['chair', 'head']);
    return (
      (chairs.find((c) => (c.from ?? '') <= date && (c.to === null || date < c.to)) ?? chairs[0])
        ?.personId ?? null
    );
  };
  const statusOn = (start: string, end: string): string => {
    const today = isoDate(g.today);
    if (end < today) {
      return rng.chance(0.04) ? 'cancelled' : 'held';
    }
    if (start <= today) {
      return 'in_session';
    }
    return (new Date(`${start}T00:00:00Z`).getTime() - g.today.getTime()) / DAY_MS <= 90 &&
      rng.chance(0.8)
      ? 'announced'
      : 'planned';
  };
  const plan = (
    body: BodyRef,
    dates: {
      start: Date;
      days: number;
      host?: StateRef;
      parent?: MeetingRef;
      extraordinary?: boolean;
    }[],
  ) => {
    dates.sort((a, b) => a.start.getTime() - b.start.getTime());
    const established = new Date(`${body.established}T00:00:00Z`);
    // Bodies older than the ten years held meetings before them: numbering continues.
    const firstNumber = established < g.windowStart ? rng.int(2, 14) : 1;
    const list: MeetingRef[] = [];
    dates.forEach((d, i) => {
      const startDate = isoDate(d.start);
      const endDate = isoDate(addDays(d.start, d.days - 1));
      const host = d.host ?? rng.pick(capitals);
      const parentStatus = d.parent?.status;
      const status = parentStatus === 'cancelled' ? 'cancelled' : statusOn(startDate, endDate);
      const created = addDays(d.start, -rng.int(30, 120));
      const createdAt = stampOn(g, new Date(Math.max(created.getTime(), g.setupAtDate.getTime())));
      const agendaApproved =
        status === 'held' || status === 'in_session' || (status === 'announced' && rng.chance(0.5));
      const ref: MeetingRef = {
        id: newId(),
        body,
        number: firstNumber + i,
        status,
        startDate,
        endDate,
        hostState: host.code,
        chairPersonId: chairOn(body, startDate),
        createdAt,
      };
      list.push(ref);
      g.meetings.push(ref);
      rows.push({
        id: ref.id,
        bodyId: body.id,
        number: ref.number,
        kind: d.extraordinary ? 'extraordinary' : 'regular',
        status,
        startDate,
        endDate,
        startTime: rng.pick(START_TIMES),
        timeZone: host.timeZone,
        location: JSON.stringify({
          city: { en: host.capital[0], ru: host.capital[1] },
          country: host.code,
          venue: rng.chance(0.7) ? (([en, ru]) => ({ en, ru }))(rng.pick(VENUES)) : null,
        }),
        chairPersonId: ref.chairPersonId,
        parentMeetingId: d.parent?.id ?? null,
        agendaStatus: agendaApproved ? 'approved' : 'draft',
        agendaApprovedAt: agendaApproved ? stampOn(g, addDays(d.start, -rng.int(3, 20))) : null,
        notes: rng.chance(0.1) ? text(rng.pick(NOTES)) : null,
        version: 1,
        createdAt,
        updatedAt: createdAt,
      });
    });
    byBody.set(body.id, list);
  };

  const kinds = (kind: BodyRef['kind']) => g.bodies.filter((b) => b.kind === kind);
  const total = scaled(g, SCALE.meetings);
  for (const [i, body] of kinds('statutory_body').entries()) {
    const n = scaled(g, SCALE.meetingsPerStatutoryBody);
    plan(
      body,
      Array.from({ length: n }, (_, k) => ({
        // Yearly in late autumn, and now and then an extraordinary session.
        start: addDays(g.windowStart, (k * windowDays) / n + 300 + i * 3 + rng.int(-10, 10)),
        days: 1,
        extraordinary: k % 6 === 5,
      })),
    );
  }
  for (const [i, body] of kinds('commission').entries()) {
    const n = scaled(g, SCALE.meetingsPerCommission);
    plan(
      body,
      Array.from({ length: n }, (_, k) => ({
        // Spring and autumn, as the seed's XX (October) and XXI (April) meetings.
        start: addDays(g.windowStart, (k * windowDays) / n + 100 + i * 9 + rng.int(-12, 12)),
        days: 1,
        host:
          body.slug === 'icmec' && k === n - 6
            ? (g.states.find((s) => s.code === 'TJK') as StateRef)
            : undefined,
      })),
    );
  }
  for (const body of kinds('council')) {
    const parentMeetings = byBody.get(body.parentId ?? '') ?? [];
    const chosen = rng.sample(parentMeetings, scaled(g, SCALE.meetingsPerCouncil));
    plan(
      body,
      chosen.map((parent) => ({
        // On the eve of the commission's meeting, in the same city.
        start: addDays(new Date(`${parent.startDate}T00:00:00Z`), -1),
        days: 1,
        host: g.states.find((s) => s.code === parent.hostState),
        parent,
      })),
    );
  }
  const groups = kinds('working_group');
  const left = Math.max(groups.length, total - g.meetings.length);
  for (const [i, body] of groups.entries()) {
    const n = Math.floor(left / groups.length) + (i < left % groups.length ? 1 : 0);
    const from = Math.max(
      0,
      (new Date(`${body.established}T00:00:00Z`).getTime() - g.windowStart.getTime()) / DAY_MS,
    );
    plan(
      body,
      Array.from({ length: n }, () => ({
        start: addDays(g.windowStart, rng.int(Math.round(from), windowDays)),
        days: rng.int(1, 3),
      })),
    );
  }
  await insertRows(g, 'meetings', rows.length, rows);
}

const AGENDA_DESCRIPTIONS: readonly Pair[] = [
  [
    'The Secretariat presents the materials; the members exchange views and adopt a decision.',
    'Секретариат представляет материалы; члены обмениваются мнениями и принимают решение.',
  ],
  [
    'Reports of the member states on the measures taken since the previous meeting.',
    'Информация государств-членов о мерах, принятых после предыдущего заседания.',
  ],
  [
    'The draft was reviewed and coordinated by the coordinating councils on the eve of the meeting.',
    'Проект рассмотрен и согласован координационными советами накануне заседания.',
  ],
];

/** The Russian preposition "о" before a prepositional phrase: "об" before a vowel. */
function about(phrase: string, capital = false): string {
  const word = /^[аоиэуы]/i.test(phrase) ? 'об' : 'о';
  return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

interface AgendaDraft {
  title: Pair;
  kind: string;
  children?: AgendaDraft[];
}

/** About ten agenda items per meeting: reviews, reports with sub-items, decisions, closing. */
async function agendaItems(g: Generation): Promise<void> {
  const { rng } = g;
  const childBodies = new Map<string, BodyRef[]>();
  for (const b of g.bodies) {
    if (b.parentId) {
      childBodies.set(b.parentId, [...(childBodies.get(b.parentId) ?? []), b]);
    }
  }
  const rapporteursOf = new Map<string, string[]>();
  for (const s of g.seats) {
    if (s.to === null) {
      rapporteursOf.set(s.bodyId, [...(rapporteursOf.get(s.bodyId) ?? []), s.personId]);
    }
  }
  const draftOf = (m: MeetingRef): AgendaDraft[] => {
    const items: AgendaDraft[] = [];
    const kind = m.body.kind;
    if (m.number > 1) {
      items.push({
        kind: 'implementation_review',
        title: [
          `On the implementation of the decisions of the ${toRoman(m.number - 1)} meeting of ${m.body.genitive[0]}`,
          `О ходе выполнения решений ${toRoman(m.number - 1)} заседания ${m.body.genitive[1]}`,
        ],
      });
    }
    if (kind === 'commission' || kind === 'council') {
      items.push({
        kind: 'statutory_review',
        title: [
          'On the results of implementation of the decisions of the statutory bodies of the Organization',
          'Об итогах выполнения решений уставных органов Организации',
        ],
      });
    }
    const councils = (childBodies.get(m.body.id) ?? []).filter((b) => b.kind === 'council');
    if (councils.length > 0) {
      items.push({
        kind: 'report',
        title: [
          'On the results of the meetings of the coordinating councils',
          'Об итогах заседаний координационных советов',
        ],
        children: rng.sample(councils, 3).map((c) => ({
          kind: 'report',
          title: [`Report of ${c.genitive[0]}`, `Информация ${c.genitive[1]}`],
        })),
      });
    }
    const topics = rng.sample(AGENDA_TOPICS, rng.int(3, 5));
    topics.forEach((t, i) => {
      const roll = rng.next();
      items.push({
        kind: roll < 0.5 ? 'decision' : roll < 0.8 ? 'report' : 'information',
        title: [`On ${t[0]}`, `${about(t[1], true)} ${t[1]}`],
        ...(i === 0
          ? {
              children: [
                {
                  kind: 'report',
                  title: [`Report on ${t[0]}`, `Доклад ${about(t[1])} ${t[1]}`] as Pair,
                },
                {
                  kind: 'decision',
                  title: [
                    `Draft decision on ${t[0]}`,
                    `Проект решения ${about(t[1])} ${t[1]}`,
                  ] as Pair,
                },
              ],
            }
          : {}),
      });
    });
    if (rng.chance(0.5)) {
      items.push({ kind: 'other', title: ['Miscellaneous', 'Разное'] });
    }
    items.push({
      kind: 'other',
      title: [
        'On the date and venue of the next meeting',
        'О дате и месте проведения очередного заседания',
      ],
    });
    return items;
  };

  // Parents go in before their sub-items, so every batch satisfies the parent_id reference.
  const roots: Row<'agendaItems'>[] = [];
  const children: Row<'agendaItems'>[] = [];
  for (const m of g.meetings) {
    const people = rapporteursOf.get(m.body.id) ?? [];
    const created = new Date(
      new Date(m.createdAt).getTime() + rng.int(1, 72) * 3_600_000,
    ).toISOString();
    const row = (d: AgendaDraft, ordinal: number, parentId: string | null): Row<'agendaItems'> => ({
      id: newId(),
      meetingId: m.id,
      parentId,
      ordinal,
      title: text(d.title),
      kind: d.kind,
      description: rng.chance(0.4) ? text(rng.pick(AGENDA_DESCRIPTIONS)) : null,
      rapporteurPersonId: people.length > 0 && rng.chance(0.7) ? rng.pick(people) : null,
      public: rng.chance(0.9) ? 1 : 0,
      version: 1,
      createdAt: created,
      updatedAt: created,
    });
    const decisionItems: string[] = [];
    const keep = (d: AgendaDraft, r: Row<'agendaItems'>) => {
      if (d.kind === 'decision') {
        decisionItems.push(r.id as string);
      }
      return r;
    };
    draftOf(m).forEach((d, i) => {
      const parent = keep(d, row(d, i + 1, null));
      roots.push(parent);
      (d.children ?? []).forEach((c, j) => {
        children.push(keep(c, row(c, j + 1, parent.id as string)));
      });
    });
    g.decisionItems.set(m.id, decisionItems);
  }
  await insertRows(g, 'agendaItems', roots.length + children.length, [...roots, ...children]);
}

/**
 * About 20 participants per meeting: the chair, the Secretary General at statutory and commission
 * meetings, delegation heads and delegates of the represented states, experts and a guest.
 */
async function participants(g: Generation): Promise<void> {
  const { rng } = g;
  const perMeeting = SCALE.participantsPerMeeting;
  const secretariat = g.bodies.find((b) => b.kind === 'secretariat') as BodyRef;
  const secretaryGeneral = g.secretariatStaff[0] as PersonRef;
  const statesOf = new Map<string, string[]>();
  for (const s of g.seats) {
    if (s.memberState && s.role === 'member') {
      const list = statesOf.get(s.bodyId) ?? [];
      if (!list.includes(s.memberState)) {
        list.push(s.memberState);
      }
      statesOf.set(s.bodyId, list);
    }
  }
  const guests = g.states.filter((s) => s.status === 'observer');
  const personById = new Map(g.persons.map((p) => [p.id, p]));
  function* rows(): Generator<Row<'participants'>> {
    for (const m of g.meetings) {
      const taken = new Set<string>();
      const created = new Date(
        new Date(m.createdAt).getTime() + rng.int(24, 480) * 3_600_000,
      ).toISOString();
      const make = (
        person: PersonRef,
        role: string,
        notable: boolean,
        bodyId: string | null = null,
      ): Row<'participants'> | null => {
        if (taken.has(person.id)) {
          return null;
        }
        taken.add(person.id);
        return {
          id: newId(),
          meetingId: m.id,
          personId: person.id,
          role,
          memberState: person.memberState,
          bodyId,
          notable: notable ? 1 : 0,
          version: 1,
          createdAt: created,
          updatedAt: created,
        };
      };
      const list: (Row<'participants'> | null)[] = [];
      const chair = m.chairPersonId ? personById.get(m.chairPersonId) : undefined;
      if (chair) {
        list.push(make(chair, 'chair', true));
      }
      if (m.body.kind === 'statutory_body' || m.body.kind === 'commission') {
        list.push(make(secretaryGeneral, 'secretary_general', true, secretariat.id));
      }
      const states = rng.sample(statesOf.get(m.body.id) ?? [], 7);
      states.forEach((code, i) => {
        const pool = g.personsByState.get(code) ?? [];
        list.push(make(rng.pick(pool), 'delegation_head', i < 2));
      });
      const guestState = rng.pick(guests);
      list.push(make(rng.pick(g.personsByState.get(guestState.code) ?? []), 'guest', false));
      for (let i = 0; i < 2; i++) {
        list.push(make(rng.pick(g.personsByState.get(rng.pick(states)) ?? []), 'expert', false));
      }
      let attempts = 0;
      while (list.filter(Boolean).length < perMeeting && attempts++ < 100) {
        const code = rng.pick(states);
        list.push(make(rng.pick(g.personsByState.get(code) ?? []), 'delegate', false));
      }
      for (const row of list) {
        if (row) {
          yield row;
        }
      }
    }
  }
  await insertRows(g, 'participants', g.meetings.length * perMeeting, rows());
}

const BENCH_EMAIL = 'bench.secretariat@plenum.example';
const BENCH_NAME = 'Bench Secretariat Officer';
const SYSTEM: Actor = { id: null, role: 'admin', name: 'bench', memberState: null, bodyIds: [] };

/**
 * Users: the bench's secretariat officer (created and given an API token through the services,
 * as `plenum user add` and `token create` do), a delegate of every member state and a few
 * council observers (inserted directly, sharing one password hash).
 */
async function users(g: Generation): Promise<void> {
  const councils = g.bodies.filter((b) => b.kind === 'council').slice(0, 5);
  const delegateStates = g.states.filter((s) => s.status !== 'former');
  const progress = g.progress.table('users', 1 + delegateStates.length + councils.length);
  const user = await insertUser(g.db, g.dialect, SYSTEM, {
    email: BENCH_EMAIL,
    name: BENCH_NAME,
    role: 'secretariat',
    memberState: null,
    bodyIds: [],
    language: 'en',
    active: true,
    password: `bench-${newId()}`,
  });
  const { token } = await createToken(
    { db: g.db, dialect: g.dialect, actor: { ...SYSTEM, id: user.id, role: 'secretariat' } },
    'bench',
    user.id,
  );
  g.benchUser = { id: user.id, email: BENCH_EMAIL, token };
  progress.add(1);
  const passwordHash = await hashPassword(`bench-${newId()}`);
  const rows: Row<'users'>[] = [
    ...delegateStates.map((s) => ({
      email: `delegate.${s.code.toLowerCase()}@plenum.example`,
      name: `Delegate of ${s.name[0]}`,
      role: 'delegate',
      memberState: s.code,
      bodyIds: [] as string[],
    })),
    ...councils.map((c, i) => ({
      email: `observer.${i + 1}@plenum.example`,
      name: `Observer of ${c.name[0]}`,
      role: 'observer',
      memberState: null,
      bodyIds: [c.id],
    })),
  ].map((u) => ({
    id: newId(),
    email: u.email,
    name: u.name,
    role: u.role,
    memberState: u.memberState,
    bodyIds: JSON.stringify(u.bodyIds),
    language: 'en',
    active: 1,
    passwordHash,
    version: 1,
    createdAt: g.setupAt,
    updatedAt: g.setupAt,
  }));
  await g.db.insertInto('users').values(rows).execute();
  for (const row of rows) {
    if (row.memberState) {
      g.delegates.set(row.memberState, { id: row.id, name: row.name });
    }
  }
  progress.add(rows.length);
  // The search bench's delegate (access lists applied): given an API token as `token create` would.
  const delegateRow = rows.find((r) => r.memberState === 'RUS') ?? rows[0];
  if (delegateRow?.memberState) {
    const { token: delegateToken } = await createToken(
      {
        db: g.db,
        dialect: g.dialect,
        actor: {
          ...SYSTEM,
          id: delegateRow.id,
          role: 'delegate',
          name: delegateRow.name,
          memberState: delegateRow.memberState,
        },
      },
      'bench',
      delegateRow.id,
    );
    g.benchDelegate = {
      id: delegateRow.id,
      memberState: delegateRow.memberState,
      token: delegateToken,
    };
  }
  const { rows: count } = progress.finish();
  g.counts.users = count;
}

// ---- Decisions and their implementation ------------------------------------------------------

export interface DecisionRef {
  id: string;
  meeting: MeetingRef;
  ordinal: number;
  number: string;
  adoptedOn: string;
  createdAt: string;
  /** The deadline the decision sets its assignees (null: none). */
  due: string | null;
  closedAs: 'superseded' | 'cancelled' | null;
  /** Adoption date and record time of the decision that closed this one. */
  closedOn: string | null;
  closedAt: string | null;
}

interface ReportPlan {
  id: string;
  status: string;
  reportedOn: string;
  createdAt: string;
}

export interface AssignmentRef {
  id: string;
  decision: DecisionRef;
  memberState: string | null;
  bodyId: string | null;
  dueDate: string | null;
  createdAt: string;
  /** Oldest first, on distinct days: the last one is the latest by the server's ordering. */
  reports: ReportPlan[];
}

/** Decisions per held meeting, relative to a statutory body's. */
const DECISION_WEIGHT: Record<BodyRef['kind'], number> = {
  statutory_body: 1,
  commission: 1.2,
  council: 1,
  working_group: 0.8,
  secretariat: 0,
};
/** Terms a decision sets for its implementation, in days after adoption. */
const TERMS_DAYS = [90, 180, 180, 365, 365, 365, 540, 730] as const;
/** The assignment statuses that keep an assignment open (the shared list's complement). */
const OPEN_ASSIGNMENT_STATUSES = ASSIGNMENT_STATUSES.filter(
  (s) => !CLOSED_ASSIGNMENT_STATUSES.includes(s),
);
const OPEN_SQL = sql.raw(`(${OPEN_ASSIGNMENT_STATUSES.map((s) => `'${s}'`).join(', ')})`);
/** Reports are made from two weeks after adoption on; at most this many per assignment. */
const FIRST_REPORT_AFTER_DAYS = 14;
const MAX_REPORTS_PER_ASSIGNMENT = 8;

const dayOf = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const daysBetween = (from: string, to: string) =>
  Math.round((dayOf(to).getTime() - dayOf(from).getTime()) / DAY_MS);
const notAfter = (iso: string, limit: string) => (iso > limit ? limit : iso);

/**
 * The sort key createDecision stores (decisions/service.ts, `sortKeyOf`, which the module does not
 * export): adoption date, meeting number, ordinal, number; the numbers zero-padded to six digits.
 * Replicated here character for character.
 */
const padded = (n: number | null) => String(n ?? 0).padStart(6, '0');
const decisionSortKey = (
  adoptedOn: string,
  meetingNumber: number | null,
  ordinal: number | null,
  number: string,
) => `${adoptedOn}|${padded(meetingNumber)}|${padded(ordinal)}|${number}`;

/** Splits `total` over the weights (largest remainders), so the parts add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) {
      break;
    }
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}

/** Fills a catalog template: `{t}` topic, `{n}` "б" when "о" precedes a vowel, `{body}`, `{due}`. */
function fill(
  template: Pair,
  topic: Pair,
  body: BodyRef,
  due: Pair | null,
): { en: string; ru: string } {
  const [en, ru] = [0, 1].map((i) =>
    (template[i] as string)
      .replaceAll('{n}', about(topic[1]) === 'об' ? 'б' : '')
      .replaceAll('{t}', topic[i] as string)
      .replaceAll('{body}', body.genitive[i] as string)
      .replaceAll('{due}', due ? (due[i] as string) : ''),
  ) as [string, string];
  return { en, ru };
}

/** formatLongDate of an ISO date, remembered: toLocaleDateString is slow, and deadlines repeat. */
const longDates = new Map<string, Pair>();
function longDate(iso: string): Pair {
  let pair = longDates.get(iso);
  if (!pair) {
    pair = formatLongDate(dayOf(iso));
    longDates.set(iso, pair);
  }
  return pair;
}

/** A decision's Markdown text: the preamble, two to five points, the deadline, the report back. */
function decisionText(g: Generation, body: BodyRef, topic: Pair, due: string | null) {
  const { rng } = g;
  const longDue = due ? longDate(due) : null;
  const chosen = new Set(rng.sample(DECISION_POINTS, rng.int(2, 5)));
  const points = [
    ...DECISION_POINTS.filter((p) => chosen.has(p)),
    ...DECISION_CLOSING.filter((p) => due !== null || !p[0].includes('{due}')),
  ].map((p) => fill(p, topic, body, longDue));
  const list = (lang: 'en' | 'ru') => points.map((p, i) => `${i + 1}. ${p[lang]}`).join('\n');
  const t = fill(['{t}', 'о{n} {t}'], topic, body, null);
  return {
    en: `The ${body.name[0]}, having considered the question of ${t.en}, decides:\n\n${list('en')}`,
    ru: `${body.name[1]}, рассмотрев вопрос ${t.ru}, решает:\n\n${list('ru')}`,
  };
}

/**
 * 50,000 decisions adopted at the held meetings, numbered meeting/ordinal as createDecision numbers
 * them, about a hundred per meeting (commissions more, working groups fewer), each under one of
 * its meeting's decision items. About 2.5% are later superseded and 1% cancelled by a decision of
 * one of the body's next four meetings (closed_as, version 2, decision_relations rows); another 2%
 * are amended or extended.
 */
async function decisions(g: Generation): Promise<void> {
  const { rng } = g;
  const now = new Date().toISOString();
  const held = g.meetings
    .filter((m) => m.status === 'held' && DECISION_WEIGHT[m.body.kind] > 0)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.number - b.number);
  const perMeeting = apportion(
    scaled(g, SCALE.decisions),
    held.map((m) => DECISION_WEIGHT[m.body.kind] * (0.6 + 0.8 * rng.next())),
  );
  const byBody = new Map<string, DecisionRef[][]>();
  held.forEach((m, i) => {
    const recorded = addDays(dayOf(m.endDate), rng.int(1, 10));
    const day = new Date(Math.min(recorded.getTime(), g.today.getTime()));
    const list: DecisionRef[] = [];
    for (let ordinal = 1; ordinal <= (perMeeting[i] as number); ordinal++) {
      const term = rng.chance(0.05) ? null : rng.pick(TERMS_DAYS) + rng.int(-10, 10);
      list.push({
        id: newId(),
        meeting: m,
        ordinal,
        number: `${m.number}/${ordinal}`,
        adoptedOn: m.startDate,
        createdAt: notAfter(stampOn(g, day), now),
        due: term === null ? null : isoDate(addDays(dayOf(m.startDate), term)),
        closedAs: null,
        closedOn: null,
        closedAt: null,
      });
    }
    g.decisions.push(...list);
    if (list.length > 0) {
      byBody.set(m.body.id, [...(byBody.get(m.body.id) ?? []), list]);
    }
  });

  const relations: Row<'decisionRelations'>[] = [];
  for (const meetings of byBody.values()) {
    meetings.forEach((list, i) => {
      const later = meetings.slice(i + 1, i + 5);
      if (later.length === 0) {
        return;
      }
      for (const d of list) {
        const roll = rng.next();
        if (roll >= 0.055) {
          continue;
        }
        const by = rng.pick(rng.pick(later));
        const kind =
          roll < 0.025
            ? 'supersedes'
            : roll < 0.035
              ? 'cancels'
              : roll < 0.045
                ? 'amends'
                : 'extends';
        relations.push({ fromId: by.id, toId: d.id, kind });
        if (kind === 'supersedes' || kind === 'cancels') {
          d.closedAs = kind === 'supersedes' ? 'superseded' : 'cancelled';
          d.closedOn = by.adoptedOn;
          d.closedAt = by.createdAt;
        }
      }
    });
  }

  const topics = [...AGENDA_TOPICS, ...DECISION_TOPICS];
  function* rows(): Generator<Row<'decisions'>> {
    for (const d of g.decisions) {
      const body = d.meeting.body;
      const topic = rng.pick(topics);
      const title: LocalizedText = fill(rng.pick(DECISION_TITLES), topic, body, null);
      const text: LocalizedText = decisionText(g, body, topic, d.due);
      const items = g.decisionItems.get(d.meeting.id) ?? [];
      const kind = rng.next();
      yield {
        id: d.id,
        bodyId: body.id,
        meetingId: d.meeting.id,
        agendaItemId: items.length > 0 ? rng.pick(items) : null,
        number: d.number,
        meetingNumber: d.meeting.number,
        ordinal: d.ordinal,
        kind: kind < 0.8 ? 'decision' : kind < 0.92 ? 'recommendation' : 'instruction',
        title: storeText(title) as string,
        text: storeText(text) as string,
        adoptedOn: d.adoptedOn,
        closedAs: d.closedAs,
        // As createDecision writes them; the aggregates area computes them once assigned.
        assignmentCount: 0,
        openCount: 0,
        nextOpenDue: null,
        dueKey: '9999-12-31',
        textHtml: JSON.stringify(renderLocalizedMarkdown(text)),
        searchText: searchText(d.number, title, text),
        sortKey: decisionSortKey(d.adoptedOn, d.meeting.number, d.ordinal, d.number),
        version: d.closedAs ? 2 : 1,
        createdAt: d.createdAt,
        updatedAt: d.closedAt ?? d.createdAt,
      };
    }
  }
  await insertRows(g, 'decisions', g.decisions.length, rows());
  await insertRows(g, 'decisionRelations', relations.length, relations);
}

interface AssignmentPlan {
  ref: AssignmentRef;
  status: string;
  /** Reports to make. */
  reports: number;
  /** Days on which reports can be dated: from two weeks after adoption to today (or closure). */
  firstDay: Date;
  days: number;
}

/**
 * Assignments: two to six member states per decision, a few hundred statutory decisions also
 * assigned to one or two commissions, some commission decisions to one of their councils and
 * some to the secretariat; due dates from the decision's term, so they spread from years ago to
 * two years ahead. Each decision's fate depends on how long its deadline has passed: long-past
 * deadlines are mostly implemented, recent ones mostly open (some overdue). Reports are planned
 * here — 300,000 in all, on distinct days, the last one giving the assignment its status and
 * latest_report_id as refreshAssignmentFromReports would — and written by the next area.
 */
async function assignments(g: Generation): Promise<void> {
  const { rng } = g;
  const now = new Date().toISOString();
  const today = isoDate(g.today);
  const members = g.states.filter((s) => s.status === 'member').map((s) => s.code);
  const commissions = g.bodies.filter((b) => b.kind === 'commission');
  const secretariat = g.bodies.find((b) => b.kind === 'secretariat') as BodyRef;
  const councilsOf = new Map<string, BodyRef[]>();
  for (const b of g.bodies.filter((x) => x.kind === 'council' && x.parentId)) {
    councilsOf.set(b.parentId as string, [...(councilsOf.get(b.parentId as string) ?? []), b]);
  }
  const statutory = g.decisions.filter((d) => d.meeting.body.kind === 'statutory_body');
  const forCommissions = new Set(
    rng.sample(statutory, scaled(g, SCALE.statutoryDecisionsForCommissions)).map((d) => d.id),
  );
  const closedStatus = () => (rng.chance(0.93) ? 'implemented' : 'not_applicable');
  const openStatus = (pastDue: boolean) => {
    const r = rng.next();
    if (pastDue) {
      return r < 0.45 ? 'in_progress' : r < 0.7 ? 'pending' : 'not_implemented';
    }
    return r < 0.45 ? 'pending' : r < 0.97 ? 'in_progress' : 'not_implemented';
  };
  const reportsFor = (status: string) => {
    if (status === 'pending') {
      return 0;
    }
    if (status === 'in_progress') {
      return rng.int(1, 2);
    }
    if (status === 'not_implemented') {
      return rng.int(1, 3);
    }
    const r = rng.next();
    return r < 0.45 ? 1 : r < 0.85 ? 2 : 3;
  };

  const plans: AssignmentPlan[] = [];
  for (const d of g.decisions) {
    const body = d.meeting.body;
    const assignees: { memberState: string | null; bodyId: string | null }[] = rng
      .sample(members, rng.int(2, 6))
      .map((code) => ({ memberState: code, bodyId: null }));
    if (forCommissions.has(d.id)) {
      for (const c of rng.sample(commissions, rng.chance(0.3) ? 2 : 1)) {
        assignees.push({ memberState: null, bodyId: c.id });
      }
    } else if ((councilsOf.get(body.id)?.length ?? 0) > 0 && rng.chance(0.08)) {
      assignees.push({ memberState: null, bodyId: rng.pick(councilsOf.get(body.id) ?? []).id });
    }
    if (rng.chance(0.03)) {
      assignees.push({ memberState: null, bodyId: secretariat.id });
    }
    const pastDueDays = d.due === null ? null : daysBetween(d.due, today);
    const allClosed = rng.chance(
      pastDueDays === null
        ? Math.min(0.9, daysBetween(d.adoptedOn, today) / 1500)
        : pastDueDays > 0
          ? 0.35 + 0.6 * Math.min(1, pastDueDays / 1095)
          : 0.06,
    );
    const surelyOpen = rng.int(0, assignees.length - 1);
    const firstDay = addDays(dayOf(d.adoptedOn), FIRST_REPORT_AFTER_DAYS);
    const lastDay = d.closedOn ? addDays(dayOf(d.closedOn), -1) : g.today;
    const days = Math.round((lastDay.getTime() - firstDay.getTime()) / DAY_MS) + 1;
    const createdAt = notAfter(
      new Date(Date.parse(d.createdAt) + rng.int(5, 240) * 60_000).toISOString(),
      now,
    );
    assignees.forEach((a, i) => {
      const dueDate =
        d.due && rng.chance(0.1) ? isoDate(addDays(dayOf(d.due), rng.int(60, 180))) : d.due;
      const open = !allClosed && (i === surelyOpen || rng.chance(0.5));
      let status = open ? openStatus(dueDate !== null && dueDate < today) : closedStatus();
      const reports = Math.min(reportsFor(status), Math.max(0, days));
      if (reports === 0) {
        status = 'pending';
      }
      const ref: AssignmentRef = {
        id: newId(),
        decision: d,
        ...a,
        dueDate,
        createdAt,
        reports: [],
      };
      plans.push({ ref, status, reports, firstDay, days });
    });
  }

  // Exactly the scale's number of reports: add intermediate reports where there is room, or
  // drop intermediate ones, at random assignments.
  const target = scaled(g, SCALE.implementationReports);
  let total = plans.reduce((sum, p) => sum + p.reports, 0);
  const room = (p: AssignmentPlan) => Math.min(p.days, MAX_REPORTS_PER_ASSIGNMENT);
  const adding = total < target;
  const pool = plans.filter((p) =>
    adding ? p.reports >= 1 && p.reports < room(p) : p.reports >= 2,
  );
  while (total !== target && pool.length > 0) {
    const i = rng.int(0, pool.length - 1);
    const p = pool[i] as AssignmentPlan;
    p.reports += adding ? 1 : -1;
    total += adding ? 1 : -1;
    if (adding ? p.reports >= room(p) : p.reports < 2) {
      pool[i] = pool[pool.length - 1] as AssignmentPlan;
      pool.pop();
    }
  }

  for (const p of plans) {
    const offsets = new Set<number>();
    while (offsets.size < p.reports) {
      offsets.add(rng.int(0, p.days - 1));
    }
    const sorted = [...offsets].sort((a, b) => a - b);
    p.ref.reports = sorted.map((offset, i) => {
      const day = addDays(p.firstDay, offset);
      return {
        id: newId(),
        status: i === sorted.length - 1 ? p.status : 'in_progress',
        reportedOn: isoDate(day),
        createdAt: notAfter(stampOn(g, day), now),
      };
    });
    g.assignments.push(p.ref);
  }
  await insertRows(
    g,
    'assignments',
    g.assignments.length,
    g.assignments.map((a) => {
      const latest = a.reports[a.reports.length - 1];
      return {
        id: a.id,
        decisionId: a.decision.id,
        memberState: a.memberState,
        bodyId: a.bodyId,
        dueDate: a.dueDate,
        status: latest?.status ?? 'pending',
        latestReportId: latest?.id ?? null,
        // createAssignment writes version 1; every report bumps it.
        version: 1 + a.reports.length,
        createdAt: a.createdAt,
        updatedAt: latest?.createdAt ?? a.createdAt,
      };
    }),
  );
}

/**
 * The planned implementation reports: by the state's delegate (or the secretariat for a body),
 * with a short account in one or both languages, sometimes none.
 */
async function implementationReports(g: Generation): Promise<void> {
  const { rng } = g;
  const secretariat = { id: g.benchUser?.id ?? null, name: BENCH_NAME };
  const expected = g.assignments.reduce((sum, a) => sum + a.reports.length, 0);
  function* rows(): Generator<Row<'implementationReports'>> {
    for (const a of g.assignments) {
      const by = a.memberState ? (g.delegates.get(a.memberState) ?? secretariat) : secretariat;
      for (const r of a.reports) {
        const [en, ru] = rng.pick(REPORT_TEXTS[r.status as keyof typeof REPORT_TEXTS]);
        const roll = rng.next();
        const text = roll < 0.1 ? null : roll < 0.6 ? { en, ru } : roll < 0.9 ? { ru } : { en };
        yield {
          id: r.id,
          assignmentId: a.id,
          decisionId: a.decision.id,
          status: r.status,
          text: storeText(text),
          reportedOn: r.reportedOn,
          reportedById: by.id,
          reportedByName: by.name,
          createdAt: r.createdAt,
        };
      }
    }
  }
  await insertRows(g, 'implementationReports', expected, rows());
  g.assignments = [];
}

/**
 * Each decision's assignment aggregates, which its derived status rests on: the three subqueries
 * of refreshDecisionAggregates (decisions/repository.ts), correlated on every decision at once
 * instead of bound to one id.
 */
async function decisionAggregates(g: Generation): Promise<void> {
  const progress = g.progress.table('decisions: aggregates', g.decisions.length);
  const result = await sql`update decisions set
      assignment_count = (select count(*) from assignments a where a.decision_id = decisions.id),
      open_count = (select count(*) from assignments a
        where a.decision_id = decisions.id and a.status in ${OPEN_SQL}),
      next_open_due = (select min(a.due_date) from assignments a
        where a.decision_id = decisions.id and a.status in ${OPEN_SQL}),
      due_key = coalesce((select min(a.due_date) from assignments a
        where a.decision_id = decisions.id and a.status in ${OPEN_SQL}), '9999-12-31')`.execute(
    g.db,
  );
  progress.add(Number(result.numAffectedRows ?? 0));
  progress.finish();
}

/**
 * What each held meeting reviewed, as recordImplementationReview fixes it when a meeting is
 * marked held: a reviews row pointing at the body's previous held meeting, and review_records
 * for the body's decisions of the earlier meetings — every decision adopted since the previous
 * review, plus the older ones still open (in_progress or overdue) — and the statutory bodies'
 * decisions assigned to the body on the same terms. For simplicity each is recorded with its
 * derived status of today (decisionStatusSql) rather than the status it had then, so the live
 * review of the coming meeting carries exactly the decisions open now. One INSERT … SELECT.
 */
async function implementationReviews(g: Generation): Promise<void> {
  const { rng } = g;
  const now = new Date().toISOString();
  const lastHeld = new Map<string, MeetingRef>();
  const reviews: Row<'reviews'>[] = [];
  const held = g.meetings
    .filter((m) => m.status === 'held')
    .sort((a, b) => a.body.id.localeCompare(b.body.id) || a.number - b.number);
  for (const m of held) {
    reviews.push({
      meetingId: m.id,
      previousMeetingId: lastHeld.get(m.body.id)?.id ?? null,
      recordedAt: notAfter(stampOn(g, addDays(dayOf(m.endDate), rng.int(0, 1))), now),
    });
    lastHeld.set(m.body.id, m);
  }
  await insertRows(g, 'reviews', reviews.length, reviews);

  const progress = g.progress.table('review_records', 0);
  const status = decisionStatusSql(isoDate(g.today));
  const openAtReview = sql.raw(`('in_progress', 'overdue')`);
  const result = await sql`with held as (
      select m.id, m.body_id, m.number, m.start_date,
        lag(m.number) over (partition by m.body_id order by m.number) as prev_number,
        lag(m.start_date) over (partition by m.body_id order by m.number) as prev_start
      from meetings m
      where m.status = 'held'
    )
    insert into review_records (meeting_id, decision_id, source, status, recorded_at)
    select held.id, decisions.id, 'own', ${status}, reviews.recorded_at
    from held
    join reviews on reviews.meeting_id = held.id
    join decisions on decisions.body_id = held.body_id and decisions.meeting_number < held.number
    where (held.prev_number is null and decisions.closed_as is null)
      or decisions.meeting_number >= held.prev_number
      or ${status} in ${openAtReview}
    union all
    select held.id, decisions.id, 'statutory', ${status}, reviews.recorded_at
    from held
    join reviews on reviews.meeting_id = held.id
    join assignments on assignments.body_id = held.body_id
    join decisions on decisions.id = assignments.decision_id
    join bodies on bodies.id = decisions.body_id
    where bodies.kind = 'statutory_body'
      and decisions.body_id <> held.body_id
      and decisions.adopted_on < held.start_date
      and ((held.prev_number is null and decisions.closed_as is null)
        or decisions.adopted_on >= held.prev_start
        or ${status} in ${openAtReview})`.execute(g.db);
  progress.add(Number(result.numAffectedRows ?? 0));
  const { rows } = progress.finish();
  g.counts.review_records = rows;
}

/**
 * PostgreSQL: table statistics, as autovacuum gathers them on a database in use (without them
 * the planner guesses, and a freshly loaded schema would be measured with plans no long-lived
 * one gets). SQLite has none unless ANALYZE runs, which the server never does: left as is.
 */
async function plannerStatistics(g: Generation): Promise<void> {
  if (g.dialect !== 'postgres') {
    return;
  }
  const started = performance.now();
  await sql`analyze`.execute(g.db);
  g.progress.line(
    `  ${'analyze'.padEnd(22)} ${formatSeconds(performance.now() - started).padStart(25)}`,
  );
}

// ---- Documents -------------------------------------------------------------------------------

type DocumentKind = keyof typeof DOCUMENT_TITLES;
type Classification = 'public' | 'internal' | 'restricted';

/** Kinds of documents (DESIGN §2) and their shares. */
const DOCUMENT_KINDS: readonly (readonly [DocumentKind, number])[] = [
  ['draft_decision', 0.3],
  ['report', 0.25],
  ['regulation', 0.15],
  ['standard', 0.12],
  ['program', 0.08],
  ['other', 0.1],
];
/**
 * Statuses (DESIGN §2: draft → under_consultation → agreed / not_agreed → adopted; or withdrawn),
 * their shares and the status changes that led there (each bumps `version`).
 */
const DOCUMENT_STATUSES: readonly (readonly [string, number, number])[] = [
  ['draft', 0.18, 0],
  ['under_consultation', 0.1, 1],
  ['agreed', 0.14, 2],
  ['not_agreed', 0.05, 2],
  ['adopted', 0.45, 3],
  ['withdrawn', 0.08, 1],
];
/** Documents owned per body, relative to a working group's. */
const DOCUMENT_WEIGHT: Record<BodyRef['kind'], number> = {
  statutory_body: 2,
  commission: 6,
  council: 3,
  working_group: 1,
  secretariat: 4,
};

function weighted<T>(rng: Random, items: readonly (readonly [T, number, ...unknown[]])[]): T {
  let roll = rng.next() * items.reduce((sum, i) => sum + i[1], 0);
  for (const item of items) {
    roll -= item[1];
    if (roll < 0) {
      return item[0];
    }
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/** A document's text as sections of sentences, so that a later version can revise a part. */
interface DraftSection {
  heading: number;
  sentences: number[];
  list: number[];
}

function draftText(rng: Random): DraftSection[] {
  const headings = rng
    .sample(
      DOCUMENT_SECTIONS.map((_, i) => i),
      rng.int(4, 6),
    )
    .sort((a, b) => a - b);
  // Sentences drawn without repetition across the document (until the catalog runs out).
  const pool = rng.sample(
    DOCUMENT_SENTENCES.map((_, i) => i),
    DOCUMENT_SENTENCES.length,
  );
  let next = 0;
  return headings.map((heading) => ({
    heading,
    sentences: Array.from({ length: rng.int(2, 5) }, () => pool[next++ % pool.length] as number),
    list: rng.chance(0.4)
      ? rng.sample(
          DOCUMENT_LIST_ITEMS.map((_, i) => i),
          rng.int(3, 5),
        )
      : [],
  }));
}

/** The next version: a sentence replaced in one or two sections, sometimes a section added. */
function reviseText(rng: Random, sections: DraftSection[]): DraftSection[] {
  const next = sections.map((s) => ({ ...s, sentences: [...s.sentences] }));
  for (let k = rng.int(1, 2); k > 0; k--) {
    const section = rng.pick(next);
    section.sentences[rng.int(0, section.sentences.length - 1)] = rng.int(
      0,
      DOCUMENT_SENTENCES.length - 1,
    );
  }
  const unused = DOCUMENT_SECTIONS.map((_, i) => i).filter(
    (i) => !next.some((s) => s.heading === i),
  );
  if (unused.length > 0 && rng.chance(0.3)) {
    next.push({
      heading: rng.pick(unused),
      sentences: rng.sample(
        DOCUMENT_SENTENCES.map((_, i) => i),
        rng.int(2, 4),
      ),
      list: [],
    });
    next.sort((a, b) => a.heading - b.heading);
  }
  return next;
}

/** The Markdown of a drafted text in one language (0 English, 1 Russian). */
function documentMarkdown(
  sections: DraftSection[],
  lang: 0 | 1,
  title: string,
  topic: Pair,
  body: BodyRef,
): string {
  const out = [`# ${title}`];
  sections.forEach((s, i) => {
    out.push(`## ${i + 1}. ${(DOCUMENT_SECTIONS[s.heading] as Pair)[lang]}`);
    out.push(
      s.sentences
        .map((n) => fill(DOCUMENT_SENTENCES[n] as Pair, topic, body, null)[lang ? 'ru' : 'en'])
        .join(' '),
    );
    if (s.list.length > 0) {
      out.push(
        s.list
          .map((n, j) => {
            const item = (DOCUMENT_LIST_ITEMS[n] as Pair)[lang];
            return `- ${item}${j === s.list.length - 1 ? '.' : ';'}`;
          })
          .join('\n'),
      );
    }
  });
  return `${out.join('\n\n')}\n`;
}

interface DocumentPlan {
  id: string;
  kind: DocumentKind;
  body: BodyRef;
  topic: Pair;
  title: LocalizedText;
  languages: readonly ('en' | 'ru')[];
  versions: string[];
  lastChange: string;
}

/**
 * 50,000 documents of the generated bodies, shaped as createDocument, createVersion and the status
 * changes write them: LocalizedText titles, `search_text` by the server's `searchText`, 60%
 * internal, 30% public, 10% restricted with an access list of one to five states and sometimes a
 * body (mirrored row by row in document_access); one to three versions of Markdown text (a few
 * hundred words in English, Russian or both, each version revising the one before), its HTML
 * rendered by the server's renderLocalizedMarkdown; `latest_version` the last number and
 * `version` 1 + versions + status changes. Adopted documents point at a decision of their body
 * adopted after them.
 */
async function documents(g: Generation): Promise<void> {
  const { rng } = g;
  const now = new Date().toISOString();
  const total = scaled(g, SCALE.documents);
  const owners = g.bodies.map((b) => [b, DOCUMENT_WEIGHT[b.kind]] as const);
  const decisionsOf = new Map<string, DecisionRef[]>();
  for (const d of g.decisions) {
    const list = decisionsOf.get(d.meeting.body.id) ?? [];
    list.push(d);
    decisionsOf.set(d.meeting.body.id, list);
  }
  const states = g.states.filter((s) => s.status !== 'former').map((s) => s.code);
  const listBodies = g.bodies.filter((b) => b.kind === 'commission' || b.kind === 'council');
  const topics = [...AGENDA_TOPICS, ...DECISION_TOPICS];
  const windowDays = Math.round((g.today.getTime() - g.windowStart.getTime()) / DAY_MS);
  const createdBy = g.benchUser?.id ?? null;

  const plans: DocumentPlan[] = [];
  const accessRows: Row<'documentAccess'>[] = [];
  const documentRows: Row<'documents'>[] = [];
  for (let i = 0; i < total; i++) {
    const kind = weighted(rng, DOCUMENT_KINDS);
    const body = weighted(rng, owners);
    const topic = rng.pick(topics);
    const title = fill(rng.pick(DOCUMENT_TITLES[kind]), topic, body, null);
    const roll = rng.next();
    const classification: Classification =
      roll < 0.6 ? 'internal' : roll < 0.9 ? 'public' : 'restricted';
    let status = weighted(rng, DOCUMENT_STATUSES);
    let changes = DOCUMENT_STATUSES.find((s) => s[0] === status)?.[2] ?? 0;
    if (status === 'withdrawn' && rng.chance(0.3)) {
      changes = 3; // Withdrawn after it was agreed.
    }
    // An adopted document: a decision of its body adopted it, some months after it was drafted.
    const adopters = decisionsOf.get(body.id) ?? [];
    const adoptedBy = status === 'adopted' && adopters.length > 0 ? rng.pick(adopters) : null;
    if (status === 'adopted' && !adoptedBy) {
      status = 'agreed';
      changes = 2;
    }
    const endDay = adoptedBy ? dayOf(adoptedBy.adoptedOn) : g.today;
    const created = adoptedBy
      ? addDays(endDay, -rng.int(60, 400))
      : addDays(g.windowStart, rng.int(0, windowDays - 5));
    const createdAt = notAfter(stampOn(g, created), now);
    const span = Math.max(1, Math.round((endDay.getTime() - created.getTime()) / DAY_MS));
    const versionCount = weighted(rng, [
      [1, 0.45],
      [2, 0.35],
      [3, 0.2],
    ] as const);
    const versions = Array.from({ length: versionCount }, (_, k) =>
      k === 0
        ? notAfter(new Date(Date.parse(createdAt) + rng.int(5, 120) * 60_000).toISOString(), now)
        : notAfter(stampOn(g, addDays(created, Math.round((span * k) / (versionCount + 1)))), now),
    ).sort();
    const lastVersion = versions[versions.length - 1] as string;
    const lastChange =
      changes > 0
        ? adoptedBy
          ? notAfter(adoptedBy.createdAt, now)
          : notAfter(stampOn(g, addDays(dayOf(lastVersion), rng.int(1, 30))), now)
        : lastVersion;
    const languagesRoll = rng.next();
    const languages =
      languagesRoll < 0.5
        ? (['en', 'ru'] as const)
        : languagesRoll < 0.8
          ? (['en'] as const)
          : (['ru'] as const);
    let accessList: { memberStates: string[]; bodyIds: string[] } | null = null;
    if (classification === 'restricted') {
      accessList = {
        memberStates: rng.sample(states, rng.int(1, 5)),
        bodyIds: rng.chance(0.3) ? [rng.pick(listBodies).id] : [],
      };
    }
    const id = newId();
    documentRows.push({
      id,
      title: storeText(title) as string,
      kind,
      bodyId: body.id,
      classification,
      accessList: accessList ? JSON.stringify(accessList) : null,
      status,
      latestVersion: versionCount,
      adoptedByDecisionId: adoptedBy?.id ?? null,
      searchText: searchText(title),
      createdBy,
      version: 1 + versionCount + changes,
      createdAt,
      updatedAt: [lastVersion, lastChange].sort()[1] as string,
    });
    for (const memberState of accessList?.memberStates ?? []) {
      accessRows.push({ documentId: id, memberState, bodyId: null });
    }
    for (const bodyId of accessList?.bodyIds ?? []) {
      accessRows.push({ documentId: id, memberState: null, bodyId });
    }
    plans.push({ id, kind, body, topic, title, languages, versions, lastChange });
  }
  await insertRows(g, 'documents', documentRows.length, documentRows);
  documentRows.length = 0;
  await insertRows(g, 'documentAccess', accessRows.length, accessRows);

  function* versionRows(): Generator<Row<'documentVersions'>> {
    for (const p of plans) {
      let sections = draftText(rng);
      for (let k = 0; k < p.versions.length; k++) {
        if (k > 0) {
          sections = reviseText(rng, sections);
        }
        const markdown: LocalizedText = {};
        for (const lang of p.languages) {
          markdown[lang] = documentMarkdown(
            sections,
            lang === 'en' ? 0 : 1,
            p.title[lang] as string,
            p.topic,
            p.body,
          );
        }
        const note = k === 0 ? null : rng.pick(VERSION_NOTES);
        yield {
          id: newId(),
          documentId: p.id,
          number: k + 1,
          text: storeText(markdown),
          textHtml: JSON.stringify(renderLocalizedMarkdown(markdown)),
          fileSha256: null,
          fileName: null,
          note: note ? text(note) : null,
          createdAt: p.versions[k] as string,
          createdBy,
        };
      }
    }
  }
  await insertRows(
    g,
    'documentVersions',
    plans.reduce((sum, p) => sum + p.versions.length, 0),
    versionRows(),
  );
}

/**
 * The full-text index, built by the server's own `reindexAll` (meetings, agenda items, decisions,
 * documents: what `plenum serve` builds once for a database without one), in one transaction.
 */
async function searchIndex(g: Generation): Promise<void> {
  const started = performance.now();
  const counts = await reindexAll(g.db);
  const entries = Object.values(counts).reduce((a, b) => a + b, 0);
  g.counts.search_documents = entries;
  g.progress.line(
    `  ${'search_documents'.padEnd(22)} ${formatCount(entries).padStart(9)} rows ${formatSeconds(performance.now() - started).padStart(10)}` +
      ` (reindexAll: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${formatCount(n)}`)
        .join(', ')})`,
  );
}

// ---- News (the public portal) ----------------------------------------------------------------

/** Published news at scale 1 (DESIGN §6: the seed's ×10), with a few drafts and scheduled items. */
const NEWS_PUBLISHED = 3_000;
const NEWS_DRAFT_SHARE = 0.02;
const NEWS_SCHEDULED = 8;

const NEWS_OPENINGS: readonly Pair[] = [
  [
    'The meeting was attended by the heads of the delegations of the member states and representatives of the Secretariat.',
    'В заседании приняли участие главы делегаций государств-членов и представители Секретариата.',
  ],
  [
    'The participants exchanged views on the state of military-economic cooperation.',
    'Участники обменялись мнениями о состоянии военно-экономического сотрудничества.',
  ],
  [
    'The Secretariat informs that the materials are available to the delegations.',
    'Секретариат сообщает, что материалы доступны делегациям.',
  ],
  [
    'Journalists may apply for accreditation to the press service of the Secretariat.',
    'Журналисты могут обратиться за аккредитацией в пресс-службу Секретариата.',
  ],
];
const PRESS_PREFIXES: readonly Pair[] = [
  ['On ', ''],
  ['Press release: on ', 'Пресс-релиз: '],
  ['Briefing on ', 'Брифинг: '],
  ['Statement on ', 'Заявление: '],
];

interface NewsMeeting {
  id: string;
  bodyId: string;
  kind: string;
  status: string;
  startDate: string;
  endDate: string;
  bodyKind: string;
  name: LocalizedText;
  genitive: Pair;
}

/** Sentences of the catalog's vocabulary until about `words` words, in paragraphs and sections. */
function newsMarkdown(
  rng: Random,
  words: number,
  topic: Pair,
  genitive: Pair,
  opening: Pair,
): { en: string; ru: string } {
  const body = { genitive } as BodyRef;
  const out: [string[], string[]] = [[opening[0]], [opening[1]]];
  let count = opening[0].split(' ').length;
  let paragraph: [string[], string[]] = [[], []];
  const flush = () => {
    if (paragraph[0].length > 0) {
      out[0].push(paragraph[0].join(' '));
      out[1].push(paragraph[1].join(' '));
      paragraph = [[], []];
    }
  };
  while (count < words) {
    const s = fill(
      rng.pick(DOCUMENT_SENTENCES),
      rng.chance(0.5) ? topic : rng.pick(DECISION_TOPICS),
      body,
      null,
    );
    paragraph[0].push(s.en);
    paragraph[1].push(s.ru);
    count += s.en.split(' ').length;
    if (paragraph[0].length >= rng.int(3, 5)) {
      flush();
      if (rng.chance(0.2)) {
        const heading = rng.pick(DOCUMENT_SECTIONS);
        out[0].push(`## ${heading[0]}`);
        out[1].push(`## ${heading[1]}`);
      } else if (rng.chance(0.15)) {
        const items = rng.sample(DOCUMENT_LIST_ITEMS, rng.int(2, 4));
        out[0].push(
          items.map((i, j) => `- ${i[0]}${j === items.length - 1 ? '.' : ';'}`).join('\n'),
        );
        out[1].push(
          items.map((i, j) => `- ${i[1]}${j === items.length - 1 ? '.' : ';'}`).join('\n'),
        );
        count += items.reduce((a, i) => a + i[0].split(' ').length, 0);
      }
    }
  }
  flush();
  return { en: `${out[0].join('\n\n')}\n`, ru: `${out[1].join('\n\n')}\n` };
}

/**
 * About 3,000 published news items over the ten years, shaped as createNewsItem and
 * publishNewsItem write them: announcements of the announced and held commission and council
 * meetings (three to six weeks before), news of every held meeting (and of the results for
 * statutory bodies, commissions and councils), press releases on the decisions' subjects for the
 * rest; 85% in both languages, 10% English only, 5% Russian only; a summary and a Markdown body
 * of 300–600 words, `body_html` by the server's renderLocalizedMarkdown, `search_text` by its
 * searchText, slugs by its slugify/firstFreeSlug. Also 2% drafts and eight items scheduled in the
 * coming month. Reads the meetings and bodies from the database, so that it also fills a kept
 * database made before news existed (run.ts --reuse).
 */
async function news(g: Generation): Promise<void> {
  const rng = g.rng;
  const rows = await g.db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.bodyId')
    .select([
      'meetings.id',
      'meetings.bodyId',
      'meetings.number',
      'meetings.kind',
      'meetings.status',
      'meetings.startDate',
      'meetings.endDate',
      'bodies.kind as bodyKind',
      'bodies.name',
      'bodies.nameGenitive',
    ])
    .orderBy('meetings.startDate')
    .execute();
  const meetingsList: NewsMeeting[] = rows.map((r) => {
    const name = JSON.parse(r.name) as LocalizedText;
    const genitive = r.nameGenitive ? (JSON.parse(r.nameGenitive) as LocalizedText) : null;
    return {
      id: r.id,
      bodyId: r.bodyId,
      kind: r.kind,
      status: r.status,
      startDate: r.startDate,
      endDate: r.endDate,
      bodyKind: r.bodyKind,
      // English from the name ("of the Commission …": the generated genitives carry their own
      // "the"), Russian from the genitive.
      name: {
        en: meetingName(toRoman(r.number), r.kind, name, null).en,
        ru: meetingName(toRoman(r.number), r.kind, name, genitive).ru,
      },
      genitive: [genitive?.en ?? name.en ?? '', genitive?.ru ?? name.ru ?? ''],
    };
  });
  const author = await g.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', BENCH_EMAIL)
    .executeTakeFirst();
  const today = isoDate(g.today);
  const nowStamp = new Date().toISOString();
  const taken = new Set<string>();
  type Plan = {
    section: 'news' | 'announcements' | 'press_releases';
    title: Pair;
    summary: Pair;
    topic: Pair;
    genitive: Pair;
    opening: Pair;
    meetingId: string | null;
    bodyId: string | null;
    day: Date;
  };
  const plans: Plan[] = [];
  const secretariat: Pair = ['the Secretariat', 'Секретариата'];
  for (const m of meetingsList) {
    const date = formatLongDate(dayOf(m.startDate));
    const name: Pair = [m.name.en ?? '', m.name.ru ?? ''];
    const topic = rng.pick(AGENDA_TOPICS);
    const major = m.bodyKind === 'commission' || m.bodyKind === 'council';
    if (major && (m.status === 'held' || m.status === 'announced')) {
      const day = addDays(dayOf(m.startDate), -rng.int(21, 42));
      if (isoDate(day) <= today) {
        plans.push({
          section: 'announcements',
          title: [`The ${name[0]} will be held on ${date[0]}`, `${name[1]} состоится ${date[1]}`],
          summary: [
            `The agenda includes the question of ${topic[0]}.`,
            `В повестку дня включён вопрос ${about(topic[1])} ${topic[1]}.`,
          ],
          topic,
          genitive: m.genitive,
          opening: rng.pick(NEWS_OPENINGS),
          meetingId: m.id,
          bodyId: m.bodyId,
          day,
        });
      }
    }
    if (m.status === 'held') {
      const day = addDays(dayOf(m.endDate), rng.int(0, 2));
      plans.push({
        section: 'news',
        title: [`The ${name[0]} has been held`, `Состоялось ${name[1]}`],
        summary: [
          `The meeting considered the question of ${topic[0]} and adopted decisions.`,
          `На заседании рассмотрен вопрос ${about(topic[1])} ${topic[1]} и приняты решения.`,
        ],
        topic,
        genitive: m.genitive,
        opening: NEWS_OPENINGS[0] as Pair,
        meetingId: m.id,
        bodyId: m.bodyId,
        day,
      });
      if (major || m.bodyKind === 'statutory_body') {
        plans.push({
          section: 'news',
          title: [`Results of the ${name[0]}`, `Итоги: ${name[1]}`],
          summary: [
            `The decisions of the meeting on ${topic[0]} are being sent to the member states.`,
            `Решения заседания ${about(topic[1])} ${topic[1]} направляются государствам-членам.`,
          ],
          topic,
          genitive: m.genitive,
          opening: NEWS_OPENINGS[1] as Pair,
          meetingId: m.id,
          bodyId: m.bodyId,
          day: addDays(day, rng.int(3, 10)),
        });
      }
    }
  }
  const target = scaled(g, NEWS_PUBLISHED);
  const span = Math.round((g.today.getTime() - g.windowStart.getTime()) / DAY_MS);
  while (plans.length < target) {
    const topic = rng.pick(rng.chance(0.5) ? AGENDA_TOPICS : DECISION_TOPICS);
    const prefix = rng.pick(PRESS_PREFIXES);
    const ru = prefix[1]
      ? `${prefix[1]}${about(topic[1])} ${topic[1]}`
      : `${about(topic[1], true)} ${topic[1]}`;
    plans.push({
      section: 'press_releases',
      title: [`${prefix[0]}${topic[0]}`, ru],
      summary: [
        `The Secretariat reports on the work of the member states on ${topic[0]}.`,
        `Секретариат сообщает о работе государств-членов по вопросу ${about(topic[1])} ${topic[1]}.`,
      ],
      topic,
      genitive: secretariat,
      opening: rng.pick(NEWS_OPENINGS.slice(2)),
      meetingId: null,
      bodyId: null,
      day: addDays(g.windowStart, rng.int(0, span)),
    });
  }
  plans.sort((a, b) => a.day.getTime() - b.day.getTime());
  const drafts = Math.round(plans.length * NEWS_DRAFT_SHARE);
  const total = plans.length + drafts + NEWS_SCHEDULED;
  function* newsRows(): Generator<Row<'newsItems'>> {
    for (let i = 0; i < total; i++) {
      const status =
        i < plans.length ? 'published' : i < plans.length + drafts ? 'draft' : 'scheduled';
      const plan =
        status === 'published'
          ? (plans[i] as Plan)
          : {
              ...(plans[rng.int(0, plans.length - 1)] as Plan),
              section: 'press_releases' as const,
            };
      const languages = rng.chance(0.85) ? ['en', 'ru'] : rng.chance(0.67) ? ['en'] : ['ru'];
      const pick = (pair: Pair): LocalizedText =>
        Object.fromEntries(languages.map((l) => [l, pair[l === 'en' ? 0 : 1]]));
      const title = pick(plan.title);
      const summary = pick(plan.summary);
      const markdown = newsMarkdown(
        rng,
        rng.int(300, 600),
        plan.topic,
        plan.genitive,
        plan.opening,
      );
      const body = pick([markdown.en, markdown.ru]);
      const slug = firstFreeSlug(slugify(title.en ?? title.ru ?? '') || 'news', taken);
      taken.add(slug);
      let publishedAt: string | null = null;
      let publishAt: string | null = null;
      let created: string;
      if (status === 'published') {
        publishedAt = stampOn(g, plan.day);
        created = new Date(Date.parse(publishedAt) - rng.int(1, 48) * 3_600_000).toISOString();
      } else if (status === 'scheduled') {
        publishAt = stampOn(g, addDays(g.today, rng.int(2, 30)));
        publishedAt = publishAt;
        created = nowStamp;
      } else {
        created = stampOn(g, addDays(g.today, -rng.int(0, 20)));
      }
      yield {
        id: newId(),
        slug,
        section: plan.section,
        title: storeText(title) as string,
        summary: storeText(summary),
        body: JSON.stringify(body),
        bodyHtml: JSON.stringify(renderLocalizedMarkdown(body)),
        status,
        publishAt,
        publishedAt,
        meetingId: status === 'published' ? plan.meetingId : null,
        bodyId: status === 'published' ? plan.bodyId : null,
        imageSha256: null,
        imageAlt: null,
        searchText: searchText(slug, title, summary),
        version: status === 'draft' ? 1 : 2,
        createdAt: created,
        updatedAt: publishedAt && status === 'published' ? publishedAt : created,
        createdBy: author?.id ?? null,
      };
    }
  }
  await insertRows(g, 'newsItems', total, newsRows());
}

/**
 * Adds the news to a kept database made before news existed (run.ts --reuse), when it has none:
 * the `news` area, then the news entries of the search index (as the service's reindex does).
 */
export async function addNews(
  db: Db,
  dialect: DialectName,
  progress: Progress,
  options: Partial<GenerateOptions> = {},
): Promise<{ items: number; ms: number } | null> {
  const existing = await db
    .selectFrom('newsItems')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    return null;
  }
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const started = performance.now();
  const today = new Date(
    Date.UTC(opts.today.getUTCFullYear(), opts.today.getUTCMonth(), opts.today.getUTCDate()),
  );
  const g = {
    db,
    dialect,
    rng: new Random(opts.seed),
    progress,
    scale: opts.scale,
    today,
    windowStart: addDays(today, 182 - SCALE.years * 365),
    counts: {},
  } as unknown as Generation;
  await news(g);
  const ids = await db.selectFrom('newsItems').select('id').execute();
  await db.transaction().execute(async (trx) => {
    for (const { id } of ids) {
      await reindex(trx, 'news', id);
    }
  });
  return { items: ids.length, ms: performance.now() - started };
}

/** The areas in dependency order. A new area is one more function here. */
export const AREAS: readonly Area[] = [
  { name: 'member states', run: memberStates },
  { name: 'bodies', run: bodies },
  { name: 'persons', run: persons },
  { name: 'memberships', run: memberships },
  { name: 'organizations', run: organizations },
  { name: 'meetings', run: meetings },
  { name: 'agenda items', run: agendaItems },
  { name: 'participants', run: participants },
  { name: 'users', run: users },
  { name: 'decisions', run: decisions },
  { name: 'assignments', run: assignments },
  { name: 'implementation reports', run: implementationReports },
  { name: 'decision aggregates', run: decisionAggregates },
  { name: 'implementation reviews', run: implementationReviews },
  { name: 'documents', run: documents },
  { name: 'news', run: news },
  { name: 'search index', run: searchIndex },
  { name: 'planner statistics', run: plannerStatistics },
];

export interface GenerateResult {
  counts: Record<string, number>;
  ms: number;
  /** Milliseconds per area, by its name (`search index` is the server's reindexAll). */
  timings: Record<string, number>;
  benchUser: { id: string; email: string; token: string };
  benchDelegate: { id: string; memberState: string; token: string };
}

/** Fills a migrated, empty database with the bench dataset. */
export async function generate(
  db: Db,
  dialect: DialectName,
  options: Partial<GenerateOptions> = {},
  progress = new Progress(),
): Promise<GenerateResult> {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const started = performance.now();
  const today = new Date(
    Date.UTC(opts.today.getUTCFullYear(), opts.today.getUTCMonth(), opts.today.getUTCDate()),
  );
  const windowStart = addDays(today, 182 - SCALE.years * 365);
  const setupAtDate = addDays(windowStart, -30);
  const g: Generation = {
    db,
    dialect,
    rng: new Random(opts.seed),
    progress,
    scale: opts.scale,
    today,
    windowStart,
    setupAt: new Date(setupAtDate.getTime() + 9 * 3_600_000).toISOString(),
    setupAtDate,
    counts: {},
    states: [],
    bodies: [],
    persons: [],
    personsByState: new Map(),
    secretariatStaff: [],
    seats: [],
    meetings: [],
    decisionItems: new Map(),
    delegates: new Map(),
    benchUser: null,
    benchDelegate: null,
    decisions: [],
    assignments: [],
  };
  const timings: Record<string, number> = {};
  for (const area of AREAS) {
    const areaStarted = performance.now();
    await area.run(g);
    timings[area.name] = performance.now() - areaStarted;
  }
  if (!g.benchUser || !g.benchDelegate) {
    throw new Error('The users area did not create the bench users.');
  }
  return {
    counts: g.counts,
    ms: performance.now() - started,
    timings,
    benchUser: g.benchUser,
    benchDelegate: g.benchDelegate,
  };
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) {
    return args[i + 1];
  }
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Command line: generates into a new SQLite file (or PostgreSQL schema) and keeps it. */
async function main(args: readonly string[]): Promise<void> {
  const pgUrl = pgUrlFromArgs(args);
  const scale = Number(argValue(args, '--scale') ?? '1');
  const seed = Number(argValue(args, '--seed') ?? DEFAULT_OPTIONS.seed);
  if (!(scale > 0) || !Number.isInteger(seed)) {
    throw new Error('--scale takes a positive number and --seed an integer.');
  }
  const out =
    argValue(args, '--out') ?? (pgUrl ? undefined : path.join('data', `bench-${Date.now()}.db`));
  const progress = new Progress();
  const bench = await openFreshDatabase({ pgUrl, ...(out ? { file: out } : {}) });
  progress.line(`Generating the bench dataset (scale ${scale}) into ${bench.where}`);
  try {
    const result = await generate(bench.handle.db, bench.handle.dialect, { scale, seed }, progress);
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
    progress.line(`Done: ${formatCount(rows)} rows in ${formatSeconds(result.ms)}.`);
    progress.line(
      `Secretariat user ${result.benchUser.email}, API token ${result.benchUser.token}`,
    );
    if (bench.target.schema) {
      progress.line(
        `Kept schema ${bench.target.schema}; drop it with: drop schema ${bench.target.schema} cascade`,
      );
    }
  } finally {
    await bench.handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
