import { Group, Paper, Text } from '@mantine/core';
import type { Meeting } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { useStateName } from '../directory/lookups.ts';
import { MeetingStatusBadge } from './status-badge.tsx';

function Place({ meeting }: { meeting: Meeting }) {
  const stateName = useStateName();
  if (!meeting.location) {
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  }
  return (
    <span>
      <LText value={meeting.location.city} />
      <Text span c="dimmed">
        {', '}
        {stateName(meeting.location.country)}
      </Text>
    </span>
  );
}

/**
 * Meetings as a list of rows: one line of columns on a wide screen, stacked on a phone. (A list
 * rather than a table keeps the first page light: Mantine's Table brings its scroll area along.)
 */
export function MeetingRows({ meetings, empty }: { meetings: Meeting[]; empty: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (meetings.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        {empty}
      </Text>
    );
  }
  return (
    <Paper withBorder component="ul" className="plenum-rows" aria-label={t('meetings.title')}>
      {meetings.map((m) => (
        <li key={m.id} className="plenum-row">
          <div className="plenum-row-main">
            <AnchorLink to="/meetings/$meetingId" params={{ meetingId: m.id }} fw={500}>
              <LText value={m.name} />
            </AnchorLink>
          </div>
          <Text size="sm" className="plenum-row-dates">
            {format.dateRange(m.startDate, m.endDate)}
            {m.startTime && (
              <Text span size="xs" c="dimmed">
                {' · '}
                {m.startTime}
              </Text>
            )}
          </Text>
          <Text size="sm" component="div" className="plenum-row-place">
            <Place meeting={m} />
          </Text>
          <Group className="plenum-row-status">
            <MeetingStatusBadge status={m.status} />
          </Group>
        </li>
      ))}
    </Paper>
  );
}
