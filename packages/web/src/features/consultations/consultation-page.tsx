import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Consultation, ConsultationComment, Meeting, StatePosition } from '@plenum/shared';
import {
  IconChecks,
  IconDownload,
  IconLock,
  IconMessagePlus,
  IconPencil,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { DeleteButton } from '../../components/delete-button.tsx';
import { DetailCard, DetailField } from '../../components/detail.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { useStateName } from '../directory/lookups.ts';
import {
  commentsQuery,
  consultationKey,
  consultationQuery,
  downloadUrl,
} from '../documents/api.ts';
import {
  DocumentStatusBadge,
  PositionBadge,
  ResolutionBadge,
  RoundBadge,
} from '../documents/labels.tsx';
import { PageStyles } from '../documents/page-styles.tsx';
import { CommentForm, PositionForm, ResolutionForm } from './comment-forms.tsx';

/** What closing the round now would record (DESIGN §2). */
export function predictOutcome(c: Consultation): {
  outcome: 'agreed' | 'not_agreed';
  objecting: string[];
  silent: string[];
  silenceApplies: boolean;
} {
  const objecting = c.positions.filter((p) => p.position === 'object').map((p) => p.memberState);
  const silent = c.positions.filter((p) => p.position === null).map((p) => p.memberState);
  const silenceApplies = c.silenceProcedure && c.deadlinePassed;
  const agreed = objecting.length === 0 && (silent.length === 0 || silenceApplies);
  return { outcome: agreed ? 'agreed' : 'not_agreed', objecting, silent, silenceApplies };
}

function CouncilMeetingLink({ id }: { id: string }) {
  // The meetings feature's key, so its cache is shared.
  const meeting = useQuery({
    queryKey: ['meetings', id],
    queryFn: () => api.get<Meeting>(`/meetings/${encodeURIComponent(id)}`),
  });
  return (
    <AnchorLink to="/meetings/$meetingId" params={{ meetingId: id }}>
      {meeting.data ? <LText value={meeting.data.name} /> : '…'}
    </AnchorLink>
  );
}

function CloseRound({ c, onClosed }: { c: Consultation; onClosed: () => unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateName = useStateName();
  const handleError = useErrorHandler();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const p = predictOutcome(c);
  const names = (codes: string[]) => codes.map((code) => `${stateName(code)} (${code})`).join(', ');
  const confirm = async () => {
    setBusy(true);
    try {
      await api.post(`/consultations/${c.id}/close`, {}, c.version);
      close();
      await onClosed();
    } catch (error) {
      close();
      handleError(error, {
        reload: () => queryClient.invalidateQueries({ queryKey: consultationKey(c.id) }),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button color="dark" leftSection={<IconLock size={16} aria-hidden />} onClick={open}>
        {t('consultations.close')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('consultations.closeTitle')}>
        <Stack>
          <Group gap="xs">
            <Text>{t('consultations.closeWillRecord')}</Text>
            <RoundBadge status="closed" outcome={p.outcome} />
          </Group>
          <List size="sm" spacing={4}>
            <List.Item>
              {t('consultations.answeredOf', {
                answered: c.answers.answered,
                total: c.memberStates.length,
              })}
            </List.Item>
            {p.objecting.length > 0 && (
              <List.Item>
                {t('consultations.objectingStates', { states: names(p.objecting) })}
              </List.Item>
            )}
            {p.silent.length > 0 && (
              <List.Item>
                {p.silenceApplies
                  ? t('consultations.silentCountAsConcur', { states: names(p.silent) })
                  : t('consultations.silentStates', { states: names(p.silent) })}
              </List.Item>
            )}
            {c.silenceProcedure && !c.deadlinePassed && p.silent.length > 0 && (
              <List.Item>
                {t('consultations.silenceNotYet', { date: format.date(c.deadline) })}
              </List.Item>
            )}
            {c.comments.unresolved > 0 && (
              <List.Item>
                {t('consultations.unresolvedWarning', { count: c.comments.unresolved })}
              </List.Item>
            )}
          </List>
          <Text size="sm" c="dimmed">
            {t('consultations.closeFinal')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="dark" loading={busy} onClick={confirm}>
              {t('consultations.closeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function PositionsTable({
  c,
  mayActFor,
  onChanged,
}: {
  c: Consultation;
  mayActFor: (state: string) => boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateName = useStateName();
  const [editing, setEditing] = useState<StatePosition | null>(null);
  const open = c.status === 'open';
  const positionAction = (p: StatePosition) =>
    open &&
    mayActFor(p.memberState) && (
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconChecks size={14} aria-hidden />}
        onClick={() => setEditing(p)}
        aria-label={t('consultations.positionFor', {
          state: `${stateName(p.memberState)} (${p.memberState})`,
        })}
      >
        {p.position ? t('consultations.changePosition') : t('consultations.givePosition')}
      </Button>
    );
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb="md">
        {t('consultations.positions')}
      </Title>
      {/* On a phone a card per state; the table from a tablet up. */}
      <Stack gap="xs" hiddenFrom="sm">
        {c.positions.map((p) => (
          <Paper key={p.memberState} withBorder p="sm">
            <Group justify="space-between" gap={6} mb={4}>
              <Text fw={600}>
                {stateName(p.memberState)} ({p.memberState})
              </Text>
              <PositionBadge position={p.position} />
            </Group>
            {p.note && <LText value={p.note} size="sm" style={{ whiteSpace: 'pre-wrap' }} />}
            {p.positionAt && (
              <Text size="xs" c="dimmed">
                {format.dateTime(p.positionAt)}
              </Text>
            )}
            {open && mayActFor(p.memberState) && <Group mt="xs">{positionAction(p)}</Group>}
          </Paper>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <DataTable
          caption={t('consultations.positions')}
          minWidth={600}
          head={[
            t('consultations.state'),
            t('consultations.positionLabel'),
            t('consultations.positionNote'),
            t('consultations.givenOn'),
            <VisuallyHidden key="a">{t('common.actions')}</VisuallyHidden>,
          ]}
        >
          {c.positions.map((p) => (
            <Table.Tr key={p.memberState}>
              <Table.Td>
                {stateName(p.memberState)} ({p.memberState})
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <PositionBadge position={p.position} />
              </Table.Td>
              <Table.Td>
                <LText value={p.note} style={{ whiteSpace: 'pre-wrap' }} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {p.positionAt ? format.dateTime(p.positionAt) : '—'}
              </Table.Td>
              <Table.Td>{positionAction(p)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Box>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing
            ? t('consultations.positionFor', {
                state: `${stateName(editing.memberState)} (${editing.memberState})`,
              })
            : ''
        }
        size="lg"
      >
        {editing && (
          <PositionForm
            consultationId={c.id}
            position={editing}
            onCancel={() => setEditing(null)}
            reload={async () => {
              await onChanged();
              setEditing(null);
            }}
            onDone={async () => {
              await onChanged();
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

function CommentsTable({
  c,
  comments,
  writer,
  mayActFor,
  onChanged,
}: {
  c: Consultation;
  comments: ConsultationComment[];
  writer: boolean;
  mayActFor: (state: string) => boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const text = useText();
  const lang = currentLanguage();
  const [adding, setAdding] = useState(false);
  const [resolving, setResolving] = useState<ConsultationComment | null>(null);
  const open = c.status === 'open';
  const commentActions = (m: ConsultationComment) => (
    <Group gap={4} wrap="nowrap">
      {writer && (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => setResolving(m)}
          aria-label={t('consultations.resolveN', { number: m.number })}
        >
          {m.resolution ? t('consultations.changeResolution') : t('consultations.resolve')}
        </Button>
      )}
      {open && !m.resolution && mayActFor(m.memberState) && (
        <DeleteButton
          compact
          what={t('consultations.commentN', { number: m.number })}
          onDelete={() => api.delete(`/consultations/${c.id}/comments/${m.id}`, m.version)}
          reload={onChanged}
          onDeleted={onChanged}
        />
      )}
    </Group>
  );
  const commentStates = c.memberStates
    .filter(mayActFor)
    .map((code) => ({ value: code, label: `${stateName(code)} (${code})` }));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={2} fz="h4">
          {t('consultations.commentTable')}
          <Text span c="dimmed" fz="sm" fw={400} ml="xs">
            {t('consultations.commentCounts', {
              total: c.comments.total,
              unresolved: c.comments.unresolved,
            })}
          </Text>
        </Title>
        <Group gap="xs">
          <Button
            component="a"
            href={downloadUrl(`/consultations/${c.id}/comments/export.xlsx`, { lang })}
            variant="default"
            size="sm"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            XLSX
          </Button>
          <Button
            component="a"
            href={downloadUrl(`/consultations/${c.id}/comments/export.docx`, { lang })}
            variant="default"
            size="sm"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            DOCX
          </Button>
          {open && commentStates.length > 0 && (
            <Button
              leftSection={<IconMessagePlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              {t('consultations.addComment')}
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap="xs" hiddenFrom="sm">
        {comments.length === 0 && (
          <Text c="dimmed" ta="center" py="md">
            {t('consultations.noComments')}
          </Text>
        )}
        {comments.map((m) => (
          <Paper key={m.id} withBorder p="sm">
            <Group justify="space-between" gap={6} mb={4}>
              <Text fw={600} size="sm">
                {t('consultations.cardHeading', {
                  number: m.number,
                  state: m.memberState,
                  clause: m.clause,
                })}
              </Text>
              <ResolutionBadge resolution={m.resolution} />
            </Group>
            <LText value={m.comment} style={{ whiteSpace: 'pre-wrap' }} />
            {m.proposedText && (
              <Text size="sm" mt={4}>
                <Text span fw={600}>
                  {t('consultations.proposedText')}:{' '}
                </Text>
                <LText value={m.proposedText} style={{ whiteSpace: 'pre-wrap' }} />
              </Text>
            )}
            {m.response && (
              <Text size="sm" mt={4}>
                <Text span fw={600}>
                  {t('consultations.response')}:{' '}
                </Text>
                <LText value={m.response} style={{ whiteSpace: 'pre-wrap' }} />
              </Text>
            )}
            <Group mt="xs">{commentActions(m)}</Group>
          </Paper>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <DataTable
          caption={t('consultations.commentTable')}
          minWidth={760}
          head={[
            t('consultations.number'),
            t('consultations.state'),
            t('consultations.clause'),
            t('consultations.comment'),
            t('consultations.proposedText'),
            t('consultations.resolutionLabel'),
            t('consultations.response'),
          ]}
        >
          {comments.length === 0 && <EmptyRow cols={7} text={t('consultations.noComments')} />}
          {comments.map((m) => (
            <Table.Tr key={m.id} style={{ verticalAlign: 'top' }}>
              <Table.Td fw={600}>{m.number}</Table.Td>
              <Table.Td>
                <abbr title={stateName(m.memberState)}>{m.memberState}</abbr>
              </Table.Td>
              <Table.Td>{m.clause}</Table.Td>
              <Table.Td>
                <LText value={m.comment} style={{ whiteSpace: 'pre-wrap' }} />
              </Table.Td>
              <Table.Td>
                <LText value={m.proposedText} style={{ whiteSpace: 'pre-wrap' }} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ResolutionBadge resolution={m.resolution} />
                <Group mt={6}>{commentActions(m)}</Group>
              </Table.Td>
              <Table.Td>
                <LText value={m.response} style={{ whiteSpace: 'pre-wrap' }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Box>
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('consultations.addCommentTitle', { document: text(c.document.title) })}
        size="xl"
      >
        <CommentForm
          consultationId={c.id}
          states={commentStates}
          onCancel={() => setAdding(false)}
          onDone={async () => {
            await onChanged();
            setAdding(false);
          }}
        />
      </Modal>
      <Modal
        opened={resolving !== null}
        onClose={() => setResolving(null)}
        title={resolving ? t('consultations.resolveN', { number: resolving.number }) : ''}
        size="xl"
      >
        {resolving && (
          <Stack>
            <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
              <Text size="sm" c="dimmed">
                {stateName(resolving.memberState)} · {t('consultations.clause')} {resolving.clause}
              </Text>
              <LText value={resolving.comment} style={{ whiteSpace: 'pre-wrap' }} />
              {resolving.proposedText && (
                <Text size="sm" mt="xs">
                  <Text span fw={600}>
                    {t('consultations.proposedText')}:{' '}
                  </Text>
                  <LText value={resolving.proposedText} />
                </Text>
              )}
            </Paper>
            <ResolutionForm
              comment={resolving}
              onCancel={() => setResolving(null)}
              reload={async () => {
                await onChanged();
                setResolving(null);
              }}
              onDone={async () => {
                await onChanged();
                setResolving(null);
              }}
            />
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

export function ConsultationPage(): JSX.Element {
  const { t } = useTranslation();
  const { consultationId } = useParams({ from: '/app/consultations/$consultationId' });
  const me = useMe();
  const writer = canWrite(me?.user);
  const format = useFormat();
  const text = useText();
  const queryClient = useQueryClient();
  const round = useQuery(consultationQuery(consultationId));
  const comments = useQuery(commentsQuery(consultationId));
  if (round.isPending) {
    return <PageLoader />;
  }
  if (round.isError) {
    return <LoadError error={round.error} retry={() => round.refetch()} />;
  }
  const c = round.data;
  const mayActFor = (state: string) =>
    c.memberStates.includes(state) &&
    (writer || (me?.user.role === 'delegate' && me.user.memberState === state));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: consultationKey(c.id) });
    await queryClient.invalidateQueries({ queryKey: ['documents', c.document.id] });
    await queryClient.invalidateQueries({ queryKey: ['consultations', 'list'] });
    notifySaved(t);
  };
  const ownState = me?.user.role === 'delegate' ? me.user.memberState : null;
  const ownPosition = ownState ? c.positions.find((p) => p.memberState === ownState) : undefined;

  return (
    <>
      <PageStyles />
      <PageHeader
        title={
          <>
            {t('consultations.roundN', { round: c.round })}:{' '}
            <LText value={c.document.title} inherit />
          </>
        }
        crumbs={[
          { label: t('consultations.title'), to: '/consultations' },
          {
            label: text(c.document.title),
            to: '/documents/$documentId',
            params: { documentId: c.document.id },
          },
        ]}
        badge={<RoundBadge status={c.status} outcome={c.outcome} />}
        actions={writer && c.status === 'open' && <CloseRound c={c} onClosed={refresh} />}
      />
      <Stack gap="lg">
        {ownState && !ownPosition && (
          <Alert color="gray">{t('consultations.notInvited', { state: ownState })}</Alert>
        )}
        {ownPosition && c.status === 'open' && ownPosition.position === null && (
          <Alert color="blue" title={t('consultations.yourTurnTitle')}>
            {t('consultations.yourTurn', { date: format.date(c.deadline) })}
          </Alert>
        )}
        <DetailCard title={t('consultations.roundDetails')}>
          <DetailField label={t('consultations.document')}>
            <Group gap={6}>
              <AnchorLink to="/documents/$documentId" params={{ documentId: c.document.id }}>
                <LText value={c.document.title} />
              </AnchorLink>
              <DocumentStatusBadge status={c.document.status as never} />
            </Group>
          </DetailField>
          <DetailField label={t('consultations.version')}>
            {t('documents.versionShort', { number: c.versionNumber })}
            {c.previousRound && (
              <Text size="sm" c="dimmed">
                {c.changedFromPrevious
                  ? t('consultations.changedSince', { number: c.previousRound.versionNumber })
                  : t('consultations.unchangedSince', { number: c.previousRound.versionNumber })}
              </Text>
            )}
          </DetailField>
          <DetailField label={t('consultations.round')}>
            {c.round}
            {c.previousRound && (
              <Text size="sm">
                <AnchorLink
                  to="/consultations/$consultationId"
                  params={{ consultationId: c.previousRound.id }}
                >
                  {t('consultations.previousRound', { round: c.previousRound.round })}
                </AnchorLink>
              </Text>
            )}
          </DetailField>
          <DetailField label={t('consultations.deadline')}>
            {format.date(c.deadline)}{' '}
            {c.deadlinePassed && (
              <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
                <span aria-hidden>! </span>
                {t('consultations.deadlinePassed')}
              </Badge>
            )}
          </DetailField>
          <DetailField label={t('consultations.silenceProcedure')}>
            {c.silenceProcedure ? t('consultations.silenceOn') : t('consultations.silenceOff')}
          </DetailField>
          <DetailField label={t('consultations.councilMeeting')}>
            {c.councilMeetingId ? <CouncilMeetingLink id={c.councilMeetingId} /> : '—'}
          </DetailField>
          <DetailField label={t('consultations.answers')}>
            {t('consultations.answerSummary', c.answers)}
          </DetailField>
          <DetailField label={t('consultations.outcomeLabel')}>
            {c.status === 'closed' ? (
              <>
                <RoundBadge status={c.status} outcome={c.outcome} />
                {c.closedAt && (
                  <Text size="sm" c="dimmed">
                    {t('consultations.closedOn', { date: format.dateTime(c.closedAt) })}
                  </Text>
                )}
              </>
            ) : (
              <Text span c="dimmed">
                {t('consultations.openSince', { date: format.dateTime(c.openedAt) })}
              </Text>
            )}
          </DetailField>
        </DetailCard>
        <PositionsTable c={c} mayActFor={mayActFor} onChanged={refresh} />
        {comments.isError ? (
          <LoadError error={comments.error} retry={() => comments.refetch()} />
        ) : comments.data ? (
          <CommentsTable
            c={c}
            comments={comments.data}
            writer={writer}
            mayActFor={mayActFor}
            onChanged={refresh}
          />
        ) : (
          <PageLoader />
        )}
      </Stack>
    </>
  );
}
