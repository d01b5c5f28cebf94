import { Group, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { type JSX, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { meetingQuery } from './api.ts';
import { AgendaStatusBadge, MeetingStatusBadge } from './status-badge.tsx';

// "Write announcement" (secretariat): the news chunk loads with it, not with the meeting page.
const AnnouncementAction = lazy(() => import('../news/announcement-action.tsx'));

const TABS = [
  'overview',
  'agenda',
  'session',
  'participants',
  'councils',
  'implementation',
] as const;
type Tab = (typeof TABS)[number];

/**
 * A meeting: its title and status, and tabs for overview, agenda, session, participants and
 * councils.
 */
export function MeetingLayout(): JSX.Element {
  const { t } = useTranslation();
  const { meetingId } = useParams({ from: '/app/meetings/$meetingId' });
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const meeting = useQuery(meetingQuery(meetingId));
  const last = pathname.replace(/\/$/, '').split('/').pop() ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(last) ? (last as Tab) : 'overview';

  if (meeting.isPending) {
    return <PageLoader />;
  }
  if (meeting.isError) {
    return <LoadError error={meeting.error} retry={() => meeting.refetch()} />;
  }
  const m = meeting.data;
  const go = (value: string | null) => {
    const params = { meetingId };
    switch (value) {
      case 'agenda':
        return navigate({ to: '/meetings/$meetingId/agenda', params });
      case 'session':
        return navigate({ to: '/meetings/$meetingId/session', params });
      case 'participants':
        return navigate({ to: '/meetings/$meetingId/participants', params });
      case 'councils':
        return navigate({ to: '/meetings/$meetingId/councils', params });
      case 'implementation':
        return navigate({ to: '/meetings/$meetingId/implementation', params });
      default:
        return navigate({ to: '/meetings/$meetingId', params });
    }
  };

  return (
    <>
      <PageHeader
        title={<LText value={m.name} inherit />}
        crumbs={[{ label: t('meetings.title'), to: '/meetings' }]}
        badge={
          <Group gap={6}>
            <MeetingStatusBadge status={m.status} />
            <AgendaStatusBadge status={m.agendaStatus} />
          </Group>
        }
        actions={
          <Suspense fallback={null}>
            <AnnouncementAction meeting={m} />
          </Suspense>
        }
      />
      <Tabs value={tab} onChange={go} mb="lg" keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} style={{ whiteSpace: 'nowrap' }}>
              {t(`meeting.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
