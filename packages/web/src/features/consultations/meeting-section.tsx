import { Paper, Table, Text, Title } from '@mantine/core';
import type { Consultation, DocumentReady, Meeting, Page } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { useBodiesById } from '../directory/lookups.ts';
import { DocumentStatusBadge, RoundBadge } from '../documents/labels.tsx';

function CouncilRounds({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rounds = useQuery({
    queryKey: ['consultations', 'meeting', meetingId],
    queryFn: () =>
      api.get<Page<Consultation>>(`/meetings/${encodeURIComponent(meetingId)}/consultations`, {
        limit: 200,
      }),
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb="md">
        {t('consultations.meetingRounds')}
      </Title>
      <DataTable
        caption={t('consultations.meetingRounds')}
        minWidth={560}
        head={[
          t('consultations.document'),
          t('consultations.round'),
          t('consultations.deadline'),
          t('consultations.answers'),
          t('consultations.outcomeLabel'),
        ]}
      >
        {rounds.data?.items.length === 0 && (
          <EmptyRow cols={5} text={t('consultations.noMeetingRounds')} />
        )}
        {rounds.isPending && <EmptyRow cols={5} text={t('common.loading')} />}
        {rounds.data?.items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <AnchorLink to="/consultations/$consultationId" params={{ consultationId: c.id }}>
                <LText value={c.document.title} />
              </AnchorLink>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('consultations.roundN', { round: c.round })} ·{' '}
              {t('documents.versionShort', { number: c.versionNumber })}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.shortDate(c.deadline)}</Table.Td>
            <Table.Td>
              {t('consultations.answeredOf', {
                answered: c.answers.answered,
                total: c.memberStates.length,
              })}
            </Table.Td>
            <Table.Td>
              <RoundBadge status={c.status} outcome={c.outcome} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}

function DocumentsReady({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const ready = useQuery({
    queryKey: ['consultations', 'documents-ready', meetingId],
    queryFn: () =>
      api.get<Page<DocumentReady>>(`/meetings/${encodeURIComponent(meetingId)}/documents-ready`, {
        limit: 200,
      }),
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb={4}>
        {t('consultations.documentsReady')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('consultations.documentsReadyHint')}
      </Text>
      <DataTable
        caption={t('consultations.documentsReady')}
        minWidth={560}
        head={[
          t('consultations.document'),
          t('consultations.round'),
          t('consultations.outcomeLabel'),
          t('documents.statusLabel'),
        ]}
      >
        {ready.data?.items.length === 0 && (
          <EmptyRow cols={4} text={t('consultations.noDocumentsReady')} />
        )}
        {ready.isPending && <EmptyRow cols={4} text={t('common.loading')} />}
        {ready.data?.items.map((r) => (
          <Table.Tr key={r.document.id}>
            <Table.Td>
              <AnchorLink to="/documents/$documentId" params={{ documentId: r.document.id }}>
                <LText value={r.document.title} />
              </AnchorLink>
              {r.readyForAdoption && (
                <Text size="sm" c="teal.8" fw={600}>
                  ✓ {t('consultations.readyForAdoption')}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <AnchorLink
                to="/consultations/$consultationId"
                params={{ consultationId: r.latestRound.id }}
              >
                {t('consultations.roundN', { round: r.latestRound.round })}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              <RoundBadge status={r.latestRound.status} outcome={r.latestRound.outcome} />
            </Table.Td>
            <Table.Td>
              <DocumentStatusBadge status={r.document.status as never} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}

/**
 * On a council meeting, the rounds it prepares; on a commission meeting, the documents its
 * councils coordinated (DESIGN §2: council → commission).
 */
export function MeetingConsultations({ meeting }: { meeting: Meeting }): JSX.Element | null {
  const bodies = useBodiesById();
  const kind = bodies.get(meeting.bodyId)?.kind;
  if (kind === 'council') {
    return <CouncilRounds meetingId={meeting.id} />;
  }
  if (kind === 'commission') {
    return <DocumentsReady meetingId={meeting.id} />;
  }
  return null;
}
