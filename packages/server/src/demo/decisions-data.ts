import type { LocalizedText } from '@plenum/shared';
import type { DemoAssignment, DemoDecision, DemoReport } from './data.ts';

/**
 * The decisions of the demo (part of the dataset in `data.ts`): those of the XX meeting of the
 * ICMEC (Moscow, October 2022), numbered 20/1… by the API in the order given here, and three
 * decisions of the CSTO Collective Security Council of November 2022 assigned to the ICMEC; their
 * assignments to the member states and bodies; and the implementation reports received up to
 * November 2026. The announcement of the XXI meeting states none of this: every decision says in
 * its text that it is an illustrative example, and the reports belong to those examples.
 *
 * Chosen so that the review of the XXI meeting shows every kind of entry: implemented decisions
 * (20/3, 20/8, CSC-2022-12), decisions in progress with assignments due in 2027 or, for the
 * Program, in 2030 (20/5, 20/7, CSC-2022-11), overdue ones (20/2, 20/4, CSC-2022-13), one with a
 * state reporting it not implemented (20/1, amended by CSC-2022-12) and one superseded (20/6, by
 * CSC-2022-13).
 */

const t = (en: string, ru: string): LocalizedText => ({ en, ru });

/** The member states by code, in the order of the directory. */
const STATES = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'] as const;

const XX_NOTE = t(
  '*Illustrative example: the text of this decision is not taken from the record.*',
  '*Условный пример: текст этого решения не взят из официальных документов.*',
);
const CSC_NOTE = t(
  '*Illustrative example: the number and the text of this decision are not taken from the ' +
    'record.*',
  '*Условный пример: номер и текст этого решения не взяты из официальных документов.*',
);

/** A decision's Markdown text: an opening line, numbered paragraphs, the illustrative mark. */
function decisionText(
  opening: LocalizedText,
  paragraphs: LocalizedText[],
  note: LocalizedText,
): LocalizedText {
  const compose = (lang: 'en' | 'ru') =>
    [opening[lang], '', ...paragraphs.map((p, i) => `${i + 1}. ${p[lang]}`), '', note[lang]].join(
      '\n',
    );
  return { en: compose('en'), ru: compose('ru') };
}

const ICMEC_DECIDES = t(
  'The Interstate Commission for Military-Economic Cooperation of the CSTO decides:',
  'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ решила:',
);
const ICMEC_RECOMMENDS = t(
  'The Interstate Commission for Military-Economic Cooperation of the CSTO recommends that the ' +
    'member states:',
  'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ рекомендует ' +
    'государствам – членам ОДКБ:',
);
const ICMEC_INSTRUCTS = t(
  'The Interstate Commission for Military-Economic Cooperation of the CSTO instructs:',
  'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ поручает:',
);
const CSC_DECIDES = t(
  'The Collective Security Council of the Collective Security Treaty Organization decides:',
  'Совет коллективной безопасности Организации Договора о коллективной безопасности решил:',
);

const XX = { body: 'icmec', meeting: 'icmec-20' } as const;
/** The Collective Security Council's session of 23 November 2022. */
const CSC = { body: 'csc', adoptedOn: '2022-11-23' } as const;

export const demoDecisions: DemoDecision[] = [
  // ---- XX meeting of the ICMEC, 20 October 2022 (numbered 20/1 … 20/8 in this order) ----
  {
    key: 'xx-standards-plan',
    ...XX,
    agendaItem: 'standardization',
    kind: 'decision',
    title: t(
      'On the Plan for the development of interstate standards for armaments and military ' +
        'equipment for 2023–2027',
      'О Плане разработки межгосударственных стандартов в области вооружения и военной техники ' +
        'на 2023–2027 годы',
    ),
    text: decisionText(
      ICMEC_DECIDES,
      [
        t(
          'To approve the Plan for the development of interstate standards for armaments and ' +
            'military equipment for 2023–2027 agreed by the Coordinating Council for ' +
            'Standardization of Armaments and Military Equipment.',
          'Утвердить План разработки межгосударственных стандартов в области вооружения и ' +
            'военной техники на 2023–2027 годы, согласованный Координационным советом по ' +
            'стандартизации вооружения и военной техники.',
        ),
        t(
          'The member states, through their national authorities for the standardization of ' +
            'defence products, shall develop the interstate standards for which they are the ' +
            'designated lead developers within the time limits of the Plan and report on the ' +
            'progress by 1 December of each year.',
          'Государствам – членам через национальные органы по стандартизации оборонной ' +
            'продукции обеспечить разработку межгосударственных стандартов, по которым они ' +
            'определены ведущими разработчиками, в сроки, установленные Планом, и ежегодно до ' +
            '1 декабря информировать о ходе работы.',
        ),
        t(
          'The Coordinating Council for Standardization of Armaments and Military Equipment ' +
            'shall review the implementation of the Plan every year and report to the Commission.',
          'Координационному совету по стандартизации вооружения и военной техники ежегодно ' +
            'рассматривать ход выполнения Плана и докладывать Комиссии.',
        ),
        t(
          'This decision is to be implemented by 31 December 2027.',
          'Срок выполнения решения — 31 декабря 2027 года.',
        ),
      ],
      XX_NOTE,
    ),
  },
  {
    key: 'xx-standards-application',
    ...XX,
    agendaItem: 'standardization',
    kind: 'recommendation',
    title: t(
      'On the application of interstate standards for armaments and military equipment in the ' +
        'member states',
      'О применении межгосударственных стандартов в области вооружения и военной техники в ' +
        'государствах – членах ОДКБ',
    ),
    text: decisionText(
      ICMEC_RECOMMENDS,
      [
        t(
          'Adopt the interstate standards for armaments and military equipment agreed by the ' +
            'Coordinating Council in 2021–2022 as national standards or put them into effect ' +
            'directly.',
          'Принять межгосударственные стандарты в области вооружения и военной техники, ' +
            'согласованные Координационным советом в 2021–2022 годах, в качестве национальных ' +
            'стандартов либо ввести их в действие непосредственно.',
        ),
        t(
          'Refer to these standards in the technical specifications of defence procurement and ' +
            'of cooperative supplies.',
          'Предусматривать ссылки на эти стандарты в технических заданиях на закупки продукции ' +
            'военного назначения и на кооперационные поставки.',
        ),
        t(
          'Inform the Secretariat of the ICMEC of the national references and effective dates by ' +
            '30 June 2024.',
          'Проинформировать Секретариат МКВЭС о национальных обозначениях стандартов и датах их ' +
            'введения в действие до 30 июня 2024 года.',
        ),
      ],
      XX_NOTE,
    ),
  },
  {
    key: 'xx-program-draft',
    ...XX,
    agendaItem: 'programs',
    kind: 'decision',
    title: t(
      'On the draft Program of military-economic cooperation of the CSTO member states for the ' +
        'period up to 2030',
      'О проекте Программы военно-экономического сотрудничества государств – членов ОДКБ на ' +
        'период до 2030 года',
    ),
    text: decisionText(
      ICMEC_DECIDES,
      [
        t(
          'To approve the draft Program of military-economic cooperation of the CSTO member ' +
            'states for the period up to 2030 and to submit it to the Collective Security Council.',
          'Одобрить проект Программы военно-экономического сотрудничества государств – членов ' +
            'ОДКБ на период до 2030 года и внести его на рассмотрение Совета коллективной ' +
            'безопасности.',
        ),
        t(
          'The member states shall complete the internal coordination of the draft by ' +
            '15 November 2022.',
          'Государствам – членам завершить внутригосударственное согласование проекта до ' +
            '15 ноября 2022 года.',
        ),
        t(
          'The Secretariat of the ICMEC shall prepare the materials for the session of the ' +
            'Collective Security Council by 10 November 2022.',
          'Секретариату МКВЭС подготовить материалы к сессии Совета коллективной безопасности ' +
            'до 10 ноября 2022 года.',
        ),
      ],
      XX_NOTE,
    ),
  },
  {
    key: 'xx-joint-ventures',
    ...XX,
    agendaItem: 'programs',
    kind: 'decision',
    title: t(
      'On the establishment of joint ventures for the repair, modernization and disposal of ' +
        'military products',
      'О создании совместных предприятий по ремонту, модернизации и утилизации продукции ' +
        'военного назначения',
    ),
    text: decisionText(
      ICMEC_DECIDES,
      [
        t(
          'To approve the list of priority projects for joint ventures for the repair, ' +
            'modernization and disposal of military products.',
          'Утвердить перечень приоритетных проектов создания совместных предприятий по ремонту, ' +
            'модернизации и утилизации продукции военного назначения.',
        ),
        t(
          'The member states whose organizations take part in these projects shall ensure that ' +
            'the founding agreements are concluded and the joint ventures registered by ' +
            '31 December 2025.',
          'Государствам – членам, организации которых участвуют в этих проектах, обеспечить ' +
            'заключение учредительных договоров и регистрацию совместных предприятий до ' +
            '31 декабря 2025 года.',
        ),
        t(
          'The member states whose organizations take part in none of the projects shall inform ' +
            'the Secretariat of the ICMEC accordingly.',
          'Государствам – членам, организации которых в проектах не участвуют, ' +
            'проинформировать об этом Секретариат МКВЭС.',
        ),
      ],
      XX_NOTE,
    ),
  },
  {
    key: 'xx-joint-rnd',
    ...XX,
    agendaItem: 'programs',
    kind: 'decision',
    title: t(
      'On the list of priority joint research and development work on the development and ' +
        'modernization of military products for 2023–2027',
      'О перечне приоритетных совместных научно-исследовательских и опытно-конструкторских ' +
        'работ по созданию и модернизации продукции военного назначения на 2023–2027 годы',
    ),
    text: decisionText(
      ICMEC_DECIDES,
      [
        t(
          'To approve the list of priority joint research and development work on the ' +
            'development and modernization of military products for 2023–2027.',
          'Утвердить перечень приоритетных совместных научно-исследовательских и ' +
            'опытно-конструкторских работ по созданию и модернизации продукции военного ' +
            'назначения на 2023–2027 годы.',
        ),
        t(
          'The member states whose organizations are designated lead contractors shall ensure ' +
            'that the contracts for the work are concluded, report on its progress by 1 December ' +
            'of each year and complete the work by 31 December 2027.',
          'Государствам – членам, организации которых определены головными исполнителями, ' +
            'обеспечить заключение контрактов на выполнение работ, ежегодно до 1 декабря ' +
            'информировать о ходе их выполнения и завершить работы до 31 декабря 2027 года.',
        ),
        t(
          'The rights to the results of intellectual activity obtained in the work shall be ' +
            'protected under the rules agreed within the Commission.',
          'Права на результаты интеллектуальной деятельности, полученные при выполнении работ, ' +
            'охраняются в соответствии с правилами, согласованными в рамках Комиссии.',
        ),
      ],
      XX_NOTE,
    ),
  },
  {
    key: 'xx-ip-agreement',
    ...XX,
    agendaItem: 'ip',
    kind: 'instruction',
    title: t(
      'On the draft Agreement on mutual protection of rights to the results of intellectual ' +
        'activity obtained and used in military-economic cooperation within the CSTO',
      'О проекте Соглашения о взаимной охране прав на результаты интеллектуальной ' +
        'деятельности, полученные и используемые в ходе военно-экономического сотрудничества в ' +
        'рамках ОДКБ',
    ),
    text: decisionText(
      ICMEC_INSTRUCTS,
      [
        t(
          'The Coordinating Council on issues of mutual protection of rights to the results of ' +
            'intellectual activity to finalize the draft Agreement, taking into account the ' +
            'comments of the member states, by 10 November 2022.',
          'Координационному совету по вопросам взаимной охраны прав на результаты ' +
            'интеллектуальной деятельности доработать проект Соглашения с учётом замечаний ' +
            'государств – членов до 10 ноября 2022 года.',
        ),
        t(
          'The member states to complete the internal procedures required for signing the ' +
            'Agreement by 31 March 2023.',
          'Государствам – членам завершить внутригосударственные процедуры, необходимые для ' +
            'подписания Соглашения, до 31 марта 2023 года.',
        ),
      ],
      XX_NOTE,
    ),
  },
  {
    key: 'xx-cooperation',
    ...XX,
    agendaItem: 'cooperation',
    kind: 'recommendation',
    title: t(
      'On the development of cooperation between enterprises of the defence-industrial ' +
        'complexes of the member states',
      'О развитии кооперации предприятий оборонно-промышленных комплексов государств – членов ' +
        'ОДКБ',
    ),
    text: decisionText(
      ICMEC_RECOMMENDS,
      [
        t(
          'Encourage the conclusion of long-term contracts between their enterprises for ' +
            'cooperative supplies of components and materials for military products.',
          'Содействовать заключению предприятиями государств – членов долгосрочных договоров на ' +
            'кооперационные поставки комплектующих изделий и материалов для продукции военного ' +
            'назначения.',
        ),
        t(
          'Apply to cooperative supplies the simplified procedures provided for by the ' +
            'agreements in force within the CSTO.',
          'Применять к кооперационным поставкам упрощённые процедуры, предусмотренные ' +
            'действующими в рамках ОДКБ соглашениями.',
        ),
        t(
          'Inform the Secretariat of the ICMEC of the long-term contracts concluded by ' +
            '1 December of each year; the measures are to be completed by 30 June 2027.',
          'Ежегодно до 1 декабря информировать Секретариат МКВЭС о заключённых долгосрочных ' +
            'договорах; срок выполнения мер — 30 июня 2027 года.',
        ),
      ],
      XX_NOTE,
    ),
  },
  {
    key: 'xx-next-meeting',
    ...XX,
    agendaItem: 'next-meeting',
    kind: 'decision',
    title: t(
      'On the date and venue of the XXI meeting of the ICMEC',
      'О дате и месте проведения XXI заседания МКВЭС',
    ),
    text: decisionText(
      ICMEC_DECIDES,
      [
        t(
          'To hold the XXI meeting of the Commission in April 2023 in Dushanbe (Republic of ' +
            'Tajikistan).',
          'Провести XXI заседание Комиссии в апреле 2023 года в г. Душанбе (Республика ' +
            'Таджикистан).',
        ),
        t(
          'The Secretariat of the ICMEC, together with the Republic of Tajikistan, shall prepare ' +
            'the meeting.',
          'Секретариату МКВЭС совместно с Республикой Таджикистан обеспечить подготовку ' +
            'заседания.',
        ),
      ],
      XX_NOTE,
    ),
  },

  // ---- Collective Security Council, 23 November 2022: decisions assigned to the ICMEC ----
  {
    key: 'csc-program-2030',
    ...CSC,
    number: 'CSC-2022-11',
    kind: 'decision',
    title: t(
      'On the Program of military-economic cooperation of the CSTO member states for the period ' +
        'up to 2030',
      'О Программе военно-экономического сотрудничества государств – членов ОДКБ на период до ' +
        '2030 года',
    ),
    text: decisionText(
      CSC_DECIDES,
      [
        t(
          'To approve the Program of military-economic cooperation of the CSTO member states for ' +
            'the period up to 2030.',
          'Утвердить Программу военно-экономического сотрудничества государств – членов ОДКБ на ' +
            'период до 2030 года.',
        ),
        t(
          'The member states shall carry out the measures of the Program for which they are ' +
            'responsible.',
          'Государствам – членам обеспечить выполнение мероприятий Программы, за которые они ' +
            'отвечают.',
        ),
        t(
          'The Interstate Commission for Military-Economic Cooperation shall coordinate the ' +
            'implementation of the Program and report on it to the Collective Security Council ' +
            'every year; the Program runs until 31 December 2030.',
          'Межгосударственной комиссии по военно-экономическому сотрудничеству координировать ' +
            'выполнение Программы и ежегодно докладывать о нём Совету коллективной безопасности; ' +
            'срок действия Программы — до 31 декабря 2030 года.',
        ),
      ],
      CSC_NOTE,
    ),
  },
  {
    key: 'csc-standardization',
    ...CSC,
    number: 'CSC-2022-12',
    kind: 'decision',
    title: t(
      'On additional measures for the standardization of armaments and military equipment',
      'О дополнительных мерах по стандартизации вооружения и военной техники',
    ),
    text: decisionText(
      CSC_DECIDES,
      [
        t(
          'To supplement the Plan for the development of interstate standards for armaments and ' +
            'military equipment for 2023–2027, approved by decision 20/1 of the Interstate ' +
            'Commission for Military-Economic Cooperation, with standards for unmanned aircraft ' +
            'systems and electronic warfare equipment.',
          'Дополнить План разработки межгосударственных стандартов в области вооружения и ' +
            'военной техники на 2023–2027 годы, утверждённый решением 20/1 Межгосударственной ' +
            'комиссии по военно-экономическому сотрудничеству, стандартами на беспилотные ' +
            'авиационные системы и средства радиоэлектронной борьбы.',
        ),
        t(
          'The Interstate Commission for Military-Economic Cooperation shall prepare the ' +
            'amendments to the Plan and consider them at its next meeting.',
          'Межгосударственной комиссии по военно-экономическому сотрудничеству подготовить ' +
            'изменения в План и рассмотреть их на очередном заседании.',
        ),
      ],
      CSC_NOTE,
    ),
    relations: [{ kind: 'amends', decision: 'xx-standards-plan' }],
  },
  {
    key: 'csc-ip-agreement',
    ...CSC,
    number: 'CSC-2022-13',
    kind: 'decision',
    title: t(
      'On the Agreement on mutual protection of rights to the results of intellectual activity ' +
        'obtained and used in military-economic cooperation within the CSTO',
      'О Соглашении о взаимной охране прав на результаты интеллектуальной деятельности, ' +
        'полученные и используемые в ходе военно-экономического сотрудничества в рамках ОДКБ',
    ),
    text: decisionText(
      CSC_DECIDES,
      [
        t(
          'To approve the Agreement on mutual protection of rights to the results of ' +
            'intellectual activity obtained and used in military-economic cooperation within ' +
            'the CSTO, as finalized by the Interstate Commission for Military-Economic ' +
            'Cooperation, and to open it for signature.',
          'Одобрить Соглашение о взаимной охране прав на результаты интеллектуальной ' +
            'деятельности, полученные и используемые в ходе военно-экономического сотрудничества ' +
            'в рамках ОДКБ, в редакции, доработанной Межгосударственной комиссией по ' +
            'военно-экономическому сотрудничеству, и открыть его для подписания.',
        ),
        t(
          'The member states shall complete the internal procedures required for the entry into ' +
            'force of the Agreement by 31 December 2024.',
          'Государствам – членам завершить внутригосударственные процедуры, необходимые для ' +
            'вступления Соглашения в силу, до 31 декабря 2024 года.',
        ),
        t(
          'The Interstate Commission for Military-Economic Cooperation shall follow the ' +
            'completion of these procedures and report to the Collective Security Council by ' +
            '30 June 2025.',
          'Межгосударственной комиссии по военно-экономическому сотрудничеству осуществлять ' +
            'контроль за завершением этих процедур и доложить Совету коллективной безопасности до ' +
            '30 июня 2025 года.',
        ),
        t(
          'This decision supersedes instruction 20/6 of the Interstate Commission for ' +
            'Military-Economic Cooperation.',
          'Настоящее решение заменяет поручение 20/6 Межгосударственной комиссии по ' +
            'военно-экономическому сотрудничеству.',
        ),
      ],
      CSC_NOTE,
    ),
    relations: [{ kind: 'supersedes', decision: 'xx-ip-agreement' }],
  },
];

/** One assignment per listed member state, all due on the same date. */
const toStates = (
  decision: string,
  dueDate: string,
  states: readonly string[] = STATES,
): DemoAssignment[] => states.map((memberState) => ({ decision, memberState, dueDate }));

export const demoAssignments: DemoAssignment[] = [
  ...toStates('xx-standards-plan', '2027-12-31'),
  { decision: 'xx-standards-plan', body: 'cc-standardization', dueDate: '2027-12-31' },
  ...toStates('xx-standards-application', '2024-06-30'),
  ...toStates('xx-program-draft', '2022-11-15'),
  { decision: 'xx-program-draft', body: 'secretariat', dueDate: '2022-11-10' },
  ...toStates('xx-joint-ventures', '2025-12-31'),
  ...toStates('xx-joint-rnd', '2027-12-31', ['ARM', 'BLR', 'KAZ', 'RUS']),
  { decision: 'xx-ip-agreement', body: 'cc-ip', dueDate: '2022-11-10' },
  ...toStates('xx-ip-agreement', '2023-03-31'),
  ...toStates('xx-cooperation', '2027-06-30'),
  { decision: 'xx-next-meeting', body: 'secretariat', dueDate: '2023-04-27' },
  { decision: 'xx-next-meeting', memberState: 'TJK', dueDate: '2023-04-27' },
  { decision: 'csc-program-2030', body: 'icmec', dueDate: '2030-12-31' },
  ...toStates('csc-program-2030', '2030-12-31'),
  { decision: 'csc-standardization', body: 'icmec', dueDate: '2023-04-27' },
  { decision: 'csc-ip-agreement', body: 'icmec', dueDate: '2025-06-30' },
  ...toStates('csc-ip-agreement', '2024-12-31'),
];

type ReportStatus = DemoReport['status'];

/**
 * A member state's report, in Russian (the working language of every member state here) and, where
 * the state sent one, in English.
 */
const fromState = (
  decision: string,
  memberState: string,
  reportedOn: string,
  status: ReportStatus,
  ru: string,
  en?: string,
): DemoReport => ({
  decision,
  memberState,
  reportedOn,
  status,
  text: en === undefined ? { ru } : { en, ru },
});

/** A body's report, entered by the secretariat in both languages. */
const fromBody = (
  decision: string,
  body: string,
  reportedOn: string,
  status: ReportStatus,
  ru: string,
  en: string,
): DemoReport => ({ decision, body, reportedOn, status, text: { en, ru } });

export const demoReports: DemoReport[] = [
  // 20/1 — the Plan of standards: under way until 2027; Armenia reports its part not implemented.
  fromState(
    'xx-standards-plan',
    'BLR',
    '2024-11-26',
    'in_progress',
    'Разработаны и направлены на согласование два межгосударственных стандарта из четырёх, ' +
      'закреплённых за Республикой Беларусь; разработка двух остальных запланирована на ' +
      '2025–2026 годы.',
    'Two of the four interstate standards assigned to Belarus have been developed and sent out ' +
      'for coordination; the other two are scheduled for 2025–2026.',
  ),
  fromState(
    'xx-standards-plan',
    'BLR',
    '2025-11-25',
    'in_progress',
    'Третий стандарт согласован Координационным советом; четвёртый находится в стадии ' +
      'окончательной редакции.',
    'The third standard has been agreed by the Coordinating Council; the fourth is being ' +
      'finalized.',
  ),
  fromState(
    'xx-standards-plan',
    'RUS',
    '2025-11-20',
    'in_progress',
    'Из девяти межгосударственных стандартов, закреплённых за Российской Федерацией, семь ' +
      'разработаны и согласованы; два рассматриваются государствами – членами.',
    'Of the nine interstate standards assigned to the Russian Federation, seven have been ' +
      'developed and agreed; two are under review by the member states.',
  ),
  fromState(
    'xx-standards-plan',
    'KAZ',
    '2025-11-28',
    'in_progress',
    'Первая редакция стандарта, закреплённого за Республикой Казахстан, разослана ' +
      'государствам – членам для отзыва; окончательная редакция будет представлена в 2027 году.',
    'The first draft of the standard assigned to Kazakhstan has been circulated to the member ' +
      'states for comments; the final draft will be submitted in 2027.',
  ),
  fromState(
    'xx-standards-plan',
    'KGZ',
    '2024-12-02',
    'in_progress',
    'Замечания к первым редакциям трёх проектов межгосударственных стандартов направлены ' +
      'разработчикам в установленный срок.',
  ),
  fromState(
    'xx-standards-plan',
    'ARM',
    '2025-12-10',
    'not_implemented',
    'Разработка закреплённого за Республикой Армения стандарта в 2025 году не начата: договор ' +
      'с организацией-разработчиком не заключён. В Координационный совет будет внесено ' +
      'предложение о передаче функций ведущего разработчика другому государству – члену.',
    'Development of the standard assigned to Armenia did not start in 2025: no contract with a ' +
      'developing organization was concluded. A proposal to transfer the role of lead developer ' +
      'to another member state will be put to the Coordinating Council.',
  ),
  fromBody(
    'xx-standards-plan',
    'cc-standardization',
    '2025-12-05',
    'in_progress',
    'Координационный совет рассмотрел ход выполнения Плана: из 31 стандарта разработаны 14, ' +
      'в разработке — 9; по двум стандартам предложено пересмотреть ведущих разработчиков.',
    'The Coordinating Council reviewed the implementation of the Plan: 14 of the 31 standards ' +
      'have been developed and 9 are in development; new lead developers are proposed for two ' +
      'standards.',
  ),

  // 20/2 — application of the standards: past due; Kyrgyzstan not implemented, Tajikistan open.
  fromState(
    'xx-standards-application',
    'RUS',
    '2023-09-15',
    'implemented',
    'Стандарты введены в действие в качестве национальных приказом национального органа по ' +
      'стандартизации; сведения о национальных обозначениях направлены в Секретариат МКВЭС.',
    'The standards have been put into effect as national standards by order of the national ' +
      'standardization authority; their national references have been sent to the ICMEC ' +
      'Secretariat.',
  ),
  fromState(
    'xx-standards-application',
    'BLR',
    '2023-11-20',
    'implemented',
    'Стандарты введены в действие непосредственно с 1 января 2024 года.',
    'The standards have been put into effect directly as of 1 January 2024.',
  ),
  fromState(
    'xx-standards-application',
    'ARM',
    '2024-03-12',
    'implemented',
    'Стандарты приняты в качестве национальных; ссылки на них включены в типовые технические ' +
      'задания на закупки продукции военного назначения.',
    'The standards have been adopted as national standards; references to them have been ' +
      'included in the model specifications for the procurement of military products.',
  ),
  fromState(
    'xx-standards-application',
    'KAZ',
    '2023-12-15',
    'in_progress',
    'Проекты приказов о введении стандартов в действие проходят согласование.',
    'The draft orders putting the standards into effect are being coordinated.',
  ),
  fromState(
    'xx-standards-application',
    'KAZ',
    '2024-05-28',
    'implemented',
    'Стандарты приняты в качестве национальных, два из них — с оговорками в части ' +
      'климатических требований.',
    'The standards have been adopted as national standards, two of them with reservations on ' +
      'the climatic requirements.',
  ),
  fromState(
    'xx-standards-application',
    'KGZ',
    '2023-12-01',
    'in_progress',
    'Подготовлены проекты национальных стандартов, идентичных межгосударственным.',
  ),
  fromState(
    'xx-standards-application',
    'KGZ',
    '2024-07-10',
    'not_implemented',
    'Стандарты не приняты: действующее законодательство о техническом регулировании не ' +
      'предусматривает введения в действие межгосударственных стандартов на оборонную ' +
      'продукцию. Подготовлены предложения об изменении законодательства.',
    'The standards have not been adopted: the legislation on technical regulation in force does ' +
      'not provide for putting interstate standards for defence products into effect. Proposals ' +
      'to amend the legislation have been prepared.',
  ),
  fromState(
    'xx-standards-application',
    'TJK',
    '2024-04-02',
    'in_progress',
    'Введены в действие восемь из четырнадцати стандартов; по остальным продолжаются перевод ' +
      'и экспертиза.',
    'Eight of the fourteen standards have been put into effect; the translation and review of ' +
      'the others continue.',
  ),

  // 20/3 — the draft Program: done by every state and the Secretariat in November 2022.
  fromState(
    'xx-program-draft',
    'ARM',
    '2022-11-14',
    'implemented',
    'Проект Программы согласован заинтересованными министерствами и ведомствами без замечаний.',
    'The draft Program has been agreed by the ministries and agencies concerned without comments.',
  ),
  fromState(
    'xx-program-draft',
    'BLR',
    '2022-11-03',
    'implemented',
    'Проект Программы согласован; предложения по срокам двух мероприятий направлены в ' +
      'Секретариат МКВЭС.',
    'The draft Program has been agreed; proposals on the time limits of two measures have been ' +
      'sent to the ICMEC Secretariat.',
  ),
  fromState(
    'xx-program-draft',
    'KAZ',
    '2022-11-10',
    'implemented',
    'Проект Программы согласован заинтересованными государственными органами.',
    'The draft Program has been agreed by the government bodies concerned.',
  ),
  fromState(
    'xx-program-draft',
    'KGZ',
    '2022-11-15',
    'implemented',
    'Внутригосударственное согласование проекта Программы завершено.',
  ),
  fromState(
    'xx-program-draft',
    'RUS',
    '2022-11-01',
    'implemented',
    'Проект Программы согласован федеральными органами исполнительной власти без замечаний.',
    'The draft Program has been agreed by the federal executive authorities without comments.',
  ),
  fromState(
    'xx-program-draft',
    'TJK',
    '2022-11-11',
    'implemented',
    'Проект Программы согласован.',
    'The draft Program has been agreed.',
  ),
  fromBody(
    'xx-program-draft',
    'secretariat',
    '2022-11-09',
    'implemented',
    'Материалы к сессии Совета коллективной безопасности направлены в Секретариат ОДКБ ' +
      '9 ноября 2022 года.',
    'The materials for the session of the Collective Security Council were sent to the CSTO ' +
      'Secretariat on 9 November 2022.',
  ),

  // 20/4 — joint ventures: past due for Kazakhstan; not applicable to Kyrgyzstan and Tajikistan.
  fromState(
    'xx-joint-ventures',
    'BLR',
    '2025-09-30',
    'implemented',
    'Учредительный договор о создании совместного предприятия по ремонту бронетанковой ' +
      'техники подписан; предприятие зарегистрировано.',
    'The founding agreement of the joint venture for the repair of armoured vehicles has been ' +
      'signed; the joint venture has been registered.',
  ),
  fromState(
    'xx-joint-ventures',
    'RUS',
    '2025-10-14',
    'implemented',
    'Российские участники подписали учредительные договоры по двум проектам перечня; ' +
      'совместные предприятия зарегистрированы.',
    'The Russian participants have signed the founding agreements for two projects of the list; ' +
      'the joint ventures have been registered.',
  ),
  fromState(
    'xx-joint-ventures',
    'ARM',
    '2024-11-20',
    'in_progress',
    'Проект учредительного договора о совместном предприятии по модернизации средств связи ' +
      'согласован сторонами.',
    'The draft founding agreement of the joint venture for the modernization of communications ' +
      'equipment has been agreed by the parties.',
  ),
  fromState(
    'xx-joint-ventures',
    'ARM',
    '2025-11-18',
    'implemented',
    'Совместное предприятие по модернизации средств связи зарегистрировано.',
    'The joint venture for the modernization of communications equipment has been registered.',
  ),
  fromState(
    'xx-joint-ventures',
    'KAZ',
    '2025-12-19',
    'in_progress',
    'Учредительный договор согласован сторонами; регистрация совместного предприятия ожидается ' +
      'в первом квартале 2026 года.',
    'The founding agreement has been agreed by the parties; the joint venture is expected to be ' +
      'registered in the first quarter of 2026.',
  ),
  fromState(
    'xx-joint-ventures',
    'KAZ',
    '2026-06-30',
    'in_progress',
    'Регистрация совместного предприятия отложена до завершения процедур экспортного контроля ' +
      'в отношении передаваемой технической документации.',
    'The registration of the joint venture has been postponed until the export-control ' +
      'procedures for the technical documentation to be transferred are completed.',
  ),
  fromState(
    'xx-joint-ventures',
    'KGZ',
    '2023-02-15',
    'not_applicable',
    'Организации Кыргызской Республики в проектах перечня не участвуют.',
    'No organization of the Kyrgyz Republic takes part in the projects of the list.',
  ),
  fromState(
    'xx-joint-ventures',
    'TJK',
    '2023-03-10',
    'not_applicable',
    'Организации Республики Таджикистан в проектах перечня не участвуют.',
  ),

  // 20/5 — joint research and development: under way until 2027.
  fromState(
    'xx-joint-rnd',
    'RUS',
    '2025-11-27',
    'in_progress',
    'Заключены контракты по трём работам из пяти; по двум работам завершена стадия эскизного ' +
      'проектирования.',
    'Contracts have been concluded for three of the five works; the preliminary design stage of ' +
      'two of them has been completed.',
  ),
  fromState(
    'xx-joint-rnd',
    'BLR',
    '2025-11-24',
    'in_progress',
    'По работе по модернизации средств радиоэлектронной борьбы изготовлен опытный образец.',
    'A prototype has been manufactured in the work on the modernization of electronic warfare ' +
      'equipment.',
  ),
  fromState(
    'xx-joint-rnd',
    'BLR',
    '2026-11-20',
    'in_progress',
    'Предварительные испытания опытного образца завершены; государственные испытания ' +
      'запланированы на 2027 год.',
    'The preliminary tests of the prototype have been completed; the state tests are scheduled ' +
      'for 2027.',
  ),
  fromState(
    'xx-joint-rnd',
    'KAZ',
    '2024-12-03',
    'in_progress',
    'Контракт на выполнение работы заключён; завершена стадия технического предложения.',
    'The contract for the work has been concluded; the technical proposal stage has been ' +
      'completed.',
  ),

  // 20/6 — the draft IP Agreement: reports until the CSC superseded it on 23 November 2022.
  fromBody(
    'xx-ip-agreement',
    'cc-ip',
    '2022-11-08',
    'implemented',
    'Проект Соглашения доработан с учётом замечаний государств – членов и направлен в ' +
      'Секретариат МКВЭС.',
    'The draft Agreement has been finalized with the comments of the member states and sent to ' +
      'the ICMEC Secretariat.',
  ),
  fromState(
    'xx-ip-agreement',
    'RUS',
    '2022-11-18',
    'implemented',
    'Внутригосударственные процедуры, необходимые для подписания Соглашения, завершены.',
    'The internal procedures required for signing the Agreement have been completed.',
  ),
  fromState(
    'xx-ip-agreement',
    'BLR',
    '2022-11-17',
    'in_progress',
    'Проект Соглашения направлен на согласование в заинтересованные государственные органы.',
    'The draft Agreement has been sent to the government bodies concerned for coordination.',
  ),
  fromState(
    'xx-ip-agreement',
    'KAZ',
    '2022-11-21',
    'in_progress',
    'Проводится правовая экспертиза проекта Соглашения.',
    'The draft Agreement is undergoing legal review.',
  ),

  // 20/7 — cooperation of enterprises: under way until mid-2027.
  fromState(
    'xx-cooperation',
    'RUS',
    '2025-11-21',
    'in_progress',
    'Российскими предприятиями заключено 12 долгосрочных договоров на кооперационные поставки ' +
      'с предприятиями Республики Беларусь и Республики Казахстан.',
    'Russian enterprises have concluded 12 long-term contracts for cooperative supplies with ' +
      'enterprises of Belarus and Kazakhstan.',
  ),
  fromState(
    'xx-cooperation',
    'BLR',
    '2025-11-26',
    'in_progress',
    'Белорусскими предприятиями заключено 7 долгосрочных договоров на кооперационные поставки.',
    'Belarusian enterprises have concluded 7 long-term contracts for cooperative supplies.',
  ),
  fromState(
    'xx-cooperation',
    'KAZ',
    '2024-11-29',
    'in_progress',
    'Заключено 3 долгосрочных договора; к кооперационным поставкам применяются упрощённые ' +
      'процедуры.',
    'Three long-term contracts have been concluded; the simplified procedures are applied to ' +
      'cooperative supplies.',
  ),
  fromState(
    'xx-cooperation',
    'KGZ',
    '2025-12-01',
    'in_progress',
    'Предприятия Кыргызской Республики заключили два договора на поставку комплектующих ' +
      'изделий.',
  ),
  fromState(
    'xx-cooperation',
    'TJK',
    '2025-11-30',
    'in_progress',
    'Ведутся переговоры о заключении долгосрочного договора на ремонт стрелкового оружия.',
  ),

  // 20/8 — the XXI meeting in Dushanbe: prepared.
  fromState(
    'xx-next-meeting',
    'TJK',
    '2023-04-20',
    'implemented',
    'Организационные мероприятия по проведению заседания в г. Душанбе выполнены.',
    'The arrangements for holding the meeting in Dushanbe have been completed.',
  ),
  fromBody(
    'xx-next-meeting',
    'secretariat',
    '2023-04-24',
    'implemented',
    'Заседание объявлено на 27 апреля 2023 года в г. Душанбе; проект повестки дня и материалы ' +
      'направлены государствам – членам.',
    'The meeting has been announced for 27 April 2023 in Dushanbe; the draft agenda and the ' +
      'materials have been sent to the member states.',
  ),

  // CSC-2022-11 — the Program up to 2030: under way, annual reports.
  fromBody(
    'csc-program-2030',
    'icmec',
    '2025-11-18',
    'in_progress',
    'Комиссия рассмотрела ход выполнения Программы в 2025 году: из 46 мероприятий выполнено 18, ' +
      'выполняется 25, перенесено 3; доклад направлен в Совет коллективной безопасности.',
    'The Commission reviewed the implementation of the Program in 2025: of its 46 measures, 18 ' +
      'have been completed, 25 are under way and 3 have been postponed; the report has been sent ' +
      'to the Collective Security Council.',
  ),
  fromState(
    'csc-program-2030',
    'ARM',
    '2024-11-20',
    'in_progress',
    'Выполняются четыре мероприятия Программы, за которые отвечает Республика Армения.',
    'The four measures of the Program for which Armenia is responsible are under way.',
  ),
  fromState(
    'csc-program-2030',
    'BLR',
    '2025-11-12',
    'in_progress',
    'Выполнено пять мероприятий Программы из девяти; остальные выполняются в установленные сроки.',
    'Five of the nine measures of the Program have been completed; the others are on schedule.',
  ),
  fromState(
    'csc-program-2030',
    'KAZ',
    '2025-11-14',
    'in_progress',
    'Выполнено три мероприятия Программы из семи.',
    'Three of the seven measures of the Program have been completed.',
  ),
  fromState(
    'csc-program-2030',
    'KGZ',
    '2025-11-05',
    'in_progress',
    'Мероприятия Программы выполняются; по одному мероприятию запрошен перенос срока.',
  ),
  fromState(
    'csc-program-2030',
    'RUS',
    '2025-11-10',
    'in_progress',
    'Выполнено девять мероприятий Программы из двадцати; по остальным работы ведутся в ' +
      'установленные сроки.',
    'Nine of the twenty measures of the Program have been completed; work on the others is on ' +
      'schedule.',
  ),
  fromState(
    'csc-program-2030',
    'TJK',
    '2025-11-19',
    'in_progress',
    'Выполнено одно мероприятие Программы из трёх.',
  ),

  // CSC-2022-12 — additions to the Plan of standards: prepared for the XXI meeting.
  fromBody(
    'csc-standardization',
    'icmec',
    '2023-04-14',
    'implemented',
    'Проект изменений в План подготовлен и разослан государствам – членам; он вносится на ' +
      'заседание Координационного совета 26 апреля 2023 года и на XXI заседание Комиссии.',
    'The draft amendments to the Plan have been prepared and circulated to the member states; ' +
      'they go to the meeting of the Coordinating Council on 26 April 2023 and to the XXI ' +
      'meeting of the Commission.',
  ),

  // CSC-2022-13 — the IP Agreement: past due for Tajikistan.
  fromState(
    'csc-ip-agreement',
    'RUS',
    '2023-06-20',
    'implemented',
    'Внутригосударственные процедуры, необходимые для вступления Соглашения в силу, завершены; ' +
      'уведомление направлено депозитарию.',
    'The internal procedures required for the entry into force of the Agreement have been ' +
      'completed; the depositary has been notified.',
  ),
  fromState(
    'csc-ip-agreement',
    'BLR',
    '2023-09-05',
    'implemented',
    'Соглашение ратифицировано; уведомление направлено депозитарию.',
    'The Agreement has been ratified; the depositary has been notified.',
  ),
  fromState(
    'csc-ip-agreement',
    'ARM',
    '2024-05-16',
    'implemented',
    'Соглашение ратифицировано; уведомление направлено депозитарию.',
    'The Agreement has been ratified; the depositary has been notified.',
  ),
  fromState(
    'csc-ip-agreement',
    'KAZ',
    '2024-11-25',
    'implemented',
    'Соглашение ратифицировано; уведомление направлено депозитарию.',
    'The Agreement has been ratified; the depositary has been notified.',
  ),
  fromState(
    'csc-ip-agreement',
    'KGZ',
    '2024-12-18',
    'implemented',
    'Соглашение ратифицировано; уведомление направлено депозитарию.',
  ),
  fromState(
    'csc-ip-agreement',
    'TJK',
    '2024-12-24',
    'in_progress',
    'Законопроект о ратификации Соглашения внесён в парламент.',
    'The bill ratifying the Agreement has been submitted to parliament.',
  ),
  fromState(
    'csc-ip-agreement',
    'TJK',
    '2025-10-02',
    'in_progress',
    'Законопроект о ратификации Соглашения находится на рассмотрении парламента.',
    'The bill ratifying the Agreement is under consideration in parliament.',
  ),
  fromBody(
    'csc-ip-agreement',
    'icmec',
    '2025-06-25',
    'implemented',
    'Доклад о ходе внутригосударственных процедур направлен в Совет коллективной безопасности: ' +
      'процедуры завершили пять государств – членов, Республика Таджикистан их продолжает.',
    'The report on the internal procedures has been sent to the Collective Security Council: ' +
      'five member states have completed them, Tajikistan is still completing them.',
  ),
];
