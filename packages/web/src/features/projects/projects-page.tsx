import { Group, Paper, Text, Title } from '@mantine/core';
import {
  PROJECT_KINDS,
  PROJECT_PARTICIPANT_ROLES,
  PROJECT_STATUSES,
  type ProjectListItem,
} from '@plenum/shared';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { memberStatesQuery, useStateName } from '../directory/lookups.ts';
import { NativeFilter } from '../documents/native-filter.tsx';
import { summaryQuery } from './api.ts';
import { ExportLinks, ProjectStatusBadge } from './labels.tsx';

const grid = {
  display: 'grid',
  gap: 'var(--mantine-spacing-sm)',
  gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
} as const;

/** Per member state: its projects as lead and as partner, as bars drawn with CSS. */
function StateSummary({ kind }: { kind?: string }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const summary = useQuery(summaryQuery(kind));
  if (summary.isPending) {
    return <PageLoader />;
  }
  if (summary.isError) {
    return <LoadError error={summary.error} retry={() => summary.refetch()} />;
  }
  const items = summary.data.items.filter((s) => s.total > 0);
  const max = Math.max(1, ...items.map((s) => s.total));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} fz="h4">
          {t('projects.summaryTitle')}
        </Title>
        <Group gap="md" fz="xs" c="dimmed">
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span
              aria-hidden
              style={{ width: 12, height: 10, background: 'var(--mantine-color-blue-7)' }}
            />
            {t('projects.asLead')}
          </span>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span
              aria-hidden
              style={{ width: 12, height: 10, background: 'var(--mantine-color-blue-2)' }}
            />
            {t('projects.asPartner')}
          </span>
        </Group>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('projects.summaryEmpty')}
        </Text>
      ) : (
        <div style={{ display: 'grid', gap: 6 }}>
          {items.map((s) => {
            const text = t('projects.summaryLine', {
              total: s.total,
              lead: s.asLead,
              partner: s.asPartner,
            });
            return (
              <div key={s.memberState} style={{ display: 'grid', gap: 2 }}>
                <Group justify="space-between" gap={8} wrap="wrap">
                  <Text size="sm" fw={500}>
                    {stateName(s.memberState)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {text}
                  </Text>
                </Group>
                <div
                  role="img"
                  aria-label={`${stateName(s.memberState)}: ${text}`}
                  style={{
                    display: 'flex',
                    height: 10,
                    width: `${(100 * s.total) / max}%`,
                    minWidth: 4,
                    borderRadius: 3,
                    overflow: 'hidden',
                  }}
                >
                  <div style={{ flex: s.asLead, background: 'var(--mantine-color-blue-7)' }} />
                  <div style={{ flex: s.asPartner, background: 'var(--mantine-color-blue-2)' }} />
                </div>
              </div>
            );
          })}
        </div>
      )}
    </Paper>
  );
}

/** The register of joint projects: filters, search, pages of 50, exports and the summary. */
export function ProjectsPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const text = useText();
  const stateName = useStateName();
  const states = useQuery(memberStatesQuery);
  const search = useSearch({ from: '/app/projects/{-$projectId}' });
  const navigate = useNavigate({ from: '/projects/{-$projectId}' });
  const set = (patch: Partial<typeof search>) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const filters = {
    kind: search.kind,
    status: search.status,
    memberState: search.memberState,
    role: search.memberState ? search.role : undefined,
    q: search.q,
  };
  const list = useCursorList<ProjectListItem>(['projects'], '/projects', filters);

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        actions={
          <>
            <ExportLinks path="/projects" query={filters} />
            {canWrite(me?.user) && (
              <ButtonLink
                to="/projects/{-$projectId}"
                params={{ projectId: 'new' }}
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                {t('projects.new')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('projects.searchHint')}
          value={search.q}
          onSearch={(q) => set({ q })}
          mb="sm"
        />
        <div style={grid}>
          <NativeFilter
            label={t('projects.kindLabel')}
            value={search.kind}
            onChange={(kind) => set({ kind })}
            options={PROJECT_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))}
          />
          <NativeFilter
            label={t('projects.statusLabel')}
            value={search.status}
            onChange={(status) => set({ status })}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
          />
          <NativeFilter
            label={t('projects.memberState')}
            value={search.memberState}
            onChange={(memberState) => set({ memberState })}
            options={(states.data ?? []).map((s) => ({ value: s.code, label: text(s.name) }))}
          />
          {search.memberState && (
            <NativeFilter
              label={t('projects.roleLabel')}
              value={search.role}
              onChange={(role) => set({ role })}
              allLabel={t('projects.anyRole')}
              options={PROJECT_PARTICIPANT_ROLES.map((r) => ({
                value: r,
                label: t(`projects.role.${r}`),
              }))}
            />
          )}
        </div>
      </Paper>
      <StateSummary kind={search.kind} />
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
          <Paper withBorder component="ul" className="plenum-rows" aria-label={t('projects.title')}>
            {list.items.map((p) => {
              const lead = p.participants.find((x) => x.role === 'lead');
              return (
                <li key={p.id} className="plenum-row">
                  <div className="plenum-row-main">
                    <AnchorLink to="/projects/{-$projectId}" params={{ projectId: p.id }} fw={600}>
                      <LText value={p.title} />
                    </AnchorLink>
                    <Text size="sm" c="dimmed">
                      {t(`projects.kind.${p.kind}`)}
                      {lead && (
                        <>
                          {' · '}
                          {t('projects.leadBy', { name: text(lead.organization.name) })}
                        </>
                      )}
                    </Text>
                  </div>
                  <Text size="sm" className="plenum-row-dates">
                    {p.memberStates.map((c) => stateName(c)).join(', ')}
                  </Text>
                  <Text size="sm" className="plenum-row-place" c="dimmed">
                    {t('projects.participantsCount', { count: p.participants.length })}
                  </Text>
                  <Group className="plenum-row-status" gap={6}>
                    <ProjectStatusBadge status={p.status} />
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
