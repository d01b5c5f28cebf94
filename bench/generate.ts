/**
 * The bench's data generator: fills a fresh database at DESIGN §6 scale (commission scale ×10).
 *
 * Each area is one function of the `AREAS` list; it reads what earlier areas produced from the
 * shared `Generation` (states, bodies, persons, meetings …), streams its rows to `insertRows`
 * (multi-row INSERTs inside transactions, with a progress line per table) and records what later
 * areas need. Rows are shaped exactly as the services write them: LocalizedText as JSON text,
 * `search_text` lower-cased by the server's own `searchText`, version 1, ISO timestamps, UUID v7
 * ids from `newId`. Adding an area (decisions, implementation reports, documents) is one more
 * function appended to `AREAS`.
 *
 * Run on its own: `node --import tsx bench/generate.ts [--pg[=URL]] [--out FILE] [--scale N]`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toRoman } from '@plenum/shared';
import type { Insertable, InsertObject } from 'kysely';
import type { Database } from '../packages/server/src/db/database.ts';
import type { Db, DialectName } from '../packages/server/src/db/dialect.ts';
import { createToken } from '../packages/server/src/modules/auth/service.ts';
import { sortKey } from '../packages/server/src/modules/directory/service.ts';
import { insertUser } from '../packages/server/src/modules/users/service.ts';
import { hashPassword } from '../packages/server/src/platform/auth.ts';
import type { Actor } from '../packages/server/src/platform/context.ts';
import { newId } from '../packages/server/src/platform/ids.ts';
import { searchText, storeText } from '../packages/server/src/platform/text.ts';
import {
  AGENDA_TOPICS,
  COMMISSIONS,
  COUNCILS,
  FIRST_NAMES,
  GROUP_SUBJECTS,
  LAST_NAMES,
  ORGANIZATION_FIELDS,
  type Pair,
  POSITIONS,
  STATES,
  STATUTORY_BODIES,
  type StateEntry,
  VENUES,
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
  benchUser: { id: string; email: string; token: string } | null;
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
    draftOf(m).forEach((d, i) => {
      const parent = row(d, i + 1, null);
      roots.push(parent);
      (d.children ?? []).forEach((c, j) => {
        children.push(row(c, j + 1, parent.id as string));
      });
    });
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
    name: 'Bench Secretariat Officer',
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
  progress.add(rows.length);
  const { rows: count } = progress.finish();
  g.counts.users = count;
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
];

export interface GenerateResult {
  counts: Record<string, number>;
  ms: number;
  benchUser: { id: string; email: string; token: string };
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
    benchUser: null,
  };
  for (const area of AREAS) {
    await area.run(g);
  }
  if (!g.benchUser) {
    throw new Error('The users area did not create the bench user.');
  }
  return { counts: g.counts, ms: performance.now() - started, benchUser: g.benchUser };
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
