import { Feed } from 'feed';
import { escapeHtml } from './html.ts';
import { type Lang, t, tKey } from './i18n.ts';
import { feedPath, imagePath, langPath, paths } from './paths.ts';
import type { NewsSection, NewsSummary } from './repository.ts';
import { plain, type Site } from './views.ts';

/** How many items a feed carries. */
export const FEED_SIZE = 20;

/**
 * RSS 2.0 or Atom of the latest public news in one language, all sections or one. Texts fall
 * back to the other language where the item has none in this one; links are absolute.
 */
export function renderFeed(
  site: Site,
  lang: Lang,
  format: 'rss' | 'atom',
  section: NewsSection | undefined,
  items: (NewsSummary & { bodyHtml: Partial<Record<Lang, string>> })[],
): string {
  const siteName = site.name ? plain(site.name, lang) : t(lang, 'siteName');
  const title = section
    ? `${siteName}: ${tKey(lang, 'section', section)}`
    : `${siteName}: ${t(lang, 'feedAllTitle')}`;
  const pageUrl = `${site.base}${langPath(lang, section ? paths.section(section) : paths.news())}`;
  const newest = items.reduce<string | null>(
    (max, item) => (max === null || item.updatedAt > max ? item.updatedAt : max),
    null,
  );
  const feed = new Feed({
    id: `${site.base}${feedPath(lang, format, section)}`,
    title,
    link: pageUrl,
    language: lang,
    updated: new Date(newest ?? '2000-01-01T00:00:00Z'),
    generator: 'Plenum',
    copyright: siteName,
    feedLinks: {
      rss: `${site.base}${feedPath(lang, 'rss', section)}`,
      atom: `${site.base}${feedPath(lang, 'atom', section)}`,
    },
    author: { name: siteName, link: `${site.base}/` },
  });
  for (const item of items) {
    const url = `${site.base}${langPath(lang, paths.article(item.slug))}`;
    const content = item.bodyHtml[lang] ?? item.bodyHtml[lang === 'en' ? 'ru' : 'en'] ?? '';
    const summary = plain(item.summary, lang);
    // Titles and summaries are plain text, but Atom declares them type="html" and RSS readers
    // treat them as HTML: escaped, a title with markup stays text in every reader.
    feed.addItem({
      title: escapeHtml(plain(item.title, lang)),
      id: url,
      guid: url,
      link: url,
      // RSS has one date, the publication; Atom's <updated> is the last change.
      date: new Date(format === 'rss' ? item.date : item.updatedAt),
      published: new Date(item.date),
      ...(summary ? { description: escapeHtml(summary) } : {}),
      ...(content ? { content } : {}),
      category: [{ name: tKey(lang, 'section', item.section) }],
      ...(item.imageSha256 ? { image: `${site.base}${imagePath(item.imageSha256)}` } : {}),
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
