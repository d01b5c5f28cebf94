import { Box, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ProposalPosition, ProposalStatePosition } from '@plenum/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { DataTable } from '../../components/data-table.tsx';
import { LText } from '../../components/localized-text.tsx';
import { ProposalPositionBadge } from './labels.tsx';
import { POSITION_MARK } from './marks.ts';

export interface PositionRow {
  code: string;
  /** "State name (CODE)". */
  label: string;
  /** Absent from the meeting in session: no position to take. */
  absent?: boolean;
  recorded: ProposalStatePosition | undefined;
  action?: ReactNode;
}

function Position({ row }: { row: PositionRow }) {
  const { t } = useTranslation();
  if (row.absent) {
    return (
      <Text span c="dimmed" size="sm">
        <span aria-hidden>{POSITION_MARK.absent.symbol} </span>
        {t('sessions.absent')}
      </Text>
    );
  }
  return <ProposalPositionBadge position={(row.recorded?.position as ProposalPosition) ?? null} />;
}

/** Each delegation's position: a card per state on a phone, a table from a tablet up. */
export function PositionsList({ rows, stamps }: { rows: PositionRow[]; stamps?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stamp = (r: PositionRow) =>
    r.recorded && (
      <Text size="xs" c="dimmed">
        {format.dateTime(r.recorded.recordedAt)} · {r.recorded.recordedBy}
      </Text>
    );
  return (
    <>
      <Stack gap="xs" hiddenFrom="sm">
        {rows.map((r) => (
          <Paper key={r.code} withBorder p="sm">
            <Group justify="space-between" gap={6} mb={4}>
              <Text fw={600}>{r.label}</Text>
              <Position row={r} />
            </Group>
            {r.recorded?.reservation && (
              <LText value={r.recorded.reservation} size="sm" style={{ whiteSpace: 'pre-wrap' }} />
            )}
            {stamps && stamp(r)}
            {r.action && <Group mt="xs">{r.action}</Group>}
          </Paper>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <DataTable
          caption={t('sessions.positions')}
          minWidth={560}
          head={[
            t('sessions.delegation'),
            t('sessions.positionLabel'),
            t('sessions.reservation'),
            ...(stamps ? [t('sessions.recorded')] : []),
            <VisuallyHidden key="a">{t('common.actions')}</VisuallyHidden>,
          ]}
        >
          {rows.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Position row={r} />
              </Table.Td>
              <Table.Td>
                <LText value={r.recorded?.reservation} style={{ whiteSpace: 'pre-wrap' }} />
              </Table.Td>
              {stamps && <Table.Td>{stamp(r) ?? '—'}</Table.Td>}
              <Table.Td>{r.action}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Box>
    </>
  );
}
