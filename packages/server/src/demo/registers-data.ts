import type { LocalizedText } from '@plenum/shared';

/**
 * The registers of cooperation in the demo: a few entries each, all illustrative and marked so,
 * linked by key to the demo's bodies, organizations, decisions and documents. The loader posts
 * them through the API after the decisions and documents they name.
 */

const t = (en: string, ru: string): LocalizedText => ({ en, ru });
const NOTE = t(
  'Illustrative entry of the demo dataset.',
  'Иллюстративная запись демонстрационного набора данных.',
);

export interface DemoStandard {
  key: string;
  designation: string;
  title: LocalizedText;
  status: 'planned' | 'in_development' | 'under_consultation' | 'adopted' | 'withdrawn';
  leadMemberState: string;
  body: string;
  document?: string;
  decisions: string[];
  adoptions: {
    memberState: string;
    status: 'pending' | 'adopted' | 'adopted_with_reservations' | 'not_adopted';
    reservations?: LocalizedText;
    nationalReference?: string;
    effectiveDate?: string;
  }[];
}

export interface DemoMeasure {
  key: string;
  title: LocalizedText;
  states: string[];
  organizations?: string[];
  startDate: string;
  dueDate: string;
  status: 'planned' | 'in_progress' | 'completed' | 'cancelled';
  progress: number;
  children?: DemoMeasure[];
  reports?: { memberState: string; reportedOn: string; text: LocalizedText; progress?: number }[];
}

export interface DemoProgram {
  key: string;
  title: LocalizedText;
  body: string;
  periodFrom: string;
  periodTo: string;
  status: 'planned' | 'active' | 'completed' | 'cancelled';
  decisions: string[];
  measures: DemoMeasure[];
}

export interface DemoProject {
  key: string;
  title: LocalizedText;
  kind: 'joint_venture' | 'joint_rnd' | 'co_production' | 'modernization' | 'repair' | 'disposal';
  status: 'proposed' | 'approved' | 'active' | 'completed' | 'terminated';
  startDate: string | null;
  participants: { organization: string; role: 'lead' | 'partner' }[];
  /** `programKey/measureKey` */
  measures: string[];
  decisions: string[];
}

export interface DemoIpResult {
  title: LocalizedText;
  kind: 'invention' | 'utility_model' | 'industrial_design' | 'software' | 'know_how' | 'other';
  project: string;
  classification: 'public' | 'internal' | 'restricted';
  accessList?: { memberStates: string[]; bodies: string[] };
  holders: ({ organization: string; share: number } | { memberState: string; share: number })[];
  protections: {
    memberState: string;
    status: 'filed' | 'granted' | 'refused' | 'expired';
    number?: string;
    date?: string;
  }[];
  decisions: string[];
}

export const demoStandards: DemoStandard[] = [
  {
    key: 'connectors',
    designation: 'ICMEC ST 1.1-2021',
    title: t(
      'Unified electrical connectors of armaments and military equipment. General requirements (illustrative)',
      'Соединители электрические унифицированные вооружения и военной техники. Общие требования (условный пример)',
    ),
    status: 'adopted',
    leadMemberState: 'RUS',
    body: 'cc-standardization',
    decisions: ['xx-standards-plan'],
    adoptions: [
      {
        memberState: 'RUS',
        status: 'adopted',
        nationalReference: 'GOST RV 1.1-2021',
        effectiveDate: '2022-01-01',
      },
      {
        memberState: 'BLR',
        status: 'adopted',
        nationalReference: 'STB V 1.1-2022',
        effectiveDate: '2022-07-01',
      },
      {
        memberState: 'KAZ',
        status: 'adopted_with_reservations',
        reservations: t(
          'Section 5 applies to new designs only.',
          'Раздел 5 применяется только к новым разработкам.',
        ),
        nationalReference: 'ST RK V 1.1-2022',
        effectiveDate: '2023-01-01',
      },
      { memberState: 'ARM', status: 'pending' },
      { memberState: 'KGZ', status: 'not_adopted' },
    ],
  },
  {
    key: 'marking',
    designation: 'ICMEC ST 2.4-2022',
    title: t(
      'Marking of military products for mutual supplies (illustrative)',
      'Маркировка военной продукции при взаимных поставках (условный пример)',
    ),
    status: 'adopted',
    leadMemberState: 'BLR',
    body: 'cc-standardization',
    decisions: ['xx-standards-application'],
    adoptions: [
      {
        memberState: 'BLR',
        status: 'adopted',
        nationalReference: 'STB V 2.4-2022',
        effectiveDate: '2023-01-01',
      },
      {
        memberState: 'RUS',
        status: 'adopted',
        nationalReference: 'GOST RV 2.4-2023',
        effectiveDate: '2023-03-01',
      },
      { memberState: 'TJK', status: 'pending' },
    ],
  },
  {
    key: 'list',
    designation: 'ICMEC ST 0.1-2023',
    title: t(
      'List of interstate standards for armaments and military equipment (illustrative)',
      'Перечень межгосударственных стандартов на вооружение и военную технику (условный пример)',
    ),
    status: 'under_consultation',
    leadMemberState: 'RUS',
    body: 'cc-standardization',
    document: 'standards-list',
    decisions: ['xx-standards-plan'],
    adoptions: [],
  },
];

export const demoPrograms: DemoProgram[] = [
  {
    key: 'program-2030',
    title: t(
      'Long-term program of military-economic cooperation until 2030 (illustrative)',
      'Долгосрочная программа военно-экономического сотрудничества до 2030 года (условный пример)',
    ),
    body: 'icmec',
    periodFrom: '2021-01-01',
    periodTo: '2030-12-31',
    status: 'active',
    decisions: ['xx-program-draft'],
    measures: [
      {
        key: 'standardization',
        title: t('Standardization of armaments', 'Стандартизация вооружения'),
        states: ['RUS', 'BLR', 'KAZ'],
        startDate: '2021-03-01',
        dueDate: '2025-12-31',
        status: 'in_progress',
        progress: 0,
        children: [
          {
            key: 'connectors',
            title: t('Unified connectors', 'Унифицированные соединители'),
            states: ['RUS', 'BLR'],
            organizations: ['rus-institute', 'blr-institute'],
            startDate: '2021-03-01',
            dueDate: '2022-12-31',
            status: 'completed',
            progress: 100,
          },
          {
            key: 'marking',
            title: t('Common marking of military products', 'Единая маркировка военной продукции'),
            states: ['BLR', 'KAZ'],
            organizations: ['blr-plant'],
            startDate: '2022-01-01',
            dueDate: '2024-06-30',
            status: 'in_progress',
            progress: 60,
            reports: [
              {
                memberState: 'BLR',
                reportedOn: '2023-03-15',
                text: t(
                  'The draft standard was agreed by the national bodies.',
                  'Проект стандарта согласован национальными органами.',
                ),
                progress: 60,
              },
            ],
          },
        ],
      },
      {
        key: 'repair',
        title: t(
          'Joint repair and modernization centres',
          'Совместные центры ремонта и модернизации',
        ),
        states: ['RUS', 'ARM', 'TJK'],
        organizations: ['arm-plant', 'tjk-plant'],
        startDate: '2022-06-01',
        dueDate: '2028-12-31',
        status: 'in_progress',
        progress: 25,
      },
      {
        key: 'training',
        title: t('Training of specialists', 'Подготовка специалистов'),
        states: ['KGZ', 'KAZ'],
        startDate: '2023-01-01',
        dueDate: '2030-12-31',
        status: 'planned',
        progress: 0,
      },
    ],
  },
];

export const demoProjects: DemoProject[] = [
  {
    key: 'repair-jv',
    title: t(
      'Joint venture for the repair of armoured vehicles (illustrative)',
      'Совместное предприятие по ремонту бронетехники (условный пример)',
    ),
    kind: 'joint_venture',
    status: 'active',
    startDate: '2022-09-01',
    participants: [
      { organization: 'rus-plant', role: 'lead' },
      { organization: 'arm-plant', role: 'partner' },
      { organization: 'tjk-plant', role: 'partner' },
    ],
    measures: ['program-2030/repair'],
    decisions: ['xx-joint-ventures'],
  },
  {
    key: 'sensors-rnd',
    title: t(
      'Joint research on optical sensors (illustrative)',
      'Совместные исследования оптических датчиков (условный пример)',
    ),
    kind: 'joint_rnd',
    status: 'approved',
    startDate: null,
    participants: [
      { organization: 'blr-institute', role: 'lead' },
      { organization: 'kaz-institute', role: 'partner' },
    ],
    measures: [],
    decisions: ['xx-joint-rnd'],
  },
];

export const demoIpResults: DemoIpResult[] = [
  {
    title: t(
      'Method of non-destructive testing of armour welds (illustrative)',
      'Способ неразрушающего контроля сварных швов брони (условный пример)',
    ),
    kind: 'invention',
    project: 'repair-jv',
    classification: 'internal',
    holders: [
      { organization: 'rus-plant', share: 50 },
      { organization: 'arm-plant', share: 25 },
      { organization: 'tjk-plant', share: 25 },
    ],
    protections: [
      { memberState: 'RUS', status: 'granted', number: 'RU 2 790 001', date: '2023-02-10' },
      { memberState: 'ARM', status: 'filed', date: '2023-03-01' },
    ],
    decisions: ['xx-ip-agreement'],
  },
  {
    title: t(
      'Calibration software for optical sensors (illustrative, restricted)',
      'Программа калибровки оптических датчиков (условный пример, ограниченного доступа)',
    ),
    kind: 'software',
    project: 'sensors-rnd',
    classification: 'restricted',
    accessList: { memberStates: ['BLR', 'KAZ'], bodies: ['cc-ip'] },
    holders: [
      { memberState: 'BLR', share: 60 },
      { memberState: 'KAZ', share: 40 },
    ],
    protections: [{ memberState: 'BLR', status: 'filed', date: '2023-04-03' }],
    decisions: ['xx-ip-agreement'],
  },
];

/** Every register entry carries this note in its description. */
export const REGISTER_NOTE = NOTE;
