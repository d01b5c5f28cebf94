import type { Lang } from '../../modules/exports/labels.ts';

/** The words the Akoma Ntoso files carry besides the records' own text, in both languages. */

type Both = Record<Lang, string>;

export const DECISION_NAME: Record<'decision' | 'recommendation' | 'instruction', Both> = {
  decision: { en: 'Decision', ru: 'Решение' },
  recommendation: { en: 'Recommendation', ru: 'Рекомендация' },
  instruction: { en: 'Instruction', ru: 'Поручение' },
};

export const AKN_LABELS: Record<
  Lang,
  {
    secretariat: string;
    adoptedOn: string;
    adoptedAt: string;
    heldOn: string;
    attendance: string;
    noParticipants: string;
    noAgenda: string;
    decisionsAdopted: string;
    noDecisions: string;
    rapporteur: string;
  }
> = {
  en: {
    secretariat: 'Secretariat',
    adoptedOn: 'adopted on',
    adoptedAt: 'Meeting:',
    heldOn: 'Held on',
    attendance: 'Attendance',
    noParticipants: 'No participants were recorded.',
    noAgenda: 'No agenda items were recorded.',
    decisionsAdopted: 'Decisions adopted',
    noDecisions: 'No decision was adopted under this item.',
    rapporteur: 'Rapporteur',
  },
  ru: {
    secretariat: 'Секретариат',
    adoptedOn: 'принято',
    adoptedAt: 'Заседание:',
    heldOn: 'Дата проведения:',
    attendance: 'Присутствовали',
    noParticipants: 'Участники не указаны.',
    noAgenda: 'Пункты повестки не указаны.',
    decisionsAdopted: 'Принятые решения',
    noDecisions: 'По этому пункту решения не принимались.',
    rapporteur: 'Докладчик',
  },
};

export const ROLE_LABELS: Record<
  'chair' | 'secretary_general' | 'delegation_head' | 'delegate' | 'expert' | 'guest',
  Both
> = {
  chair: { en: 'Chair', ru: 'Председатель' },
  secretary_general: { en: 'Secretary General', ru: 'Генеральный секретарь' },
  delegation_head: { en: 'Head of delegation', ru: 'Глава делегации' },
  delegate: { en: 'Delegate', ru: 'Член делегации' },
  expert: { en: 'Expert', ru: 'Эксперт' },
  guest: { en: 'Guest', ru: 'Приглашённый' },
};

export const MINUTES_LABELS: Record<
  Lang,
  { minutes: string; documents: string; otherDecisions: string; inOwnRight: string }
> = {
  en: {
    minutes: 'Minutes',
    documents: 'Documents considered',
    otherDecisions: 'Other decisions adopted at the meeting',
    inOwnRight: 'In their own right',
  },
  ru: {
    minutes: 'Протокол',
    documents: 'Рассмотренные документы',
    otherDecisions: 'Другие решения, принятые на заседании',
    inOwnRight: 'В личном качестве',
  },
};
