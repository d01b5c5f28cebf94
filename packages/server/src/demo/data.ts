import type {
  LocalizedText,
  MeetingStatus,
  ZAgendaItemCreate,
  ZAssignmentCreate,
  ZBodyCreate,
  ZDecisionCreate,
  ZDecisionRelationInput,
  ZMeetingCreate,
  ZMemberStateCreate,
  ZMembershipCreate,
  ZNewsCreate,
  ZOrganizationCreate,
  ZParticipantCreate,
  ZPersonCreate,
  ZReportCreate,
  ZUserCreate,
} from '@plenum/shared';
import type { z } from 'zod';
import { demoAssignments, demoDecisions, demoReports } from './decisions-data.ts';
import {
  type DemoConsultation,
  type DemoDocument,
  demoConsultations,
  demoDocuments,
} from './documents-data.ts';
import {
  type DemoIpResult,
  type DemoProgram,
  type DemoProject,
  type DemoStandard,
  demoIpResults,
  demoPrograms,
  demoProjects,
  demoStandards,
} from './registers-data.ts';
import {
  type DemoSession,
  type DemoWrittenProcedure,
  demoSessions,
  demoWrittenProcedures,
} from './sessions-data.ts';

/**
 * The demo dataset: the commission of the seed announcement (DESIGN, preamble), as data. The
 * loader (`loader.ts`) posts it through the HTTP API, so every rule applies and every change is
 * audited. Records refer to one another by `key`; the loader turns keys into the ids the API
 * returns. Facts the announcement does not state are marked as illustrative in the records
 * themselves (meeting notes, body mandates, organization names, decision texts), so nobody
 * mistakes them for the public record. The decisions, their assignments and the implementation
 * reports are in `decisions-data.ts`.
 */

/** The shared password of every demo login (printed by `plenum start` and `plenum demo`). */
export const DEMO_PASSWORD = 'plenum-demo-2023';

type In<T extends z.ZodType> = z.input<T>;

export type DemoMemberState = In<typeof ZMemberStateCreate>;

export interface DemoBody extends Omit<In<typeof ZBodyCreate>, 'parentId'> {
  key: string;
  /** Key of the parent body. */
  parent?: string;
}

export interface DemoPerson extends In<typeof ZPersonCreate> {
  key: string;
}

export interface DemoMembership extends Omit<In<typeof ZMembershipCreate>, 'personId' | 'bodyId'> {
  person: string;
  body: string;
}

export interface DemoOrganization extends In<typeof ZOrganizationCreate> {
  key: string;
}

export interface DemoParticipant
  extends Omit<In<typeof ZParticipantCreate>, 'personId' | 'bodyId'> {
  person: string;
  body?: string;
}

export interface DemoAgendaItem
  extends Omit<In<typeof ZAgendaItemCreate>, 'parentId' | 'rapporteurPersonId' | 'reason'> {
  /** Names the item for the decisions adopted under it (unique within its meeting). */
  key?: string;
  rapporteur?: string;
  children?: DemoAgendaItem[];
}

export interface DemoMeeting
  extends Omit<
    In<typeof ZMeetingCreate>,
    'bodyId' | 'chairPersonId' | 'parentMeetingId' | 'status'
  > {
  key: string;
  body: string;
  chair?: string;
  /** Key of the meeting this one prepares (a council meeting on the eve of the commission's). */
  parent?: string;
  /** Where the meeting stands; the loader walks the allowed transitions from `planned`. */
  status: MeetingStatus;
  agenda: DemoAgendaItem[];
  /** Approve the agenda (at the opening of the session when the meeting went that far). */
  agendaApproved: boolean;
  participants: DemoParticipant[];
}

export interface DemoUser extends Omit<In<typeof ZUserCreate>, 'password' | 'bodyIds'> {
  /** Keys of the bodies that scope an observer. */
  bodies?: string[];
}

export interface DemoDecision
  extends Omit<In<typeof ZDecisionCreate>, 'bodyId' | 'meetingId' | 'agendaItemId' | 'relations'> {
  key: string;
  /** Key of the adopting body. */
  body: string;
  /** Key of the meeting that adopted it; without one, `number` is required. */
  meeting?: string;
  /** Key of the agenda item of that meeting. */
  agendaItem?: string;
  /**
   * How it acts on earlier decisions (by key). Loaded after the reports, since superseding or
   * cancelling closes the earlier decision to further reports.
   */
  relations?: (Omit<In<typeof ZDecisionRelationInput>, 'decisionId'> & { decision: string })[];
}

/** Who must act: a member state (by code) or a body (by key). */
export type DemoAssignee =
  | { memberState: string; body?: never }
  | { body: string; memberState?: never };

export type DemoAssignment = DemoAssignee &
  Omit<In<typeof ZAssignmentCreate>, 'memberState' | 'bodyId'> & {
    /** Key of the decision. */
    decision: string;
  };

/** A report on the assignment of `decision` to the assignee; dated, never defaulting to today. */
export type DemoReport = DemoAssignee &
  Omit<In<typeof ZReportCreate>, 'assignmentId' | 'reportedOn'> & {
    decision: string;
    reportedOn: string;
  };

export interface DemoDataset {
  /** Created directly in the database; the loader acts as this user through the API. */
  admin: { email: string; name: string };
  memberStates: DemoMemberState[];
  bodies: DemoBody[];
  persons: DemoPerson[];
  memberships: DemoMembership[];
  organizations: DemoOrganization[];
  /** In order: a meeting that another refers to comes first. */
  meetings: DemoMeeting[];
  /** In order: a meeting's decisions are numbered in this order (20/1, 20/2, …). */
  decisions: DemoDecision[];
  assignments: DemoAssignment[];
  reports: DemoReport[];
  /** Documents with their versions, and the rounds of their coordination, in order. */
  documents: DemoDocument[];
  consultations: DemoConsultation[];
  /** Announcements the generator writes from a meeting's record, published at the given time. */
  announcements: { meeting: string; publishedAt: string }[];
  /** Other news, published at the given time. */
  news: DemoNews[];
  /** Minutes issued as a first revision (a draft until a later meeting approves it). */
  minutes: { meeting: string }[];
  /** Meeting packs issued for delegates, in the given language. */
  packs: { meeting: string; lang: 'en' | 'ru' }[];
  /** The registers of cooperation (registers-data.ts). */
  standards: DemoStandard[];
  programs: DemoProgram[];
  projects: DemoProject[];
  ipResults: DemoIpResult[];
  users: DemoUser[];
  /** Meetings recorded in session mode, and written procedures (sessions-data.ts). */
  sessions: DemoSession[];
  writtenProcedures: DemoWrittenProcedure[];
}

export interface DemoNews
  extends Omit<In<typeof ZNewsCreate>, 'meetingId' | 'bodyId' | 'imageSha256' | 'imageAlt'> {
  meeting?: string;
  publishedAt: string;
}

const en = (text: string, ru: string): LocalizedText => ({ en: text, ru });

const STATE_NAMES: Record<string, { short: LocalizedText; full: LocalizedText }> = {
  ARM: { short: en('Armenia', 'Армения'), full: en('Republic of Armenia', 'Республика Армения') },
  BLR: { short: en('Belarus', 'Беларусь'), full: en('Republic of Belarus', 'Республика Беларусь') },
  KAZ: {
    short: en('Kazakhstan', 'Казахстан'),
    full: en('Republic of Kazakhstan', 'Республика Казахстан'),
  },
  KGZ: {
    short: en('Kyrgyzstan', 'Кыргызстан'),
    full: en('Kyrgyz Republic', 'Кыргызская Республика'),
  },
  RUS: { short: en('Russia', 'Россия'), full: en('Russian Federation', 'Российская Федерация') },
  TJK: {
    short: en('Tajikistan', 'Таджикистан'),
    full: en('Republic of Tajikistan', 'Республика Таджикистан'),
  },
};
const STATE_CODES = Object.keys(STATE_NAMES);

const ICMEC_MANDATE = en(
  [
    'The Commission formulates recommendations and adopts decisions within its competence to',
    'ensure multilateral military-economic (technical) cooperation in the priority areas of',
    'cooperation within the CSTO format. Its tasks include, among others:',
    '',
    '- development and implementation of long-term programs for military-economic cooperation;',
    '- development of cooperation in the production of military products;',
    '- creation of joint ventures for the development, production, modernization, repair and',
    '  disposal of military products;',
    '- joint research and development work on the development and modernization of military',
    '  products.',
  ].join('\n'),
  [
    'Комиссия вырабатывает рекомендации и принимает в пределах своей компетенции решения,',
    'направленные на обеспечение многостороннего военно-экономического (военно-технического)',
    'сотрудничества по приоритетным направлениям взаимодействия в формате ОДКБ. К её задачам',
    'относятся, в частности:',
    '',
    '- разработка и реализация долгосрочных программ военно-экономического сотрудничества;',
    '- развитие кооперации в производстве продукции военного назначения;',
    '- создание совместных предприятий по разработке, производству, модернизации, ремонту и',
    '  утилизации продукции военного назначения;',
    '- совместные научно-исследовательские и опытно-конструкторские работы по созданию и',
    '  модернизации продукции военного назначения.',
  ].join('\n'),
);

const DUSHANBE = { city: en('Dushanbe', 'Душанбе'), country: 'TJK', venue: null };
const MOSCOW = { city: en('Moscow', 'Москва'), country: 'RUS', venue: null };

/** Two illustrative organizations per state: generic names, marked as such in both languages. */
function illustrativeOrganizations(): DemoOrganization[] {
  return STATE_CODES.flatMap((code) => {
    const state = STATE_NAMES[code]!.short;
    return [
      {
        key: `${code.toLowerCase()}-plant`,
        memberState: code,
        kind: 'enterprise' as const,
        name: en(
          `Precision Instruments Plant (illustrative example, ${state.en})`,
          `Завод точного приборостроения (условный пример, ${state.ru})`,
        ),
      },
      {
        key: `${code.toLowerCase()}-institute`,
        memberState: code,
        kind: 'institute' as const,
        name: en(
          `Research Institute of Standardization (illustrative example, ${state.en})`,
          `Научно-исследовательский институт стандартизации (условный пример, ${state.ru})`,
        ),
      },
    ];
  });
}

const COUNCIL_MEETING_NOTE = en(
  'Illustrative: the announcement of 24 April 2023 says that the council meets on the eve of ' +
    'the XXI meeting of the ICMEC in Dushanbe to review and coordinate documents; the number of ' +
    'this council meeting is not stated and is assumed for the demonstration.',
  'Условный пример: в сообщении от 24 апреля 2023 года сказано, что совет заседает накануне ' +
    'XXI заседания МКВЭС в Душанбе для рассмотрения и согласования документов; номер этого ' +
    'заседания совета не указан и принят для демонстрации.',
);

export const demoDataset: DemoDataset = {
  admin: { email: 'admin@plenum.example', name: 'Demo Administrator' },

  memberStates: STATE_CODES.map((code) => ({
    code,
    name: STATE_NAMES[code]!.full,
    status: 'member' as const,
  })),

  bodies: [
    {
      key: 'csc',
      slug: 'csc',
      kind: 'statutory_body',
      name: en('CSTO Collective Security Council', 'Совет коллективной безопасности ОДКБ'),
      nameGenitive: en('CSTO Collective Security Council', 'Совета коллективной безопасности ОДКБ'),
      shortName: en('CSC', 'СКБ'),
    },
    {
      key: 'icmec',
      slug: 'icmec',
      kind: 'commission',
      parent: 'csc',
      name: en(
        'CSTO Interstate Commission for Military-Economic Cooperation',
        'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ',
      ),
      nameGenitive: en(
        'CSTO Interstate Commission for Military-Economic Cooperation',
        'Межгосударственной комиссии по военно-экономическому сотрудничеству ОДКБ',
      ),
      shortName: en('ICMEC', 'МКВЭС'),
      established: '2005-06-23',
      establishedBy: en(
        'Decision of the CSTO Collective Security Council of 23 June 2005',
        'Решение Совета коллективной безопасности ОДКБ от 23 июня 2005 года',
      ),
      mandate: ICMEC_MANDATE,
    },
    {
      key: 'cc-standardization',
      slug: 'cc-standardization',
      kind: 'council',
      parent: 'icmec',
      name: en(
        'Coordinating Council for Standardization of Armaments and Military Equipment under the CSTO ICMEC',
        'Координационный совет по стандартизации вооружения и военной техники при МКВЭС ОДКБ',
      ),
      nameGenitive: en(
        'Coordinating Council for Standardization of Armaments and Military Equipment under the CSTO ICMEC',
        'Координационного совета по стандартизации вооружения и военной техники при МКВЭС ОДКБ',
      ),
      mandate: en(
        'Reviews and coordinates documents on the standardization of armaments and military ' +
          'equipment within the CSTO.',
        'Рассматривает и согласовывает документы по стандартизации вооружения и военной техники ' +
          'в рамках ОДКБ.',
      ),
    },
    {
      key: 'cc-ip',
      slug: 'cc-ip-protection',
      kind: 'council',
      parent: 'icmec',
      name: en(
        'Coordinating Council under the CSTO ICMEC on issues of mutual protection of rights to the ' +
          'results of intellectual activity obtained and used during military-economic ' +
          'cooperation within the CSTO',
        'Координационный совет при МКВЭС ОДКБ по вопросам взаимной охраны прав на результаты ' +
          'интеллектуальной деятельности, полученные и используемые в ходе ' +
          'военно-экономического сотрудничества в рамках ОДКБ',
      ),
      nameGenitive: en(
        'Coordinating Council under the CSTO ICMEC on issues of mutual protection of rights to the ' +
          'results of intellectual activity obtained and used during military-economic ' +
          'cooperation within the CSTO',
        'Координационного совета при МКВЭС ОДКБ по вопросам взаимной охраны прав на результаты ' +
          'интеллектуальной деятельности, полученные и используемые в ходе ' +
          'военно-экономического сотрудничества в рамках ОДКБ',
      ),
      mandate: en(
        'Reviews and coordinates documents on the mutual protection of rights to the results of ' +
          'intellectual activity obtained and used during military-economic cooperation within ' +
          'the CSTO.',
        'Рассматривает и согласовывает документы по вопросам взаимной охраны прав на результаты ' +
          'интеллектуальной деятельности, полученные и используемые в ходе ' +
          'военно-экономического сотрудничества в рамках ОДКБ.',
      ),
    },
    {
      key: 'secretariat',
      slug: 'secretariat',
      kind: 'secretariat',
      parent: 'icmec',
      name: en('Secretariat of the ICMEC', 'Секретариат МКВЭС'),
      nameGenitive: en('Secretariat of the ICMEC', 'Секретариата МКВЭС'),
      mandate: en(
        'Prepares the meetings of the Commission and its coordinating councils and keeps their ' +
          'records.\n\n*Illustrative: the announcement does not describe a secretariat; this ' +
          'body stands for the office that runs Plenum.*',
        'Готовит заседания Комиссии и её координационных советов и ведёт их документацию.\n\n' +
          '*Условный пример: в сообщении секретариат не описан; этот орган обозначает ' +
          'подразделение, которое ведёт Plenum.*',
      ),
    },
  ],

  persons: [
    {
      key: 'manturov',
      name: en('Denis Manturov', 'Денис Мантуров'),
      memberState: 'RUS',
      position: en(
        'Deputy Prime Minister of the Russian Federation – Minister of Industry and Trade of the ' +
          'Russian Federation, Chairman of the CSTO ICMEC',
        'Заместитель Председателя Правительства Российской Федерации – Министр промышленности и ' +
          'торговли Российской Федерации, Председатель МКВЭС ОДКБ',
      ),
    },
    {
      key: 'tasmagambetov',
      name: en('Imangali Tasmagambetov', 'Имангали Тасмагамбетов'),
      memberState: 'KAZ',
      position: en(
        'Secretary General of the Collective Security Treaty Organization',
        'Генеральный секретарь Организации Договора о коллективной безопасности',
      ),
    },
  ],

  memberships: [{ person: 'manturov', body: 'icmec', role: 'chair', memberState: 'RUS' }],

  organizations: illustrativeOrganizations(),

  meetings: [
    {
      key: 'icmec-20',
      body: 'icmec',
      number: 20,
      startDate: '2022-10-20',
      timeZone: 'Europe/Moscow',
      location: MOSCOW,
      chair: 'manturov',
      status: 'held',
      agendaApproved: true,
      notes: en(
        'Illustrative: the announcement of the XXI meeting says only that the XX meeting was held ' +
          'in October 2022 in Moscow; the date (20 October 2022), the chair, the agenda and the ' +
          'decisions are assumed for the demonstration.',
        'Условный пример: в сообщении о XXI заседании сказано лишь, что XX заседание состоялось ' +
          'в октябре 2022 года в Москве; дата (20 октября 2022 года), председатель, повестка дня ' +
          'и решения приняты для демонстрации.',
      ),
      participants: [{ person: 'manturov', role: 'chair', memberState: 'RUS', notable: true }],
      agenda: [
        {
          kind: 'implementation_review',
          title: en(
            'On the implementation of the decisions of the XIX meeting of the ICMEC',
            'О ходе выполнения решений XIX заседания МКВЭС',
          ),
        },
        {
          kind: 'statutory_review',
          title: en(
            'On the results of implementation of the decisions of the statutory bodies of the CSTO',
            'О результатах выполнения решений уставных органов ОДКБ',
          ),
        },
        {
          key: 'standardization',
          kind: 'decision',
          title: en(
            'On the standardization of armaments and military equipment within the CSTO',
            'О стандартизации вооружения и военной техники в рамках ОДКБ',
          ),
        },
        {
          key: 'programs',
          kind: 'decision',
          title: en(
            'On long-term programs of military-economic cooperation, joint ventures and joint ' +
              'research and development work',
            'О долгосрочных программах военно-экономического сотрудничества, совместных ' +
              'предприятиях и совместных научно-исследовательских и опытно-конструкторских работах',
          ),
        },
        {
          key: 'ip',
          kind: 'decision',
          title: en(
            'On the mutual protection of rights to the results of intellectual activity obtained ' +
              'and used in military-economic cooperation within the CSTO',
            'О взаимной охране прав на результаты интеллектуальной деятельности, полученные и ' +
              'используемые в ходе военно-экономического сотрудничества в рамках ОДКБ',
          ),
        },
        {
          key: 'cooperation',
          kind: 'decision',
          title: en(
            'On cooperation between enterprises of the defence-industrial complexes of the ' +
              'member states',
            'О кооперации предприятий оборонно-промышленных комплексов государств – членов ОДКБ',
          ),
        },
        {
          key: 'next-meeting',
          kind: 'other',
          title: en(
            'On the date and venue of the next meeting of the ICMEC',
            'О дате и месте проведения очередного заседания МКВЭС',
          ),
        },
      ],
    },
    {
      key: 'icmec-21',
      body: 'icmec',
      number: 21,
      startDate: '2023-04-27',
      timeZone: 'Asia/Dushanbe',
      location: DUSHANBE,
      chair: 'manturov',
      status: 'announced',
      agendaApproved: false,
      participants: [
        { person: 'manturov', role: 'chair', memberState: 'RUS', notable: true },
        { person: 'tasmagambetov', role: 'secretary_general', notable: true },
      ],
      agenda: [
        {
          kind: 'implementation_review',
          title: en(
            'On the implementation of the decisions of the XX meeting of the ICMEC held in ' +
              'October 2022 in Moscow',
            'О ходе выполнения решений XX заседания МКВЭС, состоявшегося в октябре 2022 года ' +
              'в г. Москве',
          ),
        },
        {
          kind: 'statutory_review',
          title: en(
            'On the results of implementation of the decisions of the statutory bodies of the CSTO',
            'О результатах выполнения решений уставных органов ОДКБ',
          ),
        },
        {
          key: 'standardization',
          kind: 'decision',
          title: en(
            'On further measures for standardization of weapons and military equipment within ' +
              'the CSTO',
            'О дальнейших мерах по стандартизации вооружения и военной техники в рамках ОДКБ',
          ),
        },
        {
          key: 'cooperation',
          kind: 'decision',
          title: en(
            'On the development of multilateral cooperation between enterprises and ' +
              'organizations of the defence-industrial complexes of the member states',
            'О развитии многосторонней кооперации между предприятиями и организациями ' +
              'оборонно-промышленных комплексов государств – членов ОДКБ',
          ),
        },
      ],
    },
    {
      key: 'cc-standardization-2023',
      body: 'cc-standardization',
      parent: 'icmec-21',
      startDate: '2023-04-26',
      timeZone: 'Asia/Dushanbe',
      location: DUSHANBE,
      status: 'announced',
      agendaApproved: false,
      notes: COUNCIL_MEETING_NOTE,
      participants: [],
      agenda: [
        {
          key: 'coordination',
          kind: 'decision',
          title: en(
            'On the review and coordination of documents on the standardization of armaments and ' +
              'military equipment',
            'О рассмотрении и согласовании документов по стандартизации вооружения и военной ' +
              'техники',
          ),
        },
      ],
    },
    {
      key: 'cc-ip-2023',
      body: 'cc-ip',
      parent: 'icmec-21',
      startDate: '2023-04-26',
      timeZone: 'Asia/Dushanbe',
      location: DUSHANBE,
      status: 'announced',
      agendaApproved: false,
      notes: COUNCIL_MEETING_NOTE,
      participants: [],
      agenda: [
        {
          key: 'coordination',
          kind: 'decision',
          title: en(
            'On the review and coordination of documents on mutual protection of rights to the ' +
              'results of intellectual activity',
            'О рассмотрении и согласовании документов по вопросам взаимной охраны прав на ' +
              'результаты интеллектуальной деятельности',
          ),
        },
      ],
    },
  ],

  decisions: demoDecisions,
  assignments: demoAssignments,
  reports: demoReports,
  documents: demoDocuments,
  consultations: demoConsultations,
  sessions: demoSessions,
  writtenProcedures: demoWrittenProcedures,

  // The seed itself: the announcement of the XXI meeting, dated as the seed is (24.04.2023).
  announcements: [{ meeting: 'icmec-21', publishedAt: '2023-04-24T06:00:00Z' }],
  // The XX meeting's minutes as issued for approval at the XXI, and the XXI meeting's pack of
  // documents for the delegations.
  minutes: [{ meeting: 'icmec-20' }],
  packs: [{ meeting: 'icmec-21', lang: 'ru' }],
  news: [
    {
      section: 'news',
      slug: 'xx-meeting-of-the-icmec-held-in-moscow',
      meeting: 'icmec-20',
      title: en(
        'The XX meeting of the CSTO Interstate Commission for Military-Economic Cooperation was held in Moscow',
        'В Москве состоялось XX заседание Межгосударственной комиссии по военно-экономическому сотрудничеству ОДКБ',
      ),
      summary: en(
        'The Commission reviewed standardization, the long-term programs and cooperation between enterprises.',
        'Комиссия рассмотрела вопросы стандартизации, долгосрочных программ и кооперации предприятий.',
      ),
      body: en(
        '*Illustrative text of the demo dataset; not an official publication.*\n\n' +
          'The XX meeting of the Interstate Commission for Military-Economic Cooperation was held ' +
          'in Moscow on October 20, 2022. The Commission adopted decisions on the standardization ' +
          'of armaments and military equipment, on the long-term programs of military-economic ' +
          'cooperation and on the mutual protection of rights to the results of intellectual ' +
          'activity, and set their implementation to the member states.',
        '*Иллюстративный текст демонстрационного набора данных; не является официальной публикацией.*\n\n' +
          '20 октября 2022 года в Москве состоялось XX заседание Межгосударственной комиссии по ' +
          'военно-экономическому сотрудничеству. Комиссия приняла решения о стандартизации ' +
          'вооружения и военной техники, о долгосрочных программах военно-экономического ' +
          'сотрудничества и о взаимной охране прав на результаты интеллектуальной деятельности ' +
          'и поручила их выполнение государствам-членам.',
      ),
      publishedAt: '2022-10-20T15:00:00Z',
    },
  ],

  standards: demoStandards,
  programs: demoPrograms,
  projects: demoProjects,
  ipResults: demoIpResults,

  users: [
    { email: 'secretariat@plenum.example', name: 'Demo Secretariat Officer', role: 'secretariat' },
    ...STATE_CODES.map((code) => ({
      email: `delegate.${code.toLowerCase()}@plenum.example`,
      name: `Demo Delegate of ${STATE_NAMES[code]!.short.en}`,
      role: 'delegate' as const,
      memberState: code,
      // Two of the delegates work in Russian, so the demo shows both interfaces.
      language: code === 'RUS' || code === 'TJK' ? ('ru' as const) : ('en' as const),
    })),
    {
      email: 'observer@plenum.example',
      name: 'Demo Council Observer',
      role: 'observer',
      bodies: ['cc-standardization', 'cc-ip'],
    },
  ],
};
