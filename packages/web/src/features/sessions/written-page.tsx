import { Alert, Box, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifySaved, problemMessage, problemTitle } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { DetailCard, DetailField } from '../../components/detail.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { memberStatesQuery, useBodiesById, useStateName } from '../directory/lookups.ts';
import { concurring, proposalKey, proposalQuery } from './api.ts';
import { ProposalStatusBadge } from './labels.tsx';
import { PositionForm } from './position-form.tsx';
import { PositionsList } from './positions.tsx';

/**
 * A draft decision circulated by written procedure: its text, each member state's position (a
 * delegate records its own state's), and the outcome; adopted when no state objects by the
 * deadline, or at once when all concur.
 */
export function WrittenPage({ id }: { id: string }): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const text = useText();
  const format = useFormat();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const proposal = useQuery(proposalQuery(id));
  const states = useQuery(memberStatesQuery);
  const [positionFor, setPositionFor] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ title: string; text: string } | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);

  if (proposal.isPending) {
    return <PageLoader />;
  }
  if (proposal.isError) {
    return <LoadError error={proposal.error} retry={() => proposal.refetch()} />;
  }
  const p = proposal.data;
  const writer = canWrite(me?.user);
  const ownState = me?.user.role === 'delegate' ? me.user.memberState : null;
  const open = p.status === 'open';
  const mayActFor = (code: string) => open && (writer || code === ownState);
  const recorded = new Map(p.positions.map((x) => [x.memberState, x]));
  const codes = [
    ...new Set([
      ...(states.data ?? []).filter((s) => s.status === 'member').map((s) => s.code),
      ...p.positions.map((x) => x.memberState),
      ...p.outcome.pending,
    ]),
  ].sort();
  const body = bodies.get(p.bodyId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: proposalKey(id) });
  const reload = async () => {
    await refresh();
    await queryClient.invalidateQueries({ queryKey: ['proposals'] });
  };

  const act = async (key: 'adopt' | 'withdraw') => {
    setBusy(key);
    setRefusal(null);
    try {
      await api.post(`/proposals/${p.id}/${key}`, {}, p.version);
      await reload();
      notifySaved(t, key === 'adopt' ? t('sessions.adoptedNotice') : t('sessions.withdrawnNotice'));
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setRefusal({ title: problemTitle(t, error), text: problemMessage(t, error) });
        await reload();
      } else {
        handleError(error, { reload });
      }
    } finally {
      setBusy(null);
      setWithdrawing(false);
    }
  };

  return (
    <>
      <PageHeader
        title={<LText value={p.title} inherit />}
        crumbs={[{ label: t('sessions.written.title'), to: '/written-procedures' }]}
        badge={<ProposalStatusBadge status={p.status} />}
        actions={
          writer &&
          open && (
            <>
              <Button variant="default" color="red" onClick={() => setWithdrawing(true)}>
                {t('sessions.withdraw')}
              </Button>
              <Button color="green" loading={busy === 'adopt'} onClick={() => act('adopt')}>
                {t('sessions.adopt')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        {refusal && (
          <Alert color="red" title={refusal.title} role="alert">
            {refusal.text}
          </Alert>
        )}
        <DetailCard>
          <DetailField label={t('sessions.body')}>{body ? text(body.name) : '…'}</DetailField>
          <DetailField label={t('sessions.kind')}>{t(`enums.decisionKind.${p.kind}`)}</DetailField>
          <DetailField label={t('sessions.deadline')}>{format.dateTime(p.deadline)}</DetailField>
          <DetailField label={t('sessions.circulatedOn')}>
            {format.dateTime(p.openedAt)}
          </DetailField>
          <DetailField label={t('sessions.outcomeLabel')}>
            {p.decisionId && p.decisionNumber ? (
              <AnchorLink to="/decisions/$decisionId" params={{ decisionId: p.decisionId }}>
                {t('sessions.decisionNo', { number: p.decisionNumber })}
              </AnchorLink>
            ) : open ? (
              t('sessions.written.summary', { concur: concurring(p).length, total: codes.length })
            ) : (
              t(`sessions.status.${p.status}`)
            )}
          </DetailField>
          {p.documentId && (
            <DetailField label={t('sessions.draftDocument')}>
              <AnchorLink to="/documents/$documentId" params={{ documentId: p.documentId }}>
                {t('sessions.openDocument')}
              </AnchorLink>
            </DetailField>
          )}
          <DetailField label={t('sessions.draftText')} wide>
            <Box component="span" style={{ whiteSpace: 'pre-wrap', display: 'block' }}>
              <LText value={p.text} />
            </Box>
          </DetailField>
        </DetailCard>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="md">
            {t('sessions.positions')}
          </Title>
          <PositionsList
            stamps
            rows={codes.map((code) => {
              const pos = recorded.get(code);
              const label = `${stateName(code)} (${code})`;
              return {
                code,
                label,
                recorded: pos,
                action: mayActFor(code) && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    aria-label={t('sessions.positionFor', { state: label })}
                    onClick={() => setPositionFor(code)}
                  >
                    {pos ? t('sessions.changePosition') : t('sessions.recordPosition')}
                  </Button>
                ),
              };
            })}
          />
        </Paper>
      </Stack>

      <Modal
        opened={positionFor !== null}
        onClose={() => setPositionFor(null)}
        title={
          positionFor
            ? t('sessions.positionFor', { state: `${stateName(positionFor)} (${positionFor})` })
            : ''
        }
      >
        {positionFor && (
          <PositionForm
            key={positionFor}
            proposal={p}
            memberState={positionFor}
            current={recorded.get(positionFor)}
            onDone={async () => {
              setPositionFor(null);
              await reload();
              notifySaved(t);
            }}
            onCancel={() => setPositionFor(null)}
          />
        )}
      </Modal>
      <Modal
        opened={withdrawing}
        onClose={() => setWithdrawing(false)}
        title={t('sessions.withdrawTitle')}
      >
        <Stack>
          <Text>{t('sessions.withdrawText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy === 'withdraw'} onClick={() => act('withdraw')}>
              {t('sessions.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
