import type { Lang } from '../exports/labels.ts';

/** The personal calendar's own words, in each interface language. */
export const FEED_LABELS: Record<
  Lang,
  {
    calendarName: string;
    due: (number: string, title: string) => string;
    assignees: string;
    deadline: (title: string, round: number) => string;
    invited: string;
    silence: string;
  }
> = {
  en: {
    calendarName: 'Plenum: my calendar',
    due: (number, title) => `Due: decision ${number} ${title}`.trim(),
    assignees: 'Assignees',
    deadline: (title, round) => `Consultation deadline: ${title} (round ${round})`,
    invited: 'Invited member states',
    silence: 'Silence procedure: no answer by the deadline counts as concurrence.',
  },
  ru: {
    calendarName: 'Plenum: мой календарь',
    due: (number, title) => `Срок: решение ${number} ${title}`.trim(),
    assignees: 'Исполнители',
    deadline: (title, round) => `Срок консультации: ${title} (раунд ${round})`,
    invited: 'Приглашённые государства-члены',
    silence: 'Процедура молчаливого согласия: отсутствие ответа к сроку считается согласием.',
  },
};
