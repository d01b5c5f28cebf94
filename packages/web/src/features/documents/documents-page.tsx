import { Group, Paper, Text } from '@mantine/core';
import { CLASSIFICATIONS, DOCUMENT_KINDS, DOCUMENT_STATUSES, type Document } from '@plenum/shared';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { useFormat } from '../../app/format.ts';
import { BodyFilter } from '../../components/body-filter.tsx';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { useBodiesById } from '../directory/lookups.ts';
import { ClassificationBadge, DocumentStatusBadge } from './labels.tsx';
import { NativeFilter } from './native-filter.tsx';

/** The register of documents: filters, search as one types, pages of 50. */
export function DocumentsPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const bodies = useBodiesById();
  const search = useSearch({ from: '/app/documents' });
  const navigate = useNavigate({ from: '/documents' });
  const set = (patch: Partial<typeof search>) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const list = useCursorList<Document>(['documents'], '/documents', {
    kind: search.kind,
    bodyId: search.bodyId,
    status: search.status,
    classification: search.classification,
    q: search.q,
  });

  return (
    <>
      <PageHeader
        title={t('documents.title')}
        actions={
          canWrite(me?.user) && (
            <ButtonLink to="/documents/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('documents.new')}
            </ButtonLink>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('documents.searchHint')}
          value={search.q}
          onSearch={(q) => set({ q })}
          mb="sm"
        />
        <div
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-sm)',
            gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
          }}
        >
          <NativeFilter
            label={t('documents.kindLabel')}
            value={search.kind}
            onChange={(kind) => set({ kind })}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
          />
          <BodyFilter
            label={t('documents.body')}
            value={search.bodyId}
            onChange={(bodyId) => set({ bodyId })}
          />
          <NativeFilter
            label={t('documents.statusLabel')}
            value={search.status}
            onChange={(status) => set({ status })}
            options={DOCUMENT_STATUSES.map((s) => ({
              value: s,
              label: t(`documents.status.${s}`),
            }))}
          />
          <NativeFilter
            label={t('documents.classificationLabel')}
            value={search.classification}
            onChange={(classification) => set({ classification })}
            options={CLASSIFICATIONS.map((c) => ({
              value: c,
              label: t(`documents.classification.${c}`),
            }))}
          />
        </div>
      </Paper>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : list.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('common.noResults')}
        </Text>
      ) : (
        <>
          <Paper
            withBorder
            component="ul"
            className="plenum-rows"
            aria-label={t('documents.title')}
          >
            {list.items.map((d) => {
              const body = bodies.get(d.bodyId);
              return (
                <li key={d.id} className="plenum-row">
                  <div className="plenum-row-main">
                    <AnchorLink to="/documents/$documentId" params={{ documentId: d.id }} fw={600}>
                      <LText value={d.title} />
                    </AnchorLink>
                    <Text size="sm" c="dimmed">
                      {t(`documents.kind.${d.kind}`)}
                      {body ? ' · ' : ''}
                      {body && <LText value={body.shortName ?? body.name} />}
                    </Text>
                  </div>
                  <Text size="sm" className="plenum-row-dates">
                    {d.latestVersion > 0
                      ? t('documents.versionShort', { number: d.latestVersion })
                      : t('documents.noVersions')}
                  </Text>
                  <Text size="sm" className="plenum-row-place" c="dimmed">
                    {t('documents.updatedOn', { date: format.shortDate(d.updatedAt.slice(0, 10)) })}
                  </Text>
                  <Group className="plenum-row-status" gap={6}>
                    <DocumentStatusBadge status={d.status} />
                    <ClassificationBadge classification={d.classification} />
                  </Group>
                </li>
              );
            })}
          </Paper>
          <LoadMore {...list} />
        </>
      )}
    </>
  );
}
