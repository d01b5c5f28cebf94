import { Group, Progress, Text } from '@mantine/core';
import type { MeasureStatus, ProgramStatus } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { Labelled, type Style } from '../standards/register-ui.tsx';

export const PROGRAM_STATUS_STYLE: Record<ProgramStatus, Style> = {
  planned: { color: 'gray', symbol: '○' },
  active: { color: 'blue', symbol: '▶' },
  completed: { color: 'green', symbol: '✓' },
  cancelled: { color: 'dark', symbol: '×' },
};

export const MEASURE_STATUS_STYLE: Record<MeasureStatus, Style & { bar: string }> = {
  planned: { color: 'gray', symbol: '○', bar: '#adb5bd' },
  in_progress: { color: 'blue', symbol: '◐', bar: '#4c6ef5' },
  completed: { color: 'green', symbol: '✓', bar: '#2f9e44' },
  cancelled: { color: 'dark', symbol: '×', bar: '#868e96' },
};

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return <Labelled style={PROGRAM_STATUS_STYLE[status]} label={t(`programs.status.${status}`)} />;
}

export function MeasureStatusBadge({
  status,
  overdue,
}: {
  status: MeasureStatus;
  overdue?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Labelled
        style={MEASURE_STATUS_STYLE[status]}
        label={t(`programs.measureStatus.${status}`)}
      />
      {overdue && <Labelled style={{ color: 'red', symbol: '!' }} label={t('programs.overdue')} />}
    </Group>
  );
}

/** Progress as a bar with its number (the number carries it without the bar). */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: '8rem' }}>
      <Progress
        value={value ?? 0}
        style={{ flex: 1 }}
        aria-label={label}
        size="md"
        color={value === 100 ? 'green' : 'indigo'}
      />
      <Text size="sm" fw={600} style={{ minWidth: '3em', textAlign: 'end' }}>
        {value === null ? t('programs.noProgress') : `${value}%`}
      </Text>
    </Group>
  );
}
