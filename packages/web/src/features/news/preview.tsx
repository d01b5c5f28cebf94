import { Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Language, NewsItem, NewsSection } from '@plenum/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import type { TextValues } from '../../app/forms.ts';
import { fileUrl } from './api.ts';

export interface PreviewValues {
  section: NewsSection;
  title: TextValues;
  summary: TextValues;
  body: TextValues;
  imageSha256: string | null;
  imageAlt: TextValues;
}

const other = (lang: Language): Language => (lang === 'en' ? 'ru' : 'en');

/** The text in a language, or in the other one when it has none (as the portal falls back). */
function pick(text: TextValues, lang: Language): { text: string; lang: Language } {
  const own = text[lang].trim();
  return own ? { text: own, lang } : { text: text[other(lang)].trim(), lang: other(lang) };
}

/**
 * The public page as the portal will show it, live. The body's HTML is always the server's
 * rendering (markdown-it without raw HTML: safe): of the saved text, or — while the text differs
 * from what is saved — of the text being typed, fetched from /news/preview a moment after the
 * typing pauses, so the workspace needs no Markdown renderer of its own.
 */
export function NewsPreview({
  values,
  saved,
  initialLang,
}: {
  values: PreviewValues;
  saved: NewsItem | null;
  initialLang: Language;
}) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Language>(initialLang);
  const title = pick(values.title, lang);
  const summary = pick(values.summary, lang);
  const body = pick(values.body, lang);
  const fallback = (!!title.text && title.lang !== lang) || (!!body.text && body.lang !== lang);
  const savedHtml =
    saved && (saved.body?.[body.lang] ?? '').trim() === body.text
      ? saved.bodyHtml[body.lang]
      : undefined;
  const [typed] = useDebouncedValue(body.text, 400);
  const live = useQuery({
    queryKey: ['news', 'preview', typed],
    queryFn: () => api.post<{ html: string }>('/news/preview', { markdown: typed }),
    enabled: savedHtml === undefined && typed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const html = savedHtml ?? live.data?.html;
  const date =
    saved?.publishedAt ?? (saved?.status === 'scheduled' ? saved.publishAt : null) ?? null;
  const dateText = date
    ? new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long' }).format(
        new Date(date),
      )
    : t('news.previewNotYet');
  const alt = pick(values.imageAlt, lang).text;

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('news.preview')}
        </Title>
        <SegmentedControl
          aria-label={t('news.previewLanguage')}
          value={lang}
          onChange={(v) => setLang(v === 'ru' ? 'ru' : 'en')}
          data={[
            { value: 'en', label: 'English' },
            { value: 'ru', label: 'Русский' },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        <div
          className="plenum-news-preview"
          lang={lang}
          style={{
            border: '1px dashed var(--mantine-color-gray-4)',
            borderRadius: 4,
            padding: 'var(--mantine-spacing-md)',
          }}
        >
          {fallback && (
            <p className="pv-notice" lang={i18n.language}>
              {lang === 'en' ? t('news.previewFallback') : t('news.previewFallbackRu')}
            </p>
          )}
          <p className="pv-meta">
            <span className="pv-tag">{t(`news.section.${values.section}`, { lng: lang })}</span>
            {date ? t('news.previewDate', { date: dateText, lng: lang }) : dateText}
          </p>
          <h3 className="pv-title" lang={title.lang !== lang ? title.lang : undefined}>
            {title.text || t('news.untitled')}
          </h3>
          {values.imageSha256 && (
            <figure>
              <img src={fileUrl(values.imageSha256)} alt={alt} />
            </figure>
          )}
          {summary.text && (
            <p className="pv-lead" lang={summary.lang !== lang ? summary.lang : undefined}>
              {summary.text}
            </p>
          )}
          <div lang={body.lang !== lang ? body.lang : undefined}>
            {!body.text ? (
              <Text c="dimmed">{t('news.previewEmpty')}</Text>
            ) : html !== undefined ? (
              // The server's rendering: markdown-it with html off, so no raw HTML passes through.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, sanitized field
              <div dangerouslySetInnerHTML={{ __html: html }} />
            ) : (
              <>
                <Text size="sm" c="dimmed" mb="xs" lang={i18n.language}>
                  {t('news.previewPlain')}
                </Text>
                <div className="pv-plain">{body.text}</div>
              </>
            )}
          </div>
        </div>
      </Stack>
    </Paper>
  );
}
