import type { CommentResolution, ConsultationOutcome, ConsultationPosition } from '@plenum/shared';
import type { Lang } from '../exports/labels.ts';

// The export helpers are the exports module's: one fallback rule and one date style for every
// spreadsheet and document Plenum writes.
export { dateInText, type Lang, pick } from '../exports/labels.ts';

type Both = Record<Lang, string>;

export const RESOLUTION_LABELS: Record<CommentResolution | 'none', Both> = {
  accepted: { en: 'Accepted', ru: 'Принято' },
  partially_accepted: { en: 'Partially accepted', ru: 'Принято частично' },
  rejected: { en: 'Rejected', ru: 'Отклонено' },
  none: { en: 'Not resolved yet', ru: 'Не рассмотрено' },
};

export const OUTCOME_LABELS: Record<ConsultationOutcome | 'open', Both> = {
  agreed: { en: 'Agreed', ru: 'Согласовано' },
  not_agreed: { en: 'Not agreed', ru: 'Не согласовано' },
  open: { en: 'Round open', ru: 'Раунд не завершён' },
};

export const POSITION_LABELS: Record<ConsultationPosition | 'none', Both> = {
  concur: { en: 'Concurs', ru: 'Согласно' },
  concur_with_comments: { en: 'Concurs with comments', ru: 'Согласно с замечаниями' },
  object: { en: 'Objects', ru: 'Возражает' },
  abstain: { en: 'Abstains', ru: 'Воздерживается' },
  none: { en: 'No answer', ru: 'Нет ответа' },
};

export const TABLE_HEADINGS: Record<Lang, string[]> = {
  en: ['No.', 'Member state', 'Clause', 'Comment', 'Proposed wording', 'Resolution', 'Response'],
  ru: [
    '№',
    'Государство-член',
    'Пункт',
    'Замечание',
    'Предлагаемая редакция',
    'Решение по замечанию',
    'Ответ секретариата',
  ],
};

export const POSITION_HEADINGS: Record<Lang, string[]> = {
  en: ['Member state', 'Position', 'Note', 'Given on'],
  ru: ['Государство-член', 'Позиция', 'Примечание', 'Дата'],
};

export const TITLE_BLOCK: Record<
  Lang,
  {
    heading: string;
    document: string;
    version: string;
    round: string;
    deadline: string;
    silence: string;
    outcome: string;
    yes: string;
    no: string;
    commentsSheet: string;
    positionsSheet: string;
    noComments: string;
  }
> = {
  en: {
    heading: 'Consolidated table of comments',
    document: 'Document',
    version: 'Version',
    round: 'Round',
    deadline: 'Deadline',
    silence: 'Silence procedure',
    outcome: 'Outcome',
    yes: 'yes',
    no: 'no',
    commentsSheet: 'Comments',
    positionsSheet: 'Positions',
    noComments: 'No comments were made in this round.',
  },
  ru: {
    heading: 'Сводная таблица замечаний',
    document: 'Документ',
    version: 'Версия',
    round: 'Раунд',
    deadline: 'Срок',
    silence: 'Процедура умолчания',
    outcome: 'Итог',
    yes: 'да',
    no: 'нет',
    commentsSheet: 'Замечания',
    positionsSheet: 'Позиции',
    noComments: 'В этом раунде замечаний не поступило.',
  },
};

export const FILE_NAME: Record<Lang, (round: number) => string> = {
  en: (round) => `comments-round-${round}`,
  ru: (round) => `замечания-раунд-${round}`,
};
