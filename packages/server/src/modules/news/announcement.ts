import {
  type AnnouncementDraft,
  type Language,
  type LocalizedText,
  type Location,
  type NewsItem,
  toRoman,
} from '@plenum/shared';
import { requireContentWriter } from '../../platform/access.ts';
import type { Ctx, Tx } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { readableMeeting } from '../meetings/service.ts';
import * as data from './announcement.repository.ts';
import { createNewsItem, suggestSlug } from './service.ts';

/**
 * The announcement generator (DESIGN §2): from a meeting record, the public announcement of the
 * meeting in one language, as the seed announcement words it: where and when the body meets
 * (host city, capital of which state, the ordinal, the date in the meeting's own time zone), who
 * chairs it with what position, which notable persons take part, the agenda's reviews and main
 * items, the councils that meet on the eve, and the body's founding decision and tasks. It only
 * states what the record holds: a missing fact leaves its sentence out, never a placeholder.
 */

// ---- Words -----------------------------------------------------------------------------------

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Genitive ("27 апреля") and prepositional ("в апреле") month names. */
const MONTHS_RU_GEN = [
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
const MONTHS_RU_PREP = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];

function dateParts(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** "April 27, 2023" / "27 апреля 2023 года" (a calendar date: already the meeting's local date). */
export function longDate(date: string, lang: Language): string {
  const { y, m, d } = dateParts(date);
  return lang === 'en'
    ? `${MONTHS_EN[m - 1]} ${d}, ${y}`
    : `${d} ${MONTHS_RU_GEN[m - 1]} ${y} года`;
}

/** "October 2022" / "октябре 2022 года" (after "в"). */
function monthYear(date: string, lang: Language): string {
  const { y, m } = dateParts(date);
  return lang === 'en' ? `${MONTHS_EN[m - 1]} ${y}` : `${MONTHS_RU_PREP[m - 1]} ${y} года`;
}

function dayBefore(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/**
 * Capitals, so that the announcement can say "in Dushanbe, the capital of the Republic of
 * Tajikistan" (the record holds the city and the country, not whether it is the capital), with
 * the Russian genitive of the state's name ("в столице Республики Таджикистан"). A city not
 * listed is named with its country, without the word "capital".
 */
const CAPITALS: Record<string, { en: string; ru: string; stateRuGenitive: string }> = {
  ARM: { en: 'Yerevan', ru: 'Ереван', stateRuGenitive: 'Республики Армения' },
  AZE: { en: 'Baku', ru: 'Баку', stateRuGenitive: 'Азербайджанской Республики' },
  BLR: { en: 'Minsk', ru: 'Минск', stateRuGenitive: 'Республики Беларусь' },
  CHN: { en: 'Beijing', ru: 'Пекин', stateRuGenitive: 'Китайской Народной Республики' },
  GEO: { en: 'Tbilisi', ru: 'Тбилиси', stateRuGenitive: 'Грузии' },
  KAZ: { en: 'Astana', ru: 'Астана', stateRuGenitive: 'Республики Казахстан' },
  KGZ: { en: 'Bishkek', ru: 'Бишкек', stateRuGenitive: 'Кыргызской Республики' },
  MDA: { en: 'Chisinau', ru: 'Кишинёв', stateRuGenitive: 'Республики Молдова' },
  MNG: { en: 'Ulaanbaatar', ru: 'Улан-Батор', stateRuGenitive: 'Монголии' },
  RUS: { en: 'Moscow', ru: 'Москва', stateRuGenitive: 'Российской Федерации' },
  SRB: { en: 'Belgrade', ru: 'Белград', stateRuGenitive: 'Республики Сербия' },
  TJK: { en: 'Dushanbe', ru: 'Душанбе', stateRuGenitive: 'Республики Таджикистан' },
  TKM: { en: 'Ashgabat', ru: 'Ашхабад', stateRuGenitive: 'Туркменистана' },
  UZB: { en: 'Tashkent', ru: 'Ташкент', stateRuGenitive: 'Республики Узбекистан' },
};

function isCapital(location: Location): boolean {
  const capital = CAPITALS[location.country];
  if (!capital) {
    return false;
  }
  const same = (a: string | undefined, b: string) =>
    a !== undefined &&
    a.trim().toLocaleLowerCase('ru').replace('ё', 'е') ===
      b.toLocaleLowerCase('ru').replace('ё', 'е');
  return same(location.city.en, capital.en) || same(location.city.ru, capital.ru);
}

/**
 * The Russian locative of a one-word city name ("в Москве", "в Минске"); names that do not
 * decline (Душанбе, Баку, Алматы) or whose form cannot be told are kept as they are.
 */
export function ruLocative(city: string): string {
  if (!/^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$/.test(city)) {
    return city;
  }
  if (/ия$/.test(city)) {
    return `${city.slice(0, -1)}и`;
  }
  if (/[ая]$/.test(city)) {
    return `${city.slice(0, -1)}е`;
  }
  if (/й$/.test(city)) {
    return `${city.slice(0, -1)}е`;
  }
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(city)) {
    return `${city}е`;
  }
  return city;
}

/** English names of states and bodies take "the" ("the Republic of Tajikistan"). */
function withThe(name: string): string {
  if (/^the\s/i.test(name)) {
    return name;
  }
  return /\b(Republic|Federation|Kingdom|Union|States|Emirates|Islands|Commission|Council|Committee|Organization|Secretariat|Group|Board)\b/.test(
    name,
  )
    ? `the ${name}`
    : name;
}

/** An abbreviation takes "the" in English ("the ICMEC"); a name follows withThe. */
const theName = (name: string) => (/^[A-Z]{2,}\b/.test(name) ? `the ${name}` : withThe(name));

const lowerFirst = (s: string) =>
  s.length > 1 && s[1] === s[1]?.toLowerCase() ? s[0]?.toLowerCase() + s.slice(1) : s;
const upperFirst = (s: string) => (s[0]?.toUpperCase() ?? '') + s.slice(1);

/** Joins a list: "a", "a and b", "a, b and c" / "a и b". */
function joinList(items: string[], lang: Language, separator = ', '): string {
  const and = lang === 'en' ? ' and ' : ' и ';
  if (items.length <= 1) {
    return items[0] ?? '';
  }
  return `${items.slice(0, -1).join(separator)}${and}${items[items.length - 1]}`;
}

/** An agenda title as a phrase after "consideration of" / "рассмотрение вопросов". */
function agendaPhrase(title: string, lang: Language): string {
  const text = title.trim().replace(/[.;]$/, '');
  if (lang === 'en') {
    const m = /^(?:On|Regarding|About)\s+(.+)$/.exec(text);
    return m?.[1] ? lowerFirst(m[1]) : `“${text}”`;
  }
  return /^(О|Об|Обо)\s/.test(text) ? lowerFirst(text) : `«${text}»`;
}

/** The past participle's gender follows the body's name: "Комиссия образована", "Совет образован". */
function ruEstablished(name: string): string {
  const first = name.split(/\s+/)[0]?.toLocaleLowerCase('ru') ?? '';
  if (/(ая|яя|а|я|ь)$/.test(first) && !/(ий|ый|ой)$/.test(first)) {
    return /ь$/.test(first) ? 'образован' : 'образована';
  }
  if (/(ое|ее|о|е)$/.test(first)) {
    return 'образовано';
  }
  return 'образован';
}

/** The founding act in the instrumental case: "Решение …" → "решением …". */
function ruInstrumental(text: string): string | null {
  const m = /^(Решение|Постановление|Соглашение|Распоряжение|Указ|Договор|Протокол)(\s.+)$/.exec(
    text.trim(),
  );
  if (!m?.[1]) {
    return null;
  }
  const word = m[1].toLocaleLowerCase('ru');
  const instrumental = /ие$/.test(word) ? `${word.slice(0, -2)}ием` : `${word}ом`;
  return `${instrumental}${m[2]}`;
}

// ---- The announcement ------------------------------------------------------------------------

interface Facts {
  meeting: Awaited<ReturnType<typeof readableMeeting>>;
  body: NonNullable<Awaited<ReturnType<typeof data.findBody>>>;
  location: Location | null;
  stateName: LocalizedText | null;
  chair: { name: LocalizedText; position: LocalizedText | null } | null;
  notables: { name: LocalizedText; position: LocalizedText | null }[];
  agenda: { kind: string; title: LocalizedText }[];
  previous: Awaited<ReturnType<typeof data.findPreviousMeeting>>;
  previousLocation: Location | null;
  eve: { startDate: string; name: LocalizedText; genitive: LocalizedText | null }[];
}

async function gatherFacts(db: Tx, meeting: Facts['meeting']): Promise<Facts> {
  const body = await data.findBody(db, meeting.bodyId);
  if (!body) {
    throw new Error(`meeting ${meeting.id} without its body`);
  }
  const location = meeting.location ? (JSON.parse(meeting.location) as Location) : null;
  const state = location ? await data.findStateName(db, location.country) : undefined;
  const participants = await data.listNamedParticipants(db, meeting.id);
  const chairRow = participants.find((p) => p.role === 'chair');
  let chair: Facts['chair'] = chairRow
    ? { name: parseText(chairRow.name), position: parseTextOrNull(chairRow.position) }
    : null;
  if (!chair && meeting.chairPersonId) {
    const person = await data.findPerson(db, meeting.chairPersonId);
    chair = person
      ? { name: parseText(person.name), position: parseTextOrNull(person.position) }
      : null;
  }
  const notables = participants
    .filter((p) => p.notable === 1 && p.role !== 'chair' && p.personId !== meeting.chairPersonId)
    .map((p) => ({ name: parseText(p.name), position: parseTextOrNull(p.position) }));
  const previous = await data.findPreviousMeeting(db, meeting.bodyId, meeting.number);
  const eve = await data.listEveMeetings(db, meeting.id);
  return {
    meeting,
    body,
    location,
    stateName: state ? parseText(state.name) : null,
    chair,
    notables,
    agenda: (await data.listTopAgendaItems(db, meeting.id)).map((i) => ({
      kind: i.kind,
      title: parseText(i.title),
    })),
    previous,
    previousLocation: previous?.location ? (JSON.parse(previous.location) as Location) : null,
    eve: eve.map((e) => ({
      startDate: e.startDate,
      name: parseText(e.bodyName),
      genitive: parseTextOrNull(e.bodyNameGenitive),
    })),
  };
}

/** A text in the language, else in the other (proper names); prose is never mixed. */
const nameIn = (text: LocalizedText, lang: Language) =>
  text[lang] ?? text[lang === 'en' ? 'ru' : 'en'] ?? '';

function english(f: Facts): { title: string; summary: string; body: string } {
  const lang = 'en';
  const bodyName = nameIn(parseText(f.body.name), lang);
  const shortName = parseTextOrNull(f.body.shortName)?.en;
  const numeral = toRoman(f.meeting.number);
  const meetingWord = f.meeting.kind === 'extraordinary' ? 'extraordinary meeting' : 'meeting';
  const ordinal = `${numeral} ${meetingWord}`;
  const city = f.location ? nameIn(f.location.city, lang) : null;
  const state = f.stateName?.en ? withThe(f.stateName.en) : null;
  const date = longDate(f.meeting.startDate, lang);
  const time = f.meeting.startTime ? ` at ${f.meeting.startTime} local time` : '';

  let where = '';
  if (f.location && city) {
    where = state
      ? isCapital(f.location)
        ? ` in ${city}, the capital of ${state},`
        : ` in ${city}, ${state},`
      : ` in ${city}`;
  }
  const paragraphs: string[] = [];
  const opening = [
    `The ${ordinal} of ${theName(bodyName)} will be held${where} on ${date}${time}.`.replace(
      ',,',
      ',',
    ),
  ];
  if (f.chair) {
    const position = f.chair.position?.en;
    opening.push(
      `The meeting will be chaired by ${nameIn(f.chair.name, lang)}${position ? `, ${position}` : ''}.`,
    );
  }
  paragraphs.push(opening.join(' '));

  if (f.notables.length > 0) {
    // "A, position, will take part"; several with positions are set apart by semicolons.
    const people = f.notables.map((p) =>
      p.position?.en ? `${nameIn(p.name, lang)}, ${p.position.en}` : nameIn(p.name, lang),
    );
    const withPositions = f.notables.some((p) => p.position?.en);
    const list =
      people.length > 1 && withPositions
        ? `${people.slice(0, -1).join('; ')}; and ${people[people.length - 1]}`
        : joinList(people, lang);
    const closing = f.notables[f.notables.length - 1]?.position?.en ? ',' : '';
    paragraphs.push(`${list}${closing} will take part in the meeting.`);
  }

  const reviews: string[] = [];
  const main: string[] = [];
  for (const item of f.agenda) {
    const title = item.title.en;
    if (item.kind === 'implementation_review') {
      if (f.previous) {
        const prevCity = f.previousLocation ? nameIn(f.previousLocation.city, lang) : null;
        reviews.push(
          `the implementation of the decisions of the ${toRoman(f.previous.number)} meeting of the ${
            shortName ?? bodyName
          } held in ${monthYear(f.previous.startDate, lang)}${prevCity ? ` in ${prevCity}` : ''}`,
        );
      } else if (title) {
        reviews.push(agendaPhrase(title, lang));
      }
    } else if (item.kind === 'statutory_review') {
      if (title) {
        reviews.push(agendaPhrase(title, lang));
      }
    } else if (item.kind !== 'other' && title) {
      main.push(agendaPhrase(title, lang));
    }
  }
  const agendaWord = f.meeting.agendaStatus === 'approved' ? 'The agenda' : 'The draft agenda';
  if (reviews.length > 0) {
    const [first, ...rest] = reviews;
    paragraphs.push(
      `${agendaWord} provides for consideration of ${first}${rest.length > 0 ? `, as well as ${joinList(rest, lang)}` : ''}.`,
    );
  }
  if (main.length > 0) {
    paragraphs.push(
      `${reviews.length > 0 ? 'In particular, it is planned to discuss' : `${agendaWord} provides for discussion of`} ${joinList(main, lang, '; ')}.`,
    );
  }

  if (f.eve.length > 0) {
    const names = (list: Facts['eve']) =>
      list.map((e) => theName(nameIn(e.genitive ?? e.name, lang)));
    const eveDay = dayBefore(f.meeting.startDate);
    const onEve = f.eve.filter((e) => e.startDate === eveDay);
    const others = f.eve.filter((e) => e.startDate !== eveDay);
    const held = (list: Facts['eve']) =>
      list.length === 1
        ? `a meeting of ${names(list)[0]}`
        : `the meetings of ${joinList(names(list), lang, ', ')}`;
    if (onEve.length > 0) {
      paragraphs.push(`On the eve of the meeting, ${held(onEve)} will be held.`);
    }
    for (const e of others) {
      paragraphs.push(
        `${e.startDate < f.meeting.startDate ? 'In preparation for the meeting' : 'Alongside the meeting'}, a meeting of ${theName(nameIn(e.genitive ?? e.name, lang))} will be held on ${longDate(e.startDate, lang)}.`,
      );
    }
  }

  const establishedBy = parseTextOrNull(f.body.establishedBy)?.en;
  if (establishedBy) {
    paragraphs.push(
      `${upperFirst(theName(bodyName))} was established by the ${lowerFirst(establishedBy.replace(/\.$/, ''))}.`,
    );
  } else if (f.body.established) {
    paragraphs.push(
      `${upperFirst(theName(bodyName))} was established on ${longDate(f.body.established, lang)}.`,
    );
  }
  const mandate = parseTextOrNull(f.body.mandate)?.en;
  if (mandate) {
    paragraphs.push(mandate.trim());
  }

  const title = city
    ? `${city} will host the ${ordinal} of ${theName(bodyName)}`
    : `The ${ordinal} of ${theName(bodyName)} will be held on ${date}`;
  const summary = `The ${ordinal} of ${theName(shortName ?? bodyName)} will be held${city ? ` in ${city}` : ''} on ${date}.`;
  return { title, summary, body: paragraphs.join('\n\n') };
}

function russian(f: Facts): { title: string; summary: string; body: string } {
  const lang = 'ru';
  const bodyName = nameIn(parseText(f.body.name), lang);
  // Without its genitive form the name is quoted after a word that declines for it.
  const genitiveText = parseTextOrNull(f.body.nameGenitive)?.ru;
  const genitive = genitiveText ?? `органа «${bodyName}»`;
  const shortName = parseTextOrNull(f.body.shortName)?.ru;
  const numeral = toRoman(f.meeting.number);
  const ordinal = `${numeral} ${f.meeting.kind === 'extraordinary' ? 'внеочередное заседание' : 'заседание'}`;
  const city = f.location ? nameIn(f.location.city, lang) : null;
  const date = longDate(f.meeting.startDate, lang);
  const time = f.meeting.startTime ? ` в ${f.meeting.startTime} по местному времени` : '';

  let where = '';
  if (f.location && city) {
    const capital = CAPITALS[f.location.country];
    if (capital && isCapital(f.location)) {
      where = ` в столице ${capital.stateRuGenitive} — ${city} —`;
    } else {
      const state = f.stateName?.ru;
      where = ` в ${ruLocative(city)}${state ? ` (${state})` : ''}`;
    }
  }
  const paragraphs: string[] = [];
  const opening = [`${date}${time}${where} состоится ${ordinal} ${genitive}.`];
  if (f.chair) {
    const position = f.chair.position?.ru;
    opening.push(
      `Председательствовать на заседании будет ${nameIn(f.chair.name, lang)}${position ? ` — ${position}` : ''}.`,
    );
  }
  paragraphs.push(opening.join(' '));

  if (f.notables.length > 0) {
    const people = f.notables.map((p) =>
      p.position?.ru ? `${nameIn(p.name, lang)} — ${p.position.ru}` : nameIn(p.name, lang),
    );
    const withPositions = f.notables.some((p) => p.position?.ru);
    const verb = people.length === 1 ? 'примет' : 'примут';
    const list = withPositions ? people.join('; ') : joinList(people, lang);
    paragraphs.push(`В заседании ${verb} участие ${list}.`);
  }

  const reviews: string[] = [];
  const main: string[] = [];
  for (const item of f.agenda) {
    const title = item.title.ru;
    if (item.kind === 'implementation_review') {
      if (f.previous) {
        const prevCity = f.previousLocation?.city.ru;
        reviews.push(
          `о ходе выполнения решений ${toRoman(f.previous.number)} заседания ${shortName ?? genitive}, состоявшегося в ${monthYear(
            f.previous.startDate,
            lang,
          )}${prevCity ? ` в ${ruLocative(prevCity)}` : ''}`,
        );
      } else if (title) {
        reviews.push(agendaPhrase(title, lang));
      }
    } else if (item.kind === 'statutory_review') {
      if (title) {
        reviews.push(agendaPhrase(title, lang));
      }
    } else if (item.kind !== 'other' && title) {
      main.push(agendaPhrase(title, lang));
    }
  }
  const agendaWord =
    f.meeting.agendaStatus === 'approved' ? 'Повесткой дня' : 'Проектом повестки дня';
  if (reviews.length > 0) {
    const [first, ...rest] = reviews;
    paragraphs.push(
      `${agendaWord} предусмотрено рассмотрение вопросов ${first}${rest.length > 0 ? `, а также ${joinList(rest, lang)}` : ''}.`,
    );
  }
  if (main.length > 0) {
    paragraphs.push(
      `${reviews.length > 0 ? 'В частности, планируется обсудить вопросы' : `${agendaWord} предусмотрено обсуждение вопросов`} ${joinList(main, lang, '; ')}.`,
    );
  }

  if (f.eve.length > 0) {
    const eveDay = dayBefore(f.meeting.startDate);
    const gen = (e: Facts['eve'][number]) => e.genitive?.ru ?? `органа «${nameIn(e.name, lang)}»`;
    const onEve = f.eve.filter((e) => e.startDate === eveDay);
    const others = f.eve.filter((e) => e.startDate !== eveDay);
    if (onEve.length > 0) {
      paragraphs.push(
        onEve.length === 1
          ? `Накануне заседания состоится заседание ${gen(onEve[0] as Facts['eve'][number])}.`
          : `Накануне заседания состоятся заседания ${joinList(onEve.map(gen), lang)}.`,
      );
    }
    for (const e of others) {
      paragraphs.push(
        `${e.startDate < f.meeting.startDate ? 'В рамках подготовки к заседанию' : 'Одновременно с заседанием'} ${longDate(e.startDate, lang)} состоится заседание ${gen(e)}.`,
      );
    }
  }

  const establishedBy = parseTextOrNull(f.body.establishedBy)?.ru;
  const participle = ruEstablished(bodyName);
  const instrumental = establishedBy ? ruInstrumental(establishedBy.replace(/\.$/, '')) : null;
  if (instrumental) {
    paragraphs.push(`${bodyName} ${participle} ${instrumental}.`);
  } else if (establishedBy) {
    paragraphs.push(
      `${bodyName} ${participle} на основании документа «${establishedBy.replace(/\.$/, '')}».`,
    );
  } else if (f.body.established) {
    paragraphs.push(`${bodyName} ${participle} ${longDate(f.body.established, lang)}.`);
  }
  const mandate = parseTextOrNull(f.body.mandate)?.ru;
  if (mandate) {
    paragraphs.push(mandate.trim());
  }

  const title = city
    ? `В ${ruLocative(city)} пройдёт ${ordinal} ${genitive}`
    : `${date} пройдёт ${ordinal} ${genitive}`;
  const summary = `${date}${city ? ` в ${ruLocative(city)}` : ''} пройдёт ${ordinal} ${shortName ?? genitive}.`;
  return { title: upperFirst(title), summary, body: paragraphs.join('\n\n') };
}

/**
 * The announcement of a meeting as an unsaved draft news item. The secretariat and admins only;
 * a meeting the caller may not read answers 404, one it may read but not announce 403.
 */
export async function generateAnnouncement(
  ctx: Ctx,
  meetingId: string,
  lang: Language,
): Promise<AnnouncementDraft> {
  const meeting = await readableMeeting(ctx, meetingId);
  requireContentWriter(ctx.actor);
  const facts = await gatherFacts(ctx.db, meeting);
  const text = lang === 'en' ? english(facts) : russian(facts);
  return {
    section: 'announcements',
    language: lang,
    slug: await suggestSlug(ctx.db, { [lang]: text.title }),
    title: { [lang]: text.title },
    summary: { [lang]: text.summary },
    body: { [lang]: text.body },
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
  };
}

/** Generates the announcement and saves it as a draft news item of the meeting. */
export async function saveAnnouncement(
  ctx: Ctx,
  meetingId: string,
  lang: Language,
): Promise<NewsItem> {
  const draft = await generateAnnouncement(ctx, meetingId, lang);
  return createNewsItem(ctx, {
    section: draft.section,
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    meetingId: draft.meetingId,
    bodyId: draft.bodyId,
    imageSha256: null,
    imageAlt: null,
  });
}
