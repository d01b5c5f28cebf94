import type {
  LocalizedText,
  ZCommentCreate,
  ZCommentResolutionInput,
  ZDocumentCreate,
  ZDocumentVersionCreate,
  ZPositionInput,
} from '@plenum/shared';
import type { z } from 'zod';

/**
 * Documents of the demo and their coordination among the member states: what the two councils
 * meet for on the eve of the XXI meeting ("to review and coordinate documents in this part of
 * the work", seed). Every text is illustrative and says so. Deadlines are relative to the day
 * of loading, since a round opens only with a deadline that has not passed.
 */

type In<T extends z.ZodType> = z.input<T>;

export interface DemoDocument extends Omit<In<typeof ZDocumentCreate>, 'bodyId' | 'accessList'> {
  key: string;
  /** Key of the owning body. */
  body: string;
  accessList?: { memberStates: string[]; bodies: string[] };
  versions: In<typeof ZDocumentVersionCreate>[];
  /** Agenda items (`meetingKey/itemKey`) the document is on. */
  onAgenda?: string[];
}

export interface DemoComment extends In<typeof ZCommentCreate> {
  resolution?: In<typeof ZCommentResolutionInput>;
}

export interface DemoConsultation {
  /** Key of the document; the round goes out on its version `version`. */
  document: string;
  version: number;
  memberStates: string[];
  /** Days from the day of loading. */
  deadlineInDays: number;
  /** Key of the council meeting the round prepares. */
  councilMeeting?: string;
  silenceProcedure?: boolean;
  positions: Record<string, In<typeof ZPositionInput>>;
  comments: DemoComment[];
  /** Close the round (its outcome follows from the positions). */
  close: boolean;
}

const t = (en: string, ru: string): LocalizedText => ({ en, ru });

const ILLUSTRATIVE = t(
  '*Illustrative text of the demo dataset; not an official document.*',
  '*Иллюстративный текст демонстрационного набора данных; не является официальным документом.*',
);

const text = (en: string[], ru: string[]): LocalizedText => ({
  en: [ILLUSTRATIVE.en, ...en].join('\n\n'),
  ru: [ILLUSTRATIVE.ru, ...ru].join('\n\n'),
});

const ALL = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];

const STANDARDS_V1 = text(
  [
    '## Draft decision of the Interstate Commission',
    '**On the list of interstate standards for armaments and military equipment applied within the CSTO**',
    '1. To approve the list of interstate standards for armaments and military equipment (annex).',
    '2. The member states shall apply the standards of the list in the development, production and modernization of military products supplied to one another.',
    '3. The Coordinating Council for Standardization shall:',
    '   3.1. review the list every year and submit proposals for its updating;',
    '   3.2. report on the application of the standards at the next meeting of the Commission.',
    '4. This decision enters into force on the date of its signing.',
  ],
  [
    '## Проект решения Межгосударственной комиссии',
    '**О перечне межгосударственных стандартов на вооружение и военную технику, применяемых в рамках ОДКБ**',
    '1. Утвердить перечень межгосударственных стандартов на вооружение и военную технику (приложение).',
    '2. Государствам-членам применять стандарты перечня при разработке, производстве и модернизации военной продукции, поставляемой друг другу.',
    '3. Координационному совету по стандартизации:',
    '   3.1. ежегодно рассматривать перечень и вносить предложения по его актуализации;',
    '   3.2. доложить о применении стандартов на очередном заседании Комиссии.',
    '4. Настоящее решение вступает в силу с даты его подписания.',
  ],
);

const STANDARDS_V2 = text(
  [
    '## Draft decision of the Interstate Commission',
    '**On the list of interstate standards for armaments and military equipment applied within the CSTO**',
    '1. To approve the list of interstate standards for armaments and military equipment (annex).',
    '2. The member states shall apply the standards of the list in the development, production and modernization of military products supplied to one another, taking into account their national legislation.',
    '3. The Coordinating Council for Standardization shall:',
    '   3.1. review the list every two years and submit proposals for its updating;',
    '   3.2. report on the application of the standards at the next meeting of the Commission.',
    '4. This decision enters into force on the date of receipt by the depositary of the last notification of the completion of domestic procedures.',
  ],
  [
    '## Проект решения Межгосударственной комиссии',
    '**О перечне межгосударственных стандартов на вооружение и военную технику, применяемых в рамках ОДКБ**',
    '1. Утвердить перечень межгосударственных стандартов на вооружение и военную технику (приложение).',
    '2. Государствам-членам применять стандарты перечня при разработке, производстве и модернизации военной продукции, поставляемой друг другу, с учётом национального законодательства.',
    '3. Координационному совету по стандартизации:',
    '   3.1. один раз в два года рассматривать перечень и вносить предложения по его актуализации;',
    '   3.2. доложить о применении стандартов на очередном заседании Комиссии.',
    '4. Настоящее решение вступает в силу с даты получения депозитарием последнего уведомления о выполнении внутригосударственных процедур.',
  ],
);

const IP_V1 = text(
  [
    '## Draft regulation',
    '**On the procedure for the mutual protection of rights to the results of intellectual activity obtained and used in military-economic cooperation within the CSTO**',
    '1. General provisions',
    '   1.1. This regulation sets out how the member states protect the rights to results of intellectual activity created jointly or transferred under agreements on military-economic cooperation.',
    '2. Rights to results created jointly belong to the participants in proportion to their contribution unless their agreement provides otherwise.',
    '3. A member state does not transfer such results to a third state without the written consent of the other rights holders.',
    '4. Protection',
    '   4.1. Each participant applies for legal protection in its own state.',
    '   4.2. Applications in the other member states are filed within twelve months of the first application.',
  ],
  [
    '## Проект положения',
    '**О порядке взаимной охраны прав на результаты интеллектуальной деятельности, полученные и используемые в ходе военно-экономического сотрудничества в рамках ОДКБ**',
    '1. Общие положения',
    '   1.1. Настоящее положение определяет порядок охраны государствами-членами прав на результаты интеллектуальной деятельности, созданные совместно или переданные по соглашениям о военно-экономическом сотрудничестве.',
    '2. Права на совместно созданные результаты принадлежат участникам пропорционально их вкладу, если их соглашением не предусмотрено иное.',
    '3. Государство-член не передаёт такие результаты третьему государству без письменного согласия других правообладателей.',
    '4. Охрана',
    '   4.1. Каждый участник подаёт заявку на правовую охрану в своём государстве.',
    '   4.2. Заявки в других государствах-членах подаются в течение двенадцати месяцев с даты первой заявки.',
  ],
);

export const demoDocuments: DemoDocument[] = [
  {
    key: 'standards-list',
    body: 'cc-standardization',
    kind: 'draft_decision',
    classification: 'internal',
    title: t(
      'Draft decision on the list of interstate standards for armaments and military equipment',
      'Проект решения о перечне межгосударственных стандартов на вооружение и военную технику',
    ),
    versions: [
      { text: STANDARDS_V1, note: t('First draft', 'Первоначальная редакция') },
      {
        text: STANDARDS_V2,
        note: t(
          'Revised after the first round: national legislation (Belarus), review every two years and entry into force (Kazakhstan)',
          'Доработан по итогам первого тура: национальное законодательство (Беларусь), пересмотр раз в два года и вступление в силу (Казахстан)',
        ),
      },
    ],
    onAgenda: ['cc-standardization-2023/coordination', 'icmec-21/standardization'],
  },
  {
    key: 'ip-regulation',
    body: 'cc-ip',
    kind: 'regulation',
    classification: 'internal',
    title: t(
      'Draft regulation on the mutual protection of rights to the results of intellectual activity',
      'Проект положения о взаимной охране прав на результаты интеллектуальной деятельности',
    ),
    versions: [{ text: IP_V1, note: t('First draft', 'Первоначальная редакция') }],
    onAgenda: ['cc-ip-2023/coordination'],
  },
  {
    key: 'communications-annex',
    body: 'cc-standardization',
    kind: 'standard',
    classification: 'restricted',
    accessList: { memberStates: ['BLR', 'RUS'], bodies: ['cc-standardization'] },
    title: t(
      'Technical requirements for unified tactical communications equipment (annex, restricted)',
      'Технические требования к унифицированным средствам тактической связи (приложение, ограниченного доступа)',
    ),
    versions: [
      {
        text: text(
          [
            '1. Frequency ranges and interfaces of the equipment are those of the interstate standard of the list.',
            '2. The equipment of each state interoperates with that of the others at the level of voice and data.',
          ],
          [
            '1. Диапазоны частот и интерфейсы средств соответствуют межгосударственному стандарту перечня.',
            '2. Средства каждого государства сопрягаются со средствами других на уровне речи и данных.',
          ],
        ),
        note: t('Prepared by Belarus and Russia', 'Подготовлено Беларусью и Россией'),
      },
    ],
  },
  {
    key: 'cooperation-report',
    body: 'icmec',
    kind: 'report',
    classification: 'public',
    title: t(
      'Report on military-economic cooperation within the CSTO in 2022',
      'Доклад о военно-экономическом сотрудничестве в рамках ОДКБ в 2022 году',
    ),
    versions: [
      {
        text: text(
          [
            'In 2022 the member states continued the joint work under the long-term program of military-economic cooperation.',
            'Enterprises of the defence-industrial complexes of the member states concluded new cooperation agreements on the production, modernization and repair of military products.',
          ],
          [
            'В 2022 году государства-члены продолжили совместную работу по долгосрочной программе военно-экономического сотрудничества.',
            'Предприятия оборонно-промышленных комплексов государств-членов заключили новые соглашения о кооперации в производстве, модернизации и ремонте военной продукции.',
          ],
        ),
      },
    ],
    onAgenda: ['icmec-21/cooperation'],
  },
];

export const demoConsultations: DemoConsultation[] = [
  // The first round on the first draft: Kazakhstan objects; not agreed.
  {
    document: 'standards-list',
    version: 1,
    memberStates: ALL,
    deadlineInDays: 30,
    councilMeeting: 'cc-standardization-2023',
    positions: {
      ARM: { position: 'concur' },
      BLR: { position: 'concur_with_comments' },
      KAZ: {
        position: 'object',
        note: t(
          'Entry into force on signing does not allow for the domestic procedures.',
          'Вступление в силу с даты подписания не учитывает внутригосударственные процедуры.',
        ),
      },
      KGZ: { position: 'concur' },
      RUS: { position: 'concur' },
      TJK: { position: 'abstain' },
    },
    comments: [
      {
        memberState: 'BLR',
        clause: '2',
        comment: t(
          'The obligation to apply the standards should take national legislation into account.',
          'Обязательство применять стандарты следует согласовать с национальным законодательством.',
        ),
        proposedText: t(
          '… supplied to one another, taking into account their national legislation.',
          '… поставляемой друг другу, с учётом национального законодательства.',
        ),
        resolution: {
          resolution: 'accepted',
          response: t('Clause 2 amended as proposed.', 'Пункт 2 изложен в предложенной редакции.'),
        },
      },
      {
        memberState: 'KAZ',
        clause: '4',
        comment: t(
          'The decision should enter into force after the domestic procedures are completed.',
          'Решение должно вступать в силу после выполнения внутригосударственных процедур.',
        ),
        proposedText: t(
          'This decision enters into force on the date of receipt by the depositary of the last notification …',
          'Настоящее решение вступает в силу с даты получения депозитарием последнего уведомления …',
        ),
        resolution: {
          resolution: 'accepted',
          response: t('Clause 4 amended as proposed.', 'Пункт 4 изложен в предложенной редакции.'),
        },
      },
      {
        memberState: 'KAZ',
        clause: '3.1',
        comment: t(
          'A yearly review is too frequent for the national standardization bodies.',
          'Ежегодный пересмотр слишком част для национальных органов по стандартизации.',
        ),
        proposedText: t('… every three years …', '… один раз в три года …'),
        resolution: {
          resolution: 'partially_accepted',
          response: t(
            'The review is set at every two years, as a compromise with the other states.',
            'Установлен пересмотр один раз в два года как компромисс с позициями других государств.',
          ),
        },
      },
    ],
    close: true,
  },
  // The second round on the revised draft: every state concurs; agreed, ready for the Commission.
  {
    document: 'standards-list',
    version: 2,
    memberStates: ALL,
    deadlineInDays: 20,
    councilMeeting: 'cc-standardization-2023',
    positions: {
      ARM: { position: 'concur' },
      BLR: { position: 'concur' },
      KAZ: { position: 'concur_with_comments' },
      KGZ: { position: 'concur' },
      RUS: { position: 'concur' },
      TJK: { position: 'concur' },
    },
    comments: [
      {
        memberState: 'KAZ',
        clause: 'Annex',
        comment: t(
          'Please add the year of adoption to each standard of the annex.',
          'Просим указать в приложении год принятия каждого стандарта.',
        ),
        resolution: {
          resolution: 'accepted',
          response: t('The years are added in the annex.', 'Годы принятия указаны в приложении.'),
        },
      },
    ],
    close: true,
  },
  // Open, under the silence procedure: some states have answered, others have time left.
  {
    document: 'ip-regulation',
    version: 1,
    memberStates: ALL,
    deadlineInDays: 12,
    councilMeeting: 'cc-ip-2023',
    silenceProcedure: true,
    positions: {
      RUS: { position: 'concur' },
      ARM: { position: 'concur_with_comments' },
      BLR: { position: 'concur' },
    },
    comments: [
      {
        memberState: 'ARM',
        clause: '4.2',
        comment: t(
          'Twelve months is short for filing in five other states: translations take time.',
          'Двенадцати месяцев мало для подачи заявок в пяти других государствах: переводы требуют времени.',
        ),
        proposedText: t(
          '… within eighteen months of the first application.',
          '… в течение восемнадцати месяцев с даты первой заявки.',
        ),
      },
      {
        memberState: 'ARM',
        clause: '3',
        comment: t(
          'The consent should also be required for transfer to an international organization.',
          'Согласие следует требовать и при передаче международной организации.',
        ),
        resolution: {
          resolution: 'rejected',
          response: t(
            'Transfers to international organizations are governed by the agreements establishing them.',
            'Передача международным организациям регулируется учредительными соглашениями этих организаций.',
          ),
        },
      },
    ],
    close: false,
  },
];
