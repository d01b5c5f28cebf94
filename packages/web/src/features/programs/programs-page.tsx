import { Button, Group, Paper, Text } from '@mantine/core';
import { PROGRAM_STATUSES, type Program } from '@plenum/shared';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { useFormat } from '../../app/format.ts';
import { BodyFilter } from '../../components/body-filter.tsx';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { NativeFilter } from '../documents/native-filter.tsx';
import { ExportLinks, FilterGrid } from '../standards/register-ui.tsx';
import { StateFilter } from '../standards/state-filter.tsx';
import { RegisterStyles } from '../standards/styles.tsx';
import { ProgramStatusBadge, ProgressBar } from './labels.tsx';
import { ProgramForm } from './program-form.tsx';

/** The programs register: filters, pages of 50, exports. */
export function ProgramsPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const search = useSearch({ from: '/app/programs' });
  const navigate = useNavigate({ from: '/programs' });
  const [creating, setCreating] = useState(false);
  const set = (patch: Partial<typeof search>) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const filters = {
    status: search.status,
    bodyId: search.bodyId,
    memberState: search.memberState,
    q: search.q,
  };
  const list = useCursorList<Program>(['programs'], '/programs', filters);

  return (
    <>
      <RegisterStyles />
      <PageHeader
        title={t('programs.title')}
        actions={
          canWrite(me?.user) && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setCreating(true)}
            >
              {t('programs.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('programs.searchHint')}
          value={search.q}
          onSearch={(q) => set({ q })}
          mb="sm"
        />
        <FilterGrid>
          <NativeFilter
            label={t('programs.statusLabel')}
            value={search.status}
            onChange={(status) => set({ status })}
            options={PROGRAM_STATUSES.map((s) => ({ value: s, label: t(`programs.status.${s}`) }))}
          />
          <BodyFilter
            label={t('programs.body')}
            value={search.bodyId}
            onChange={(bodyId) => set({ bodyId })}
          />
          <StateFilter
            label={t('programs.responsibleState')}
            value={search.memberState}
            onChange={(memberState) => set({ memberState })}
          />
        </FilterGrid>
        <Group mt="sm">
          <ExportLinks path="/programs" query={filters} />
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
          <Paper withBorder component="ul" className="plenum-rows" aria-label={t('programs.title')}>
            {list.items.map((p) => (
              <li key={p.id} className="plenum-row">
                <div className="plenum-row-main">
                  <AnchorLink to="/programs/$programId" params={{ programId: p.id }} fw={600}>
                    <LText value={p.title} />
                  </AnchorLink>
                  <Text size="sm" c="dimmed">
                    {format.dateRange(p.periodFrom, p.periodTo)} ·{' '}
                    {t('programs.measureCount', { count: p.measureCount })}
                    {p.overdueMeasures > 0 &&
                      ` · ${t('programs.overdueCount', { count: p.overdueMeasures })}`}
                  </Text>
                </div>
                <div className="plenum-row-dates">
                  <ProgressBar value={p.progress} label={t('programs.progress')} />
                </div>
                <Group className="plenum-row-status" gap={6}>
                  <ProgramStatusBadge status={p.status} />
                </Group>
              </li>
            ))}
          </Paper>
          <LoadMore {...list} />
        </>
      )}
      {creating && (
        <ProgramForm
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            void navigate({ to: '/programs/$programId', params: { programId: p.id } });
          }}
        />
      )}
    </>
  );
}
