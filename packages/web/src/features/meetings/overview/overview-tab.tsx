import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { MEETING_TRANSITIONS, type Meeting, type MeetingStatus } from '@plenum/shared';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { canWrite, useMe } from '../../../app/auth.ts';
import { notifySaved } from '../../../app/errors.ts';
import { useErrorHandler } from '../../../app/form-errors.ts';
import { useFormat } from '../../../app/format.ts';
import { AnchorLink } from '../../../components/links.tsx';
import { LText } from '../../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../../components/page.tsx';
import { personQuery, useBodiesById, useStateName } from '../../directory/lookups.ts';
import { meetingQuery } from '../api.ts';
import { MeetingForm, meetingFormValues } from '../meeting-form.tsx';
import { MeetingStatusBadge } from '../status-badge.tsx';

// Consultations of a council meeting or documents ready at a commission meeting: from the chunk of
// the documents' pages, loaded with this section (DESIGN §6 budget).
const MeetingConsultations = lazy(() =>
  import('../../documents/pages.ts').then((m) => ({ default: m.MeetingConsultations })),
);
// The meeting pack (issue and download), a chunk of its own.
const PackPanel = lazy(() => import('../pack-panel.tsx'));
// The minutes (revisions, downloads), a chunk of its own.
const MinutesPanel = lazy(() => import('../minutes-panel.tsx'));

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Chair({ personId }: { personId: string | null }) {
  const person = useQuery({ ...personQuery(personId ?? ''), enabled: !!personId });
  if (!personId) {
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  }
  if (!person.data) {
    return (
      <Text span c="dimmed">
        …
      </Text>
    );
  }
  return (
    <>
      <AnchorLink to="/directory/persons/$personId" params={{ personId }}>
        <LText value={person.data.name} />
      </AnchorLink>
      {person.data.position && (
        <Text size="sm" c="dimmed">
          <LText value={person.data.position} />
        </Text>
      )}
    </>
  );
}

const TRANSITION_COLORS: Record<MeetingStatus, string> = {
  planned: 'gray',
  announced: 'blue',
  in_session: 'green',
  held: 'teal',
  cancelled: 'red',
};

/** Moves the meeting to one of the statuses allowed next; cancelling asks first. */
function StatusActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const [busy, setBusy] = useState<MeetingStatus | null>(null);
  const [confirming, { open, close }] = useDisclosure(false);
  const next = MEETING_TRANSITIONS[meeting.status];
  const key = meetingQuery(meeting.id).queryKey;

  const move = async (status: MeetingStatus) => {
    setBusy(status);
    try {
      const updated = await api.patch<Meeting>(
        `/meetings/${meeting.id}`,
        { status },
        meeting.version,
      );
      queryClient.setQueryData(key, updated);
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
      notifySaved(t, t('meeting.statusChanged', { status: t(`enums.meetingStatus.${status}`) }));
    } catch (error) {
      handleError(error, { reload: () => queryClient.invalidateQueries({ queryKey: key }) });
    } finally {
      setBusy(null);
      close();
    }
  };

  if (next.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('meeting.noTransitions')}
      </Text>
    );
  }
  return (
    <Group gap="xs">
      {next.map((status) => (
        <Button
          key={status}
          size="sm"
          variant={status === 'cancelled' ? 'outline' : 'filled'}
          color={TRANSITION_COLORS[status]}
          loading={busy === status}
          onClick={() => (status === 'cancelled' ? open() : move(status))}
        >
          {t(`meeting.transition.${status}`)}
        </Button>
      ))}
      <Modal opened={confirming} onClose={close} title={t('meeting.cancelTitle')}>
        <Text mb="md">{t('meeting.cancelQuestion')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.back')}
          </Button>
          <Button color="red" loading={busy === 'cancelled'} onClick={() => move('cancelled')}>
            {t('meeting.transition.cancelled')}
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}

export function OverviewTab(): JSX.Element {
  const { t } = useTranslation();
  const { meetingId } = useParams({ from: '/app/meetings/$meetingId' });
  const me = useMe();
  const format = useFormat();
  const queryClient = useQueryClient();
  const bodies = useBodiesById();
  const stateName = useStateName();
  const meeting = useQuery(meetingQuery(meetingId));
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);

  if (meeting.isPending) {
    return <PageLoader />;
  }
  if (meeting.isError) {
    return <LoadError error={meeting.error} retry={() => meeting.refetch()} />;
  }
  const m = meeting.data;
  const body = bodies.get(m.bodyId);
  const writer = canWrite(me?.user);
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...meetingQuery(meetingId), staleTime: 0 });
    queryClient.setQueryData(meetingQuery(meetingId).queryKey, fresh);
    setFormKey((k) => k + 1);
  };

  if (editing) {
    return (
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Title order={2} fz="h4" mb="md">
          {t('meeting.edit')}
        </Title>
        <MeetingForm
          key={`${formKey}-${m.version}`}
          mode="edit"
          initial={meetingFormValues(m)}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          reload={reload}
          onSubmit={async (patch) => {
            const updated = await api.patch<Meeting>(`/meetings/${m.id}`, patch, m.version);
            queryClient.setQueryData(meetingQuery(m.id).queryKey, updated);
            await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
            notifySaved(t);
            setEditing(false);
          }}
        />
      </Paper>
    );
  }

  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Group justify="space-between" mb="md">
          <Title order={2} fz="h4">
            {t('meeting.details')}
          </Title>
          {writer && (
            <Button
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('common.edit')}
            </Button>
          )}
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Field label={t('meetings.body')}>
            {body ? (
              <AnchorLink to="/directory/bodies/$bodyId" params={{ bodyId: body.id }}>
                <LText value={body.name} />
              </AnchorLink>
            ) : (
              '…'
            )}
          </Field>
          <Field label={t('meetings.number')}>
            {t('meeting.numberValue', { numeral: m.numeral, number: m.number })}
          </Field>
          <Field label={t('meetings.kind')}>{t(`enums.meetingKind.${m.kind}`)}</Field>
          <Field label={t('meetings.dates')}>{format.dateRange(m.startDate, m.endDate)}</Field>
          <Field label={t('meetings.startTime')}>
            {m.startTime
              ? t('meeting.timeIn', {
                  time: m.startTime,
                  zone: m.timeZone,
                  offset: format.utcOffset(m.timeZone, m.startDate),
                })
              : `— (${m.timeZone})`}
          </Field>
          <Field label={t('meetings.location')}>
            {m.location ? (
              <>
                <LText value={m.location.city} />, {stateName(m.location.country)}
                {m.location.venue && (
                  <Text size="sm" c="dimmed">
                    <LText value={m.location.venue} />
                  </Text>
                )}
              </>
            ) : (
              '—'
            )}
          </Field>
          <Field label={t('meetings.chair')}>
            <Chair personId={m.chairPersonId} />
          </Field>
          {m.parentMeetingId && (
            <Field label={t('meeting.parent')}>
              <AnchorLink to="/meetings/$meetingId" params={{ meetingId: m.parentMeetingId }}>
                {t('meeting.openParent')}
              </AnchorLink>
            </Field>
          )}
          {m.notes && (
            <Field label={t('meetings.notes')}>
              <LText value={m.notes} style={{ whiteSpace: 'pre-wrap' }} />
            </Field>
          )}
        </SimpleGrid>
      </Paper>

      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Title order={2} fz="h4" mb="sm">
          {t('meetings.status')}
        </Title>
        <Group gap="sm" mb="sm">
          <Text>{t('meeting.currentStatus')}</Text>
          <MeetingStatusBadge status={m.status} />
        </Group>
        {writer && <StatusActions meeting={m} />}
      </Paper>
      <Suspense fallback={null}>
        <MeetingConsultations meeting={m} />
      </Suspense>
      <Suspense fallback={null}>
        <PackPanel meeting={m} />
      </Suspense>
      <Suspense fallback={null}>
        <MinutesPanel meeting={m} />
      </Suspense>
    </Stack>
  );
}
