import { Badge } from '@mantine/core';
import type { MeetingStatus } from '@plenum/shared';
import { useTranslation } from 'react-i18next';

const COLORS: Record<MeetingStatus, string> = {
  planned: 'gray',
  announced: 'blue',
  in_session: 'green',
  held: 'teal',
  cancelled: 'red',
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`enums.meetingStatus.${status}`)}
    </Badge>
  );
}

export function AgendaStatusBadge({ status }: { status: 'draft' | 'approved' }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'approved' ? 'green' : 'gray'} variant="outline">
      {t(`enums.agendaStatus.${status}`)}
    </Badge>
  );
}
