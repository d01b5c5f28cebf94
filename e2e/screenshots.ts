/**
 * Screenshots of the workspace for people to look at: login, meetings, a meeting (overview,
 * agenda, participants), directory pages, on a desktop (1366×900) and a phone (360×740), in English
 * and Russian. Builds nothing: run `npm run build` first. Run: node --import tsx e2e/screenshots.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './fixtures/browser.ts';
import {
  apiPost,
  PASSWORD,
  seedMeeting,
  startWorkspace,
  type Workspace,
} from './fixtures/server.ts';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 360, height: 740 },
} as const;

function isoDay(offset: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** A commission meeting with an approved agenda, participants and a council meeting on its eve. */
async function seed(w: Workspace) {
  const meeting = await seedMeeting(w, {
    number: 21,
    startDate: isoDay(30),
    endDate: isoDay(31),
    startTime: '10:00',
    location: {
      city: { en: 'Dushanbe', ru: 'Душанбе' },
      country: 'TJK',
      venue: { en: 'Kokhi Navruz palace', ru: 'Дворец «Кохи Навруз»' },
    },
    chairPersonId: w.chair.id,
    status: 'announced',
  });
  const earlier = await seedMeeting(w, {
    number: 20,
    startDate: isoDay(-150),
    location: { city: { en: 'Minsk', ru: 'Минск' }, country: 'BLR' },
  });
  await seedMeeting(w, {
    bodyId: w.council.id,
    number: 7,
    startDate: isoDay(29),
    parentMeetingId: meeting.id,
    location: { city: { ru: 'Душанбе' }, country: 'TJK' },
  });
  const items = [
    {
      en: 'On the implementation of the decisions of the XX meeting of the Commission',
      ru: 'О ходе выполнения решений XX заседания Комиссии',
      kind: 'implementation_review',
    },
    {
      en: 'On the implementation of the decisions of the Council of Heads of Government',
      ru: 'О выполнении решений Совета глав правительств',
      kind: 'statutory_review',
    },
    {
      en: 'On the draft long-term programme of military-economic cooperation',
      ru: 'О проекте долгосрочной программы военно-экономического сотрудничества',
      kind: 'decision',
    },
    { en: 'Miscellaneous', ru: 'Разное', kind: 'other' },
  ];
  const created: { id: string }[] = [];
  for (const item of items) {
    created.push(
      await apiPost(w.t, `/meetings/${meeting.id}/agenda-items`, {
        title: { en: item.en, ru: item.ru },
        kind: item.kind,
      }),
    );
  }
  await apiPost(w.t, `/meetings/${meeting.id}/agenda-items`, {
    parentId: created[2]!.id,
    title: { en: 'Report of the Coordinating Council', ru: 'Доклад Координационного совета' },
    kind: 'report',
  });
  await apiPost(w.t, `/meetings/${meeting.id}/agenda-items`, {
    parentId: created[2]!.id,
    title: { en: 'Standardization of defence products' },
    kind: 'information',
  });
  await apiPost(w.t, `/meetings/${meeting.id}/participants`, {
    personId: w.chair.id,
    role: 'chair',
    memberState: 'TJK',
    notable: true,
  });
  const delegate = await apiPost<{ id: string }>(w.t, '/persons', {
    name: { en: 'Anna Sargsyan', ru: 'Анна Саргсян' },
    memberState: 'ARM',
    position: { en: 'Deputy Minister of Defence', ru: 'Заместитель министра обороны' },
  });
  await apiPost(w.t, `/meetings/${meeting.id}/participants`, {
    personId: delegate.id,
    role: 'delegation_head',
    memberState: 'ARM',
  });
  await apiPost(w.t, '/memberships', {
    personId: w.chair.id,
    bodyId: w.commission.id,
    role: 'chair',
    memberState: 'TJK',
  });
  await apiPost(w.t, '/organizations', {
    name: { en: 'Minsk Wheel Tractor Plant', ru: 'Минский завод колёсных тягачей' },
    memberState: 'BLR',
    kind: 'enterprise',
  });
  const decisionId = await seedDecisions(w, earlier.id);
  return { meeting, decisionId };
}

/** Decisions of the XX meeting with assignments in every state of progress, and reports. */
async function seedDecisions(w: Workspace, meetingId: string): Promise<string> {
  const decisions = [
    {
      title: {
        en: 'On the joint programme of repair of armoured vehicles for 2026–2030',
        ru: 'О совместной программе ремонта бронетанковой техники на 2026–2030 годы',
      },
      text: {
        en: '1. Approve the joint programme.\n\n2. The member states **shall** report annually on:\n\n- the vehicles repaired;\n- the enterprises involved.',
        ru: '1. Утвердить совместную программу.\n\n2. Государствам-участникам **ежегодно** информировать о:\n\n- отремонтированной технике;\n- задействованных предприятиях.',
      },
      states: { ARM: 20, BLR: -10, KAZ: 45, KGZ: -40, RUS: 90, TJK: 15 },
    },
    {
      title: {
        en: 'On the standardization of defence products',
        ru: 'О стандартизации оборонной продукции',
      },
      text: { en: 'Prepare the catalogue of interstate standards.' },
      states: { ARM: 60, BLR: 60, RUS: -5 },
    },
    {
      title: { ru: 'О взаимной охране прав на результаты интеллектуальной деятельности' },
      text: { ru: 'Разработать проект соглашения.' },
      states: { KAZ: 25, TJK: 25 },
    },
  ];
  const ids: string[] = [];
  for (const d of decisions) {
    const created = await apiPost<{ id: string }>(w.t, '/decisions', {
      bodyId: w.commission.id,
      meetingId,
      title: d.title,
      text: d.text,
    });
    ids.push(created.id);
    for (const [memberState, due] of Object.entries(d.states)) {
      await apiPost(w.t, `/decisions/${created.id}/assignments`, {
        memberState,
        dueDate: isoDay(due),
      });
    }
  }
  await apiPost(w.t, `/decisions/${ids[0]}/assignments`, {
    bodyId: w.council.id,
    dueDate: isoDay(40),
  });
  const assignments = (
    await w.t.as('secretariat', { method: 'GET', url: `/api/v1/decisions/${ids[0]}/assignments` })
  ).json() as { items: { id: string; memberState: string | null }[] };
  const reports: Record<string, string> = {
    ARM: 'implemented',
    KAZ: 'in_progress',
    RUS: 'not_applicable',
    TJK: 'not_implemented',
  };
  for (const a of assignments.items) {
    const status = a.memberState ? reports[a.memberState] : undefined;
    if (status) {
      await apiPost(w.t, `/decisions/${ids[0]}/reports`, {
        assignmentId: a.id,
        status,
        text: {
          en: `Report of ${a.memberState}: the work under the programme continues as planned; details are attached.`,
          ru: `Информация ${a.memberState}: работа по программе ведётся по плану.`,
        },
      });
    }
  }
  await apiPost(w.t, '/decisions', {
    bodyId: w.commission.id,
    meetingId,
    title: {
      en: 'On amendments to the programme of repair',
      ru: 'О внесении изменений в программу ремонта',
    },
    text: { en: 'Amend item 2.' },
    relations: [{ kind: 'amends', decisionId: ids[0] }],
  });
  return ids[0]!;
}

async function signIn(page: Page, origin: string) {
  await page.goto(`${origin}/app/login`);
  await page.getByLabel(/E-mail|Электронная почта/).fill('secretariat@example.org');
  await page.getByLabel(/^Password|^Пароль/).fill(PASSWORD);
  await page.getByRole('button', { name: /Sign in|Войти/ }).click();
  await page.waitForURL(/\/app\/$/);
}

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  // Let transitions and lazily loaded chunks settle.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

async function run(browser: Browser, w: Workspace, meetingId: string, decisionId: string) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const lang of ['en', 'ru'] as const) {
      const context = await browser.newContext({
        viewport,
        locale: lang === 'ru' ? 'ru-RU' : 'en-GB',
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[${device}/${lang}] page error:`, e.message));
      page.on(
        'console',
        (m) => m.type() === 'error' && console.error(`[${device}/${lang}] console:`, m.text()),
      );
      const name = (what: string) => `${device}-${lang}-${what}`;

      await page.goto(`${w.origin}/app/login`);
      await page.evaluate((l) => localStorage.setItem('plenum.language', l), lang);
      await page.reload();
      await shoot(page, name('01-login'));
      await signIn(page, w.origin);
      // The account's stored language applies at sign-in; switch to the one wanted here.
      await page.getByRole('button', { name: lang === 'ru' ? 'Русский' : 'English' }).click();
      await shoot(page, name('17-dashboard'));
      await page.goto(`${w.origin}/app/meetings`);
      await shoot(page, name('02-meetings'));
      if (device === 'phone') {
        await page.getByRole('button', { name: /navigation|меню/i }).click();
        await shoot(page, name('03-navigation'));
        await page.keyboard.press('Escape');
      }
      await page.goto(`${w.origin}/app/meetings/${meetingId}`);
      await shoot(page, name('04-meeting-overview'));
      await page.goto(`${w.origin}/app/meetings/${meetingId}/agenda`);
      await shoot(page, name('05-meeting-agenda'));
      await page.goto(`${w.origin}/app/meetings/${meetingId}/participants`);
      await shoot(page, name('06-meeting-participants'));
      await page.goto(`${w.origin}/app/meetings/${meetingId}/councils`);
      await shoot(page, name('07-meeting-councils'));
      await page.goto(`${w.origin}/app/meetings/${meetingId}`);
      await page.getByRole('button', { name: /^Edit$|^Изменить$/ }).click();
      await shoot(page, name('08-meeting-edit'));
      await page.goto(`${w.origin}/app/directory/member-states`);
      await shoot(page, name('09-member-states'));
      await page.goto(`${w.origin}/app/directory/bodies`);
      await shoot(page, name('10-bodies'));
      await page.goto(`${w.origin}/app/directory/bodies/${w.commission.id}`);
      await shoot(page, name('11-body'));
      await page.goto(`${w.origin}/app/directory/persons`);
      await shoot(page, name('12-persons'));
      await page.goto(`${w.origin}/app/directory/persons/${w.chair.id}`);
      await shoot(page, name('13-person'));
      await page.goto(`${w.origin}/app/directory/memberships`);
      await shoot(page, name('14-memberships'));
      await page.goto(`${w.origin}/app/directory/organizations/new`);
      await shoot(page, name('15-organization-new'));
      await page.goto(`${w.origin}/app/account`);
      await shoot(page, name('16-profile'));
      await page.goto(`${w.origin}/app/decisions`);
      await shoot(page, name('18-decisions'));
      await page.goto(`${w.origin}/app/decisions/${decisionId}`);
      await shoot(page, name('19-decision'));
      await page.goto(`${w.origin}/app/meetings/${meetingId}/implementation`);
      await shoot(page, name('20-implementation-review'));
      await page.goto(`${w.origin}/app/implementation/bulk`);
      await shoot(page, name('21-bulk-reporting'));
      await page.goto(`${w.origin}/app/decisions/new`);
      await shoot(page, name('22-decision-new'));
      await page.goto(`${w.origin}/app/decisions/${decisionId}`);
      await page.getByRole('button', { name: /^(Report for|Доложить:) .*ARM/ }).click();
      await shoot(page, name('23-report-form'));
      await page.keyboard.press('Escape');
      // A delegate's dashboard: its own state's open assignments first.
      await page.getByRole('button', { name: /Sign out|Выйти/ }).click();
      await page.waitForURL(/\/app\/login/);
      await page.getByLabel(/E-mail|Электронная почта/).fill('delegatearm@example.org');
      await page.getByLabel(/^Password|^Пароль/).fill(PASSWORD);
      await page.getByRole('button', { name: /Sign in|Войти/ }).click();
      await page.waitForURL(/\/app\/$/);
      await page.getByRole('button', { name: lang === 'ru' ? 'Русский' : 'English' }).click();
      await shoot(page, name('24-delegate-dashboard'));
      await context.close();
    }
  }
}

fs.mkdirSync(OUT, { recursive: true });
const w = await startWorkspace();
const { meeting, decisionId } = await seed(w);
const browser = await launchChromium();
try {
  await run(browser, w, meeting.id, decisionId);
  console.log(`Screenshots in ${OUT}`);
} finally {
  await browser.close();
  await w.close();
}
