import { escapeHtml } from './html.ts';
import { PORTAL_LANGUAGES } from './i18n.ts';
import { langPath, paths, sectionSlug } from './paths.ts';
import { NEWS_SECTIONS } from './repository.ts';
import type { Site } from './views.ts';

interface Entry {
  path: string;
  lastmod?: string;
}

/**
 * sitemap.xml: every public page in both languages, each naming its alternates (xhtml:link), so
 * search engines pair the English and Russian versions.
 */
export function renderSitemap(
  site: Site,
  data: {
    news: { slug: string; updatedAt: string }[];
    meetings: { id: string; updatedAt: string }[];
    bodies: { slug: string; updatedAt: string }[];
  },
): string {
  const newest = (dates: string[]) =>
    dates.reduce<string | undefined>((a, b) => (!a || b > a ? b : a), undefined);
  const latestNews = newest(data.news.map((n) => n.updatedAt));
  const entries: Entry[] = [
    {
      path: paths.home(),
      lastmod: newest([latestNews ?? '', ...data.meetings.map((m) => m.updatedAt)].filter(Boolean)),
    },
    { path: paths.news(), lastmod: latestNews },
    ...NEWS_SECTIONS.map((s) => ({ path: `/news/section/${sectionSlug(s)}`, lastmod: latestNews })),
    { path: paths.meetings(), lastmod: newest(data.meetings.map((m) => m.updatedAt)) },
    { path: paths.bodies(), lastmod: newest(data.bodies.map((b) => b.updatedAt)) },
    ...data.news.map((n) => ({ path: paths.article(n.slug), lastmod: n.updatedAt })),
    ...data.meetings.map((m) => ({ path: paths.meeting(m.id), lastmod: m.updatedAt })),
    ...data.bodies.map((b) => ({ path: paths.body(b.slug), lastmod: b.updatedAt })),
  ];
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n',
  ];
  for (const entry of entries) {
    const alternates = PORTAL_LANGUAGES.map(
      (l) =>
        `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeHtml(site.base + langPath(l, entry.path))}"/>`,
    ).join('');
    for (const lang of PORTAL_LANGUAGES) {
      parts.push(
        `<url><loc>${escapeHtml(site.base + langPath(lang, entry.path))}</loc>${
          entry.lastmod ? `<lastmod>${escapeHtml(entry.lastmod)}</lastmod>` : ''
        }${alternates}</url>\n`,
      );
    }
  }
  parts.push('</urlset>\n');
  return parts.join('');
}

/** robots.txt: the portal is open to crawlers, the workspace and the API are not. */
export function renderRobots(site: Site): string {
  return `User-agent: *\nAllow: /\nDisallow: /app/\nDisallow: /api/\nSitemap: ${site.base}/sitemap.xml\n`;
}
