import { Group, Paper, Text } from '@mantine/core';
import {
  CLASSIFICATIONS,
  IP_KINDS,
  type IpResultListItem,
  PROTECTION_STATUSES,
} from '@plenum/shared';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ListState } from '../../components/list-state.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { PageHeader } from '../../components/page.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { memberStatesQuery, useStateName } from '../directory/lookups.ts';
import { ClassificationBadge } from '../documents/labels.tsx';
import { NativeFilter } from '../documents/native-filter.tsx';
import { ExportLinks } from '../projects/labels.tsx';

/** The register of results of intellectual activity: filters, search, pages of 50, exports. */
export function IpResultsPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const text = useText();
  const stateName = useStateName();
  const states = useQuery(memberStatesQuery);
  const search = useSearch({ from: '/app/ip-results/{-$ipResultId}' });
  const navigate = useNavigate({ from: '/ip-results/{-$ipResultId}' });
  const set = (patch: Partial<typeof search>) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const filters = {
    kind: search.kind,
    classification: search.classification,
    holderState: search.memberState,
    protectionStatus: search.status,
    q: search.q,
  };
  const list = useCursorList<IpResultListItem>(['ip-results'], '/ip-results', filters);

  return (
    <>
      <PageHeader
        title={t('ipResults.title')}
        actions={
          <>
            <ExportLinks path="/ip-results" query={filters} />
            {canWrite(me?.user) && (
              <ButtonLink
                to="/ip-results/{-$ipResultId}"
                params={{ ipResultId: 'new' }}
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                {t('ipResults.new')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('ipResults.searchHint')}
          value={search.q}
          onSearch={(q) => set({ q })}
          mb="sm"
        />
        <div
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-sm)',
            gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
          }}
        >
          <NativeFilter
            label={t('ipResults.kindLabel')}
            value={search.kind}
            onChange={(kind) => set({ kind })}
            options={IP_KINDS.map((k) => ({ value: k, label: t(`ipResults.kind.${k}`) }))}
          />
          <NativeFilter
            label={t('ipResults.holderState')}
            value={search.memberState}
            onChange={(memberState) => set({ memberState })}
            options={(states.data ?? []).map((s) => ({ value: s.code, label: text(s.name) }))}
          />
          <NativeFilter
            label={t('ipResults.protectionLabel')}
            value={search.status}
            onChange={(status) => set({ status })}
            options={PROTECTION_STATUSES.map((s) => ({
              value: s,
              label: t(`ipResults.protection.${s}`),
            }))}
          />
          <NativeFilter
            label={t('ipResults.classificationLabel')}
            value={search.classification}
            onChange={(classification) => set({ classification })}
            options={CLASSIFICATIONS.map((c) => ({
              value: c,
              label: t(`documents.classification.${c}`),
            }))}
          />
        </div>
      </Paper>
      <ListState list={list} empty={t('common.noResults')}>
        <Paper withBorder component="ul" className="plenum-rows" aria-label={t('ipResults.title')}>
          {list.items.map((r) => (
            <li key={r.id} className="plenum-row">
              <div className="plenum-row-main">
                <AnchorLink to="/ip-results/{-$ipResultId}" params={{ ipResultId: r.id }} fw={600}>
                  <LText value={r.title} />
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {t(`ipResults.kind.${r.kind}`)}
                  {r.project && (
                    <>
                      {' · '}
                      <LText value={r.project.title} />
                    </>
                  )}
                </Text>
              </div>
              <Text size="sm" className="plenum-row-dates">
                {r.rightsHolders
                  .map(
                    (h) =>
                      `${h.organizationName ? text(h.organizationName) : stateName(h.memberState)} ${h.share}%`,
                  )
                  .join(', ')}
              </Text>
              <Text size="sm" className="plenum-row-place" c="dimmed">
                {r.protections.length > 0
                  ? r.protections
                      .map((p) => `${p.memberState}: ${t(`ipResults.protection.${p.status}`)}`)
                      .join(', ')
                  : t('ipResults.noProtection')}
              </Text>
              <Group className="plenum-row-status" gap={6}>
                <ClassificationBadge classification={r.classification} />
              </Group>
            </li>
          ))}
        </Paper>
      </ListState>
    </>
  );
}
