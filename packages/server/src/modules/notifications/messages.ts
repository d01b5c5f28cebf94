import type { NotificationKind } from '@plenum/shared';

export type Lang = 'en' | 'ru';

/**
 * Reads a template value in a language: `name.<lang>` (a localized value such as a document's
 * title), else `name`, else the other language's `name.<other>`, else ''. Dates (YYYY-MM-DD) and
 * enumerated values are put in the language's words.
 */
type Get = (name: string) => string;

const DATE_FORMAT: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  ru: new Intl.DateTimeFormat('ru-RU', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};

/**
 * "27 April 2026"; in Russian "27 апреля 2026 года" rather than Intl's abbreviated "2026 г.",
 * whose full stop doubles the one that ends a sentence.
 */
function formatDate(date: Date, lang: Lang): string {
  if (lang === 'en') {
    return DATE_FORMAT.en.format(date);
  }
  const parts = DATE_FORMAT.ru.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} года`;
}

const VALUES: Record<Lang, Record<string, string>> = {
  en: {
    in_progress: 'in progress',
    implemented: 'implemented',
    not_implemented: 'not implemented',
    not_applicable: 'not applicable',
    accepted: 'accepted',
    partially_accepted: 'partially accepted',
    rejected: 'rejected',
  },
  ru: {
    in_progress: 'выполняется',
    implemented: 'выполнено',
    not_implemented: 'не выполнено',
    not_applicable: 'неприменимо',
    accepted: 'принято',
    partially_accepted: 'принято частично',
    rejected: 'отклонено',
  },
};

const ENUM_PARAMS = new Set(['status', 'resolution']);

function getter(params: Record<string, string>, lang: Lang): Get {
  const other: Lang = lang === 'en' ? 'ru' : 'en';
  return (name) => {
    const raw = params[`${name}.${lang}`] ?? params[name] ?? params[`${name}.${other}`] ?? '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
      const date = new Date(`${raw}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? raw : formatDate(date, lang);
    }
    if (ENUM_PARAMS.has(name)) {
      return VALUES[lang][raw] ?? raw;
    }
    return raw;
  };
}

type Template = { title: (p: Get) => string; body: (p: Get) => string };

const silence = (p: Get) => p('silenceProcedure') === 'true';

const TEMPLATES: Record<NotificationKind, Record<Lang, Template>> = {
  consultation_opened: {
    en: {
      title: (p) => `Consultation opened: ${p('document')}`,
      body: (p) =>
        `Round ${p('round')} of the consultation on “${p('document')}” is open to your state. ` +
        `Give your state’s position by ${p('deadline')}.` +
        (silence(p)
          ? ' Under the silence procedure, no answer by then counts as concurrence.'
          : ''),
    },
    ru: {
      title: (p) => `Открыто согласование: ${p('document')}`,
      body: (p) =>
        `Открыт ${p('round')}-й раунд согласования документа «${p('document')}». ` +
        `Сообщите позицию вашего государства до ${p('deadline')}.` +
        (silence(p)
          ? ' Действует процедура умолчания: отсутствие ответа к этому сроку означает согласие.'
          : ''),
    },
  },
  consultation_deadline_soon: {
    en: {
      title: (p) => `Deadline in three days: ${p('document')}`,
      body: (p) =>
        `Your state has not yet given its position in round ${p('round')} of the consultation on ` +
        `“${p('document')}”. The deadline is ${p('deadline')}.`,
    },
    ru: {
      title: (p) => `До срока три дня: ${p('document')}`,
      body: (p) =>
        `Ваше государство ещё не сообщило позицию в ${p('round')}-м раунде согласования документа ` +
        `«${p('document')}». Срок — ${p('deadline')}.`,
    },
  },
  consultation_deadline_passed: {
    en: {
      title: (p) => `Deadline passed: ${p('document')}`,
      body: (p) =>
        `The deadline of round ${p('round')} of the consultation on “${p('document')}” passed on ` +
        `${p('deadline')} without your state’s position.` +
        (silence(p)
          ? ' Under the silence procedure this counts as concurrence.'
          : ' Give it as soon as possible.'),
    },
    ru: {
      title: (p) => `Срок истёк: ${p('document')}`,
      body: (p) =>
        `Срок ${p('round')}-го раунда согласования документа «${p('document')}» истёк ` +
        `${p('deadline')}, а позиция вашего государства не получена.` +
        (silence(p)
          ? ' По процедуре умолчания это считается согласием.'
          : ' Сообщите её как можно скорее.'),
    },
  },
  decision_assigned: {
    en: {
      title: (p) => `Decision ${p('number')} assigned to ${p('assignee')}`,
      body: (p) =>
        `Decision ${p('number')} “${p('decision')}” is assigned to ${p('assignee')} for implementation.` +
        (p('dueDate') ? ` Report on it by ${p('dueDate')}.` : ''),
    },
    ru: {
      title: (p) => `Решение ${p('number')} поручено: ${p('assignee')}`,
      body: (p) =>
        `Исполнение решения ${p('number')} «${p('decision')}» поручено: ${p('assignee')}.` +
        (p('dueDate') ? ` Срок представления информации — ${p('dueDate')}.` : ''),
    },
  },
  report_submitted: {
    en: {
      title: (p) => `Report on decision ${p('number')} from ${p('assignee')}`,
      body: (p) =>
        `${p('reportedBy')} reported for ${p('assignee')} on decision ${p('number')} ` +
        `“${p('decision')}”: ${p('status')}.`,
    },
    ru: {
      title: (p) => `Информация по решению ${p('number')}: ${p('assignee')}`,
      body: (p) =>
        `${p('reportedBy')} представил(а) информацию за ${p('assignee')} о выполнении решения ` +
        `${p('number')} «${p('decision')}»: ${p('status')}.`,
    },
  },
  comment_resolved: {
    en: {
      title: (p) => `Comment resolved: ${p('document')}`,
      body: (p) =>
        `The secretariat resolved your state’s comment on “${p('document')}” (${p('clause')}): ` +
        `${p('resolution')}.`,
    },
    ru: {
      title: (p) => `Замечание рассмотрено: ${p('document')}`,
      body: (p) =>
        `Секретариат рассмотрел замечание вашего государства к документу «${p('document')}» ` +
        `(${p('clause')}): ${p('resolution')}.`,
    },
  },
  written_procedure_opened: {
    en: {
      title: (p) => `Written procedure: ${p('proposal')}`,
      body: (p) =>
        `The draft decision “${p('proposal')}” is circulated for adoption by written procedure. ` +
        `Give your state’s position by ${p('deadline')}; it is adopted unless a state objects.`,
    },
    ru: {
      title: (p) => `Письменная процедура: ${p('proposal')}`,
      body: (p) =>
        `Проект решения «${p('proposal')}» разослан для принятия в порядке письменной процедуры. ` +
        `Сообщите позицию вашего государства до ${p('deadline')}; решение принимается, если ни одно ` +
        'государство не возражает.',
    },
  },
};

/** The title and body of a notification in a language. */
export function renderNotification(
  kind: NotificationKind,
  params: Record<string, string>,
  lang: Lang,
): { title: string; body: string } {
  const template = TEMPLATES[kind][lang];
  const get = getter(params, lang);
  return { title: template.title(get), body: template.body(get) };
}

/** Fixed words of mail, per language. */
export const MAIL_WORDS: Record<
  Lang,
  { open: string; digestSubject: (date: string, n: number) => string; footer: string }
> = {
  en: {
    open: 'Open in Plenum',
    digestSubject: (date, n) =>
      `Plenum: ${n} notification${n === 1 ? '' : 's'} of ${DATE_FORMAT.en.format(new Date(`${date}T00:00:00Z`))}`,
    footer:
      'You receive this mail from Plenum. Choose immediate mail, a daily digest or no mail in your notification preferences.',
  },
  ru: {
    open: 'Открыть в Plenum',
    digestSubject: (date, n) =>
      `Plenum: уведомления за ${DATE_FORMAT.ru.format(new Date(`${date}T00:00:00Z`))} (${n})`,
    footer:
      'Это письмо отправлено системой Plenum. Сразу, раз в день или никогда — выберите в настройках уведомлений.',
  },
};
