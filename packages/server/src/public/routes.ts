import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { fileStore, hasFile, openFile } from '../platform/files.ts';
import { renderLocalizedMarkdown } from '../platform/markdown.ts';
import { PageCache, type Rendered, sendRendered } from './cache.ts';
import { renderCalendar } from './calendar.ts';
import { FEED_SIZE, renderFeed } from './feeds.ts';
import { type Lang, PORTAL_LANGUAGES } from './i18n.ts';
import { sectionFromSlug } from './paths.ts';
import * as repo from './repository.ts';
import { renderRobots, renderSitemap } from './sitemap.ts';
import { PORTAL_CSS, PORTAL_CSS_PATH } from './styles.ts';
import * as views from './views.ts';

const HTML = 'text/html; charset=utf-8';
const NEWS_PAGE_SIZE = 20;
const MEETINGS_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

type Renderer = () => Promise<{
  status: number;
  contentType: string;
  body: string;
  lastModified?: string;
}>;

/** English or Russian, whichever Accept-Language prefers (by q-value; English by default). */
export function preferredLanguage(header: string | undefined): Lang {
  let best: { lang: Lang; q: number } = { lang: 'en', q: 0 };
  for (const part of (header ?? '').split(',').slice(0, 30)) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const lang = range?.split('-')[0];
    if (lang !== 'en' && lang !== 'ru') {
      continue;
    }
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > best.q) {
      best = { lang, q };
    }
  }
  return best.lang;
}

/** A `?page=` number: absent is 1; anything but a plain number in range is no page at all. */
function pageNumber(query: unknown): number | null {
  const raw = (query as Record<string, unknown>)?.page;
  if (raw === undefined) {
    return 1;
  }
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,4}$/.test(raw)) {
    return null;
  }
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}

/**
 * The public portal (DESIGN §4 "Web: the public portal"): server-rendered pages in English and
 * Russian, feeds, the public calendar, the sitemap and robots.txt. No client script at all.
 * Everything shown passes the public filters of repository.ts.
 */
async function portal(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const cache = new PageCache(
    app.contentVersion,
    app.config.pageCacheMegabytes * 1024 * 1024,
    app.counter(
      'plenum_page_cache_lookups_total',
      'Portal page requests: hit (a kept page), shared (the render another request was making), rendered',
      'outcome',
    ),
  );
  app.gauge('plenum_page_cache_bytes', 'Bytes of rendered portal pages kept', () => cache.size);
  const base = app.config.publicUrl.replace(/\/+$/, '');
  const store = fileStore(app.config.dataDir, app.config.filesMaxBytes);

  async function site(): Promise<views.Site> {
    return { base, ...(await repo.findSite(db)) };
  }

  const html = (body: string, status = 200, lastModified?: string) => ({
    status,
    contentType: HTML,
    body,
    lastModified,
  });

  async function notFound(lang: Lang) {
    return html(views.notFoundPage(await site(), lang), 404);
  }

  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: Renderer,
  ): Promise<FastifyReply> {
    const rendered: Rendered = cache.peek(key) ?? (await cache.get(key, render));
    return sendRendered(request, reply, rendered);
  }

  const nowIso = () => new Date().toISOString();
  const today = () => nowIso().slice(0, 10);
  const newest = (...dates: (string | undefined | null)[]) =>
    dates
      .filter((d): d is string => Boolean(d))
      .reduce<string | undefined>((a, b) => (!a || b > a ? b : a), undefined);

  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const lang = preferredLanguage(request.headers['accept-language']);
    return reply
      .header('Vary', 'Accept-Language')
      .header('Cache-Control', 'public, max-age=60')
      .redirect(`/${lang}/`, 302);
  });

  app.get(
    PORTAL_CSS_PATH,
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .type('text/css; charset=utf-8')
        .send(PORTAL_CSS),
  );

  for (const lang of PORTAL_LANGUAGES) {
    await app.register(
      async (scope) => {
        scope.setNotFoundHandler(async (request, reply) =>
          answer(request, reply, `404|${lang}`, () => notFound(lang)),
        );

        scope.get(
          '/',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) =>
            answer(request, reply, `home|${lang}`, async () => {
              const now = nowIso();
              const [news, upcoming] = await Promise.all([
                repo.listPublicNews(db, now, { limit: 5 }),
                repo.listUpcomingMeetings(db, today(), 6),
              ]);
              const shown = news.slice(0, 5);
              return html(
                views.homePage(await site(), lang, { news: shown, upcoming }),
                200,
                newest(...shown.map((n) => n.updatedAt), ...upcoming.map((m) => m.updatedAt)),
              );
            }),
        );

        scope.get(
          '/news',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) => {
            const section = (request.query as Record<string, unknown>)?.section;
            if (typeof section === 'string') {
              const known = sectionFromSlug(section.replace(/_/g, '-'));
              if (known) {
                return reply.redirect(`/${lang}/news/section/${section.replace(/_/g, '-')}`, 301);
              }
              return answer(request, reply, `404|${lang}`, () => notFound(lang));
            }
            const page = pageNumber(request.query);
            return answer(request, reply, `news|${lang}|${page}`, () =>
              newsList(lang, undefined, page),
            );
          },
        );

        scope.get<{ Params: { section: string } }>(
          '/news/section/:section',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) => {
            const section = sectionFromSlug(request.params.section);
            const page = pageNumber(request.query);
            if (!section) {
              return answer(request, reply, `404|${lang}`, () => notFound(lang));
            }
            return answer(request, reply, `news|${lang}|${page}|${section}`, () =>
              newsList(lang, section, page),
            );
          },
        );

        scope.get<{ Params: { slug: string } }>(
          '/news/:slug',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) => {
            const { slug } = request.params;
            if (slug.length > 120 || !SLUG.test(slug)) {
              return answer(request, reply, `404|${lang}`, () => notFound(lang));
            }
            return answer(request, reply, `article|${lang}|${slug}`, async () => {
              const now = nowIso();
              const article = await repo.findPublicNews(db, now, slug);
              if (!article) {
                return notFound(lang);
              }
              const { newer, older } = await repo.newsNeighbours(db, now, article);
              return html(
                views.articlePage(await site(), lang, { article, newer, older }),
                200,
                article.updatedAt,
              );
            });
          },
        );

        scope.get(
          '/meetings',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) => {
            const page = pageNumber(request.query);
            return answer(request, reply, `meetings|${lang}|${page}`, async () => {
              if (page === null) {
                return notFound(lang);
              }
              const [upcoming, past] = await Promise.all([
                page === 1 ? repo.listUpcomingMeetings(db, today(), 100) : Promise.resolve([]),
                repo.listPastMeetings(
                  db,
                  today(),
                  MEETINGS_PAGE_SIZE,
                  (page - 1) * MEETINGS_PAGE_SIZE,
                ),
              ]);
              if (page > 1 && past.length === 0) {
                return notFound(lang);
              }
              const shown = past.slice(0, MEETINGS_PAGE_SIZE);
              return html(
                views.meetingsPage(await site(), lang, {
                  upcoming,
                  past: shown,
                  page,
                  hasOlder: past.length > MEETINGS_PAGE_SIZE,
                }),
                200,
                newest(...upcoming.map((m) => m.updatedAt), ...shown.map((m) => m.updatedAt)),
              );
            });
          },
        );

        scope.get<{ Params: { id: string } }>(
          '/meetings/:id',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) => {
            const { id } = request.params;
            if (!ID.test(id)) {
              return answer(request, reply, `404|${lang}`, () => notFound(lang));
            }
            return answer(request, reply, `meeting|${lang}|${id}`, async () => {
              const data = await repo.findPublicMeetingPage(db, id);
              if (!data) {
                return notFound(lang);
              }
              const news = await repo.listNewsOfMeeting(db, nowIso(), id);
              return html(
                views.meetingPage(await site(), lang, { ...data, news }),
                200,
                newest(data.meeting.updatedAt, ...news.map((n) => n.updatedAt)),
              );
            });
          },
        );

        scope.get(
          '/bodies',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) =>
            answer(request, reply, `bodies|${lang}`, async () => {
              const bodies = await repo.listBodies(db);
              return html(
                views.bodiesPage(await site(), lang, bodies),
                200,
                newest(...bodies.map((b) => b.updatedAt)),
              );
            }),
        );

        scope.get<{ Params: { slug: string } }>(
          '/bodies/:slug',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) => {
            const { slug } = request.params;
            if (slug.length > 200 || !SLUG.test(slug)) {
              return answer(request, reply, `404|${lang}`, () => notFound(lang));
            }
            return answer(request, reply, `body|${lang}|${slug}`, async () => {
              const body = await repo.findBodyBySlug(db, slug);
              if (!body) {
                return notFound(lang);
              }
              const [bodies, meetings] = await Promise.all([
                repo.listBodies(db),
                repo.listMeetingsOfBody(db, body.id, 100),
              ]);
              return html(
                views.bodyPage(await site(), lang, {
                  body,
                  mandateHtml: body.mandate ? renderLocalizedMarkdown(body.mandate) : {},
                  parent: bodies.find((b) => b.id === body.parentId) ?? null,
                  children: bodies.filter((b) => b.parentId === body.id),
                  meetings,
                }),
                200,
                newest(body.updatedAt, ...meetings.map((m) => m.updatedAt)),
              );
            });
          },
        );

        for (const format of ['rss', 'atom'] as const) {
          scope.get(
            `/feeds/news.${format}`,
            { config: { access: 'public' }, schema: { hide: true } },
            async (request, reply) =>
              answer(request, reply, `feed|${lang}|${format}`, () => feed(lang, format, undefined)),
          );
        }
        scope.get<{ Params: { file: string } }>(
          '/feeds/sections/:file',
          { config: { access: 'public' }, schema: { hide: true } },
          async (request, reply) => {
            const match = /^([a-z-]{1,40})\.(rss|atom)$/.exec(request.params.file);
            const section = match ? sectionFromSlug(match[1] as string) : undefined;
            if (!match || !section) {
              return answer(request, reply, `404|${lang}`, () => notFound(lang));
            }
            const format = match[2] as 'rss' | 'atom';
            return answer(request, reply, `feed|${lang}|${format}|${section}`, () =>
              feed(lang, format, section),
            );
          },
        );
      },
      { prefix: `/${lang}` },
    );
  }

  async function newsList(lang: Lang, section: repo.NewsSection | undefined, page: number | null) {
    if (page === null) {
      return notFound(lang);
    }
    const items = await repo.listPublicNews(db, nowIso(), {
      section,
      limit: NEWS_PAGE_SIZE,
      offset: (page - 1) * NEWS_PAGE_SIZE,
    });
    if (page > 1 && items.length === 0) {
      return notFound(lang);
    }
    const shown = items.slice(0, NEWS_PAGE_SIZE);
    return html(
      views.newsListPage(await site(), lang, {
        section,
        page,
        items: shown,
        hasOlder: items.length > NEWS_PAGE_SIZE,
      }),
      200,
      newest(...shown.map((n) => n.updatedAt)),
    );
  }

  async function feed(lang: Lang, format: 'rss' | 'atom', section: repo.NewsSection | undefined) {
    const items = await repo.listFeedNews(db, nowIso(), section, FEED_SIZE);
    return {
      status: 200,
      contentType:
        format === 'rss'
          ? 'application/rss+xml; charset=utf-8'
          : 'application/atom+xml; charset=utf-8',
      body: renderFeed(await site(), lang, format, section, items),
      lastModified: newest(...items.map((n) => n.updatedAt)),
    };
  }

  // The site-wide feeds, in English (DESIGN §4: /feeds/news.rss and /feeds/news.atom).
  for (const format of ['rss', 'atom'] as const) {
    app.get(
      `/feeds/news.${format}`,
      { config: { access: 'public' }, schema: { hide: true } },
      async (request, reply) =>
        answer(request, reply, `feed|en|${format}`, () => feed('en', format, undefined)),
    );
  }

  app.get(
    '/calendar.ics',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const lang: Lang = (request.query as Record<string, unknown>)?.lang === 'ru' ? 'ru' : 'en';
      return answer(request, reply, `calendar|${lang}`, async () => {
        const meetings = await repo.listCalendarMeetings(db);
        return {
          status: 200,
          contentType: 'text/calendar; charset=utf-8',
          body: renderCalendar(await site(), lang, meetings),
          lastModified: newest(...meetings.map((m) => m.updatedAt)),
        };
      });
    },
  );

  app.get(
    '/sitemap.xml',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) =>
      answer(request, reply, 'sitemap', async () => {
        const entries = await repo.sitemapEntries(db, nowIso());
        return {
          status: 200,
          contentType: 'application/xml; charset=utf-8',
          body: renderSitemap(await site(), entries),
        };
      }),
  );

  app.get(
    '/robots.txt',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) =>
      answer(request, reply, 'robots', async () => ({
        status: 200,
        contentType: 'text/plain; charset=utf-8',
        body: renderRobots(await site()),
      })),
  );

  // Lead images of public news, and nothing else of the file store.
  app.get<{ Params: { sha256: string } }>(
    '/media/:sha256',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const { sha256 } = request.params;
      const file = SHA256.test(sha256)
        ? await repo.findPublicImage(db, nowIso(), sha256)
        : undefined;
      if (!file || !IMAGE_TYPES.has(file.mediaType) || !hasFile(store, sha256)) {
        const lang = preferredLanguage(request.headers['accept-language']);
        return answer(request, reply, `404|${lang}`, () => notFound(lang));
      }
      const etag = `"${sha256}"`;
      // Public images may be shown by other sites (feed readers, link previews).
      reply
        .header('ETag', etag)
        .header('Cache-Control', 'public, max-age=3600')
        .header('Cross-Origin-Resource-Policy', 'cross-origin');
      if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === etag)) {
        return reply.code(304).send();
      }
      return reply
        .type(file.mediaType)
        .header('Content-Length', file.size)
        .send(openFile(store, sha256));
    },
  );
}

/** Registered at the root: the portal owns `/`, `/en/…`, `/ru/…`, feeds, calendar and sitemap. */
export const portalRoutes = fp(portal, { name: 'plenum-portal' });
