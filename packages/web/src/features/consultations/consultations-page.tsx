import { Badge, Checkbox, Group, Paper, Text } from '@mantine/core';
import { CONSULTATION_STATUSES, type Consultation } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type JSX, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.ts';
import { useFormat } from '../../app/format.ts';
import { useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ListState } from '../../components/list-state.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { PageHeader } from '../../components/page.tsx';
import { memberStatesQuery } from '../directory/lookups.ts';
import { RoundBadge } from '../documents/labels.tsx';
import { NativeFilter } from '../documents/native-filter.tsx';

/** Rounds of coordination, newest first; a delegate sees its own state's rounds by default. */
export function ConsultationsPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const text = useText();
  const format = useFormat();
  const search = useSearch({ from: '/app/consultations' });
  const navigate = useNavigate({ from: '/consultations' });
  const set = (patch: Partial<typeof search>) =>
    navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const ownState = me?.user.role === 'delegate' ? me.user.memberState : null;
  // A delegate's own rounds unless they asked for all.
  const memberState = ownState ? (search.all ? undefined : ownState) : search.memberState;
  const states = useQuery(memberStatesQuery);
  const stateOptions = useMemo(
    () =>
      (states.data ?? [])
        .map((s) => ({ value: s.code, label: `${text(s.name)} (${s.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [states.data, text],
  );
  const list = useCursorList<Consultation>(['consultations'], '/consultations', {
    status: search.status,
    memberState,
  });

  return (
    <>
      <PageHeader title={t('consultations.title')} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <div
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-sm)',
            gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
            alignItems: 'end',
          }}
        >
          <NativeFilter
            label={t('consultations.statusLabel')}
            value={search.status}
            onChange={(status) => set({ status })}
            options={CONSULTATION_STATUSES.map((s) => ({
              value: s,
              label: t(`consultations.roundStatus.${s}`),
            }))}
          />
          {ownState ? (
            <Checkbox
              label={t('consultations.onlyMine', { state: ownState })}
              checked={!search.all}
              onChange={(e) => set({ all: e.currentTarget.checked ? undefined : '1' })}
              mb={8}
            />
          ) : (
            <NativeFilter
              label={t('consultations.invitedState')}
              value={search.memberState}
              onChange={(v) => set({ memberState: v })}
              options={stateOptions}
            />
          )}
        </div>
      </Paper>
      <ListState list={list} empty={t('common.noResults')}>
        <Paper
          withBorder
          component="ul"
          className="plenum-rows"
          aria-label={t('consultations.title')}
        >
          {list.items.map((c) => {
            const own = ownState ? c.positions.find((p) => p.memberState === ownState) : null;
            return (
              <li key={c.id} className="plenum-row">
                <div className="plenum-row-main">
                  <AnchorLink
                    to="/consultations/$consultationId"
                    params={{ consultationId: c.id }}
                    fw={600}
                  >
                    <LText value={c.document.title} />
                  </AnchorLink>
                  <Text size="sm" c="dimmed">
                    {t('consultations.roundN', { round: c.round })} ·{' '}
                    {t('documents.versionShort', { number: c.versionNumber })}
                    {c.silenceProcedure ? ` · ${t('consultations.silenceShort')}` : ''}
                  </Text>
                </div>
                <Text size="sm" className="plenum-row-dates">
                  {t('consultations.deadlineOn', { date: format.shortDate(c.deadline) })}
                  {c.status === 'open' && c.deadlinePassed && (
                    <Badge
                      ml={6}
                      color="red"
                      variant="light"
                      size="sm"
                      style={{ textTransform: 'none' }}
                    >
                      <span aria-hidden>! </span>
                      {t('consultations.deadlinePassed')}
                    </Badge>
                  )}
                </Text>
                <Text size="sm" className="plenum-row-place" c="dimmed">
                  {own
                    ? own.position
                      ? t(`consultations.position.${own.position}`)
                      : t('consultations.awaitingYou')
                    : t('consultations.answeredOf', {
                        answered: c.answers.answered,
                        total: c.memberStates.length,
                      })}
                </Text>
                <Group className="plenum-row-status">
                  <RoundBadge status={c.status} outcome={c.outcome} />
                </Group>
              </li>
            );
          })}
        </Paper>
      </ListState>
    </>
  );
}
