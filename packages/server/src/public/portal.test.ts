import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import {
  addAgendaItem,
  createBody,
  createMeeting,
  createNews,
  createPerson,
  day,
  patchMeeting,
  visit,
} from './test-helpers.ts';

const BASE = 'http://localhost:3000';
const HOSTILE = `</script><script>alert(1)</script>"'><img src=x onerror=alert(2)>`;

let t: TestApp;
const ids: Record<string, string> = {};

/** The JSON-LD object of a page (there is at most one). */
function jsonLd(page: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page);
  expect(match, 'a JSON-LD script').not.toBeNull();
  return JSON.parse(match?.[1] ?? '{}') as Record<string, unknown>;
}

const attr = (page: string, pattern: RegExp) => pattern.exec(page)?.[1];

beforeAll(async () => {
  t = await createTestApp();
  const commission = await createBody(t, {
    slug: 'icmec',
    name: { en: 'Interstate Commission', ru: 'Межгосударственная комиссия' },
    shortName: { en: 'ICMEC', ru: 'МКВЭС' },
    mandate: {
      en: 'Its tasks:\n\n* long-term programs\n* joint ventures',
      ru: 'Задачи:\n\n* программы',
    },
    established: '2005-06-23',
    establishedBy: { en: 'the decision of the Council of June 23, 2005' },
  });
  ids.body = commission.id;
  const chair = await createPerson(t, {
    name: { en: 'Denis Manturov', ru: 'Денис Мантуров' },
    position: { en: 'Deputy Prime Minister', ru: 'Заместитель Председателя Правительства' },
  });
  const announced = await createMeeting(t, {
    bodyId: commission.id,
    number: 21,
    startDate: day(30),
    endDate: day(31),
    startTime: '10:00',
    timeZone: 'Asia/Dushanbe',
    status: 'announced',
    chairPersonId: chair.id,
    location: {
      city: { en: 'Dushanbe', ru: 'Душанбе' },
      country: 'TJK',
      venue: { en: 'Kokhi Navruz', ru: 'Кохи Навруз' },
    },
  });
  ids.announced = announced.id;
  await addAgendaItem(t, announced.id, { title: { en: 'On the implementation of decisions' } });
  await addAgendaItem(t, announced.id, {
    title: { en: 'Secret item SECRET-AGENDA' },
    public: false,
  });
  await addAgendaItem(t, announced.id, { title: { en: 'On standardization' } });
  const planned = await createMeeting(t, {
    bodyId: commission.id,
    number: 22,
    startDate: day(200),
    status: 'planned',
  });
  ids.planned = planned.id;
  await createNews(t, {
    slug: 'xxi-meeting',
    section: 'announcements',
    title: { en: 'Dushanbe will host the XXI meeting', ru: 'В Душанбе пройдёт XXI заседание' },
    summary: { en: 'The meeting will be held in April.', ru: 'Заседание пройдёт в апреле.' },
    body: { en: 'A **meeting** will be held.', ru: 'Состоится **заседание**.' },
    meetingId: announced.id,
  });
  await createNews(t, {
    slug: 'russian-only',
    title: { ru: 'Только по-русски' },
    body: { ru: 'Текст только на русском.' },
  });
  await createNews(t, { slug: 'draft-item', title: { en: 'DRAFT-LEAK' } }, 'draft');
  await createNews(
    t,
    { slug: 'future-item', title: { en: 'FUTURE-LEAK' } },
    { scheduleAt: new Date(Date.now() + 3600_000).toISOString() },
  );
  await createNews(t, {
    slug: 'about-planned',
    title: { en: 'Planned meeting news' },
    meetingId: planned.id,
  });
  await createNews(t, {
    slug: 'long-headline',
    title: {
      en: 'Dushanbe will host the XXI meeting of the CSTO Interstate Commission for Military-Economic Cooperation',
      ru: 'В Душанбе пройдёт XXI заседание Межгосударственной комиссии по военно-экономическому сотрудничеству ОДКБ',
    },
    body: { en: 'Text.', ru: 'Текст.' },
  });
  await createNews(t, {
    slug: 'hostile',
    section: 'press_releases',
    title: { en: HOSTILE, ru: HOSTILE },
    summary: { en: HOSTILE },
    body: { en: `${HOSTILE}\n\n<script>alert(3)</script> [x](javascript:alert(4))` },
  });
});

afterAll(async () => {
  await t.close();
});

describe('the root address', () => {
  it('redirects to the language the visitor prefers, varying by Accept-Language', async () => {
    const cases: [string | undefined, string][] = [
      ['ru-RU,ru;q=0.9,en;q=0.8', '/ru/'],
      ['en-GB,en;q=0.9', '/en/'],
      ['de-DE, en;q=0.3, ru;q=0.7', '/ru/'],
      ['fr', '/en/'],
      [undefined, '/en/'],
    ];
    for (const [accept, location] of cases) {
      const res = await visit(t, '/', accept ? { 'accept-language': accept } : {});
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(location);
      expect(String(res.headers.vary)).toContain('Accept-Language');
    }
  });
});

describe('pages', () => {
  it('carry lang, canonical, hreflang alternates, Open Graph and a language switch', async () => {
    const res = await visit(t, '/ru/news/xxi-meeting');
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);
    expect(page).toContain(`<link rel="canonical" href="${BASE}/ru/news/xxi-meeting">`);
    expect(page).toContain(
      `<link rel="alternate" hreflang="en" href="${BASE}/en/news/xxi-meeting">`,
    );
    expect(page).toContain(
      `<link rel="alternate" hreflang="ru" href="${BASE}/ru/news/xxi-meeting">`,
    );
    expect(page).toContain(
      `<link rel="alternate" hreflang="x-default" href="${BASE}/en/news/xxi-meeting">`,
    );
    expect(page).toContain('<meta property="og:title" content="В Душанбе пройдёт XXI заседание">');
    expect(page).toContain(`<meta property="og:url" content="${BASE}/ru/news/xxi-meeting">`);
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toContain('<a class="lang" href="/en/news/xxi-meeting" hreflang="en" lang="en">');
    expect(page).toContain('<a class="skip" href="#main">');
    expect(page).toContain('<main id="main"');
    expect(page).toContain('href="/ru/feeds/news.rss"');
    expect(page).not.toContain('<script src');
  });

  it('shows a news item with date, body link, meeting link, rendered Markdown and the way back', async () => {
    const page = (await visit(t, '/en/news/xxi-meeting')).body;
    expect(page).toContain('<h1>Dushanbe will host the XXI meeting</h1>');
    expect(page).toContain('<p>A <strong>meeting</strong> will be held.</p>');
    expect(page).toContain('href="/en/bodies/icmec"');
    expect(page).toContain(`href="/en/meetings/${ids.announced}"`);
    expect(page).toContain('XXI meeting of the Interstate Commission');
    expect(page).toContain('href="/en/news/section/announcements">← Back to the section</a>');
    expect(page).toContain('href="/en/news">Back to all news</a>');
    const ld = jsonLd(page);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('Dushanbe will host the XXI meeting');
    expect(ld.url).toBe(`${BASE}/en/news/xxi-meeting`);
    expect(typeof ld.datePublished).toBe('string');
    const ru = (await visit(t, '/ru/news/xxi-meeting')).body;
    expect(ru).toContain('Вернуться в раздел');
    expect(ru).toContain('XXI заседание Межгосударственная комиссия');
  });

  it('marks content that exists only in the other language, with lang on it', async () => {
    const page = (await visit(t, '/en/news/russian-only')).body;
    expect(page).toContain('<p class="notice">This item is available in Russian only.</p>');
    expect(page).toContain('<h1 lang="ru">Только по-русски</h1>');
    expect(page).toContain('<div class="prose" lang="ru"><p>Текст только на русском.</p>');
    const ru = (await visit(t, '/ru/news/russian-only')).body;
    expect(ru).not.toContain('class="notice"');
    const list = (await visit(t, '/en/news')).body;
    expect(list).toContain('<span lang="ru">Только по-русски</span>');
  });

  it('shows a public meeting in its time zone, with place, chair, public agenda and news', async () => {
    const res = await visit(t, `/en/meetings/${ids.announced}`);
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('<h1>XXI meeting of the Interstate Commission</h1>');
    expect(page).toContain(
      `<time datetime="${day(30)}T10:00:00+05:00">10:00</time> (UTC+5, Asia/Dushanbe)`,
    );
    expect(page).toContain('Kokhi Navruz, Dushanbe, State TJK');
    expect(page).toContain('Denis Manturov, Deputy Prime Minister');
    expect(page).toContain(
      '<span class="pos">1.</span><span>On the implementation of decisions</span>',
    );
    expect(page).toContain('<span class="pos">2.</span><span>On standardization</span>');
    expect(page).not.toContain('SECRET-AGENDA');
    expect(page).toContain('href="/en/news/xxi-meeting"');
    const ld = jsonLd(page);
    expect(ld['@type']).toBe('Event');
    expect(ld.startDate).toBe(`${day(30)}T10:00:00+05:00`);
    expect(ld.endDate).toBe(day(31));
    expect(ld.location).toMatchObject({
      '@type': 'Place',
      address: { addressLocality: 'Dushanbe', addressCountry: 'TJK' },
    });
  });

  it('shows a body with its mandate, founding and public meetings only', async () => {
    const page = (await visit(t, '/en/bodies/icmec')).body;
    expect(page).toContain('<h1>Interstate Commission</h1>');
    expect(page).toContain('<li>long-term programs</li>');
    expect(page).toContain(
      'Established on 23 June 2005 by the decision of the Council of June 23, 2005.',
    );
    expect(page).toContain(`href="/en/meetings/${ids.announced}"`);
    expect(page).not.toContain(ids.planned);
    const ru = (await visit(t, '/ru/bodies/icmec')).body;
    expect(ru).toContain('<li>программы</li>');
  });

  it('lists the latest news and upcoming public meetings on the home page', async () => {
    const page = (await visit(t, '/en/')).body;
    expect(page).toContain('href="/en/news/xxi-meeting"');
    expect(page).toContain(`href="/en/meetings/${ids.announced}"`);
    expect(page).not.toContain(ids.planned);
    expect(jsonLd(page)['@type']).toBe('WebSite');
  });
});

describe('what is not public', () => {
  const hidden = ['DRAFT-LEAK', 'FUTURE-LEAK', 'draft-item', 'future-item', 'SECRET-AGENDA'];

  it('answers 404 with the portal page for drafts, scheduled items, planned meetings and unknowns', async () => {
    for (const url of [
      '/en/news/draft-item',
      '/en/news/future-item',
      '/ru/news/draft-item',
      '/ru/news/future-item',
      '/en/news/no-such-item',
      `/en/meetings/${ids.planned}`,
      '/en/meetings/00000000-0000-0000-0000-000000000000',
      '/en/bodies/no-such-body',
      '/en/no/such/page',
    ]) {
      const res = await visit(t, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain(
        url.startsWith('/ru/') ? '<h1>Страница не найдена</h1>' : '<h1>Page not found</h1>',
      );
      expect(res.body).toContain('<meta name="robots" content="noindex">');
    }
    const unknown = await visit(t, '/ru/news/no-such-item');
    const draft = await visit(t, '/ru/news/draft-item');
    expect(draft.body).toBe(unknown.body);
    const unknownMeeting = await visit(t, '/en/meetings/00000000-0000-0000-0000-000000000000');
    const planned = await visit(t, `/en/meetings/${ids.planned}`);
    expect(planned.body).toBe(unknownMeeting.body);
  });

  it('never appears in lists, feeds, the sitemap or the calendar', async () => {
    for (const url of [
      '/en/',
      '/ru/',
      '/en/news',
      '/en/news/section/news',
      '/en/meetings',
      '/en/bodies/icmec',
      `/en/meetings/${ids.announced}`,
      '/feeds/news.rss',
      '/feeds/news.atom',
      '/ru/feeds/news.rss',
      '/en/feeds/sections/news.atom',
      '/sitemap.xml',
      '/calendar.ics',
      '/calendar.ics?lang=ru',
    ]) {
      const res = await visit(t, url);
      expect(res.statusCode, url).toBe(200);
      for (const word of [...hidden, ids.planned as string]) {
        expect(res.body, `${url} leaks ${word}`).not.toContain(word);
      }
    }
  });

  it('does not link a news item to a meeting that is not public', async () => {
    const page = (await visit(t, '/en/news/about-planned')).body;
    expect(page).not.toContain(ids.planned);
    expect(page).not.toContain('XXII meeting');
  });
});

describe('lists', () => {
  it('page news 20 at a time with rel=prev/next, and filter by section', async () => {
    const app = await createTestApp();
    try {
      for (let i = 1; i <= 23; i++) {
        await createNews(app, {
          slug: `item-${i}`,
          title: { en: `Item number ${i}` },
          section: i % 2 ? 'news' : 'press_releases',
        });
      }
      const first = (await visit(app, '/en/news')).body;
      expect(first.match(/<li>\n<p class="meta">/g)?.length).toBe(20);
      expect(first).toContain('Item number 23');
      expect(first).not.toContain('Item number 3<');
      expect(first).toContain(`<link rel="next" href="${BASE}/en/news?page=2">`);
      expect(first).not.toContain('rel="prev"');
      const second = (await visit(app, '/en/news?page=2')).body;
      expect(second.match(/<li>\n<p class="meta">/g)?.length).toBe(3);
      expect(second).toContain('Item number 1<');
      expect(second).toContain(`<link rel="prev" href="${BASE}/en/news">`);
      expect((await visit(app, '/en/news?page=3')).statusCode).toBe(404);
      const section = (await visit(app, '/en/news/section/press-releases')).body;
      expect(section.match(/<li>\n<p class="meta">/g)?.length).toBe(11);
      expect(section).not.toContain('Item number 23');
      const redirect = await visit(app, '/en/news?section=press_releases');
      expect(redirect.statusCode).toBe(301);
      expect(redirect.headers.location).toBe('/en/news/section/press-releases');
      // The neighbours of an item: the next newer and the next older.
      const item = (await visit(app, '/en/news/item-12')).body;
      expect(item).toContain('rel="prev" href="/en/news/item-11"');
      expect(item).toContain('rel="next" href="/en/news/item-13"');
    } finally {
      await app.close();
    }
  });

  it('answer 404 for malformed or hostile addresses and parameters', async () => {
    for (const url of [
      '/en/news?page=abc',
      '/en/news?page=0',
      '/en/news?page=99999999',
      '/en/news?section=nope',
      `/en/news/${'a'.repeat(150)}`,
      '/en/news/Bad_Slug',
      '/en/news/%3Cscript%3E',
      '/en/news/section/unknown',
      '/en/meetings/%27%20or%201%3D1',
      '/en/feeds/sections/nope.rss',
      '/en/feeds/sections/news.xml',
    ]) {
      const res = await visit(t, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('<script>');
    }
    const nul = await visit(t, '/en/news/a%00b');
    expect(nul.statusCode).toBe(400);
    // Longer than any slug: names nothing, like any unknown address.
    const huge = await visit(t, `/en/news/${'a'.repeat(5000)}`);
    expect(huge.statusCode).toBe(404);
    expect(huge.body).not.toContain('aaaaaaaaaa');
  });
});

describe('hostile content', () => {
  it('renders a title and body with markup and quotes inert on the page and in JSON-LD', async () => {
    const page = (await visit(t, '/en/news/hostile')).body;
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('href="javascript:');
    expect(page.match(/<script/g)?.length).toBe(1);
    expect(page.match(/<\/script>/g)?.length).toBe(1);
    expect(page).toContain(
      '<meta property="og:title" content="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;">',
    );
    const ld = jsonLd(page);
    expect(ld.headline).toBe(HOSTILE);
    for (const url of ['/en/news', '/en/', '/en/news/section/press-releases']) {
      const list = (await visit(t, url)).body;
      expect(list, url).not.toContain('<script>alert');
      expect(list, url).not.toContain('<img src=x');
    }
  });
});

describe('caching', () => {
  it('answers 304 to If-None-Match and If-Modified-Since, and 200 after a change', async () => {
    const first = await visit(t, `/en/meetings/${ids.announced}`);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();
    const byTag = await visit(t, `/en/meetings/${ids.announced}`, { 'if-none-match': etag });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.body).toBe('');
    const byDate = await visit(t, `/en/meetings/${ids.announced}`, {
      'if-modified-since': lastModified,
    });
    expect(byDate.statusCode).toBe(304);
    const stale = await visit(t, `/en/meetings/${ids.announced}`, { 'if-none-match': '"old"' });
    expect(stale.statusCode).toBe(200);

    await patchMeeting(t, ids.announced as string, {
      location: { city: { en: 'Minsk', ru: 'Минск' }, country: 'BLR', venue: null },
    });
    const after = await visit(t, `/en/meetings/${ids.announced}`, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Minsk');
    expect(after.headers.etag).not.toBe(etag);
    expect(Date.parse(String(after.headers['last-modified']))).toBeGreaterThan(
      Date.parse(lastModified),
    );
    const since = await visit(t, `/en/meetings/${ids.announced}`, {
      'if-modified-since': lastModified,
    });
    expect(since.statusCode).toBe(200);
    for (const url of ['/feeds/news.rss', '/calendar.ics', '/sitemap.xml', '/en/news']) {
      const res = await visit(t, url);
      expect(res.headers['cache-control'], url).toBe('public, max-age=60');
      const again = await visit(t, url, { 'if-none-match': String(res.headers.etag) });
      expect(again.statusCode, url).toBe(304);
    }
  });

  it('shows another instance’s change within a second, without a restart', async () => {
    // A second app on the same database stands for another instance behind the balancer.
    const other = await buildApp({
      config: loadConfig(
        { PLENUM_DATA_DIR: t.dataDir },
        { logLevel: 'silent', webDir: path.join(os.tmpdir(), 'plenum-no-web') },
      ),
      database: t.handle,
      logger: false,
    });
    try {
      const url = '/en/news/section/news';
      expect((await other.inject({ method: 'GET', url })).body).not.toContain('ELSEWHERE-ITEM');
      await createNews(t, { slug: 'elsewhere', title: { en: 'ELSEWHERE-ITEM' } });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await other.inject({ method: 'GET', url })).body).toContain('ELSEWHERE-ITEM');
    } finally {
      await other.close();
    }
  });

  it('keeps rendered pages within PLENUM_PAGE_CACHE_MB however many pages are read', async () => {
    const bound = 0.03 * 1024 * 1024;
    const bounded = await buildApp({
      config: loadConfig(
        { PLENUM_DATA_DIR: t.dataDir, PLENUM_PAGE_CACHE_MB: '0.03' },
        { logLevel: 'silent', webDir: path.join(os.tmpdir(), 'plenum-no-web') },
      ),
      database: t.handle,
      logger: false,
    });
    const kept = async () => {
      const metrics = (await bounded.inject({ method: 'GET', url: '/metrics' })).body;
      const match = /^plenum_page_cache_bytes (\d+)$/m.exec(metrics);
      expect(match, 'the page cache gauge').not.toBeNull();
      return Number(match?.[1]);
    };
    try {
      const pages = ['/', '/news', '/meetings', '/bodies', '/calendar'].flatMap((p) => [
        `/en${p}`,
        `/ru${p}`,
      ]);
      pages.push(
        ...Object.values(ids).flatMap((id) => [`/en/meetings/${id}`, `/ru/meetings/${id}`]),
      );
      let served = 0;
      let last = '';
      for (const url of pages) {
        const res = await bounded.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBeLessThan(500);
        if (res.statusCode === 200) {
          last = url;
        }
        served += res.rawPayload.length;
        expect(await kept(), url).toBeLessThanOrEqual(bound);
      }
      // The pages read add up to more than the bound, and the cache still keeps the newest.
      expect(served).toBeGreaterThan(bound);
      expect(await kept()).toBeGreaterThan(0);
      // The newest page is answered from the cache: the same validator, 304 to it.
      const etag = String((await bounded.inject({ method: 'GET', url: last })).headers.etag);
      const again = await bounded.inject({
        method: 'GET',
        url: last,
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
    } finally {
      await bounded.close();
    }
  });

  it('renders a page once for readers asking at the same moment', async () => {
    const lookups = async () => {
      const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
      const count = (outcome: string) =>
        Number(
          new RegExp(
            `^plenum_page_cache_lookups_total\\{outcome="${outcome}"\\} (\\d+)$`,
            'm',
          ).exec(body)?.[1] ?? 0,
        );
      return { hit: count('hit'), shared: count('shared'), rendered: count('rendered') };
    };
    // A write: every kept page is stale, as after each change in the secretariat.
    await createNews(t, { slug: 'herd', title: { en: 'HERD-ITEM' } });
    const before = await lookups();
    const pages = await Promise.all(Array.from({ length: 6 }, () => visit(t, '/en/news')));
    for (const page of pages) {
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('HERD-ITEM');
      expect(page.headers.etag).toBe(pages[0]?.headers.etag);
    }
    const after = await lookups();
    expect(after.rendered - before.rendered).toBe(1);
    expect(after.shared - before.shared + (after.hit - before.hit)).toBe(5);
    expect(after.shared - before.shared).toBeGreaterThan(0);
  });

  it('sends pages gzip-compressed to browsers, with validators that still match', async () => {
    const url = '/en/news';
    const plain = await visit(t, url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    const again = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.headers.vary).toMatch(/accept-encoding/i);
  });

  it('serves the workspace API without the portal cache header', async () => {
    const res = await visit(t, '/api/v1/meetings');
    expect(res.headers['cache-control']).not.toBe('public, max-age=60');
  });
});

describe('scheduled news', () => {
  it('appears on its own at its time, in pages, lists and feeds', async () => {
    const publishAt = new Date(Date.now() + 1500).toISOString();
    await createNews(
      t,
      { slug: 'on-time', title: { en: 'ON-TIME-ITEM' } },
      { scheduleAt: publishAt },
    );
    expect((await visit(t, '/en/news/on-time')).statusCode).toBe(404);
    expect((await visit(t, '/en/news')).body).not.toContain('ON-TIME-ITEM');
    await new Promise((resolve) => setTimeout(resolve, Date.parse(publishAt) - Date.now() + 50));
    expect((await visit(t, '/en/news/on-time')).statusCode).toBe(200);
    expect((await visit(t, '/en/news')).body).toContain('ON-TIME-ITEM');
    expect((await visit(t, '/feeds/news.rss')).body).toContain('ON-TIME-ITEM');
  });
});

describe('HTML', () => {
  it('is valid HTML5 on every page type, in both languages', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Breadcrumbs and pagers are both navigation; each carries its own aria-label.
        'unique-landmark': 'error',
      },
    });
    const urls = [
      '/en/',
      '/ru/',
      '/en/news',
      '/ru/news/section/announcements',
      '/en/news/xxi-meeting',
      '/ru/news/russian-only',
      '/en/news/long-headline',
      '/ru/news/long-headline',
      '/en/news/hostile',
      `/en/meetings/${ids.announced}`,
      '/ru/meetings',
      '/en/bodies',
      '/ru/bodies/icmec',
      '/en/no-such-page',
    ];
    for (const url of urls) {
      const res = await visit(t, url);
      const report = await validator.validateString(res.body);
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`),
      );
      expect(messages, url).toEqual([]);
    }
  });

  it('keeps the browser tab title within 70 characters, cutting a long headline at a word', async () => {
    const title = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? '';
    const en = title((await visit(t, '/en/news/long-headline')).body);
    expect(en.length).toBeLessThanOrEqual(70);
    expect(en).toMatch(/^Dushanbe will host the XXI meeting of the CSTO Interstate Commission…$/);
    const short = title((await visit(t, '/en/news/xxi-meeting')).body);
    expect(short).toMatch(/ — ICMEC$/);
    expect(title((await visit(t, '/ru/')).body)).toBe('Межгосударственная комиссия');
  });

  it('serves one small stylesheet with a long cache life', async () => {
    const page = (await visit(t, '/en/')).body;
    const href = attr(page, /<link rel="stylesheet" href="([^"]+)">/) as string;
    const res = await visit(t, href);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(Buffer.byteLength(res.body)).toBeLessThan(15 * 1024);
    expect(res.body).toContain('@media print');
  });
});

describe('lead images', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );

  async function upload(content: Buffer, name: string): Promise<string> {
    const boundary = '----plenumportaltest';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.as('secretariat', {
      method: 'POST',
      url: '/api/v1/files',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { sha256: string }).sha256;
  }

  it('shows the image of a public item with its alt text, and serves it; nothing else', async () => {
    const sha = await upload(PNG, 'lead.png');
    const item = await createNews(t, {
      slug: 'with-image',
      title: { en: 'With an image' },
      ...({ imageSha256: sha, imageAlt: { en: 'The delegations "at" the table' } } as object),
    });
    expect(item.slug).toBe('with-image');
    const page = (await visit(t, '/en/news/with-image')).body;
    expect(page).toContain(
      `<img src="/media/${sha}" alt="The delegations &quot;at&quot; the table">`,
    );
    expect(page).toContain(`<meta property="og:image" content="${BASE}/media/${sha}">`);
    const image = await visit(t, `/media/${sha}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PNG)).toBe(true);
    expect(image.headers['cross-origin-resource-policy']).toBe('cross-origin');

    const other = await upload(Buffer.concat([PNG, Buffer.from('x')]), 'other.png');
    await createNews(
      t,
      {
        slug: 'draft-with-image',
        title: { en: 'Draft' },
        ...({ imageSha256: other, imageAlt: { en: 'x' } } as object),
      },
      'draft',
    );
    expect((await visit(t, `/media/${other}`)).statusCode).toBe(404);
    expect((await visit(t, `/media/${'0'.repeat(64)}`)).statusCode).toBe(404);
    expect((await visit(t, '/media/not-a-hash')).statusCode).toBe(404);
  });
});
