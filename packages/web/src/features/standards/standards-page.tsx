import { Button, Group, Paper, Text } from '@mantine/core';
import { STANDARD_STATUSES, type StandardListItem } from '@plenum/shared';
import { IconGridDots, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { BodyFilter } from '../../components/body-filter.tsx';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { NativeFilter } from '../documents/native-filter.tsx';
import { StandardStatusBadge } from './labels.tsx';
import { ExportLinks, FilterGrid } from './register-ui.tsx';
import { StandardForm } from './standard-form.tsx';
import { StateFilter } from './state-filter.tsx';
import { RegisterStyles } from './styles.tsx';

export interface StandardFilters {
  status?: string;
  bodyId?: string;
  leadMemberState?: string;
  q?: string;
}

/** The filters shared by the register and the adoption matrix. */
export function StandardFilterFields({
  search,
  set,
}: {
  search: StandardFilters;
  set: (patch: StandardFilters) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SearchInput
        label={t('common.search')}
        placeholder={t('standards.searchHint')}
        value={search.q}
        onSearch={(q) => set({ q })}
        mb="sm"
      />
      <FilterGrid>
        <NativeFilter
          label={t('standards.statusLabel')}
          value={search.status}
          onChange={(status) => set({ status })}
          options={STANDARD_STATUSES.map((s) => ({ value: s, label: t(`standards.status.${s}`) }))}
        />
        <BodyFilter
          label={t('standards.body')}
          value={search.bodyId}
          onChange={(bodyId) => set({ bodyId })}
        />
        <StateFilter
          label={t('standards.leadState')}
          value={search.leadMemberState}
          onChange={(leadMemberState) => set({ leadMemberState })}
        />
      </FilterGrid>
    </>
  );
}

/** The standards register: filters, pages of 50, exports, and the way to the adoption matrix. */
export function StandardsPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const search = useSearch({ from: '/app/standards' });
  const navigate = useNavigate({ from: '/standards' });
  const [creating, setCreating] = useState(false);
  const set = (patch: StandardFilters) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const filters = {
    status: search.status,
    bodyId: search.bodyId,
    leadMemberState: search.leadMemberState,
    q: search.q,
  };
  const list = useCursorList<StandardListItem>(['standards'], '/standards', filters);

  return (
    <>
      <RegisterStyles />
      <PageHeader
        title={t('standards.title')}
        actions={
          <>
            <ButtonLink
              to="/standards/$standardId"
              params={{ standardId: 'matrix' }}
              search={filters}
              variant="default"
              leftSection={<IconGridDots size={16} aria-hidden />}
            >
              {t('standards.matrix')}
            </ButtonLink>
            {canWrite(me?.user) && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {t('standards.new')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <StandardFilterFields search={search} set={set} />
        <Group mt="sm">
          <ExportLinks path="/standards" query={filters} />
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
            aria-label={t('standards.title')}
          >
            {list.items.map((s) => {
              const body = s.bodyId ? bodies.get(s.bodyId) : undefined;
              const c = s.adoptionCounts;
              return (
                <li key={s.id} className="plenum-row">
                  <div className="plenum-row-main">
                    <AnchorLink to="/standards/$standardId" params={{ standardId: s.id }} fw={600}>
                      {s.designation}
                    </AnchorLink>
                    <Text size="sm">
                      <LText value={s.title} />
                    </Text>
                    <Text size="sm" c="dimmed">
                      {s.leadMemberState
                        ? t('standards.leadBy', { state: stateName(s.leadMemberState) })
                        : ''}
                      {s.leadMemberState && body ? ' · ' : ''}
                      {body && <LText value={body.shortName ?? body.name} />}
                    </Text>
                  </div>
                  <Text size="sm" className="plenum-row-dates">
                    {t('standards.countsShort', {
                      adopted: c.adopted + c.adoptedWithReservations,
                      total: c.adopted + c.adoptedWithReservations + c.pending + c.notAdopted,
                    })}
                  </Text>
                  <Group className="plenum-row-status" gap={6}>
                    <StandardStatusBadge status={s.status} />
                  </Group>
                </li>
              );
            })}
          </Paper>
          <LoadMore {...list} />
        </>
      )}
      {creating && (
        <StandardForm
          onClose={() => setCreating(false)}
          onSaved={(s) => {
            setCreating(false);
            void navigate({ to: '/standards/$standardId', params: { standardId: s.id } });
          }}
        />
      )}
    </>
  );
}
