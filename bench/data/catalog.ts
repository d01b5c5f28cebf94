// biome-ignore-all format: word lists read best one entry a line
/**
 * Word lists the generator draws from: real member-state codes, capitals and time zones, body
 * names, person names, positions, organization fields and agenda topics, each in English and
 * Russian so that every LocalizedText carries both languages, as the demo dataset does.
 */

export type Pair = readonly [en: string, ru: string];

export interface StateEntry {
  code: string;
  name: Pair;
  capital: Pair;
  timeZone: string;
}

/** Fifty states: the seed's commission at ×10 scale (DESIGN §6). */
export const STATES: readonly StateEntry[] = [
  { code: 'RUS', name: ['Russia', 'Россия'], capital: ['Moscow', 'Москва'], timeZone: 'Europe/Moscow' },
  { code: 'TJK', name: ['Tajikistan', 'Таджикистан'], capital: ['Dushanbe', 'Душанбе'], timeZone: 'Asia/Dushanbe' },
  { code: 'ARM', name: ['Armenia', 'Армения'], capital: ['Yerevan', 'Ереван'], timeZone: 'Asia/Yerevan' },
  { code: 'BLR', name: ['Belarus', 'Беларусь'], capital: ['Minsk', 'Минск'], timeZone: 'Europe/Minsk' },
  { code: 'KAZ', name: ['Kazakhstan', 'Казахстан'], capital: ['Astana', 'Астана'], timeZone: 'Asia/Almaty' },
  { code: 'KGZ', name: ['Kyrgyzstan', 'Киргизия'], capital: ['Bishkek', 'Бишкек'], timeZone: 'Asia/Bishkek' },
  { code: 'AZE', name: ['Azerbaijan', 'Азербайджан'], capital: ['Baku', 'Баку'], timeZone: 'Asia/Baku' },
  { code: 'UZB', name: ['Uzbekistan', 'Узбекистан'], capital: ['Tashkent', 'Ташкент'], timeZone: 'Asia/Tashkent' },
  { code: 'TKM', name: ['Turkmenistan', 'Туркменистан'], capital: ['Ashgabat', 'Ашхабад'], timeZone: 'Asia/Ashgabat' },
  { code: 'MDA', name: ['Moldova', 'Молдова'], capital: ['Chisinau', 'Кишинёв'], timeZone: 'Europe/Chisinau' },
  { code: 'GEO', name: ['Georgia', 'Грузия'], capital: ['Tbilisi', 'Тбилиси'], timeZone: 'Asia/Tbilisi' },
  { code: 'MNG', name: ['Mongolia', 'Монголия'], capital: ['Ulaanbaatar', 'Улан-Батор'], timeZone: 'Asia/Ulaanbaatar' },
  { code: 'CHN', name: ['China', 'Китай'], capital: ['Beijing', 'Пекин'], timeZone: 'Asia/Shanghai' },
  { code: 'IND', name: ['India', 'Индия'], capital: ['New Delhi', 'Нью-Дели'], timeZone: 'Asia/Kolkata' },
  { code: 'IRN', name: ['Iran', 'Иран'], capital: ['Tehran', 'Тегеран'], timeZone: 'Asia/Tehran' },
  { code: 'TUR', name: ['Türkiye', 'Турция'], capital: ['Ankara', 'Анкара'], timeZone: 'Europe/Istanbul' },
  { code: 'EGY', name: ['Egypt', 'Египет'], capital: ['Cairo', 'Каир'], timeZone: 'Africa/Cairo' },
  { code: 'DZA', name: ['Algeria', 'Алжир'], capital: ['Algiers', 'Алжир'], timeZone: 'Africa/Algiers' },
  { code: 'ETH', name: ['Ethiopia', 'Эфиопия'], capital: ['Addis Ababa', 'Аддис-Абеба'], timeZone: 'Africa/Addis_Ababa' },
  { code: 'ZAF', name: ['South Africa', 'Южно-Африканская Республика'], capital: ['Pretoria', 'Претория'], timeZone: 'Africa/Johannesburg' },
  { code: 'NGA', name: ['Nigeria', 'Нигерия'], capital: ['Abuja', 'Абуджа'], timeZone: 'Africa/Lagos' },
  { code: 'BRA', name: ['Brazil', 'Бразилия'], capital: ['Brasília', 'Бразилиа'], timeZone: 'America/Sao_Paulo' },
  { code: 'ARG', name: ['Argentina', 'Аргентина'], capital: ['Buenos Aires', 'Буэнос-Айрес'], timeZone: 'America/Argentina/Buenos_Aires' },
  { code: 'MEX', name: ['Mexico', 'Мексика'], capital: ['Mexico City', 'Мехико'], timeZone: 'America/Mexico_City' },
  { code: 'CUB', name: ['Cuba', 'Куба'], capital: ['Havana', 'Гавана'], timeZone: 'America/Havana' },
  { code: 'VEN', name: ['Venezuela', 'Венесуэла'], capital: ['Caracas', 'Каракас'], timeZone: 'America/Caracas' },
  { code: 'NIC', name: ['Nicaragua', 'Никарагуа'], capital: ['Managua', 'Манагуа'], timeZone: 'America/Managua' },
  { code: 'BOL', name: ['Bolivia', 'Боливия'], capital: ['La Paz', 'Ла-Пас'], timeZone: 'America/La_Paz' },
  { code: 'VNM', name: ['Viet Nam', 'Вьетнам'], capital: ['Hanoi', 'Ханой'], timeZone: 'Asia/Ho_Chi_Minh' },
  { code: 'LAO', name: ['Laos', 'Лаос'], capital: ['Vientiane', 'Вьентьян'], timeZone: 'Asia/Vientiane' },
  { code: 'KHM', name: ['Cambodia', 'Камбоджа'], capital: ['Phnom Penh', 'Пномпень'], timeZone: 'Asia/Phnom_Penh' },
  { code: 'MMR', name: ['Myanmar', 'Мьянма'], capital: ['Naypyidaw', 'Нейпьидо'], timeZone: 'Asia/Yangon' },
  { code: 'THA', name: ['Thailand', 'Таиланд'], capital: ['Bangkok', 'Бангкок'], timeZone: 'Asia/Bangkok' },
  { code: 'IDN', name: ['Indonesia', 'Индонезия'], capital: ['Jakarta', 'Джакарта'], timeZone: 'Asia/Jakarta' },
  { code: 'MYS', name: ['Malaysia', 'Малайзия'], capital: ['Kuala Lumpur', 'Куала-Лумпур'], timeZone: 'Asia/Kuala_Lumpur' },
  { code: 'PAK', name: ['Pakistan', 'Пакистан'], capital: ['Islamabad', 'Исламабад'], timeZone: 'Asia/Karachi' },
  { code: 'BGD', name: ['Bangladesh', 'Бангладеш'], capital: ['Dhaka', 'Дакка'], timeZone: 'Asia/Dhaka' },
  { code: 'LKA', name: ['Sri Lanka', 'Шри-Ланка'], capital: ['Colombo', 'Коломбо'], timeZone: 'Asia/Colombo' },
  { code: 'NPL', name: ['Nepal', 'Непал'], capital: ['Kathmandu', 'Катманду'], timeZone: 'Asia/Kathmandu' },
  { code: 'SRB', name: ['Serbia', 'Сербия'], capital: ['Belgrade', 'Белград'], timeZone: 'Europe/Belgrade' },
  { code: 'HUN', name: ['Hungary', 'Венгрия'], capital: ['Budapest', 'Будапешт'], timeZone: 'Europe/Budapest' },
  { code: 'SVK', name: ['Slovakia', 'Словакия'], capital: ['Bratislava', 'Братислава'], timeZone: 'Europe/Bratislava' },
  { code: 'BGR', name: ['Bulgaria', 'Болгария'], capital: ['Sofia', 'София'], timeZone: 'Europe/Sofia' },
  { code: 'GRC', name: ['Greece', 'Греция'], capital: ['Athens', 'Афины'], timeZone: 'Europe/Athens' },
  { code: 'ARE', name: ['United Arab Emirates', 'Объединённые Арабские Эмираты'], capital: ['Abu Dhabi', 'Абу-Даби'], timeZone: 'Asia/Dubai' },
  { code: 'SAU', name: ['Saudi Arabia', 'Саудовская Аравия'], capital: ['Riyadh', 'Эр-Рияд'], timeZone: 'Asia/Riyadh' },
  { code: 'QAT', name: ['Qatar', 'Катар'], capital: ['Doha', 'Доха'], timeZone: 'Asia/Qatar' },
  { code: 'KWT', name: ['Kuwait', 'Кувейт'], capital: ['Kuwait City', 'Эль-Кувейт'], timeZone: 'Asia/Kuwait' },
  { code: 'JOR', name: ['Jordan', 'Иордания'], capital: ['Amman', 'Амман'], timeZone: 'Asia/Amman' },
  { code: 'OMN', name: ['Oman', 'Оман'], capital: ['Muscat', 'Маскат'], timeZone: 'Asia/Muscat' },
];

export interface BodyEntry {
  slug: string;
  name: Pair;
  /** The name as it follows "meeting of" (Russian genitive). */
  genitive: Pair;
  short: Pair;
}

export const STATUTORY_BODIES: readonly BodyEntry[] = [
  {
    slug: 'collective-security-council',
    name: ['Collective Security Council', 'Совет коллективной безопасности'],
    genitive: ['the Collective Security Council', 'Совета коллективной безопасности'],
    short: ['CSC', 'СКБ'],
  },
  {
    slug: 'council-of-foreign-ministers',
    name: ['Council of Ministers of Foreign Affairs', 'Совет министров иностранных дел'],
    genitive: ['the Council of Ministers of Foreign Affairs', 'Совета министров иностранных дел'],
    short: ['CMFA', 'СМИД'],
  },
  {
    slug: 'council-of-defence-ministers',
    name: ['Council of Ministers of Defence', 'Совет министров обороны'],
    genitive: ['the Council of Ministers of Defence', 'Совета министров обороны'],
    short: ['CMD', 'СМО'],
  },
  {
    slug: 'committee-of-security-council-secretaries',
    name: [
      'Committee of Secretaries of Security Councils',
      'Комитет секретарей советов безопасности',
    ],
    genitive: [
      'the Committee of Secretaries of Security Councils',
      'Комитета секретарей советов безопасности',
    ],
    short: ['CSSC', 'КССБ'],
  },
];

/** Commission subjects: "Interstate Commission for <subject>". */
export const COMMISSIONS: readonly { slug: string; subject: Pair; short: Pair }[] = [
  {
    slug: 'icmec',
    subject: ['Military-Economic Cooperation', 'военно-экономическому сотрудничеству'],
    short: ['ICMEC', 'МКВЭС'],
  },
  {
    slug: 'icic',
    subject: ['Industrial Cooperation', 'промышленной кооперации'],
    short: ['ICIC', 'МКПК'],
  },
  {
    slug: 'icsm',
    subject: ['Standardization and Metrology', 'стандартизации и метрологии'],
    short: ['ICSM', 'МКСМ'],
  },
  {
    slug: 'icstc',
    subject: ['Scientific and Technical Cooperation', 'научно-техническому сотрудничеству'],
    short: ['ICSTC', 'МКНТС'],
  },
  {
    slug: 'ictl',
    subject: ['Transport and Logistics', 'транспорту и логистике'],
    short: ['ICTL', 'МКТЛ'],
  },
  {
    slug: 'icer',
    subject: ['Emergency Response', 'реагированию на чрезвычайные ситуации'],
    short: ['ICER', 'МКЧС'],
  },
];

/** Coordinating council subjects: "Coordinating Council for <subject>". */
export const COUNCILS: readonly { slug: string; subject: Pair }[] = [
  {
    slug: 'standardization-of-armaments',
    subject: [
      'Standardization of Armaments and Military Equipment',
      'стандартизации вооружения и военной техники',
    ],
  },
  {
    slug: 'intellectual-property',
    subject: [
      'Mutual Protection of Rights to the Results of Intellectual Activity',
      'взаимной охране прав на результаты интеллектуальной деятельности',
    ],
  },
  { slug: 'production-cooperation', subject: ['Production Cooperation', 'производственной кооперации'] },
  { slug: 'joint-rnd', subject: ['Joint Research and Development', 'совместным НИОКР'] },
  { slug: 'long-term-programs', subject: ['Long-Term Programs', 'долгосрочным программам'] },
  { slug: 'joint-ventures', subject: ['Joint Ventures', 'совместным предприятиям'] },
  { slug: 'modernization-and-repair', subject: ['Modernization and Repair', 'модернизации и ремонту'] },
  { slug: 'disposal', subject: ['Disposal of Products', 'утилизации продукции'] },
  { slug: 'metrology', subject: ['Metrology', 'метрологии'] },
  { slug: 'quality-assurance', subject: ['Quality Assurance', 'обеспечению качества'] },
  { slug: 'export-control', subject: ['Export Control', 'экспортному контролю'] },
  { slug: 'logistics', subject: ['Logistics', 'логистике'] },
  { slug: 'training', subject: ['Training of Specialists', 'подготовке специалистов'] },
  { slug: 'information-technology', subject: ['Information Technology', 'информационным технологиям'] },
  { slug: 'finance', subject: ['Finance and Budget', 'финансам и бюджету'] },
];

/** Working-group subjects; each gives a working group and an expert group. */
export const GROUP_SUBJECTS: readonly { slug: string; subject: Pair }[] = [
  { slug: 'catalogue', subject: ['the Unified Catalogue of Products', 'единому каталогу продукции'] },
  { slug: 'terminology', subject: ['Terminology', 'терминологии'] },
  { slug: 'testing', subject: ['Testing and Certification', 'испытаниям и сертификации'] },
  { slug: 'spare-parts', subject: ['Spare Parts Supply', 'поставкам запасных частей'] },
  { slug: 'pricing', subject: ['Pricing', 'ценообразованию'] },
  { slug: 'customs', subject: ['Customs Procedures', 'таможенным процедурам'] },
  { slug: 'patents', subject: ['Patent Information', 'патентной информации'] },
  { slug: 'licensing', subject: ['Licensing', 'лицензированию'] },
  { slug: 'materials', subject: ['Materials Science', 'материаловедению'] },
  { slug: 'electronics', subject: ['Electronic Components', 'электронной компонентной базе'] },
  { slug: 'optics', subject: ['Optics and Optoelectronics', 'оптике и оптоэлектронике'] },
  { slug: 'aviation', subject: ['Aviation Equipment', 'авиационной технике'] },
  { slug: 'vehicles', subject: ['Wheeled and Tracked Vehicles', 'колёсной и гусеничной технике'] },
  { slug: 'communications', subject: ['Communications Equipment', 'средствам связи'] },
  { slug: 'ammunition', subject: ['Ammunition Safety', 'безопасности боеприпасов'] },
  { slug: 'environment', subject: ['Environmental Safety', 'экологической безопасности'] },
  { slug: 'digital-documents', subject: ['Electronic Documents', 'электронному документообороту'] },
];

export const FIRST_NAMES: readonly Pair[] = [
  ['Alexander', 'Александр'], ['Sergey', 'Сергей'], ['Dmitry', 'Дмитрий'], ['Andrey', 'Андрей'],
  ['Alexey', 'Алексей'], ['Mikhail', 'Михаил'], ['Ivan', 'Иван'], ['Nikolay', 'Николай'],
  ['Vladimir', 'Владимир'], ['Denis', 'Денис'], ['Igor', 'Игорь'], ['Oleg', 'Олег'],
  ['Pavel', 'Павел'], ['Yuri', 'Юрий'], ['Viktor', 'Виктор'], ['Anatoly', 'Анатолий'],
  ['Imangali', 'Имангали'], ['Nurlan', 'Нурлан'], ['Rustam', 'Рустам'], ['Farhod', 'Фарход'],
  ['Bakhtiyor', 'Бахтиёр'], ['Ashot', 'Ашот'], ['Armen', 'Армен'], ['Tigran', 'Тигран'],
  ['Almazbek', 'Алмазбек'], ['Kanat', 'Канат'], ['Timur', 'Тимур'], ['Askar', 'Аскар'],
  ['Elena', 'Елена'], ['Olga', 'Ольга'], ['Tatiana', 'Татьяна'], ['Natalia', 'Наталья'],
  ['Irina', 'Ирина'], ['Svetlana', 'Светлана'], ['Anna', 'Анна'], ['Maria', 'Мария'],
  ['Gulnara', 'Гульнара'], ['Aigerim', 'Айгерим'], ['Zarina', 'Зарина'], ['Anahit', 'Анаит'],
  ['Li', 'Ли'], ['Wei', 'Вэй'], ['Rahul', 'Рахул'], ['Carlos', 'Карлос'], ['Jose', 'Хосе'],
  ['Ahmed', 'Ахмед'], ['Omar', 'Омар'], ['Nguyen', 'Нгуен'], ['Stefan', 'Стефан'],
  ['Georgios', 'Георгиос'], ['Bence', 'Бенце'], ['Petar', 'Петар'],
];

export const LAST_NAMES: readonly Pair[] = [
  ['Ivanov', 'Иванов'], ['Petrov', 'Петров'], ['Sidorov', 'Сидоров'], ['Smirnov', 'Смирнов'],
  ['Kuznetsov', 'Кузнецов'], ['Popov', 'Попов'], ['Volkov', 'Волков'], ['Sokolov', 'Соколов'],
  ['Lebedev', 'Лебедев'], ['Kozlov', 'Козлов'], ['Novikov', 'Новиков'], ['Morozov', 'Морозов'],
  ['Manturov', 'Мантуров'], ['Tasmagambetov', 'Тасмагамбетов'], ['Nurmagambetov', 'Нурмагамбетов'],
  ['Abdullaev', 'Абдуллаев'], ['Rakhimov', 'Рахимов'], ['Karimov', 'Каримов'], ['Saidov', 'Саидов'],
  ['Nazarov', 'Назаров'], ['Yusupov', 'Юсупов'], ['Hakobyan', 'Акопян'], ['Petrosyan', 'Петросян'],
  ['Grigoryan', 'Григорян'], ['Sargsyan', 'Саргсян'], ['Zhumabaev', 'Жумабаев'], ['Osmonov', 'Осмонов'],
  ['Abdrakhmanov', 'Абдрахманов'], ['Tokayev', 'Токаев'], ['Seitkali', 'Сейткали'], ['Kovalenko', 'Коваленко'],
  ['Bondarenko', 'Бондаренко'], ['Shevchenko', 'Шевченко'], ['Lukashevich', 'Лукашевич'],
  ['Karpovich', 'Карпович'], ['Zhukov', 'Жуков'], ['Orlov', 'Орлов'], ['Belov', 'Белов'],
  ['Fedorov', 'Фёдоров'], ['Mikhailov', 'Михайлов'], ['Zakharov', 'Захаров'], ['Romanov', 'Романов'],
  ['Wang', 'Ван'], ['Zhang', 'Чжан'], ['Sharma', 'Шарма'], ['Gupta', 'Гупта'], ['Garcia', 'Гарсия'],
  ['Rodriguez', 'Родригес'], ['Hassan', 'Хасан'], ['Mansour', 'Мансур'], ['Tran', 'Чан'],
  ['Pham', 'Фам'], ['Jovanovic', 'Йованович'], ['Nagy', 'Надь'], ['Papadopoulos', 'Пападопулос'],
  ['Dimitrov', 'Димитров'], ['Horvath', 'Хорват'], ['Kaya', 'Кая'], ['Silva', 'Силва'], ['Santos', 'Сантус'],
];

export const POSITIONS: readonly Pair[] = [
  ['Deputy Prime Minister', 'Заместитель Председателя Правительства'],
  ['Minister of Industry and Trade', 'Министр промышленности и торговли'],
  ['Deputy Minister of Industry and Trade', 'Заместитель министра промышленности и торговли'],
  ['Deputy Minister of Defence', 'Заместитель министра обороны'],
  ['Deputy Minister of Foreign Affairs', 'Заместитель министра иностранных дел'],
  ['Ambassador, Permanent Representative', 'Посол, Постоянный представитель'],
  ['Chairman of the State Committee for Military Industry', 'Председатель Государственного комитета по военной промышленности'],
  ['Head of the Department of Military-Technical Cooperation', 'Начальник управления военно-технического сотрудничества'],
  ['Director of the National Standards Institute', 'Директор национального института стандартизации'],
  ['Head of the Patent Office', 'Руководитель патентного ведомства'],
  ['Counsellor', 'Советник'],
  ['First Secretary', 'Первый секретарь'],
  ['Chief Expert', 'Главный эксперт'],
  ['Senior Expert', 'Старший эксперт'],
  ['Expert', 'Эксперт'],
  ['Director General', 'Генеральный директор'],
  ['Chief Engineer', 'Главный инженер'],
  ['Head of Section', 'Начальник отдела'],
  ['Legal Adviser', 'Юридический советник'],
  ['Secretary General', 'Генеральный секретарь'],
];

/** Fields of organizations: "Research Institute of <field>", "Завод <field>". */
export const ORGANIZATION_FIELDS: readonly Pair[] = [
  ['Precision Mechanics', 'точной механики'], ['Optical Instruments', 'оптических приборов'],
  ['Radio Engineering', 'радиотехники'], ['Special Machine Building', 'специального машиностроения'],
  ['Aviation Equipment', 'авиационной техники'], ['Electronic Components', 'электронных компонентов'],
  ['Composite Materials', 'композиционных материалов'], ['Communications Equipment', 'средств связи'],
  ['Armoured Vehicles', 'бронетехники'], ['Instrument Making', 'приборостроения'],
  ['Shipbuilding', 'судостроения'], ['Chemical Technology', 'химической технологии'],
  ['Metallurgy', 'металлургии'], ['Automation Systems', 'систем автоматизации'],
  ['Engine Building', 'двигателестроения'], ['Navigation Systems', 'навигационных систем'],
  ['Standardization', 'стандартизации'], ['Metrology', 'метрологии'],
  ['Certification', 'сертификации'], ['Industrial Design', 'промышленного дизайна'],
];

export const VENUES: readonly Pair[] = [
  ['Palace of Nations', 'Дворец наций'],
  ['Government House', 'Дом правительства'],
  ['Congress Hall', 'Конгресс-холл'],
  ['Ministry of Foreign Affairs', 'Министерство иностранных дел'],
  ['Headquarters of the Secretariat', 'Штаб-квартира Секретариата'],
  ['Palace of Independence', 'Дворец независимости'],
];

/** Subjects of agenda items of the report, decision and information kinds. */
export const AGENDA_TOPICS: readonly Pair[] = [
  ['the draft program of military-economic cooperation for 2026–2030', 'проекте программы военно-экономического сотрудничества на 2026–2030 годы'],
  ['standardization of weapons and military equipment', 'стандартизации вооружения и военной техники'],
  ['the development of multilateral cooperation between enterprises of the defence industry', 'развитии многостороннего сотрудничества предприятий оборонной промышленности'],
  ['the creation of joint ventures for the modernization and repair of military products', 'создании совместных предприятий по модернизации и ремонту продукции военного назначения'],
  ['joint research and development work', 'совместных научно-исследовательских и опытно-конструкторских работах'],
  ['mutual protection of rights to the results of intellectual activity', 'взаимной охране прав на результаты интеллектуальной деятельности'],
  ['the plan of work for the next year', 'плане работы на следующий год'],
  ['the budget of the Secretariat', 'бюджете Секретариата'],
  ['the agreement on production cooperation', 'соглашении о производственной кооперации'],
  ['the disposal of ammunition', 'утилизации боеприпасов'],
  ['the unified catalogue of products', 'едином каталоге продукции'],
  ['the training of specialists', 'подготовке специалистов'],
  ['the regulation on the coordinating councils', 'положении о координационных советах'],
  ['the exchange of scientific and technical information', 'обмене научно-технической информацией'],
  ['the state of supplies of spare parts', 'состоянии поставок запасных частей'],
  ['the results of joint exercises on logistics support', 'итогах совместных учений по материально-техническому обеспечению'],
];

/**
 * Further subjects of decisions, in the same forms as AGENDA_TOPICS (English after "on", Russian
 * in the prepositional case after "о"/"об"); decisions draw from both lists.
 */
export const DECISION_TOPICS: readonly Pair[] = [
  ['the unified system of cataloguing of military products', 'единой системе каталогизации продукции военного назначения'],
  ['the procedure for mutual deliveries of military products', 'порядке взаимных поставок продукции военного назначения'],
  ['the harmonization of national legislation on export control', 'гармонизации национального законодательства в области экспортного контроля'],
  ['the list of priority joint research projects', 'перечне приоритетных совместных научно-исследовательских проектов'],
  ['the interstate program of modernization of air defence systems', 'межгосударственной программе модернизации систем противовоздушной обороны'],
  ['the conditions of preferential supplies of spare parts', 'условиях льготных поставок запасных частей'],
  ['the training of personnel for the defence industry', 'подготовке кадров для оборонной промышленности'],
  ['the metrological support of joint production', 'метрологическом обеспечении совместного производства'],
  ['the protection of classified information in cooperation', 'защите секретной информации при сотрудничестве'],
  ['the creation of an interstate leasing company', 'создании межгосударственной лизинговой компании'],
  ['the register of joint ventures', 'реестре совместных предприятий'],
  ['the model agreement on licensed production', 'типовом соглашении о лицензионном производстве'],
];

/** Titles of decisions: `{t}` is the topic, `{n}` makes Russian "о" "об" before a vowel. */
export const DECISION_TITLES: readonly Pair[] = [
  ['On {t}', 'О{n} {t}'],
  ['On the information of the Secretariat on {t}', 'Об информации Секретариата о{n} {t}'],
  ['On amendments to the decision on {t}', 'О внесении изменений в решение о{n} {t}'],
  ['On the results of the consideration of the question of {t}', 'Об итогах рассмотрения вопроса о{n} {t}'],
  ['On the proposals of the member states on {t}', 'О предложениях государств-членов о{n} {t}'],
];

/** The numbered points of a decision's text (`{t}` and `{n}` as in DECISION_TITLES). */
export const DECISION_POINTS: readonly Pair[] = [
  ['To take note of the information of the Secretariat on {t}.', 'Принять к сведению информацию Секретариата о{n} {t}.'],
  ['To approve the draft document on {t} (annexed) and to submit it for consideration by the statutory bodies of the Organization.', 'Одобрить проект документа о{n} {t} (прилагается) и внести его на рассмотрение уставных органов Организации.'],
  ['To recommend that the member states take the domestic measures necessary for the implementation of this decision.', 'Рекомендовать государствам-членам принять внутригосударственные меры, необходимые для выполнения настоящего решения.'],
  ['To instruct the coordinating councils to prepare, together with the Secretariat, proposals on {t}.', 'Поручить координационным советам совместно с Секретариатом подготовить предложения о{n} {t}.'],
  ['To note that the work on the question of {t} was carried out in accordance with the plan, and to approve its results.', 'Отметить, что работа по вопросу о{n} {t} проведена в соответствии с планом, и одобрить её результаты.'],
  ['To ask the member states to nominate experts to the joint working group within three months.', 'Просить государства-члены в трёхмесячный срок определить экспертов в состав совместной рабочей группы.'],
  ['To finance the measures within the funds provided for the maintenance of the Secretariat.', 'Финансирование мероприятий осуществлять в пределах средств, предусмотренных на содержание Секретариата.'],
];

/** The closing points of a decision's text: `{due}` the deadline (long date), `{body}` the adopting body (genitive). */
export const DECISION_CLOSING: readonly Pair[] = [
  ['The member states shall inform the Secretariat of the implementation of this decision by {due}.', 'Государствам-членам проинформировать Секретариат о выполнении настоящего решения до {due}.'],
  ['To instruct the Secretariat to summarize the information received and to report at the next meeting of {body}.', 'Поручить Секретариату обобщить поступившую информацию и доложить на очередном заседании {body}.'],
];

/** What a member state (or the Secretariat, for a body) reports, by the report's status. */
export const REPORT_TEXTS: Readonly<Record<'in_progress' | 'implemented' | 'not_implemented' | 'not_applicable', readonly Pair[]>> = {
  in_progress: [
    ['The draft was sent to the competent ministries; the domestic procedures are under way.', 'Проект направлен в компетентные министерства; внутригосударственные процедуры продолжаются.'],
    ['The relevant enterprises have been instructed; a further report will follow.', 'Соответствующим предприятиям даны поручения; информация будет представлена дополнительно.'],
    ['An interdepartmental working group was set up to prepare the national measures.', 'Создана межведомственная рабочая группа для подготовки национальных мер.'],
  ],
  implemented: [
    ['The decision has been implemented in full; the national regulation was adopted.', 'Решение выполнено в полном объёме; принят национальный нормативный правовой акт.'],
    ['The experts were nominated and the information was sent to the Secretariat.', 'Эксперты определены, информация направлена в Секретариат.'],
    ['The domestic procedures have been completed.', 'Внутригосударственные процедуры завершены.'],
  ],
  not_implemented: [
    ['Implementation is delayed pending the approval of the budget.', 'Выполнение отложено до утверждения бюджета.'],
    ['The competent authorities have not yet agreed on the draft.', 'Компетентные органы пока не согласовали проект.'],
  ],
  not_applicable: [
    ['Not applicable: the state does not produce products of this kind.', 'Неприменимо: государство не производит продукцию данного вида.'],
  ],
};

// ---- Documents -------------------------------------------------------------------------------

/**
 * Titles of documents by kind: `{t}` a topic of AGENDA_TOPICS / DECISION_TOPICS (English after
 * "on", Russian in the prepositional case after "о"), `{n}` makes "о" "об" before a vowel.
 */
export const DOCUMENT_TITLES: Readonly<Record<'draft_decision' | 'regulation' | 'standard' | 'program' | 'report' | 'other', readonly Pair[]>> = {
  draft_decision: [
    ['Draft decision on {t}', 'Проект решения о{n} {t}'],
    ['Draft decision on amendments to the decision on {t}', 'Проект решения о внесении изменений в решение о{n} {t}'],
  ],
  regulation: [
    ['Regulation on {t}', 'Положение о{n} {t}'],
    ['Procedure for the work on {t}', 'Порядок организации работы по вопросу о{n} {t}'],
  ],
  standard: [
    ['Draft interstate standard on {t}', 'Проект межгосударственного стандарта о{n} {t}'],
    ['Technical requirements on {t}', 'Технические требования о{n} {t}'],
  ],
  program: [
    ['Draft program of measures on {t}', 'Проект программы мероприятий о{n} {t}'],
    ['Plan of joint work on {t}', 'План совместных работ по вопросу о{n} {t}'],
  ],
  report: [
    ['Report of the Secretariat on {t}', 'Доклад Секретариата о{n} {t}'],
    ['Analytical note on {t}', 'Аналитическая записка о{n} {t}'],
    ['Information of the member states on {t}', 'Информация государств-членов о{n} {t}'],
  ],
  other: [
    ['Explanatory note to the draft on {t}', 'Пояснительная записка к проекту о{n} {t}'],
    ['Reference on {t}', 'Справка о{n} {t}'],
  ],
};

/** Section headings of a document's text. */
export const DOCUMENT_SECTIONS: readonly Pair[] = [
  ['General provisions', 'Общие положения'],
  ['Purpose and scope', 'Цели и область применения'],
  ['Current state of affairs', 'Современное состояние'],
  ['Main measures', 'Основные мероприятия'],
  ['Organization of work', 'Организация работы'],
  ['Financing', 'Финансирование'],
  ['Expected results', 'Ожидаемые результаты'],
  ['Final provisions', 'Заключительные положения'],
];

/**
 * Sentences of a document's text, in the decisions' vocabulary: `{t}` and `{n}` as in the titles,
 * `{body}` the owning body in the genitive.
 */
export const DOCUMENT_SENTENCES: readonly Pair[] = [
  ['This document sets out the approach of the member states to the question of {t}.', 'Настоящий документ определяет подходы государств-членов к вопросу о{n} {t}.'],
  ['The draft was prepared by the Secretariat on the basis of the proposals of the member states.', 'Проект подготовлен Секретариатом на основе предложений государств-членов.'],
  ['The provisions of this document apply to the enterprises and organizations of the defence industry of the member states.', 'Положения настоящего документа распространяются на предприятия и организации оборонной промышленности государств-членов.'],
  ['The work on {t} is carried out under the guidance of {body}.', 'Работа по вопросу о{n} {t} ведётся под руководством {body}.'],
  ['Over the past period the member states have achieved considerable progress in military-economic cooperation.', 'За истекший период государства-члены достигли значительного прогресса в военно-экономическом сотрудничестве.'],
  ['At the same time, a number of problems remain unresolved, above all in the field of mutual deliveries of spare parts.', 'Вместе с тем ряд проблем остаётся нерешённым, прежде всего в области взаимных поставок запасных частей.'],
  ['The member states shall ensure the exchange of scientific and technical information necessary for joint production.', 'Государства-члены обеспечивают обмен научно-технической информацией, необходимой для совместного производства.'],
  ['Standardization of weapons and military equipment is carried out on the basis of interstate standards.', 'Стандартизация вооружения и военной техники осуществляется на основе межгосударственных стандартов.'],
  ['Joint ventures are created in accordance with the national legislation of the member states.', 'Совместные предприятия создаются в соответствии с национальным законодательством государств-членов.'],
  ['The rights to the results of intellectual activity obtained in the course of joint work are protected in each of the member states.', 'Права на результаты интеллектуальной деятельности, полученные в ходе совместных работ, охраняются в каждом из государств-членов.'],
  ['The measures are financed from the national budgets of the member states and from extra-budgetary sources.', 'Мероприятия финансируются из национальных бюджетов государств-членов и внебюджетных источников.'],
  ['The Secretariat monitors the implementation of the measures and reports annually at a meeting of {body}.', 'Секретариат осуществляет мониторинг выполнения мероприятий и ежегодно представляет доклад на заседании {body}.'],
  ['The coordinating councils review the draft documents before they are submitted to the commission.', 'Координационные советы рассматривают проекты документов до их внесения в комиссию.'],
  ['Proposals on {t} are submitted by the member states through the Secretariat.', 'Предложения о{n} {t} вносятся государствами-членами через Секретариат.'],
  ['The implementation of these measures will strengthen production cooperation and reduce the cost of military products.', 'Реализация указанных мер позволит укрепить производственную кооперацию и снизить стоимость продукции военного назначения.'],
  ['Particular attention is paid to the training of specialists and the modernization of the production base.', 'Особое внимание уделяется подготовке специалистов и модернизации производственной базы.'],
  ['The list of enterprises participating in the work is given in the annex.', 'Перечень предприятий, участвующих в работе, приведён в приложении.'],
  ['Disputes concerning the interpretation of this document are settled by consultations and negotiations.', 'Споры, связанные с толкованием настоящего документа, разрешаются путём консультаций и переговоров.'],
  ['This document enters into force on the date of its approval.', 'Настоящий документ вступает в силу с даты его утверждения.'],
  ['Amendments to this document are made by decision of {body}.', 'Изменения в настоящий документ вносятся решением {body}.'],
  ['The metrological support of joint production is provided by the national metrology institutes.', 'Метрологическое обеспечение совместного производства осуществляют национальные институты метрологии.'],
  ['The export of military products to third countries requires the consent of the member state that developed them.', 'Экспорт продукции военного назначения в третьи страны требует согласия государства-члена, разработавшего её.'],
  ['Classified information transferred in the course of cooperation is protected in accordance with the agreement on its mutual protection.', 'Секретная информация, передаваемая в ходе сотрудничества, защищается в соответствии с соглашением о её взаимной защите.'],
  ['The analysis of the information received shows a steady growth in the volume of mutual deliveries.', 'Анализ поступившей информации свидетельствует об устойчивом росте объёмов взаимных поставок.'],
  ['The results of the work on {t} will be considered at the next meeting of {body}.', 'Итоги работы по вопросу о{n} {t} будут рассмотрены на очередном заседании {body}.'],
];

/** Items of the bulleted lists in a document's text. */
export const DOCUMENT_LIST_ITEMS: readonly Pair[] = [
  ['development of joint research projects', 'развитие совместных научно-исследовательских проектов'],
  ['harmonization of technical requirements', 'гармонизация технических требований'],
  ['creation of a unified catalogue of products', 'создание единого каталога продукции'],
  ['modernization and repair of military equipment', 'модернизация и ремонт военной техники'],
  ['training and retraining of personnel', 'подготовка и переподготовка кадров'],
  ['mutual recognition of certificates of conformity', 'взаимное признание сертификатов соответствия'],
  ['disposal of ammunition and military equipment', 'утилизация боеприпасов и военной техники'],
  ['exchange of scientific and technical information', 'обмен научно-технической информацией'],
  ['preferential supplies of spare parts', 'льготные поставки запасных частей'],
];

/** What changed in a later version of a document. */
export const VERSION_NOTES: readonly Pair[] = [
  ['Revised after the consultation with the member states', 'Доработан по итогам согласования с государствами-членами'],
  ['Comments of the coordinating council taken into account', 'Учтены замечания координационного совета'],
  ['Editorial changes', 'Редакционные правки'],
  ['Section on financing added', 'Добавлен раздел о финансировании'],
];
