import type { Lang } from '../../modules/exports/labels.ts';

// The fixed words of the minutes and of the list of decisions, in English and Russian. Labels of
// decision and assignment statuses are the exports module's, so every document says the same.
export {
  ASSIGNMENT_STATUS_LABELS,
  DECISION_KIND_LABELS,
  DECISION_STATUS_LABELS,
  type Lang,
} from '../../modules/exports/labels.ts';

type Both = Record<Lang, string>;

const MONTHS: Record<Lang, string[]> = {
  en: [
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
  ],
  ru: [
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
  ],
};

/** "27 April 2030" / "27 апреля 2030 г." */
export function longDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = MONTHS[lang][m - 1] ?? '';
  return lang === 'en' ? `${d} ${month} ${y}` : `${d} ${month} ${y} г.`;
}

/** A meeting's dates: one day, "27–28 April 2030", or two full dates across months. */
export function dateRange(from: string, to: string, lang: Lang): string {
  if (from === to) {
    return longDate(from, lang);
  }
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number, number];
  if (fy === ty && fm === tm) {
    return `${fd}–${longDate(to, lang)}`;
  }
  return `${longDate(from, lang).replace(/ г\.$/, '')} – ${longDate(to, lang)}`;
}

export const L = {
  minutes: { en: 'MINUTES', ru: 'ПРОТОКОЛ' },
  decisionsTitle: { en: 'DECISIONS', ru: 'РЕШЕНИЯ' },
  draftNotIssued: {
    en: 'DRAFT — NOT ISSUED (assembled from the record as it stands)',
    ru: 'ПРОЕКТ — НЕ ВЫПУЩЕН (составлен по текущим данным)',
  },
  revisionDraft: { en: 'Revision {n} — draft', ru: 'Редакция {n} — проект' },
  revisionApproved: {
    en: 'Revision {n} — approved on {date} at the {meeting}',
    ru: 'Редакция {n} — утверждена {date} на {meeting}',
  },
  chair: { en: 'Chaired by', ru: 'Председательствовал' },
  present: { en: 'Present', ru: 'Присутствовали' },
  delegationOf: { en: 'Delegation of {name}', ru: 'Делегация: {name}' },
  representativesOf: { en: 'Representatives of {name}', ru: 'Представители: {name}' },
  inOwnRight: { en: 'Also present', ru: 'Также присутствовали' },
  noParticipants: { en: 'No participants were recorded.', ru: 'Участники не записаны.' },
  previousMinutes: { en: 'Minutes of the previous meeting', ru: 'Протокол предыдущего заседания' },
  previousApproved: {
    en: 'Minutes of the {numeral} meeting ({dates}), approved on {date} at the {meeting}.',
    ru: 'Протокол {numeral} заседания ({dates}) утверждён {date} на {meeting}.',
  },
  previousNotApproved: {
    en: 'Minutes of the {numeral} meeting ({dates}): revision {n}, not yet approved.',
    ru: 'Протокол {numeral} заседания ({dates}): редакция {n}, ещё не утверждён.',
  },
  previousNone: {
    en: 'Minutes of the {numeral} meeting ({dates}) have not been issued.',
    ru: 'Протокол {numeral} заседания ({dates}) не выпущен.',
  },
  agenda: { en: 'AGENDA', ru: 'ПОВЕСТКА ДНЯ' },
  noAgenda: { en: 'No agenda items were recorded.', ru: 'Пункты повестки дня не записаны.' },
  rapporteur: { en: 'Rapporteur', ru: 'Докладчик' },
  documents: { en: 'Documents considered', ru: 'Рассмотренные документы' },
  decided: { en: 'DECIDED:', ru: 'РЕШИЛИ:' },
  noDecisions: {
    en: 'No decision was adopted under this item.',
    ru: 'По этому пункту решения не принимались.',
  },
  otherDecisions: { en: 'Other decisions adopted', ru: 'Иные принятые решения' },
  review: { en: 'Implementation of decisions', ru: 'О ходе выполнения решений' },
  reviewSummary: {
    en: 'Decisions reviewed: {total}; implemented: {implemented}; in progress: {inProgress}; overdue: {overdue}; not implemented: {notImplemented}; cancelled or superseded: {closed}.',
    ru: 'Рассмотрено решений: {total}; выполнено: {implemented}; выполняется: {inProgress}; просрочено: {overdue}; не выполнено: {notImplemented}; отменено или заменено: {closed}.',
  },
  reviewHeadings: {
    en: ['No.', 'Title', 'Status', 'Assignees'],
    ru: ['№', 'Наименование', 'Статус', 'Исполнители'],
  },
  due: { en: 'due', ru: 'срок' },
  signatures: {
    chair: { en: 'Chair', ru: 'Председатель' },
    secretary: { en: 'Secretary-General', ru: 'Генеральный секретарь' },
  },
  page: { en: 'Page {page} of {pages}', ru: 'Стр. {page} из {pages}' },
  fallback: {
    en: '[available in Russian only]',
    ru: '[имеется только на английском языке]',
  },
  decisionsNone: {
    en: 'No decision was adopted at this meeting.',
    ru: 'На этом заседании решения не принимались.',
  },
  adoptedOn: { en: 'Adopted on {date}', ru: 'Принято {date}' },
  positions: { en: 'Positions of the delegations', ru: 'Позиции делегаций' },
  position: {
    concur: { en: 'concurs', ru: 'согласие' },
    concur_with_reservation: { en: 'concurs with a reservation', ru: 'согласие с оговоркой' },
    object: { en: 'objects', ru: 'возражение' },
    abstain: { en: 'abstains', ru: 'воздержание' },
  },
  specialOpinion: { en: 'Special opinion', ru: 'Особое мнение' },
  attendance: {
    en: 'Delegations of the member states present',
    ru: 'Присутствовали делегации государств-членов',
  },
  writtenDecisions: {
    en: 'Decisions adopted by written procedure',
    ru: 'Решения, принятые в порядке письменной процедуры',
  },
  writtenIntro: {
    en: 'The meeting took note of the decisions adopted by written procedure since the previous meeting.',
    ru: 'Заседание приняло к сведению решения, принятые в порядке письменной процедуры после предыдущего заседания.',
  },
  fileMinutes: { en: 'minutes-{numeral}-meeting', ru: 'протокол-{numeral}-заседания' },
  fileDecisions: { en: 'decisions-{numeral}-meeting', ru: 'решения-{numeral}-заседания' },
} satisfies Record<string, Both | Record<string, Both> | Record<Lang, string[]>>;

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
