import { Alert, Paper } from '@mantine/core';
import type { Meeting } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { meetingQuery } from './api.ts';
import { MeetingForm, meetingFormValues } from './meeting-form.tsx';

/** The day before a date (YYYY-MM-DD): councils meet on the eve of the commission. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function MeetingNewPage(): JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const text = useText();
  const queryClient = useQueryClient();
  const { parentMeetingId, bodyId } = useSearch({ from: '/app/meetings/new' });
  const parent = useQuery({ ...meetingQuery(parentMeetingId ?? ''), enabled: !!parentMeetingId });

  if (parentMeetingId && parent.isPending) {
    return <PageLoader />;
  }
  if (parentMeetingId && parent.isError) {
    return <LoadError error={parent.error} retry={() => parent.refetch()} />;
  }
  const p = parent.data;
  const initial = meetingFormValues(
    p
      ? {
          startDate: dayBefore(p.startDate),
          endDate: dayBefore(p.startDate),
          timeZone: p.timeZone,
          location: p.location,
          parentMeetingId: p.id,
        }
      : { bodyId: bodyId ?? undefined },
  );

  return (
    <>
      <PageHeader
        title={p ? t('meetings.newCouncil') : t('meetings.new')}
        crumbs={[
          { label: t('meetings.title'), to: '/meetings' },
          ...(p
            ? [{ label: text(p.name), to: '/meetings/$meetingId', params: { meetingId: p.id } }]
            : []),
        ]}
      />
      {p && (
        <Alert mb="md" color="indigo" variant="light">
          {t('meetings.councilFor')} <LText value={p.name} fw={500} />
        </Alert>
      )}
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <MeetingForm
          mode="create"
          initial={initial}
          councilOnly={!!p}
          submitLabel={t('meetings.create')}
          onCancel={() =>
            p
              ? navigate({ to: '/meetings/$meetingId/councils', params: { meetingId: p.id } })
              : navigate({ to: '/meetings', search: { when: 'upcoming' } })
          }
          onSubmit={async (body) => {
            const created = await api.post<Meeting>('/meetings', body);
            queryClient.setQueryData(meetingQuery(created.id).queryKey, created);
            await queryClient.invalidateQueries({ queryKey: ['meetings'], exact: false });
            notifySaved(t, t('meetings.created'));
            await navigate({ to: '/meetings/$meetingId', params: { meetingId: created.id } });
          }}
        />
      </Paper>
    </>
  );
}
