import { Button, Paper, Text } from '@mantine/core';
import type { AssignmentListItem } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { AssignmentStatusBadge } from '../decisions/status.tsx';
import './implementation.css';
import { useBodiesById, useStateName } from '../directory/lookups.ts';

/** Assignments with their decisions as rows (a list, not a table: the dashboard stays light). */
export function AssignmentRows({
  items,
  empty,
  label,
  onReport,
  canReport = () => true,
}: {
  items: AssignmentListItem[];
  empty: string;
  label: string;
  /** Shown per row when given and the caller may report on it. */
  onReport?: (item: AssignmentListItem) => void;
  canReport?: (item: AssignmentListItem) => boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const text = useText();
  if (items.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="md">
        {empty}
      </Text>
    );
  }
  return (
    <Paper withBorder component="ul" className="plenum-rows" aria-label={label}>
      {items.map((a) => (
        <li key={a.id} className="plenum-row plenum-assignment-row">
          <div className="plenum-row-main">
            <AnchorLink to="/decisions/$decisionId" params={{ decisionId: a.decision.id }} fw={500}>
              {a.decision.number}
            </AnchorLink>{' '}
            <LText value={a.decision.title} size="sm" />
          </div>
          <Text size="sm" className="plenum-row-dates">
            {a.dueDate
              ? t('implementation.dueOn', { date: format.shortDate(a.dueDate) })
              : t('implementation.noDue')}
          </Text>
          <Text size="sm" component="div" className="plenum-row-place">
            {a.memberState ? stateName(a.memberState) : text(bodies.get(a.bodyId ?? '')?.name)}
          </Text>
          <div
            className="plenum-row-status"
            style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}
          >
            <AssignmentStatusBadge status={a.status} overdue={a.overdue} />
            {onReport && canReport(a) && (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => onReport(a)}
                aria-label={t('dashboard.reportOn', { number: a.decision.number })}
              >
                {t('dashboard.report')}
              </Button>
            )}
          </div>
        </li>
      ))}
    </Paper>
  );
}
