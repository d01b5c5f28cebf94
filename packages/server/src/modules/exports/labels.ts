import type {
  AssignmentStatus,
  DecisionStatus,
  LocalizedText,
  REPORT_STATUSES,
} from '@plenum/shared';

export type Lang = 'en' | 'ru';
type Both = Record<Lang, string>;

/** A LocalizedText in the export's language, falling back to the other one. */
export function pick(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) {
    return '';
  }
  return text[lang] ?? text[lang === 'en' ? 'ru' : 'en'] ?? '';
}

/** A date inside a sentence: ISO in English, DD.MM.YYYY in Russian. */
export function dateInText(iso: string, lang: Lang): string {
  if (lang === 'en') {
    return iso;
  }
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export const DECISION_KIND_LABELS: Record<'decision' | 'recommendation' | 'instruction', Both> = {
  decision: { en: 'Decision', ru: 'Решение' },
  recommendation: { en: 'Recommendation', ru: 'Рекомендация' },
  instruction: { en: 'Instruction', ru: 'Поручение' },
};

export const DECISION_STATUS_LABELS: Record<DecisionStatus, Both> = {
  in_progress: { en: 'In progress', ru: 'Выполняется' },
  overdue: { en: 'Overdue', ru: 'Просрочено' },
  implemented: { en: 'Implemented', ru: 'Выполнено' },
  cancelled: { en: 'Cancelled', ru: 'Отменено' },
  superseded: { en: 'Superseded', ru: 'Заменено' },
};

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, Both> = {
  pending: { en: 'Awaiting report', ru: 'Ожидается информация' },
  in_progress: { en: 'In progress', ru: 'Выполняется' },
  implemented: { en: 'Implemented', ru: 'Выполнено' },
  not_implemented: { en: 'Not implemented', ru: 'Не выполнено' },
  not_applicable: { en: 'Not applicable', ru: 'Неприменимо' },
};

export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const SOURCE_LABELS: Record<'own' | 'statutory', Both> = {
  own: { en: 'Own decision', ru: 'Собственное решение' },
  statutory: { en: 'Statutory body', ru: 'Уставной орган' },
};

export const OVERDUE: Both = { en: 'overdue', ru: 'просрочено' };
export const REPORT_OF: Both = { en: 'report of', ru: 'информация от' };

export const REGISTER_HEADINGS: Record<Lang, string[]> = {
  en: [
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
  ],
  ru: [
    'Номер',
    'Вид',
    'Наименование',
    'Принявший орган',
    'Заседание',
    'Дата принятия',
    'Статус',
    'Исполнители',
    'Ближайший срок',
    'Открытых поручений',
  ],
};

export const REVIEW_HEADINGS: Record<Lang, { fixed: string[]; atReview: string }> = {
  en: { fixed: ['Number', 'Title', 'Source', 'Status'], atReview: 'Status at the review' },
  ru: {
    fixed: ['Номер', 'Наименование', 'Источник', 'Статус'],
    atReview: 'Статус на дату рассмотрения',
  },
};

export const REVIEW_SUMMARY: Record<
  Lang,
  {
    sheet: string;
    matrixSheet: string;
    title: string;
    meeting: string;
    asOf: string;
    recorded: string;
    yes: string;
    no: string;
    total: string;
    implemented: string;
    inProgress: string;
    overdue: string;
    notImplemented: string;
    closed: string;
    legend: string;
  }
> = {
  en: {
    sheet: 'Summary',
    matrixSheet: 'Implementation',
    title: 'Summary',
    meeting: 'Meeting',
    asOf: 'As of',
    recorded: 'Recorded at the meeting',
    yes: 'yes',
    no: 'no',
    total: 'Decisions reviewed',
    implemented: 'Implemented',
    inProgress: 'In progress',
    overdue: 'Overdue',
    notImplemented: 'Not implemented',
    closed: 'Cancelled or superseded',
    legend: 'Colours',
  },
  ru: {
    sheet: 'Итоги',
    matrixSheet: 'Выполнение',
    title: 'Итоги',
    meeting: 'Заседание',
    asOf: 'По состоянию на',
    recorded: 'Зафиксировано на заседании',
    yes: 'да',
    no: 'нет',
    total: 'Рассмотрено решений',
    implemented: 'Выполнено',
    inProgress: 'Выполняется',
    overdue: 'Просрочено',
    notImplemented: 'Не выполнено',
    closed: 'Отменено или заменено',
    legend: 'Цвета',
  },
};

/** What each colour of the matrix means. */
export const LEGEND: Record<Lang, Record<'good' | 'progress' | 'bad' | 'neutral', string>> = {
  en: {
    good: 'Implemented',
    progress: 'In progress or awaiting report',
    bad: 'Overdue or not implemented',
    neutral: 'Not applicable, cancelled or superseded',
  },
  ru: {
    good: 'Выполнено',
    progress: 'Выполняется или ожидается информация',
    bad: 'Просрочено или не выполнено',
    neutral: 'Неприменимо, отменено или заменено',
  },
};

/** "XXI meeting of the …": the Russian takes the body's genitive name when it is recorded. */
export function meetingName(
  lang: Lang,
  numeral: string,
  extraordinary: boolean,
  name: LocalizedText,
  genitive: LocalizedText | null,
): string {
  if (lang === 'en') {
    return `${numeral} ${extraordinary ? 'extraordinary meeting' : 'meeting'} of the ${pick(name, 'en')}`;
  }
  const kind = extraordinary ? 'внеочередное заседание' : 'заседание';
  return genitive?.ru
    ? `${numeral} ${kind} ${genitive.ru}`
    : `${numeral} ${kind}: ${pick(name, 'ru')}`;
}

/** The bulk reporting sheet. Its headings are how the import finds its columns again. */
export const BULK = {
  en: {
    sheet: 'Assignments',
    instructionsSheet: 'Instructions',
    headings: {
      id: 'ID (do not change)',
      number: 'Decision',
      title: 'Title',
      assignee: 'Assignee',
      dueDate: 'Due date',
      currentStatus: 'Current status',
      newStatus: 'New status',
      text: 'Report text',
      reportedOn: 'Reported on',
    },
    instructions: (who: string, today: string) => [
      `Open assignments of ${who} as of ${today}.`,
      'For each assignment on which you report, choose a “New status” from the list; add the “Report text” and the date in “Reported on” (today when empty).',
      'Rows without a new status are skipped. Do not change the ID column.',
      'Upload the file in Plenum: a check shows every row’s result before anything is saved.',
    ],
    listPrompt: 'Choose the status you report',
    listError: 'Choose one of the statuses in the list.',
    dateError: 'Enter a date.',
  },
  ru: {
    sheet: 'Поручения',
    instructionsSheet: 'Инструкция',
    headings: {
      id: 'ID (не изменять)',
      number: 'Решение',
      title: 'Наименование',
      assignee: 'Исполнитель',
      dueDate: 'Срок',
      currentStatus: 'Текущий статус',
      newStatus: 'Новый статус',
      text: 'Текст информации',
      reportedOn: 'Дата информации',
    },
    instructions: (who: string, today: string) => [
      `Открытые поручения: ${who}, по состоянию на ${today}.`,
      'По каждому поручению, о выполнении которого вы сообщаете, выберите «Новый статус» из списка; добавьте «Текст информации» и дату в «Дата информации» (пусто — сегодня).',
      'Строки без нового статуса пропускаются. Не изменяйте столбец ID.',
      'Загрузите файл в Plenum: проверка покажет результат по каждой строке до сохранения.',
    ],
    listPrompt: 'Выберите статус',
    listError: 'Выберите один из статусов списка.',
    dateError: 'Введите дату.',
  },
} as const;

export type BulkColumn = keyof (typeof BULK)['en']['headings'];

export const FILE_NAMES: Record<
  'register' | 'review' | 'assignments',
  Record<Lang, (suffix: string) => string>
> = {
  register: { en: (s) => `decisions-${s}`, ru: (s) => `решения-${s}` },
  review: { en: (s) => `implementation-review-${s}`, ru: (s) => `выполнение-решений-${s}` },
  assignments: { en: (s) => `assignments-${s}`, ru: (s) => `поручения-${s}` },
};
