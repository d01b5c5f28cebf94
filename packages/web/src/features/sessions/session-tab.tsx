import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { MeetingSession, Proposal, SessionAttendance } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifySaved, problemMessage, problemTitle } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';
import { agendaQuery, meetingKey } from '../meetings/api.ts';
import { MeetingStatusBadge } from '../meetings/status-badge.tsx';
import { sessionQuery, writtenDecisionsQuery } from './api.ts';
import { ProposalStatusBadge } from './labels.tsx';
import { POSITION_MARK } from './marks.ts';
import { PositionForm } from './position-form.tsx';
import { PositionsList } from './positions.tsx';
import { ProposalForm } from './proposal-form.tsx';

const enc = encodeURIComponent;

/** Why an adoption was refused, in the interface language, from the session as it stands. */
function refusalReasons(
  t: (key: string, o?: Record<string, unknown>) => string,
  s: MeetingSession,
  p: Proposal,
  stateName: (code: string) => string,
): string[] {
  const reasons: string[] = [];
  if (!s.quorum.met) {
    reasons.push(
      t('sessions.quorumNotMet', { present: s.quorum.present, required: s.quorum.required }),
    );
  }
  const present = new Set(s.attendance.filter((a) => a.present).map((a) => a.memberState));
  const objecting = p.outcome.objections.filter((c) => present.has(c));
  if (objecting.length > 0) {
    reasons.push(
      t('sessions.objectingStates', { states: objecting.map((c) => stateName(c)).join(', ') }),
    );
  }
  return reasons;
}

function Quorum({ s }: { s: MeetingSession }) {
  const { t } = useTranslation();
  return (
    // Text rather than a badge: a badge would cut the words short on a phone.
    <Text
      size="sm"
      fw={600}
      // The light variants' text colour (app.css: dark enough on the tint for WCAG AA).
      c={`var(--mantine-color-${s.quorum.met ? 'green' : 'orange'}-light-color)`}
      bg={s.quorum.met ? 'green.0' : 'orange.0'}
      px="sm"
      py={2}
      style={{ borderRadius: 'var(--mantine-radius-xl)' }}
    >
      <span aria-hidden>{s.quorum.met ? '✓ ' : '! '}</span>
      {t(s.quorum.met ? 'sessions.quorumMet' : 'sessions.quorumNotMetShort', {
        present: s.quorum.present,
        required: s.quorum.required,
      })}
    </Text>
  );
}

/**
 * Session mode of a meeting (issue 8): the secretariat opens and closes the session, moves through
 * the agenda, records attendance, puts draft decisions to the meeting, records each present
 * delegation's position and adopts by consensus; everyone else sees the same, read-only.
 */
export function SessionTab(): JSX.Element {
  const { t } = useTranslation();
  const { meetingId } = useParams({ from: '/app/meetings/$meetingId' });
  const me = useMe();
  const text = useText();
  const format = useFormat();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const session = useQuery(sessionQuery(meetingId));
  const agenda = useQuery(agendaQuery(meetingId));
  const reported = useQuery(writtenDecisionsQuery(meetingId));
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ title: string; reasons: string[] } | null>(null);
  const [proposing, setProposing] = useState(false);
  const [positionFor, setPositionFor] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'close' | 'withdraw' | null>(null);

  if (session.isPending || agenda.isPending) {
    return <PageLoader />;
  }
  if (session.isError || agenda.isError) {
    return (
      <LoadError
        error={session.error ?? agenda.error}
        retry={() => {
          void session.refetch();
          void agenda.refetch();
        }}
      />
    );
  }
  const s = session.data;
  const items = agenda.data;
  const writer = canWrite(me?.user);
  const inSession = s.status === 'in_session';
  const canOpen = s.status === 'planned' || s.status === 'announced';
  const stateName = (code: string) => {
    const a = s.attendance.find((x) => x.memberState === code);
    return a ? `${text(a.name)} (${code})` : code;
  };
  const current =
    s.proposals.find((p) => p.id === s.currentProposalId) ??
    // After an adoption the last draft stays on screen with its outcome.
    s.proposals.at(-1) ??
    null;
  const currentOpen = current?.status === 'open';
  const present = s.attendance.filter((a) => a.present);
  const absent = s.attendance.filter((a) => !a.present);
  const refresh = () => queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) });

  /** Runs a write; a refusal of adoption is shown beside the draft with its reasons. */
  const run = async (key: string, write: () => Promise<unknown>, saved?: string) => {
    setBusy(key);
    setRefusal(null);
    try {
      const answer = await write();
      // The session routes answer with the session: its new version is there at once.
      if (answer && typeof answer === 'object' && 'attendance' in answer) {
        queryClient.setQueryData(sessionQuery(meetingId).queryKey, answer as MeetingSession);
      }
      await refresh();
      if (saved) {
        notifySaved(t, saved);
      }
    } catch (error) {
      if (key === 'adopt' && isApiError(error) && error.status === 409 && current) {
        const reasons = refusalReasons(t, s, current, stateName);
        setRefusal({
          title: problemTitle(t, error),
          reasons: reasons.length > 0 ? reasons : [problemMessage(t, error)],
        });
        await refresh();
      } else {
        handleError(error, { reload: refresh });
      }
    } finally {
      setBusy(null);
    }
  };
  const base = `/meetings/${enc(meetingId)}/session`;

  const attendanceRow = (a: SessionAttendance) => {
    const mark = a.present ? POSITION_MARK.concur : POSITION_MARK.absent;
    return (
      <Group key={a.memberState} justify="space-between" gap={4} py={4}>
        <Text fw={500} style={{ minWidth: 0, flex: '1 1 9rem' }}>
          {text(a.name)} ({a.memberState})
        </Text>
        <Group gap="xs" wrap="nowrap" ml="auto">
          <Text
            size="sm"
            c={a.present ? 'var(--mantine-color-green-light-color)' : 'dimmed'}
            style={{ whiteSpace: 'nowrap' }}
          >
            <span aria-hidden>{mark.symbol} </span>
            {a.present ? t('sessions.present') : t('sessions.absent')}
          </Text>
          {writer && inSession && (
            <Button
              size="compact-sm"
              variant="default"
              style={{ flexShrink: 0 }}
              loading={busy === `att-${a.memberState}`}
              aria-label={t(a.present ? 'sessions.markAbsentFor' : 'sessions.markPresentFor', {
                state: `${text(a.name)} (${a.memberState})`,
              })}
              onClick={() =>
                run(`att-${a.memberState}`, () =>
                  api.put(`${base}/attendance/${a.memberState}`, { present: !a.present }),
                )
              }
            >
              {a.present ? t('sessions.markAbsent') : t('sessions.markPresent')}
            </Button>
          )}
        </Group>
      </Group>
    );
  };

  const positionOf = (p: Proposal, code: string) => p.positions.find((x) => x.memberState === code);

  return (
    <Stack gap="md">
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <MeetingStatusBadge status={s.status} />
            <Text size="sm" c="dimmed">
              {s.openedAt
                ? s.closedAt
                  ? t('sessions.heldFromTo', {
                      from: format.dateTime(s.openedAt),
                      to: format.dateTime(s.closedAt),
                    })
                  : t('sessions.openedAt', { at: format.dateTime(s.openedAt) })
                : t('sessions.notOpened')}
            </Text>
            <Quorum s={s} />
          </Group>
          <Group gap="xs">
            <ButtonLink
              to="/meetings/$meetingId/room"
              params={{ meetingId }}
              target="_blank"
              variant="default"
            >
              {t('sessions.roomDisplay')}
            </ButtonLink>
            {writer && canOpen && (
              <Button
                loading={busy === 'open'}
                onClick={() =>
                  run('open', () => api.post(`${base}/open`, {}, s.version), t('sessions.opened'))
                }
              >
                {t('sessions.open')}
              </Button>
            )}
            {writer && inSession && (
              <Button color="dark" onClick={() => setConfirm('close')}>
                {t('sessions.close')}
              </Button>
            )}
          </Group>
        </Group>
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('sessions.agenda')}
          </Title>
          {items.length === 0 ? (
            <Text c="dimmed">{t('sessions.noAgenda')}</Text>
          ) : (
            <Stack
              component="ol"
              gap={4}
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('sessions.agenda')}
            >
              {items.map((item) => {
                const isCurrent = s.currentAgendaItem?.id === item.id;
                return (
                  <Group
                    component="li"
                    key={item.id}
                    justify="space-between"
                    wrap="nowrap"
                    gap="xs"
                    p={6}
                    aria-current={isCurrent ? 'step' : undefined}
                    style={{
                      borderRadius: 'var(--mantine-radius-sm)',
                      background: isCurrent ? 'var(--mantine-color-indigo-0)' : undefined,
                      borderInlineStart: isCurrent
                        ? '4px solid var(--mantine-color-indigo-6)'
                        : '4px solid transparent',
                    }}
                  >
                    <Text style={{ minWidth: 0 }} fw={isCurrent ? 700 : 400}>
                      {item.position}. <LText value={item.title} inherit />
                    </Text>
                    {isCurrent ? (
                      <Badge
                        variant="filled"
                        styles={{
                          root: { textTransform: 'none', flexShrink: 0, overflow: 'visible' },
                        }}
                      >
                        <span aria-hidden>▶ </span>
                        {t('sessions.current')}
                      </Badge>
                    ) : (
                      writer &&
                      inSession && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          style={{ flexShrink: 0 }}
                          loading={busy === `item-${item.id}`}
                          aria-label={t('sessions.makeCurrentItem', {
                            item: `${item.position}. ${text(item.title)}`,
                          })}
                          onClick={() =>
                            run(`item-${item.id}`, () =>
                              api.put(`${base}/current-item`, { agendaItemId: item.id }, s.version),
                            )
                          }
                        >
                          {t('sessions.makeCurrent')}
                        </Button>
                      )
                    )}
                  </Group>
                );
              })}
            </Stack>
          )}
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h4">
              {t('sessions.attendance')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('sessions.presentOf', {
                present: s.quorum.present,
                total: s.attendance.length,
              })}
            </Text>
          </Group>
          <Stack gap={0} aria-label={t('sessions.attendance')} role="group">
            {s.attendance.map(attendanceRow)}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="h4">
            {current && !currentOpen ? t('sessions.lastDraft') : t('sessions.underConsideration')}
          </Title>
          {writer && inSession && !currentOpen && (
            <Button onClick={() => setProposing(true)} disabled={items.length === 0}>
              {t('sessions.putDraft')}
            </Button>
          )}
        </Group>
        {!current ? (
          <Text c="dimmed">{t('sessions.noDraft')}</Text>
        ) : (
          <Stack gap="sm">
            <Group gap="sm" align="center">
              <ProposalStatusBadge status={current.status} />
              <Text fw={700} fz="lg">
                <LText value={current.title} inherit />
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`enums.decisionKind.${current.kind}`)}
              {(() => {
                const item = items.find((i) => i.id === current.agendaItemId);
                return item ? ` · ${t('sessions.underItem', { position: item.position })}` : '';
              })()}
              {current.decisionNumber && current.decisionId && (
                <>
                  {' · '}
                  <AnchorLink
                    to="/decisions/$decisionId"
                    params={{ decisionId: current.decisionId }}
                    // In running text a link must not be told by colour alone.
                    underline="always"
                  >
                    {t('sessions.decisionNo', { number: current.decisionNumber })}
                  </AnchorLink>
                </>
              )}
              {current.documentId && (
                <>
                  {' · '}
                  <AnchorLink
                    to="/documents/$documentId"
                    params={{ documentId: current.documentId }}
                    underline="always"
                  >
                    {t('sessions.draftDocument')}
                  </AnchorLink>
                </>
              )}
            </Text>
            <Box
              style={{
                whiteSpace: 'pre-wrap',
                maxHeight: '12rem',
                overflowY: 'auto',
                borderInlineStart: '3px solid var(--mantine-color-gray-3)',
                paddingInlineStart: 'var(--mantine-spacing-sm)',
              }}
            >
              <LText value={current.text} />
            </Box>
            {currentOpen && (
              <Text size="sm">
                {current.outcome.objections.length > 0
                  ? t('sessions.objectingStates', {
                      states: current.outcome.objections.map(stateName).join(', '),
                    })
                  : current.outcome.pending.length > 0
                    ? t('sessions.awaiting', {
                        states: current.outcome.pending.map(stateName).join(', '),
                      })
                    : t('sessions.consensus')}
              </Text>
            )}
            {refusal && (
              <Alert color="red" title={refusal.title} role="alert">
                <List size="sm">
                  {refusal.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <PositionsList
              rows={[...present, ...absent].map((a) => {
                const pos = positionOf(current, a.memberState);
                const label = `${text(a.name)} (${a.memberState})`;
                return {
                  code: a.memberState,
                  label,
                  absent: !a.present,
                  recorded: pos,
                  action: writer && currentOpen && a.present && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      // The visible words begin the accessible name (WCAG 2.5.3).
                      aria-label={`${pos ? t('sessions.changePosition') : t('sessions.recordPosition')}: ${label}`}
                      onClick={() => setPositionFor(a.memberState)}
                    >
                      {pos ? t('sessions.changePosition') : t('sessions.recordPosition')}
                    </Button>
                  ),
                };
              })}
            />
            {writer && currentOpen && (
              <Group justify="flex-end" gap="xs">
                <Button variant="default" color="red" onClick={() => setConfirm('withdraw')}>
                  {t('sessions.withdraw')}
                </Button>
                <Button
                  color="green"
                  loading={busy === 'adopt'}
                  onClick={() =>
                    run(
                      'adopt',
                      () => api.post(`/proposals/${current.id}/adopt`, {}, current.version),
                      t('sessions.adoptedNotice'),
                    )
                  }
                >
                  {t('sessions.adopt')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>

      {s.proposals.length > 1 && (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('sessions.meetingDrafts')}
          </Title>
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
            {s.proposals.map((p) => (
              <Group component="li" key={p.id} gap="sm" wrap="nowrap">
                <ProposalStatusBadge status={p.status} />
                <Text style={{ minWidth: 0 }}>
                  <LText value={p.title} inherit />
                  {p.decisionNumber && p.decisionId && (
                    <>
                      {' · '}
                      <AnchorLink
                        underline="always"
                        to="/decisions/$decisionId"
                        params={{ decisionId: p.decisionId }}
                      >
                        {t('sessions.decisionNo', { number: p.decisionNumber })}
                      </AnchorLink>
                    </>
                  )}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}

      {(reported.data?.items.length ?? 0) > 0 && (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Title order={2} fz="h4" mb={4}>
            {t('sessions.writtenDecisions')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('sessions.writtenDecisionsHint')}
          </Text>
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
            {reported.data?.items.map((d) => (
              <Text component="li" key={d.decisionId}>
                <AnchorLink
                  underline="always"
                  to="/decisions/$decisionId"
                  params={{ decisionId: d.decisionId }}
                >
                  {t('sessions.decisionNo', { number: d.number })}
                </AnchorLink>{' '}
                <LText value={d.title} /> · {format.date(d.adoptedOn)}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}

      <Modal
        opened={proposing}
        onClose={() => setProposing(false)}
        title={t('sessions.putDraftTitle')}
        size="xl"
      >
        <ProposalForm
          target={{
            procedure: 'session',
            meetingId,
            agendaItems: items,
            currentItemId: s.currentAgendaItem?.id ?? null,
          }}
          onDone={async () => {
            setProposing(false);
            await refresh();
          }}
          onCancel={() => setProposing(false)}
        />
      </Modal>
      <Modal
        opened={positionFor !== null && current !== null}
        onClose={() => setPositionFor(null)}
        title={positionFor ? t('sessions.positionFor', { state: stateName(positionFor) }) : ''}
      >
        {positionFor && current && (
          <PositionForm
            key={positionFor}
            proposal={current}
            memberState={positionFor}
            current={positionOf(current, positionFor)}
            onDone={async () => {
              setPositionFor(null);
              await refresh();
            }}
            onCancel={() => setPositionFor(null)}
          />
        )}
      </Modal>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'close' ? t('sessions.closeTitle') : t('sessions.withdrawTitle')}
      >
        <Stack>
          <Text>{confirm === 'close' ? t('sessions.closeText') : t('sessions.withdrawText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={confirm === 'close' ? 'dark' : 'red'}
              loading={busy === 'close' || busy === 'withdraw'}
              onClick={async () => {
                const which = confirm;
                await run(which ?? 'close', () =>
                  which === 'close'
                    ? api.post(`${base}/close`, {}, s.version)
                    : api.post(`/proposals/${current?.id}/withdraw`, {}, current?.version),
                );
                setConfirm(null);
              }}
            >
              {confirm === 'close' ? t('sessions.close') : t('sessions.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
