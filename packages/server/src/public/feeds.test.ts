import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { createNews, visit } from './test-helpers.ts';

const BASE = 'http://localhost:3000';
const HOSTILE = `</title><script>alert(1)</script> "q" & ]]> <img src=x onerror=alert(2)>`;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

let t: TestApp;
const published: Record<string, string> = {};

type Item = Record<string, unknown>;
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

async function rss(url: string): Promise<{ channel: Item; items: Item[] }> {
  const res = await visit(t, url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
  const doc = parser.parse(res.body) as { rss: { channel: Item } };
  return { channel: doc.rss.channel, items: asArray(doc.rss.channel.item as Item | Item[]) };
}

async function atom(url: string): Promise<{ feed: Item; entries: Item[] }> {
  const res = await visit(t, url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  const doc = parser.parse(res.body) as { feed: Item };
  return { feed: doc.feed, entries: asArray(doc.feed.entry as Item | Item[]) };
}

/** The text of a parsed element that may carry attributes. */
const text = (value: unknown): string =>
  typeof value === 'object' && value !== null ? String((value as Item)['#text']) : String(value);

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 1; i <= 22; i++) {
    const item = await createNews(t, {
      slug: `news-${i}`,
      section: i <= 3 ? 'press_releases' : 'news',
      title: { en: `English title ${i}`, ru: `Русский заголовок ${i}` },
      body: { en: `English **body** ${i}`, ru: `Русский **текст** ${i}` },
    });
    published[item.slug] = (item as unknown as { publishedAt: string }).publishedAt;
  }
  await createNews(t, {
    slug: 'only-russian',
    title: { ru: 'Только русский' },
    body: { ru: 'Текст' },
  });
  await createNews(t, { slug: 'draft', title: { en: 'DRAFT-LEAK' } }, 'draft');
  await createNews(t, { slug: 'hostile', title: { en: HOSTILE }, body: { en: HOSTILE } });
});

afterAll(async () => {
  await t.close();
});

describe('RSS', () => {
  it('carries the 20 latest public items in English, newest first, with absolute links', async () => {
    const { channel, items } = await rss('/feeds/news.rss');
    expect(channel.language).toBe('en');
    expect(channel.link).toBe(`${BASE}/en/news`);
    expect(items).toHaveLength(20);
    expect(items.map((i) => i.link)).toEqual([
      `${BASE}/en/news/hostile`,
      `${BASE}/en/news/only-russian`,
      ...Array.from({ length: 18 }, (_, k) => `${BASE}/en/news/news-${22 - k}`),
    ]);
    const first = items.find((i) => i.link === `${BASE}/en/news/news-22`) as Item;
    expect(first.title).toBe('English title 22');
    expect(String(first['content:encoded'])).toContain('<strong>body</strong>');
    expect(new Date(String(first.pubDate)).getTime()).toBe(
      Math.floor(Date.parse(published['news-22'] as string) / 1000) * 1000,
    );
    expect(text(first.guid)).toBe(`${BASE}/en/news/news-22`);
    const ru = items.find((i) => i.link === `${BASE}/en/news/only-russian`) as Item;
    expect(ru.title).toBe('Только русский');
  });

  it('speaks Russian at /ru/feeds/news.rss and keeps one section apart', async () => {
    const { channel, items } = await rss('/ru/feeds/news.rss');
    expect(channel.language).toBe('ru');
    const item = items.find((i) => i.link === `${BASE}/ru/news/news-22`) as Item;
    expect(item.title).toBe('Русский заголовок 22');
    expect(String(item['content:encoded'])).toContain('<strong>текст</strong>');
    const section = await rss('/ru/feeds/sections/press-releases.rss');
    expect(section.items.map((i) => i.link)).toEqual([
      `${BASE}/ru/news/news-3`,
      `${BASE}/ru/news/news-2`,
      `${BASE}/ru/news/news-1`,
    ]);
  });

  it('keeps drafts out and markup in titles inert', async () => {
    const res = await visit(t, '/en/feeds/news.rss');
    expect(res.body).not.toContain('DRAFT-LEAK');
    const { items } = await rss('/en/feeds/news.rss');
    const hostile = items.find((i) => i.link === `${BASE}/en/news/hostile`) as Item;
    // The title is HTML-escaped text: a reader that renders it as HTML shows the characters.
    expect(hostile.title).toBe(
      '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; ]]&gt; &lt;img src=x onerror=alert(2)&gt;',
    );
    expect(String(hostile['content:encoded'])).not.toContain('<script');
    expect(String(hostile['content:encoded'])).not.toContain('<img');
  });
});

describe('Atom', () => {
  it('carries the same items with ids, links, updated and published dates', async () => {
    const { feed, entries } = await atom('/feeds/news.atom');
    expect(text(feed.id)).toBe(`${BASE}/en/feeds/news.atom`);
    expect(entries).toHaveLength(20);
    const entry = entries.find((e) => text(e.id) === `${BASE}/en/news/news-21`) as Item;
    expect((entry.link as Item)['@href']).toBe(`${BASE}/en/news/news-21`);
    expect(text(entry.title)).toBe('English title 21');
    expect(Date.parse(String(entry.published))).toBe(Date.parse(published['news-21'] as string));
    const ru = await atom('/ru/feeds/sections/news.atom');
    expect(ru.entries.every((e) => text(e.id).startsWith(`${BASE}/ru/news/`))).toBe(true);
    expect(ru.entries.some((e) => text(e.id).endsWith('/news-1'))).toBe(false);
    const entry22 = ru.entries.find((e) => text(e.id) === `${BASE}/ru/news/news-22`) as Item;
    expect(text(entry22.title)).toBe('Русский заголовок 22');
  });
});

describe('sitemap and robots', () => {
  it('lists every public page in both languages with alternates and lastmod', async () => {
    const res = await visit(t, '/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('/news/draft');
    const doc = parser.parse(res.body) as { urlset: { url: Item[] } };
    const urls = doc.urlset.url;
    const locs = urls.map((u) => u.loc);
    for (const lang of ['en', 'ru']) {
      expect(locs).toContain(`${BASE}/${lang}/`);
      expect(locs).toContain(`${BASE}/${lang}/news`);
      expect(locs).toContain(`${BASE}/${lang}/news/news-7`);
    }
    const entry = urls.find((u) => u.loc === `${BASE}/ru/news/news-7`) as Item;
    expect(asArray(entry['xhtml:link'] as Item[]).map((l) => [l['@hreflang'], l['@href']])).toEqual(
      [
        ['en', `${BASE}/en/news/news-7`],
        ['ru', `${BASE}/ru/news/news-7`],
      ],
    );
    expect(Date.parse(String(entry.lastmod))).not.toBeNaN();
  });

  it('robots.txt opens the portal, closes the workspace and the API, and names the sitemap', async () => {
    const res = await visit(t, '/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Disallow: /app/');
    expect(res.body).toContain('Disallow: /api/');
    expect(res.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});
