import { Modal, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';
import { reportsQuery } from './api.ts';
import { AssignmentStatusBadge } from './status.tsx';

export interface HistoryTarget {
  decisionId: string;
  assignmentId: string;
  label: string;
}

/** Every report on one assignment, newest first. */
export function ReportHistory({ decisionId, assignmentId }: HistoryTarget) {
  const { t } = useTranslation();
  const format = useFormat();
  const reports = useQuery(reportsQuery(decisionId, assignmentId));
  if (reports.isPending) {
    return <PageLoader />;
  }
  if (reports.isError) {
    return <LoadError error={reports.error} retry={() => reports.refetch()} />;
  }
  if (reports.data.items.length === 0) {
    return <Text c="dimmed">{t('reports.none')}</Text>;
  }
  return (
    <Timeline bulletSize={14} lineWidth={2} active={reports.data.items.length}>
      {reports.data.items.map((r) => (
        <Timeline.Item
          key={r.id}
          title={
            <span
              style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}
            >
              <Text span fw={500}>
                {format.date(r.reportedOn)}
              </Text>
              <AssignmentStatusBadge status={r.status} />
            </span>
          }
        >
          <Stack gap={2}>
            {r.text && <LText value={r.text} size="sm" style={{ whiteSpace: 'pre-wrap' }} />}
            <Text size="xs" c="dimmed">
              {t('reports.by', { name: r.reportedBy.name })}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export function ReportHistoryModal({
  target,
  onClose,
}: {
  target: HistoryTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={t('reports.historyTitle', { what: target?.label ?? '' })}
      size="lg"
    >
      {target && <ReportHistory {...target} />}
    </Modal>
  );
}
