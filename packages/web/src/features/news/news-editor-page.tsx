import { Anchor, Group, Stack } from '@mantine/core';
import type { NewsItem } from '@plenum/shared';
import { IconExternalLink } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { useRecord } from '../../app/use-record.ts';
import { DeleteButton } from '../../components/delete-button.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { newsKey, newsQuery, publicUrl } from './api.ts';
import { MissingFlags, NewsStatusBadge } from './labels.tsx';
import { NewsForm } from './news-form.tsx';
import { PublicationPanel } from './publication.tsx';
import { NewsStyles } from './styles.tsx';

/** Writes a new draft; once created, the editor of the item opens. */
export function NewsNewPage(): JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <NewsStyles />
      <PageHeader title={t('news.newTitle')} crumbs={[{ label: t('news.title'), to: '/news' }]} />
      <NewsForm
        item={null}
        onCancel={() => navigate({ to: '/news' })}
        onSubmit={async (body) => {
          const created = await api.post<NewsItem>('/news', body);
          queryClient.setQueryData(newsKey(created.id), created);
          await queryClient.invalidateQueries({ queryKey: ['news', 'list'] });
          notifySaved(t, t('news.created'));
          await navigate({ to: '/news/$newsId', params: { newsId: created.id } });
        }}
      />
    </>
  );
}

/** The editor of a news item, its publication and its preview. */
export function NewsEditPage(): JSX.Element {
  const { t, i18n } = useTranslation();
  const { newsId } = useParams({ from: '/app/news/$newsId' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const text = useText();
  const { query, reload, formKey } = useRecord(newsQuery(newsId));
  const [dirty, setDirty] = useState(false);

  if (query.isPending) {
    return <PageLoader />;
  }
  if (query.isError) {
    return <LoadError error={query.error} retry={() => query.refetch()} />;
  }
  const item = query.data;
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const otherLang = lang === 'ru' ? 'en' : 'ru';

  return (
    <>
      <NewsStyles />
      <PageHeader
        title={<LText value={item.title} inherit />}
        crumbs={[{ label: t('news.title'), to: '/news' }]}
        badge={
          <Group gap={6}>
            <NewsStatusBadge item={item} />
            <MissingFlags languages={item.missingLanguages} />
          </Group>
        }
        actions={
          <>
            {item.publiclyVisible && (
              <Anchor
                href={publicUrl(lang, item.slug)}
                target="_blank"
                rel="noopener"
                fw={500}
                style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
              >
                {t('news.viewPublic')}
                <IconExternalLink size={16} aria-hidden />
              </Anchor>
            )}
            {item.publiclyVisible && (
              <Anchor
                href={publicUrl(otherLang, item.slug)}
                target="_blank"
                rel="noopener"
                size="sm"
                hrefLang={otherLang}
              >
                {otherLang.toUpperCase()}
              </Anchor>
            )}
            {item.status === 'draft' && (
              <DeleteButton
                what={text(item.title)}
                onDelete={() => api.delete(`/news/${item.id}`, item.version)}
                reload={reload}
                onDeleted={async () => {
                  queryClient.removeQueries({ queryKey: newsKey(item.id) });
                  await queryClient.invalidateQueries({ queryKey: ['news', 'list'] });
                  notifySaved(t, t('common.deleted'));
                  await navigate({ to: '/news' });
                }}
              />
            )}
          </>
        }
      />
      <Stack gap="lg">
        <PublicationPanel item={item} dirty={dirty} />
        <NewsForm
          key={`${formKey}-${item.version}`}
          item={item}
          reload={reload}
          onDirty={setDirty}
          onCancel={() => navigate({ to: '/news' })}
          onSubmit={async (body) => {
            const updated = await api.patch<NewsItem>(`/news/${item.id}`, body, item.version);
            queryClient.setQueryData(newsKey(item.id), updated);
            await queryClient.invalidateQueries({ queryKey: ['news', 'list'] });
            setDirty(false);
            notifySaved(t, t('news.saved'));
          }}
        />
      </Stack>
    </>
  );
}
