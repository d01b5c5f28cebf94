import type { LocalizedText, ProposalPosition } from '@plenum/shared';

/**
 * Session mode and written procedure in the demo (issue 8): the XX meeting recorded in session
 * (every delegation present, positions on some of its decisions, a special opinion among them),
 * a written procedure adopted between the XX and XXI meetings with a special opinion, and one
 * still open with a deadline after the day the demo is loaded.
 */

const t = (en: string, ru: string): LocalizedText => ({ en, ru });

export interface DemoPosition {
  position: ProposalPosition;
  reservation?: LocalizedText;
}

/** A meeting held in session mode: who was present, and positions on some of its decisions. */
export interface DemoSession {
  meeting: string;
  present: string[];
  /** Positions by decision key (decisions of this meeting), by member state. */
  positions: Record<string, Record<string, DemoPosition>>;
}

export interface DemoWrittenProcedure {
  body: string;
  kind: 'decision' | 'recommendation' | 'instruction';
  title: LocalizedText;
  text: LocalizedText;
  /** Days after the day of loading. */
  deadlineInDays: number;
  positions: Record<string, DemoPosition>;
}

const NOTE = t(
  '*Illustrative example: this written procedure is not taken from the record.*',
  '*Условный пример: эта письменная процедура не взята из официальных документов.*',
);

const ALL = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
const concur: DemoPosition = { position: 'concur' };

export const demoSessions: DemoSession[] = [
  {
    meeting: 'icmec-20',
    present: ALL,
    positions: {
      'xx-standards-plan': {
        ARM: concur,
        BLR: concur,
        KAZ: concur,
        KGZ: {
          position: 'concur_with_reservation',
          reservation: t(
            'The Kyrgyz Republic will develop the standards assigned to it as its national ' +
              'standardization body is staffed, and may need the time limits extended.',
            'Кыргызская Республика обеспечит разработку порученных ей стандартов по мере ' +
              'укомплектования национального органа по стандартизации и может нуждаться в ' +
              'продлении сроков.',
          ),
        },
        RUS: concur,
        TJK: concur,
      },
      'xx-standards-application': {
        ARM: concur,
        BLR: concur,
        KAZ: concur,
        KGZ: concur,
        RUS: concur,
        TJK: { position: 'abstain' },
      },
    },
  },
];

export const demoWrittenProcedures: DemoWrittenProcedure[] = [
  {
    body: 'icmec',
    kind: 'decision',
    title: t(
      'On the working group for the catalogue of defence products of the member states',
      'О рабочей группе по каталогу оборонной продукции государств – членов ОДКБ',
    ),
    text: t(
      [
        'The Interstate Commission for Military-Economic Cooperation of the CSTO decides:',
        '',
        '1. To set up a working group to prepare a common catalogue of defence products offered ' +
          'for cooperation by enterprises of the member states.',
        '2. The working group shall report to the Commission at its next meeting.',
        '',
        NOTE.en,
      ].join('\n'),
      [
        'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ решила:',
        '',
        '1. Создать рабочую группу для подготовки единого каталога оборонной продукции, ' +
          'предлагаемой для кооперации предприятиями государств – членов ОДКБ.',
        '2. Рабочей группе доложить Комиссии на очередном заседании.',
        '',
        NOTE.ru,
      ].join('\n'),
    ),
    deadlineInDays: 30,
    positions: {
      ARM: concur,
      BLR: concur,
      KAZ: {
        position: 'concur_with_reservation',
        reservation: t(
          'The Republic of Kazakhstan will take part in the working group within the budget ' +
            'already allocated for military-economic cooperation.',
          'Республика Казахстан примет участие в работе рабочей группы в пределах средств, ' +
            'выделенных на военно-экономическое сотрудничество.',
        ),
      },
      KGZ: concur,
      RUS: concur,
      TJK: concur,
    },
  },
  {
    body: 'icmec',
    kind: 'recommendation',
    title: t(
      'On the exchange of information on export control lists',
      'Об обмене информацией о контрольных списках экспортного контроля',
    ),
    text: t(
      [
        'The Interstate Commission for Military-Economic Cooperation of the CSTO recommends:',
        '',
        '1. The member states exchange, through the Secretariat, the lists of products subject to ' +
          'export control in their military-economic cooperation, once a year.',
        '',
        NOTE.en,
      ].join('\n'),
      [
        'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ рекомендует:',
        '',
        '1. Государствам – членам ежегодно обмениваться через Секретариат перечнями продукции, ' +
          'подлежащей экспортному контролю в рамках военно-экономического сотрудничества.',
        '',
        NOTE.ru,
      ].join('\n'),
    ),
    deadlineInDays: 14,
    positions: { ARM: concur, RUS: concur },
  },
];
