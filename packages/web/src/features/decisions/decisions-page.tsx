import { Button, Group, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import {
  DECISION_STATUSES,
  type Decision,
  type DecisionStatus,
  type Meeting,
  type Page,
} from '@plenum/shared';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type JSX, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { useFormat } from '../../app/format.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { BodyFilter } from '../../components/body-filter.tsx';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { memberStatesQuery } from '../directory/lookups.ts';
import { countsQuery, exportUrl } from './api.ts';
import { DECISION_STATUS_STYLE, DecisionStatusBadge } from './status.tsx';

/** A native select for the filters (light, and the same look as BodyFilter). */
function NativeFilter({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="plenum-field">
      <label htmlFor={id} className="plenum-label">
        {label}
      </label>
      <select
        id={id}
        className="plenum-select"
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
      >
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DecisionsPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const text = useText();
  const format = useFormat();
  const search = useSearch({ from: '/app/decisions' });
  const navigate = useNavigate({ from: '/decisions' });
  const filters = {
    status: search.status,
    bodyId: search.bodyId,
    meetingId: search.meetingId,
    memberState: search.memberState,
    dueFrom: search.dueFrom,
    dueTo: search.dueTo,
    q: search.q,
  };
  const list = useCursorList<Decision>(['decisions'], '/decisions', {
    ...filters,
    sort: search.sort ?? 'adopted',
  });
  // Counts per status ignore the status filter itself, so every chip shows what it would add.
  const counts = useQuery(countsQuery({ ...filters, status: undefined }));
  const states = useQuery(memberStatesQuery);
  const meetings = useQuery({
    queryKey: ['meetings', 'list', 'past-for-filter'],
    queryFn: () => api.get<Page<Meeting>>('/meetings', { when: 'past', limit: 100 }),
    staleTime: 60_000,
  });
  const statuses = search.status ? search.status.split(',') : [];
  const set = (patch: Partial<typeof search>) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const stateOptions = useMemo(
    () =>
      (states.data ?? [])
        .map((s) => ({ value: s.code, label: `${text(s.name)} (${s.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [states.data, text],
  );
  const meetingOptions = useMemo(
    () => (meetings.data?.items ?? []).map((m) => ({ value: m.id, label: text(m.name) })),
    [meetings.data, text],
  );
  const exportQuery = { ...filters, sort: search.sort, lang: currentLanguage() };

  return (
    <>
      <PageHeader
        title={t('decisions.title')}
        actions={
          <>
            <Button
              component="a"
              href={exportUrl('/decisions/export.csv', exportQuery)}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              CSV
            </Button>
            <Button
              component="a"
              href={exportUrl('/decisions/export.xlsx', exportQuery)}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              XLSX
            </Button>
            {canWrite(me?.user) && (
              <ButtonLink to="/decisions/new" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('decisions.new')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <Group gap="md" align="flex-end" mb="sm">
          <div style={{ flex: '2 1 16rem', minWidth: 0 }}>
            <SearchInput
              label={t('common.search')}
              placeholder={t('decisions.searchHint')}
              value={search.q}
              onSearch={(q) => set({ q })}
            />
          </div>
          <div style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <Text size="sm" fw={500} mb={4} id="sort-label">
              {t('decisions.sort')}
            </Text>
            <SegmentedControl
              aria-labelledby="sort-label"
              fullWidth
              value={search.sort ?? 'adopted'}
              onChange={(v) => set({ sort: v === 'due' ? 'due' : undefined })}
              data={[
                { value: 'adopted', label: t('decisions.sortAdopted') },
                { value: 'due', label: t('decisions.sortDue') },
              ]}
            />
          </div>
        </Group>
        <div
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-sm)',
            gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
          }}
        >
          <BodyFilter
            label={t('decisions.body')}
            value={search.bodyId}
            onChange={(bodyId) => set({ bodyId })}
          />
          <NativeFilter
            label={t('decisions.meeting')}
            value={search.meetingId}
            onChange={(meetingId) => set({ meetingId })}
            options={meetingOptions}
          />
          <NativeFilter
            label={t('decisions.assignee')}
            value={search.memberState}
            onChange={(memberState) => set({ memberState })}
            options={stateOptions}
          />
          <TextInput
            type="date"
            label={t('decisions.dueFrom')}
            value={search.dueFrom ?? ''}
            onChange={(e) => set({ dueFrom: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('decisions.dueTo')}
            value={search.dueTo ?? ''}
            onChange={(e) => set({ dueTo: e.currentTarget.value || undefined })}
          />
        </div>
        <Text size="sm" fw={500} id="status-filter-label" mt="sm" mb={4}>
          {t('decisions.status')}
          {counts.data && (
            <Text span c="dimmed" fw={400}>
              {' '}
              · {t('decisions.total', { count: counts.data.total })}
            </Text>
          )}
        </Text>
        <Group gap={6} role="group" aria-labelledby="status-filter-label">
          {DECISION_STATUSES.map((status: DecisionStatus) => {
            const on = statuses.includes(status);
            const n = counts.data?.byStatus[status];
            return (
              <Button
                key={status}
                size="compact-sm"
                radius="xl"
                color={DECISION_STATUS_STYLE[status].color}
                variant={on ? 'filled' : 'light'}
                aria-pressed={on}
                onClick={() => {
                  const next = on ? statuses.filter((x) => x !== status) : [...statuses, status];
                  void set({ status: next.length ? next.join(',') : undefined });
                }}
              >
                <span aria-hidden>{DECISION_STATUS_STYLE[status].symbol}&nbsp;</span>
                {t(`enums.decisionStatus.${status}`)}
                {n !== undefined && ` (${n})`}
              </Button>
            );
          })}
        </Group>
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
            aria-label={t('decisions.title')}
          >
            {list.items.map((d) => (
              <li key={d.id} className="plenum-row">
                <div className="plenum-row-main">
                  <AnchorLink to="/decisions/$decisionId" params={{ decisionId: d.id }} fw={600}>
                    {d.number}
                  </AnchorLink>{' '}
                  <LText value={d.title} />
                </div>
                <Text size="sm" className="plenum-row-dates">
                  {t('decisions.adoptedOnShort', { date: format.shortDate(d.adoptedOn) })}
                </Text>
                <Text size="sm" className="plenum-row-place" c="dimmed">
                  {d.assignments.nextDueDate
                    ? t('decisions.nextDue', { date: format.shortDate(d.assignments.nextDueDate) })
                    : t('decisions.noOpen')}
                </Text>
                <Group className="plenum-row-status">
                  <DecisionStatusBadge status={d.status} />
                </Group>
              </li>
            ))}
          </Paper>
          <LoadMore {...list} />
        </>
      )}
    </>
  );
}
