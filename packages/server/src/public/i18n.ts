/**
 * The portal's own interface strings in English and Russian (not the workspace's i18next files:
 * the portal renders on the server and needs only these) and its date formats.
 */

export const PORTAL_LANGUAGES = ['en', 'ru'] as const;
export type Lang = (typeof PORTAL_LANGUAGES)[number];

export const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'ru' : 'en');

const en = {
  siteName: 'Interstate Commission — public portal',
  siteShort: 'Plenum',
  skip: 'Skip to content',
  mainNav: 'Main',
  home: 'Home',
  news: 'News',
  allNews: 'All news',
  meetings: 'Meetings',
  bodies: 'Bodies',
  calendar: 'Calendar (iCalendar)',
  feeds: 'Feeds',
  languageSwitch: 'Русская версия',
  languageSwitchLabel: 'Язык: русский',
  latestNews: 'Latest news',
  upcomingMeetings: 'Upcoming meetings',
  pastMeetings: 'Past meetings',
  noUpcoming: 'No meetings are announced at present.',
  noNews: 'No news yet.',
  noMeetings: 'No public meetings.',
  sections: 'Sections',
  section_news: 'News',
  section_announcements: 'Announcements',
  section_press_releases: 'Press releases',
  allSections: 'All sections',
  backToSection: 'Back to the section',
  backToAllNews: 'Back to all news',
  previousItem: 'Previous',
  nextItem: 'Next',
  newerPage: 'Newer',
  olderPage: 'Older',
  pagination: 'Pages',
  pageOf: 'Page {page}',
  published: 'Published',
  relatedMeeting: 'Meeting',
  body: 'Body',
  onlyInOther: 'This item is available in Russian only.',
  partlyInOther: 'Parts of this page are available in Russian only.',
  readMore: 'Read more',
  date: 'Date',
  time: 'Time',
  timeIn: '{time} ({zone} time)',
  place: 'Place',
  chair: 'Chair',
  agenda: 'Agenda',
  draftAgenda: 'Draft agenda',
  relatedNews: 'News about this meeting',
  status: 'Status',
  status_announced: 'Announced',
  status_in_session: 'In session',
  status_held: 'Held',
  status_cancelled: 'Cancelled',
  extraordinary: 'Extraordinary meeting',
  mandate: 'Tasks',
  established: 'Established',
  establishedOnBy: 'Established on {date} by {by}.',
  establishedOn: 'Established on {date}.',
  establishedBy: 'Established by {by}.',
  parentBody: 'Part of',
  subsidiaryBodies: 'Subsidiary bodies',
  kind_statutory_body: 'Statutory body',
  kind_commission: 'Commission',
  kind_council: 'Council',
  kind_working_group: 'Working group',
  kind_secretariat: 'Secretariat',
  eveMeetings: 'Held on its eve',
  preparesFor: 'In preparation of',
  notFoundTitle: 'Page not found',
  notFoundText:
    'There is no page at this address. It may have moved, or it is not public. Try the news or the list of meetings.',
  subscribe: 'Subscribe',
  rss: 'RSS',
  atom: 'Atom',
  footerNote: 'Official public portal of the Commission. Content may be reused with attribution.',
  workspace: 'Workspace (sign in)',
  feedTitle: 'News',
  feedAllTitle: 'All news',
  calendarName: 'Meetings of the Commission',
  imageOf: 'Image',
  breadcrumbs: 'Breadcrumbs',
  languageName: 'English',
} as const;

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, string> = {
  siteName: 'Межгосударственная комиссия — публичный портал',
  siteShort: 'Plenum',
  skip: 'Перейти к содержанию',
  mainNav: 'Основное меню',
  home: 'Главная',
  news: 'Новости',
  allNews: 'Все новости',
  meetings: 'Заседания',
  bodies: 'Органы',
  calendar: 'Календарь (iCalendar)',
  feeds: 'Ленты',
  languageSwitch: 'English version',
  languageSwitchLabel: 'Language: English',
  latestNews: 'Последние новости',
  upcomingMeetings: 'Предстоящие заседания',
  pastMeetings: 'Прошедшие заседания',
  noUpcoming: 'Объявленных заседаний пока нет.',
  noNews: 'Новостей пока нет.',
  noMeetings: 'Публичных заседаний нет.',
  sections: 'Разделы',
  section_news: 'Новости',
  section_announcements: 'Анонсы',
  section_press_releases: 'Пресс-релизы',
  allSections: 'Все разделы',
  backToSection: 'Вернуться в раздел',
  backToAllNews: 'Вернуться ко всем новостям',
  previousItem: 'Предыдущая',
  nextItem: 'Следующая',
  newerPage: 'Новее',
  olderPage: 'Старше',
  pagination: 'Страницы',
  pageOf: 'Страница {page}',
  published: 'Опубликовано',
  relatedMeeting: 'Заседание',
  body: 'Орган',
  onlyInOther: 'Этот материал доступен только на английском языке.',
  partlyInOther: 'Часть материалов страницы доступна только на английском языке.',
  readMore: 'Подробнее',
  date: 'Дата',
  time: 'Время',
  timeIn: '{time} (время {zone})',
  place: 'Место',
  chair: 'Председатель',
  agenda: 'Повестка дня',
  draftAgenda: 'Проект повестки дня',
  relatedNews: 'Новости о заседании',
  status: 'Статус',
  status_announced: 'Объявлено',
  status_in_session: 'Идёт заседание',
  status_held: 'Состоялось',
  status_cancelled: 'Отменено',
  extraordinary: 'Внеочередное заседание',
  mandate: 'Задачи',
  established: 'Образован',
  establishedOnBy: 'Образован {date}: {by}.',
  establishedOn: 'Образован {date}.',
  establishedBy: 'Образован: {by}.',
  parentBody: 'Входит в',
  subsidiaryBodies: 'Подчинённые органы',
  kind_statutory_body: 'Уставной орган',
  kind_commission: 'Комиссия',
  kind_council: 'Совет',
  kind_working_group: 'Рабочая группа',
  kind_secretariat: 'Секретариат',
  eveMeetings: 'Накануне проводятся',
  preparesFor: 'В рамках подготовки к',
  notFoundTitle: 'Страница не найдена',
  notFoundText:
    'По этому адресу страницы нет. Возможно, она перемещена или не является публичной. Посмотрите новости или список заседаний.',
  subscribe: 'Подписаться',
  rss: 'RSS',
  atom: 'Atom',
  footerNote:
    'Официальный публичный портал Комиссии. При использовании материалов ссылка на источник обязательна.',
  workspace: 'Рабочее пространство (вход)',
  feedTitle: 'Новости',
  feedAllTitle: 'Все новости',
  calendarName: 'Заседания Комиссии',
  imageOf: 'Изображение',
  breadcrumbs: 'Навигационная цепочка',
  languageName: 'Русский',
};

const DICTIONARY: Record<Lang, Record<MessageKey, string>> = { en, ru };

/** The interface string `key` in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = DICTIONARY[lang][key];
  if (!vars) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    vars[name] === undefined ? m : String(vars[name]),
  );
}

/** A message key from a dynamic part (`section_news`), checked at run time. */
export function tKey(lang: Lang, prefix: string, value: string): string {
  const key = `${prefix}_${value}` as MessageKey;
  return key in en ? DICTIONARY[lang][key] : value;
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** Dates of the portal are shown in UTC unless they belong to a meeting (its own zone). */
export const PORTAL_TIME_ZONE = 'UTC';

/** "27 April 2023" / "27 апреля 2023 г." of an instant, in the portal's zone. */
export function formatInstantDate(lang: Lang, iso: string): string {
  return dateFormat(lang, PORTAL_TIME_ZONE).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) or a range of them: "27–28 April 2023". */
export function formatDateRange(lang: Lang, start: string, end: string): string {
  const format = dateFormat(lang, 'UTC');
  const from = new Date(`${start}T00:00:00Z`);
  if (end === start) {
    return format.format(from);
  }
  return format.formatRange(from, new Date(`${end}T00:00:00Z`));
}

/** The numeric date shown beside list items: 27.04.2023 in both languages. */
export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}
