import { Badge, Button, Group, Modal, Paper, Text } from '@mantine/core';
import type { Proposal } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { useFormat } from '../../app/format.ts';
import { useCursorList } from '../../components/cursor-list.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ListState } from '../../components/list-state.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { PageHeader } from '../../components/page.tsx';
import { memberStatesQuery, useBodiesById } from '../directory/lookups.ts';
import { NativeFilter } from '../documents/native-filter.tsx';
import { concurring } from './api.ts';
import { ProposalStatusBadge } from './labels.tsx';
import { STATUSES } from './marks.ts';
import { ProposalForm } from './proposal-form.tsx';

/** Draft decisions circulated by written procedure: status, deadline, body and answers so far. */
export function WrittenListPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const text = useText();
  const format = useFormat();
  const queryClient = useQueryClient();
  const bodies = useBodiesById();
  const states = useQuery(memberStatesQuery);
  const members = (states.data ?? []).filter((s) => s.status === 'member').length;
  const search = useSearch({ from: '/app/written-procedures/{-$proposalId}' });
  const navigate = useNavigate({ from: '/written-procedures/{-$proposalId}' });
  const [creating, setCreating] = useState(false);
  const list = useCursorList<Proposal>(['proposals'], '/proposals', {
    procedure: 'written',
    status: search.status,
  });
  const ownState = me?.user.role === 'delegate' ? me.user.memberState : null;

  return (
    <>
      <PageHeader
        title={t('sessions.written.title')}
        actions={
          canWrite(me?.user) && (
            <Button onClick={() => setCreating(true)}>{t('sessions.written.new')}</Button>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        <div style={{ maxWidth: '20rem' }}>
          <NativeFilter
            label={t('sessions.statusLabel')}
            value={search.status}
            onChange={(status) => navigate({ search: { status }, replace: true })}
            options={STATUSES.map((s) => ({ value: s, label: t(`sessions.status.${s}`) }))}
          />
        </div>
      </Paper>
      <ListState list={list} empty={t('sessions.written.none')}>
        <Paper
          withBorder
          component="ul"
          className="plenum-rows"
          aria-label={t('sessions.written.title')}
        >
          {list.items.map((p) => {
            const own = ownState ? p.positions.find((x) => x.memberState === ownState) : null;
            const body = bodies.get(p.bodyId);
            return (
              <li key={p.id} className="plenum-row">
                <div className="plenum-row-main">
                  <AnchorLink
                    to="/written-procedures/{-$proposalId}"
                    params={{ proposalId: p.id }}
                    fw={600}
                  >
                    <LText value={p.title} />
                  </AnchorLink>
                  <Text size="sm" c="dimmed">
                    {body ? text(body.shortName ?? body.name) : ''}
                    {p.decisionNumber
                      ? ` · ${t('sessions.decisionNo', { number: p.decisionNumber })}`
                      : ''}
                  </Text>
                </div>
                <Text size="sm" className="plenum-row-dates">
                  {p.deadline ? t('sessions.deadlineOn', { at: format.dateTime(p.deadline) }) : ''}
                </Text>
                <Text size="sm" className="plenum-row-place" c="dimmed">
                  {ownState && p.status === 'open'
                    ? own
                      ? t(`sessions.position.${own.position}`)
                      : t('sessions.written.awaitingYou')
                    : t('sessions.written.summary', {
                        concur: concurring(p).length,
                        total: members || p.positions.length + p.outcome.pending.length,
                      })}
                  {p.outcome.objections.length > 0 && (
                    <Badge
                      ml={6}
                      color="red"
                      variant="light"
                      size="sm"
                      style={{ textTransform: 'none' }}
                    >
                      <span aria-hidden>✗ </span>
                      {t('sessions.written.objections', { count: p.outcome.objections.length })}
                    </Badge>
                  )}
                </Text>
                <Group className="plenum-row-status">
                  <ProposalStatusBadge status={p.status} />
                </Group>
              </li>
            );
          })}
        </Paper>
      </ListState>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('sessions.written.new')}
        size="xl"
      >
        <ProposalForm
          target={{ procedure: 'written' }}
          onDone={async (p) => {
            setCreating(false);
            await queryClient.invalidateQueries({ queryKey: ['proposals'] });
            await navigate({
              to: '/written-procedures/{-$proposalId}',
              params: { proposalId: p.id },
            });
          }}
          onCancel={() => setCreating(false)}
        />
      </Modal>
    </>
  );
}
