import type { AnnouncementDraft, NewsItem } from '@plenum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  createTestApp,
  DIALECT,
  loginWithPassword,
  type TestApp,
} from '../../../test/app.ts';
import { emptyApp } from '../../../test/empty-app.ts';
import { insertBody, insertMeeting } from '../../../test/factories.ts';
import { DEMO_PASSWORD } from '../../demo/data.ts';
import { loadDemo } from '../../demo/loader.ts';
import { longDate, ruLocative } from './announcement.ts';

/** Markdown reduced to its words, so facts are found whatever the line breaks. */
const words = (text: string) => text.replace(/\s+/g, ' ');

describe(`announcement generator: the demo's XXI meeting (${DIALECT})`, () => {
  let t: Awaited<ReturnType<typeof emptyApp>>;
  let meetingId: string;
  let session: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    t = await emptyApp();
    await loadDemo(t.app);
    session = await loginWithPassword(t.app, 'secretariat@plenum.example', DEMO_PASSWORD);
    const meetings = await t.app.inject({
      method: 'GET',
      url: '/api/v1/meetings?limit=200',
      headers: { cookie: session.cookie },
    });
    const xxi = (
      meetings.json().items as { id: string; number: number; name: { en: string } }[]
    ).find((m) => m.number === 21 && m.name.en.includes('Interstate Commission'));
    meetingId = xxi?.id as string;
    expect(meetingId).toBeDefined();
  }, 180_000);
  afterAll(async () => t?.close());

  const generate = async (lang: 'en' | 'ru') => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/announcement?lang=${lang}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as AnnouncementDraft;
  };

  it('states in English every fact of the seed announcement', async () => {
    const draft = await generate('en');
    expect(draft).toMatchObject({ section: 'announcements', language: 'en', meetingId });
    expect(draft.title).toEqual({
      en: 'Dushanbe will host the XXI meeting of the CSTO Interstate Commission for Military-Economic Cooperation',
    });
    // The demo published this announcement already: the suggestion is the next free slug.
    expect(draft.slug).toBe(
      'dushanbe-will-host-the-xxi-meeting-of-the-csto-interstate-commission-for-military-economic-cooperation-2',
    );
    const body = words(draft.body.en as string);
    for (const fact of [
      'XXI meeting of the CSTO Interstate Commission for Military-Economic Cooperation',
      'in Dushanbe, the capital of the Republic of Tajikistan',
      'on April 27, 2023',
      'chaired by Denis Manturov, Deputy Prime Minister of the Russian Federation – Minister of Industry and Trade of the Russian Federation, Chairman of the CSTO ICMEC',
      'Imangali Tasmagambetov, Secretary General of the Collective Security Treaty Organization, will take part in the meeting',
      'the implementation of the decisions of the XX meeting of the ICMEC held in October 2022 in Moscow',
      'the results of implementation of the decisions of the statutory bodies of the CSTO',
      'further measures for standardization of weapons and military equipment within the CSTO',
      'the development of multilateral cooperation between enterprises and organizations of the defence-industrial complexes of the member states',
      'On the eve of the meeting, the meetings of the Coordinating Council for Standardization of Armaments and Military Equipment under the CSTO ICMEC and the Coordinating Council under the CSTO ICMEC on issues of mutual protection of rights to the results of intellectual activity',
      'was established by the decision of the CSTO Collective Security Council of 23 June 2005',
      'long-term programs for military-economic cooperation',
      'cooperation in the production of military products',
      'creation of joint ventures',
      'joint research and development work',
    ]) {
      expect(body).toContain(fact);
    }
    expect(body).not.toMatch(/undefined|null|\[object/);
    expect(draft.summary.en).toBe(
      'The XXI meeting of the ICMEC will be held in Dushanbe on April 27, 2023.',
    );
  });

  it('states the same facts in Russian', async () => {
    const draft = await generate('ru');
    expect(draft.title).toEqual({
      ru: 'В Душанбе пройдёт XXI заседание Межгосударственной комиссии по военно-экономическому сотрудничеству ОДКБ',
    });
    expect(draft.slug).toMatch(/^v-dushanbe-proidet-xxi-zasedanie-mezhgosudarstvennoi-komissii/);
    const body = words(draft.body.ru as string);
    for (const fact of [
      '27 апреля 2023 года в столице Республики Таджикистан — Душанбе — состоится XXI заседание Межгосударственной комиссии по военно-экономическому сотрудничеству ОДКБ',
      'Председательствовать на заседании будет Денис Мантуров — Заместитель Председателя Правительства Российской Федерации – Министр промышленности и торговли Российской Федерации, Председатель МКВЭС ОДКБ',
      'В заседании примет участие Имангали Тасмагамбетов — Генеральный секретарь Организации Договора о коллективной безопасности',
      'о ходе выполнения решений XX заседания МКВЭС, состоявшегося в октябре 2022 года в Москве',
      'о результатах выполнения решений уставных органов ОДКБ',
      'о дальнейших мерах по стандартизации вооружения и военной техники в рамках ОДКБ',
      'о развитии многосторонней кооперации между предприятиями и организациями оборонно-промышленных комплексов',
      'Накануне заседания состоятся заседания Координационного совета по стандартизации вооружения и военной техники при МКВЭС ОДКБ и Координационного совета при МКВЭС ОДКБ по вопросам взаимной охраны прав на результаты интеллектуальной деятельности',
      'Межгосударственная комиссия по военно-экономическому сотрудничеству ОДКБ образована решением Совета коллективной безопасности ОДКБ от 23 июня 2005 года',
      'долгосрочных программ военно-экономического сотрудничества',
      'создание совместных предприятий',
    ]) {
      expect(body).toContain(fact);
    }
    expect(body).not.toMatch(/undefined|null|[a-z]{4,}/);
  });

  it('saves the draft as a news item of the meeting with save=true (201 + Location)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/announcement?lang=en&save=true`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(res.statusCode).toBe(201);
    const item = res.json() as NewsItem;
    expect(res.headers.location).toBe(`/api/v1/news/${item.id}`);
    expect(item).toMatchObject({
      section: 'announcements',
      status: 'draft',
      meetingId,
      missingLanguages: ['ru'],
    });
    expect(item.bodyHtml.en).toContain('<li>');
    const again = await generate('en');
    // The suggested slug is free: the demo holds the first, the saved item the second.
    expect(again.slug).toBe(item.slug.replace(/-2$/, '-3'));
  });
});

describe(`announcement generator: rules and a sparse meeting (${DIALECT})`, () => {
  let t: TestApp;
  let sparse: string;
  let planned: string;

  beforeAll(async () => {
    t = await createTestApp();
    const bodyId = await insertBody(t.handle.db, {
      slug: 'sparse',
      name: 'Sparse Working Group',
      nameRu: 'Рабочая группа',
      kind: 'working_group',
    });
    sparse = await insertMeeting(t.handle.db, {
      bodyId,
      number: 1,
      startDate: '2027-05-05',
      status: 'announced',
    });
    planned = await insertMeeting(t.handle.db, { bodyId, number: 2, startDate: '2027-09-01' });
  });
  afterAll(async () => t.close());

  const generate = (id: string, caller: Caller, query = 'lang=en') =>
    t.as(caller, { method: 'POST', url: `/api/v1/meetings/${id}/announcement?${query}` });

  it('leaves out what the record does not hold, in either language', async () => {
    const en = (await generate(sparse, 'secretariat')).json() as AnnouncementDraft;
    expect(en.title.en).toBe(
      'The I meeting of the Sparse Working Group will be held on May 5, 2027',
    );
    expect(en.body.en).toBe(
      'The I meeting of the Sparse Working Group will be held on May 5, 2027.',
    );
    const ru = (await generate(sparse, 'admin', 'lang=ru')).json() as AnnouncementDraft;
    expect(ru.title.ru).toBe('5 мая 2027 года пройдёт I заседание органа «Рабочая группа»');
    expect(ru.body.ru).toBe('5 мая 2027 года состоится I заседание органа «Рабочая группа».');
    for (const text of [en.body.en, ru.body.ru, en.summary.en, ru.summary.ru]) {
      expect(text).not.toMatch(/undefined|null|chair|председ|eve|накануне|agenda|повестк/i);
    }
  });

  it('words a partial record naturally: a city that is not a capital, several guests, an earlier council', async () => {
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await t.as('secretariat', { method: 'POST', url: `/api/v1${url}`, payload });
      expect(res.statusCode, `${url} ${res.body}`).toBe(201);
      return res.json().id as string;
    };
    const commission = await insertBody(t.handle.db, {
      slug: 'river',
      name: 'River Basin Commission',
      nameRu: 'Комиссия по бассейну реки',
    });
    const council = await insertBody(t.handle.db, {
      slug: 'river-council',
      name: 'Water Quality Council',
      nameRu: 'Совет по качеству воды',
      kind: 'council',
    });
    const guest = await post('/persons', {
      name: { en: 'Anna Petrosyan', ru: 'Анна Петросян' },
      position: { en: 'Minister of Environment', ru: 'Министр охраны окружающей среды' },
    });
    const other = await post('/persons', { name: { en: 'Lev Orlov', ru: 'Лев Орлов' } });
    const meeting = await post('/meetings', {
      bodyId: commission,
      number: 4,
      startDate: '2027-06-10',
      startTime: '10:00',
      timeZone: 'Asia/Yerevan',
      location: { city: { en: 'Gyumri', ru: 'Гюмри' }, country: 'ARM' },
      status: 'announced',
    });
    await post(`/meetings/${meeting}/participants`, {
      personId: guest,
      role: 'guest',
      notable: true,
    });
    await post(`/meetings/${meeting}/participants`, {
      personId: other,
      role: 'expert',
      notable: true,
    });
    const plain = await post('/persons', { name: { en: 'Not Named', ru: 'Без упоминания' } });
    // A participant not flagged notable stays out of the announcement.
    await post(`/meetings/${meeting}/participants`, { personId: plain, role: 'delegate' });
    await post('/meetings', {
      bodyId: council,
      number: 2,
      startDate: '2027-06-07',
      timeZone: 'Asia/Yerevan',
      parentMeetingId: meeting,
    });
    const en = (await generate(meeting, 'secretariat')).json() as AnnouncementDraft;
    expect(en.body.en).toBe(
      [
        'The IV meeting of the River Basin Commission will be held in Gyumri, State ARM, on June 10, 2027 at 10:00 local time.',
        'Anna Petrosyan, Minister of Environment; and Lev Orlov will take part in the meeting.',
        'In preparation for the meeting, a meeting of the Water Quality Council will be held on June 7, 2027.',
      ].join('\n\n'),
    );
    const ru = (await generate(meeting, 'secretariat', 'lang=ru')).json() as AnnouncementDraft;
    expect(ru.title.ru).toBe('В Гюмри пройдёт IV заседание органа «Комиссия по бассейну реки»');
    expect(ru.body.ru).toContain(
      '10 июня 2027 года в 10:00 по местному времени в Гюмри (Государство ARM) состоится IV заседание',
    );
    expect(ru.body.ru).toContain(
      'В заседании примут участие Анна Петросян — Министр охраны окружающей среды; Лев Орлов.',
    );
    expect(ru.body.ru).toContain(
      'В рамках подготовки к заседанию 7 июня 2027 года состоится заседание органа «Совет по качеству воды».',
    );
  });

  it('is for the secretariat and admins: 401/403 at the door, 404 for an unknown meeting', async () => {
    expect((await generate(sparse, 'observer')).statusCode).toBe(403);
    expect((await generate(sparse, 'delegateArm')).statusCode).toBe(403);
    expect((await generate(sparse, 'anonymous')).statusCode).toBe(401);
    // Refused at the door whichever meeting is named: nothing tells that the planned one exists.
    expect((await generate(planned, 'anonymous')).statusCode).toBe(401);
    expect((await generate('no-such-meeting', 'anonymous')).statusCode).toBe(401);
    expect((await generate('no-such-meeting', 'secretariat')).statusCode).toBe(404);
    const badLang = await generate(sparse, 'secretariat', 'lang=de');
    expect(badLang.statusCode).toBe(400);
    const unknown = await generate(sparse, 'secretariat', 'lang=en&x=1');
    expect(unknown.statusCode).toBe(400);
    const count = await t.handle.db
      .selectFrom('newsItems')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('writes dates and Russian place names correctly', () => {
    expect(longDate('2023-04-27', 'en')).toBe('April 27, 2023');
    expect(longDate('2023-04-27', 'ru')).toBe('27 апреля 2023 года');
    expect(longDate('2024-01-01', 'ru')).toBe('1 января 2024 года');
    expect(
      ['Москва', 'Минск', 'Ереван', 'Душанбе', 'Баку', 'Алматы', 'Астана'].map(ruLocative),
    ).toEqual(['Москве', 'Минске', 'Ереване', 'Душанбе', 'Баку', 'Алматы', 'Астане']);
  });
});
