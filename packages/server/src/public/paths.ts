import type { Lang } from './i18n.ts';
import type { NewsSection } from './repository.ts';

/** The portal's addresses, in one place, so pages, feeds, sitemap and calendar agree. */

const SECTION_SLUGS: Record<NewsSection, string> = {
  news: 'news',
  announcements: 'announcements',
  press_releases: 'press-releases',
};

export const sectionSlug = (section: NewsSection) => SECTION_SLUGS[section];

export function sectionFromSlug(slug: string): NewsSection | undefined {
  for (const [section, value] of Object.entries(SECTION_SLUGS)) {
    if (value === slug) {
      return section as NewsSection;
    }
  }
  return undefined;
}

/** Paths without the language prefix; `langPath` adds it. */
export const paths = {
  home: () => '/',
  news: (page = 1) => (page > 1 ? `/news?page=${page}` : '/news'),
  section: (section: NewsSection, page = 1) =>
    `/news/section/${SECTION_SLUGS[section]}${page > 1 ? `?page=${page}` : ''}`,
  article: (slug: string) => `/news/${slug}`,
  meetings: (page = 1) => (page > 1 ? `/meetings?page=${page}` : '/meetings'),
  meeting: (id: string) => `/meetings/${id}`,
  bodies: () => '/bodies',
  body: (slug: string) => `/bodies/${slug}`,
};

export const langPath = (lang: Lang, path: string) => `/${lang}${path === '/' ? '/' : path}`;

/** Feeds: all news or one section, per language and format. */
export function feedPath(lang: Lang, format: 'rss' | 'atom', section?: NewsSection): string {
  return section
    ? `/${lang}/feeds/sections/${SECTION_SLUGS[section]}.${format}`
    : `/${lang}/feeds/news.${format}`;
}

export const imagePath = (sha256: string) => `/media/${sha256}`;
export const calendarPath = (lang: Lang) =>
  lang === 'en' ? '/calendar.ics' : '/calendar.ics?lang=ru';
