import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconStar } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { canWrite, useMe } from '../../../app/auth.ts';
import { notifySaved } from '../../../app/errors.ts';
import { DataTable, EmptyRow } from '../../../components/data-table.tsx';
import { DeleteButton } from '../../../components/delete-button.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { LText, useText } from '../../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../../components/page.tsx';
import { useBodiesById, useStateName } from '../../directory/lookups.ts';
import { type ParticipantRow, participantsQuery } from '../api.ts';
import { ParticipantForm } from './participant-form.tsx';

export function ParticipantsTab(): JSX.Element {
  const { t } = useTranslation();
  const { meetingId } = useParams({ from: '/app/meetings/$meetingId' });
  const me = useMe();
  const text = useText();
  const queryClient = useQueryClient();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const participants = useQuery(participantsQuery(meetingId));
  const [form, setForm] = useState<{
    mode: 'create' | 'edit';
    participant?: ParticipantRow;
  } | null>(null);
  const writer = canWrite(me?.user);
  const key = participantsQuery(meetingId).queryKey;
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  if (participants.isPending) {
    return <PageLoader />;
  }
  if (participants.isError) {
    return <LoadError error={participants.error} retry={() => participants.refetch()} />;
  }
  const rows = participants.data;
  const name = (p: ParticipantRow) => (p.person ? text(p.person.name) : p.personId);

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h4">
          {t('participants.title')}{' '}
          <Text span c="dimmed" fz="sm">
            ({rows.length})
          </Text>
        </Title>
        {writer && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setForm({ mode: 'create' })}
          >
            {t('participants.add')}
          </Button>
        )}
      </Group>
      <DataTable
        caption={t('participants.title')}
        minWidth={620}
        head={[
          t('participants.person'),
          t('participants.role'),
          t('participants.represents'),
          writer ? <span key="a">{t('common.actions')}</span> : '',
        ]}
      >
        {rows.length === 0 && <EmptyRow cols={4} text={t('participants.empty')} />}
        {rows.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <AnchorLink to="/directory/persons/$personId" params={{ personId: p.personId }}>
                {p.person ? <LText value={p.person.name} /> : p.personId}
              </AnchorLink>
              {p.notable && (
                <IconStar
                  size={14}
                  style={{ marginInlineStart: 6, verticalAlign: 'middle' }}
                  aria-label={t('participants.notable')}
                  role="img"
                />
              )}
              {p.person?.position && (
                <Text size="xs" c="dimmed">
                  <LText value={p.person.position} />
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="gray">
                {t(`enums.participantRole.${p.role}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {p.memberState
                ? stateName(p.memberState)
                : p.bodyId
                  ? text(bodies.get(p.bodyId)?.name)
                  : '—'}
            </Table.Td>
            <Table.Td>
              {writer && (
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('participants.editOne', { name: name(p) })}
                    onClick={() => setForm({ mode: 'edit', participant: p })}
                  >
                    <IconPencil size={18} aria-hidden />
                  </ActionIcon>
                  <DeleteButton
                    compact
                    what={name(p)}
                    reload={refresh}
                    onDelete={() =>
                      api.delete(`/meetings/${meetingId}/participants/${p.id}`, p.version)
                    }
                    onDeleted={async () => {
                      await refresh();
                      notifySaved(t, t('participants.removed'));
                    }}
                  />
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ParticipantForm
        opened={form !== null}
        onClose={() => setForm(null)}
        mode={form?.mode ?? 'create'}
        participant={form?.participant}
        reload={refresh}
        onSubmit={async (body) => {
          if (form?.mode === 'edit' && form.participant) {
            await api.patch(
              `/meetings/${meetingId}/participants/${form.participant.id}`,
              body,
              form.participant.version,
            );
          } else {
            await api.post(`/meetings/${meetingId}/participants`, body);
          }
          await refresh();
          notifySaved(t);
        }}
      />
    </Paper>
  );
}
