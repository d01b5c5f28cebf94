import type { LocalizedText } from '@plenum/shared';
import { escapeHtml, html, jsonForScript, raw, type SafeHtml } from './html.ts';
import {
  formatDateRange,
  formatInstantDate,
  type Lang,
  otherLang,
  PORTAL_LANGUAGES,
  t,
  tKey,
} from './i18n.ts';
import { calendarPath, feedPath, imagePath, langPath, paths } from './paths.ts';
import type {
  MeetingPage,
  NewsArticle,
  NewsSection,
  NewsSummary,
  PublicBody,
  PublicMeeting,
} from './repository.ts';
import { NEWS_SECTIONS } from './repository.ts';
import { PORTAL_CSS_PATH } from './styles.ts';
import { offsetLabel, zonedIso } from './time-zone.ts';

/** What every page needs to know about the site. */
export interface Site {
  /** PLENUM_PUBLIC_URL without a trailing slash: canonical and Open Graph URLs are absolute. */
  base: string;
  /** The organization's name: the top commission's name, or the portal's generic one. */
  name: LocalizedText | null;
  /** Its short name (ICMEC), for the browser tab's title. */
  shortName: LocalizedText | null;
}

interface PageMeta {
  lang: Lang;
  /** The path without the language prefix: the same page in the other language. */
  path: string;
  title: string;
  description?: string;
  ogType?: 'website' | 'article';
  ogImage?: string;
  jsonLd?: unknown;
  /** The main navigation entry this page belongs to. */
  nav?: 'home' | 'news' | 'meetings' | 'bodies';
  section?: NewsSection;
  prev?: string;
  next?: string;
  /** Error pages: not indexed, no canonical address. */
  noindex?: boolean;
}

// ---- Localized content -------------------------------------------------------------------------

/** A content text in the page's language, or the other one; `fallback` tells which. */
function pick(text: LocalizedText | null | undefined, lang: Lang) {
  const own = text?.[lang];
  if (own) {
    return { text: own, lang, fallback: false };
  }
  const other = otherLang(lang);
  return { text: text?.[other] ?? '', lang: other, fallback: Boolean(text?.[other]) };
}

/** Plain text in the page's language (titles, attributes, feeds). */
export const plain = (text: LocalizedText | null | undefined, lang: Lang) => pick(text, lang).text;

/** Content text as HTML, marked with `lang` when it falls back to the other language. */
function textIn(text: LocalizedText | null | undefined, lang: Lang): SafeHtml {
  const chosen = pick(text, lang);
  return chosen.fallback
    ? html`<span lang="${chosen.lang}">${chosen.text}</span>`
    : html`${chosen.text}`;
}

const siteName = (site: Site, lang: Lang) =>
  site.name ? plain(site.name, lang) : t(lang, 'siteName');

// ---- Layout ----------------------------------------------------------------------------------

const OG_LOCALES: Record<Lang, string> = { en: 'en_GB', ru: 'ru_RU' };

/**
 * Search engines show about 60–70 characters of a title; longer ones get cut mid-word. Counted
 * as written in the page (an escaped character counts as its entity), as validators count it.
 */
const TITLE_MAX = 70;
const written = (text: string) => escapeHtml(text).length;

/** Cuts a text at a word boundary to fit `max` written characters, marking the cut. */
function fitWords(text: string, max: number): string {
  if (written(text) <= max) {
    return text;
  }
  let cut = text;
  while (cut.length > 0 && written(`${cut}…`) > max) {
    const space = cut.lastIndexOf(' ');
    cut = space > 0 ? cut.slice(0, space) : cut.slice(0, -1);
    cut = cut.replace(/[\s,;:—-]+$/, '');
  }
  return `${cut}…`;
}

/**
 * The browser tab's title: the page's own, then the organization's short name when both fit; a
 * long headline alone is cut at a word.
 */
function documentTitle(page: string, site: Site, lang: Lang): string {
  const short = site.shortName ? plain(site.shortName, lang) : '';
  const withSite = short && page !== short ? `${page} — ${short}` : page;
  return written(withSite) <= TITLE_MAX ? withSite : fitWords(page, TITLE_MAX);
}

/** The home page's title: the organization's name, or its short name when the full one is long. */
function homeTitle(name: string, site: Site, lang: Lang): string {
  const short = site.shortName ? plain(site.shortName, lang) : '';
  return written(name) <= TITLE_MAX || !short ? fitWords(name, TITLE_MAX) : short;
}

/** The emblem's letter: the first letter of the organization's name. */
function emblemLetter(site: Site, lang: Lang): string {
  return siteName(site, lang).trim().slice(0, 1).toLocaleUpperCase(lang);
}

/** The whole HTML document around a page's main content. */
export function layout(site: Site, meta: PageMeta, content: SafeHtml): string {
  const { lang } = meta;
  const other = otherLang(lang);
  const url = (l: Lang) => `${site.base}${langPath(l, meta.path)}`;
  const name = siteName(site, lang);
  const title =
    meta.path === '/' ? homeTitle(name, site, lang) : documentTitle(meta.title, site, lang);
  const feedSection = meta.section;
  const navItem = (key: 'home' | 'news' | 'meetings' | 'bodies', href: string) =>
    html`<li><a href="${langPath(lang, href)}"${meta.nav === key ? raw(' aria-current="page"') : ''}>${t(lang, key)}</a></li>`;
  return html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${meta.description ? html`<meta name="description" content="${meta.description}">` : ''}
${
  meta.noindex
    ? html`<meta name="robots" content="noindex">`
    : html`<link rel="canonical" href="${url(lang)}">
${PORTAL_LANGUAGES.map((l) => html`<link rel="alternate" hreflang="${l}" href="${url(l)}">`)}
<link rel="alternate" hreflang="x-default" href="${meta.path === '/' ? `${site.base}/` : url('en')}">`
}
<link rel="alternate" type="application/rss+xml" title="${t(lang, 'feedAllTitle')} (RSS)" href="${feedPath(lang, 'rss')}">
<link rel="alternate" type="application/atom+xml" title="${t(lang, 'feedAllTitle')} (Atom)" href="${feedPath(lang, 'atom')}">
${
  feedSection
    ? html`<link rel="alternate" type="application/rss+xml" title="${tKey(lang, 'section', feedSection)} (RSS)" href="${feedPath(lang, 'rss', feedSection)}">
<link rel="alternate" type="application/atom+xml" title="${tKey(lang, 'section', feedSection)} (Atom)" href="${feedPath(lang, 'atom', feedSection)}">`
    : ''
}
${meta.prev ? html`<link rel="prev" href="${meta.prev}">` : ''}
${meta.next ? html`<link rel="next" href="${meta.next}">` : ''}
<meta property="og:site_name" content="${name}">
<meta property="og:type" content="${meta.ogType ?? 'website'}">
<meta property="og:title" content="${meta.title}">
<meta property="og:url" content="${url(lang)}">
<meta property="og:locale" content="${OG_LOCALES[lang]}">
<meta property="og:locale:alternate" content="${OG_LOCALES[other]}">
${meta.description ? html`<meta property="og:description" content="${meta.description}">` : ''}
${meta.ogImage ? html`<meta property="og:image" content="${meta.ogImage}">` : ''}
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
${meta.jsonLd ? html`<script type="application/ld+json">${jsonForScript(meta.jsonLd)}</script>` : ''}
</head>
<body>
<a class="skip" href="#main">${t(lang, 'skip')}</a>
<header class="masthead">
<div class="wrap">
<a class="brand" href="${langPath(lang, '/')}"><span class="emblem" aria-hidden="true">${emblemLetter(site, lang)}</span><span class="brand-name">${name}</span></a>
<a class="lang" href="${langPath(other, meta.path)}" hreflang="${other}" lang="${other}">${t(other, 'languageName')}</a>
</div>
</header>
<nav class="nav" aria-label="${t(lang, 'mainNav')}">
<div class="wrap"><ul>
${navItem('home', '/')}${navItem('news', paths.news())}${navItem('meetings', paths.meetings())}${navItem('bodies', paths.bodies())}
</ul></div>
</nav>
<main id="main" tabindex="-1">
<div class="wrap">
${content}
</div>
</main>
<footer class="site-footer">
<div class="wrap">
<ul>
<li><a href="${feedPath(lang, 'rss')}">${t(lang, 'feeds')}: ${t(lang, 'rss')}</a></li>
<li><a href="${feedPath(lang, 'atom')}">${t(lang, 'atom')}</a></li>
<li><a href="${calendarPath(lang)}">${t(lang, 'calendar')}</a></li>
<li><a href="/app/">${t(lang, 'workspace')}</a></li>
</ul>
<p>${t(lang, 'footerNote')}</p>
</div>
</footer>
</body>
</html>
`.value;
}

function crumbs(lang: Lang, trail: { href?: string; label: SafeHtml | string }[]): SafeHtml {
  return html`<nav class="crumbs" aria-label="${t(lang, 'breadcrumbs')}"><ol>${trail.map((c) =>
    c.href
      ? html`<li><a href="${c.href}">${c.label}</a></li>`
      : html`<li aria-current="page">${c.label}</li>`,
  )}</ol></nav>`;
}

// ---- Pieces ----------------------------------------------------------------------------------

function newsCard(lang: Lang, item: NewsSummary, headingLevel: 'h2' | 'h3' = 'h3'): SafeHtml {
  const title = textIn(item.title, lang);
  const heading =
    headingLevel === 'h2'
      ? html`<h2><a href="${langPath(lang, paths.article(item.slug))}">${title}</a></h2>`
      : html`<h3><a href="${langPath(lang, paths.article(item.slug))}">${title}</a></h3>`;
  return html`<li>
<p class="meta"><span class="tag">${tKey(lang, 'section', item.section)}</span><time datetime="${item.date}">${formatInstantDate(lang, item.date)}</time></p>
${heading}
${item.summary && plain(item.summary, lang) ? html`<p>${textIn(item.summary, lang)}</p>` : ''}
</li>`;
}

function meetingWhen(lang: Lang, m: PublicMeeting): SafeHtml {
  const dates = formatDateRange(lang, m.startDate, m.endDate);
  return html`<time datetime="${m.startDate}">${dates}</time>`;
}

function meetingCard(lang: Lang, m: PublicMeeting, headingLevel: 'h2' | 'h3' = 'h3'): SafeHtml {
  const link = html`<a href="${langPath(lang, paths.meeting(m.id))}">${plain(m.name, lang)}</a>`;
  const city = m.location ? textIn(m.location.city, lang) : '';
  return html`<li>
<p class="meta">${meetingWhen(lang, m)}${city ? html` · ${city}` : ''}</p>
${headingLevel === 'h2' ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
${m.status !== 'announced' ? html`<p><span class="status">${tKey(lang, 'status', m.status)}</span></p>` : ''}
</li>`;
}

function sectionTabs(lang: Lang, current: NewsSection | undefined): SafeHtml {
  const tab = (href: string, label: string, active: boolean) =>
    html`<li><a href="${langPath(lang, href)}"${active ? raw(' aria-current="page"') : ''}>${label}</a></li>`;
  return html`<nav aria-label="${t(lang, 'sections')}"><ul class="tabs">
${tab(paths.news(), t(lang, 'allSections'), current === undefined)}
${NEWS_SECTIONS.map((s) => tab(paths.section(s), tKey(lang, 'section', s), current === s))}
</ul></nav>`;
}

// ---- Pages -----------------------------------------------------------------------------------

export function homePage(
  site: Site,
  lang: Lang,
  data: { news: NewsSummary[]; upcoming: PublicMeeting[] },
): string {
  const content = html`<h1>${siteName(site, lang)}</h1>
<div class="grid">
<section aria-labelledby="latest">
<h2 id="latest">${t(lang, 'latestNews')}</h2>
${data.news.length ? html`<ul class="cards">${data.news.map((n) => newsCard(lang, n))}</ul>` : html`<p class="empty">${t(lang, 'noNews')}</p>`}
<p><a href="${langPath(lang, paths.news())}">${t(lang, 'allNews')}</a></p>
</section>
<div>
<section class="panel" aria-labelledby="upcoming">
<h2 id="upcoming">${t(lang, 'upcomingMeetings')}</h2>
${data.upcoming.length ? html`<ul class="cards">${data.upcoming.map((m) => meetingCard(lang, m))}</ul>` : html`<p class="empty">${t(lang, 'noUpcoming')}</p>`}
<p><a href="${langPath(lang, paths.meetings())}">${t(lang, 'meetings')}</a> · <a href="${calendarPath(lang)}">${t(lang, 'calendar')}</a></p>
</section>
<section aria-labelledby="sections">
<h2 id="sections">${t(lang, 'sections')}</h2>
<ul>
${NEWS_SECTIONS.map((s) => html`<li><a href="${langPath(lang, paths.section(s))}">${tKey(lang, 'section', s)}</a></li>`)}
<li><a href="${langPath(lang, paths.bodies())}">${t(lang, 'bodies')}</a></li>
</ul>
</section>
</div>
</div>`;
  return layout(
    site,
    {
      lang,
      path: paths.home(),
      title: siteName(site, lang),
      description: t(lang, 'footerNote'),
      nav: 'home',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: siteName(site, lang),
        url: `${site.base}${langPath(lang, '/')}`,
        inLanguage: lang,
      },
    },
    content,
  );
}

export function newsListPage(
  site: Site,
  lang: Lang,
  data: { section?: NewsSection; page: number; items: NewsSummary[]; hasOlder: boolean },
): string {
  const { section, page } = data;
  const pathOf = (p: number) => (section ? paths.section(section, p) : paths.news(p));
  const heading = section ? tKey(lang, 'section', section) : t(lang, 'news');
  const newer = page > 1 ? langPath(lang, pathOf(page - 1)) : undefined;
  const older = data.hasOlder ? langPath(lang, pathOf(page + 1)) : undefined;
  const title = page > 1 ? `${heading} — ${t(lang, 'pageOf', { page })}` : heading;
  const content = html`${crumbs(lang, [
    { href: langPath(lang, '/'), label: t(lang, 'home') },
    ...(section
      ? [{ href: langPath(lang, paths.news()), label: t(lang, 'news') }, { label: heading }]
      : [{ label: heading }]),
  ])}
<h1>${heading}${page > 1 ? html` <small>(${t(lang, 'pageOf', { page })})</small>` : ''}</h1>
${sectionTabs(lang, section)}
${data.items.length ? html`<ul class="cards">${data.items.map((n) => newsCard(lang, n, 'h2'))}</ul>` : html`<p class="empty">${t(lang, 'noNews')}</p>`}
${
  newer || older
    ? html`<nav class="pager" aria-label="${t(lang, 'pagination')}">
${newer ? html`<a rel="prev" href="${newer}">← ${t(lang, 'newerPage')}</a>` : ''}
${older ? html`<a class="older" rel="next" href="${older}">${t(lang, 'olderPage')} →</a>` : ''}
</nav>`
    : ''
}
<p><a href="${feedPath(lang, 'rss', section)}">${t(lang, 'rss')}</a> · <a href="${feedPath(lang, 'atom', section)}">${t(lang, 'atom')}</a></p>`;
  return layout(
    site,
    {
      lang,
      path: pathOf(page),
      title,
      nav: 'news',
      section,
      prev: newer ? `${site.base}${newer}` : undefined,
      next: older ? `${site.base}${older}` : undefined,
    },
    content,
  );
}

export function articlePage(
  site: Site,
  lang: Lang,
  data: { article: NewsArticle; newer: NewsSummary | null; older: NewsSummary | null },
): string {
  const { article: a } = data;
  const title = pick(a.title, lang);
  const bodyLang: Lang = a.bodyHtml[lang] ? lang : otherLang(lang);
  const bodyHtml = a.bodyHtml[bodyLang] ?? '';
  const fallback = title.fallback || (bodyLang !== lang && bodyHtml !== '');
  const summary = pick(a.summary, lang);
  const sectionLabel = tKey(lang, 'section', a.section);
  const url = `${site.base}${langPath(lang, paths.article(a.slug))}`;
  const image = a.imageSha256 ? `${site.base}${imagePath(a.imageSha256)}` : undefined;
  const bodyName = a.body ? plain(a.body.name, lang) : null;
  const content = html`${crumbs(lang, [
    { href: langPath(lang, '/'), label: t(lang, 'home') },
    { href: langPath(lang, paths.news()), label: t(lang, 'news') },
    { href: langPath(lang, paths.section(a.section)), label: sectionLabel },
  ])}
<article class="article">
${fallback ? html`<p class="notice">${t(lang, 'onlyInOther')}</p>` : ''}
<h1${title.fallback ? html` lang="${title.lang}"` : ''}>${title.text}</h1>
<p class="meta"><span class="tag">${sectionLabel}</span>${t(lang, 'published')}: <time datetime="${a.date}">${formatInstantDate(lang, a.date)}</time></p>
${
  a.body || a.meeting
    ? html`<dl class="facts">
${a.body ? html`<dt>${t(lang, 'body')}</dt><dd><a href="${langPath(lang, paths.body(a.body.slug))}">${textIn(a.body.name, lang)}</a></dd>` : ''}
${a.meeting ? html`<dt>${t(lang, 'relatedMeeting')}</dt><dd><a href="${langPath(lang, paths.meeting(a.meeting.id))}">${plain(a.meeting.name, lang)}</a></dd>` : ''}
</dl>`
    : ''
}
${
  a.imageSha256
    ? html`<figure><img src="${imagePath(a.imageSha256)}" alt="${plain(a.imageAlt, lang)}"></figure>`
    : ''
}
${summary.text ? html`<p class="lead"${summary.fallback ? html` lang="${summary.lang}"` : ''}>${summary.text}</p>` : ''}
<div class="prose"${bodyLang !== lang ? html` lang="${bodyLang}"` : ''}>${raw(bodyHtml)}</div>
<nav class="back" aria-label="${t(lang, 'news')}">
<a href="${langPath(lang, paths.section(a.section))}">← ${t(lang, 'backToSection')}</a>
<a href="${langPath(lang, paths.news())}">${t(lang, 'backToAllNews')}</a>
</nav>
${
  data.newer || data.older
    ? html`<nav class="adjacent" aria-label="${t(lang, 'pagination')}">
${data.older ? html`<a rel="prev" href="${langPath(lang, paths.article(data.older.slug))}"><small>← ${t(lang, 'previousItem')}</small>${textIn(data.older.title, lang)}</a>` : html`<span></span>`}
${data.newer ? html`<a class="older" rel="next" href="${langPath(lang, paths.article(data.newer.slug))}"><small>${t(lang, 'nextItem')} →</small>${textIn(data.newer.title, lang)}</a>` : ''}
</nav>`
    : ''
}
</article>`;
  const organization = {
    '@type': 'Organization',
    name: siteName(site, lang),
    url: `${site.base}/`,
  };
  return layout(
    site,
    {
      lang,
      path: paths.article(a.slug),
      title: title.text,
      description: summary.text || undefined,
      ogType: 'article',
      ogImage: image,
      nav: 'news',
      section: a.section,
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: title.text,
        ...(summary.text ? { description: summary.text } : {}),
        datePublished: a.date,
        dateModified: a.updatedAt,
        inLanguage: fallback ? title.lang : lang,
        articleSection: sectionLabel,
        url,
        mainEntityOfPage: { '@type': 'WebPage', '@id': url },
        ...(image ? { image: [image] } : {}),
        ...(bodyName ? { about: { '@type': 'Organization', name: bodyName } } : {}),
        publisher: organization,
        author: organization,
      },
    },
    content,
  );
}

export function meetingsPage(
  site: Site,
  lang: Lang,
  data: { upcoming: PublicMeeting[]; past: PublicMeeting[]; page: number; hasOlder: boolean },
): string {
  const { page } = data;
  const newer = page > 1 ? langPath(lang, paths.meetings(page - 1)) : undefined;
  const older = data.hasOlder ? langPath(lang, paths.meetings(page + 1)) : undefined;
  const content = html`${crumbs(lang, [
    { href: langPath(lang, '/'), label: t(lang, 'home') },
    { label: t(lang, 'meetings') },
  ])}
<h1>${t(lang, 'meetings')}${page > 1 ? html` <small>(${t(lang, 'pageOf', { page })})</small>` : ''}</h1>
${
  page === 1
    ? html`<section aria-labelledby="upcoming"><h2 id="upcoming">${t(lang, 'upcomingMeetings')}</h2>
${data.upcoming.length ? html`<ul class="cards">${data.upcoming.map((m) => meetingCard(lang, m))}</ul>` : html`<p class="empty">${t(lang, 'noUpcoming')}</p>`}
<p><a href="${calendarPath(lang)}">${t(lang, 'calendar')}</a></p></section>`
    : ''
}
<section aria-labelledby="past"><h2 id="past">${t(lang, 'pastMeetings')}</h2>
${data.past.length ? html`<ul class="cards">${data.past.map((m) => meetingCard(lang, m))}</ul>` : html`<p class="empty">${t(lang, 'noMeetings')}</p>`}
</section>
${
  newer || older
    ? html`<nav class="pager" aria-label="${t(lang, 'pagination')}">
${newer ? html`<a rel="prev" href="${newer}">← ${t(lang, 'newerPage')}</a>` : ''}
${older ? html`<a class="older" rel="next" href="${older}">${t(lang, 'olderPage')} →</a>` : ''}
</nav>`
    : ''
}`;
  return layout(
    site,
    {
      lang,
      path: paths.meetings(page),
      title:
        page > 1 ? `${t(lang, 'meetings')} — ${t(lang, 'pageOf', { page })}` : t(lang, 'meetings'),
      nav: 'meetings',
      prev: newer ? `${site.base}${newer}` : undefined,
      next: older ? `${site.base}${older}` : undefined,
    },
    content,
  );
}

/** schema.org event status of a meeting. */
function eventStatus(status: string): string {
  return status === 'cancelled'
    ? 'https://schema.org/EventCancelled'
    : 'https://schema.org/EventScheduled';
}

export function meetingPage(
  site: Site,
  lang: Lang,
  data: MeetingPage & { news: NewsSummary[] },
): string {
  const m = data.meeting;
  const name = plain(m.name, lang);
  const url = `${site.base}${langPath(lang, paths.meeting(m.id))}`;
  const startIso = m.startTime ? zonedIso(m.startDate, m.startTime, m.timeZone) : m.startDate;
  const place = m.location
    ? [
        m.location.venue ? plain(m.location.venue, lang) : '',
        plain(m.location.city, lang),
        data.country ? plain(data.country, lang) : m.location.country,
      ].filter(Boolean)
    : [];
  const content = html`${crumbs(lang, [
    { href: langPath(lang, '/'), label: t(lang, 'home') },
    { href: langPath(lang, paths.meetings()), label: t(lang, 'meetings') },
  ])}
<article class="article">
<h1>${name}</h1>
${m.kind === 'extraordinary' ? html`<p class="meta">${t(lang, 'extraordinary')}</p>` : ''}
<dl class="facts">
<dt>${t(lang, 'date')}</dt><dd>${meetingWhen(lang, m)}</dd>
${
  m.startTime
    ? html`<dt>${t(lang, 'time')}</dt><dd><time datetime="${startIso}">${m.startTime.slice(0, 5)}</time> (${offsetLabel(m.startDate, m.startTime, m.timeZone)}, ${m.timeZone})</dd>`
    : ''
}
${
  m.location
    ? html`<dt>${t(lang, 'place')}</dt><dd>${m.location.venue ? html`${textIn(m.location.venue, lang)}, ` : ''}${textIn(m.location.city, lang)}${data.country ? html`, ${textIn(data.country, lang)}` : ''}</dd>`
    : ''
}
<dt>${t(lang, 'body')}</dt><dd><a href="${langPath(lang, paths.body(m.body.slug))}">${textIn(m.body.name, lang)}</a></dd>
${
  data.chair
    ? html`<dt>${t(lang, 'chair')}</dt><dd>${textIn(data.chair.name, lang)}${data.chair.position && plain(data.chair.position, lang) ? html`, ${textIn(data.chair.position, lang)}` : ''}</dd>`
    : ''
}
<dt>${t(lang, 'status')}</dt><dd><span class="status">${tKey(lang, 'status', m.status)}</span></dd>
${
  data.parent
    ? html`<dt>${t(lang, 'preparesFor')}</dt><dd><a href="${langPath(lang, paths.meeting(data.parent.id))}">${plain(data.parent.name, lang)}</a></dd>`
    : ''
}
</dl>
${
  data.agenda.length
    ? html`<h2>${t(lang, 'draftAgenda')}</h2>
<ol class="agenda">${data.agenda.map(
        (item) =>
          html`<li class="d${item.depth}"><span class="pos">${item.position}.</span><span>${textIn(item.title, lang)}</span></li>`,
      )}</ol>`
    : ''
}
${
  data.eve.length
    ? html`<h2>${t(lang, 'eveMeetings')}</h2><ul class="cards">${data.eve.map((e) => meetingCard(lang, e))}</ul>`
    : ''
}
${
  data.news.length
    ? html`<h2>${t(lang, 'relatedNews')}</h2><ul class="cards">${data.news.map((n) => newsCard(lang, n))}</ul>`
    : ''
}
</article>`;
  return layout(
    site,
    {
      lang,
      path: paths.meeting(m.id),
      title: name,
      description: [formatDateRange(lang, m.startDate, m.endDate), ...place].join(', '),
      nav: 'meetings',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Event',
        name,
        startDate: startIso,
        endDate: m.endDate,
        eventStatus: eventStatus(m.status),
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        inLanguage: lang,
        url,
        ...(m.location
          ? {
              location: {
                '@type': 'Place',
                name: place.join(', '),
                address: {
                  '@type': 'PostalAddress',
                  addressLocality: plain(m.location.city, lang),
                  addressCountry: m.location.country,
                },
              },
            }
          : {}),
        organizer: {
          '@type': 'Organization',
          name: plain(m.body.name, lang),
          url: `${site.base}${langPath(lang, paths.body(m.body.slug))}`,
        },
      },
    },
    content,
  );
}

export function bodiesPage(site: Site, lang: Lang, bodies: PublicBody[]): string {
  const byParent = new Map<string | null, PublicBody[]>();
  const ids = new Set(bodies.map((b) => b.id));
  for (const b of bodies) {
    const key = b.parentId && ids.has(b.parentId) ? b.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), b]);
  }
  const tree = (parentId: string | null, depth: number): SafeHtml => {
    const list = byParent.get(parentId) ?? [];
    if (!list.length || depth > 6) {
      return html``;
    }
    return html`<ul>${list.map(
      (b) =>
        html`<li><a href="${langPath(lang, paths.body(b.slug))}">${textIn(b.name, lang)}</a> <span class="meta">(${tKey(lang, 'kind', b.kind)})</span>${tree(b.id, depth + 1)}</li>`,
    )}</ul>`;
  };
  const content = html`${crumbs(lang, [
    { href: langPath(lang, '/'), label: t(lang, 'home') },
    { label: t(lang, 'bodies') },
  ])}
<h1>${t(lang, 'bodies')}</h1>
${tree(null, 0)}`;
  return layout(
    site,
    { lang, path: paths.bodies(), title: t(lang, 'bodies'), nav: 'bodies' },
    content,
  );
}

export function bodyPage(
  site: Site,
  lang: Lang,
  data: {
    body: PublicBody;
    mandateHtml: Partial<Record<Lang, string>>;
    parent: PublicBody | null;
    children: PublicBody[];
    meetings: PublicMeeting[];
  },
): string {
  const b = data.body;
  const name = plain(b.name, lang);
  const mandateLang: Lang = data.mandateHtml[lang] ? lang : otherLang(lang);
  const mandate = data.mandateHtml[mandateLang];
  const by = b.establishedBy ? plain(b.establishedBy, lang) : '';
  const date = b.established ? formatDateRange(lang, b.established, b.established) : '';
  const established =
    date && by
      ? t(lang, 'establishedOnBy', { date, by })
      : date
        ? t(lang, 'establishedOn', { date })
        : by
          ? t(lang, 'establishedBy', { by })
          : '';
  const content = html`${crumbs(lang, [
    { href: langPath(lang, '/'), label: t(lang, 'home') },
    { href: langPath(lang, paths.bodies()), label: t(lang, 'bodies') },
  ])}
<article class="article">
<h1>${textIn(b.name, lang)}</h1>
<p class="meta">${tKey(lang, 'kind', b.kind)}${b.shortName && plain(b.shortName, lang) ? html` · ${textIn(b.shortName, lang)}` : ''}</p>
${
  data.parent
    ? html`<p>${t(lang, 'parentBody')}: <a href="${langPath(lang, paths.body(data.parent.slug))}">${textIn(data.parent.name, lang)}</a></p>`
    : ''
}
${established ? html`<p>${established}</p>` : ''}
${
  mandate
    ? html`<h2>${t(lang, 'mandate')}</h2><div class="prose"${mandateLang !== lang ? html` lang="${mandateLang}"` : ''}>${raw(mandate)}</div>`
    : ''
}
${
  data.children.length
    ? html`<h2>${t(lang, 'subsidiaryBodies')}</h2><ul>${data.children.map(
        (c) =>
          html`<li><a href="${langPath(lang, paths.body(c.slug))}">${textIn(c.name, lang)}</a></li>`,
      )}</ul>`
    : ''
}
<h2>${t(lang, 'meetings')}</h2>
${data.meetings.length ? html`<ul class="cards">${data.meetings.map((m) => meetingCard(lang, m))}</ul>` : html`<p class="empty">${t(lang, 'noMeetings')}</p>`}
</article>`;
  return layout(
    site,
    {
      lang,
      path: paths.body(b.slug),
      title: name,
      nav: 'bodies',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'GovernmentOrganization',
        name,
        url: `${site.base}${langPath(lang, paths.body(b.slug))}`,
        ...(b.established ? { foundingDate: b.established } : {}),
        ...(data.parent
          ? { parentOrganization: { '@type': 'Organization', name: plain(data.parent.name, lang) } }
          : {}),
      },
    },
    content,
  );
}

export function notFoundPage(site: Site, lang: Lang): string {
  const content = html`<h1>${t(lang, 'notFoundTitle')}</h1>
<p>${t(lang, 'notFoundText')}</p>
<ul>
<li><a href="${langPath(lang, paths.news())}">${t(lang, 'news')}</a></li>
<li><a href="${langPath(lang, paths.meetings())}">${t(lang, 'meetings')}</a></li>
<li><a href="${langPath(lang, '/')}">${t(lang, 'home')}</a></li>
</ul>`;
  return layout(site, { lang, path: '/', title: t(lang, 'notFoundTitle'), noindex: true }, content);
}
