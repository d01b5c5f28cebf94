import { Badge } from '@mantine/core';
import type { AssignmentStatus, DecisionStatus } from '@plenum/shared';
import { useTranslation } from 'react-i18next';

/** Colour and, for readers who cannot tell colours apart, a symbol beside the words. */
export const DECISION_STATUS_STYLE: Record<DecisionStatus, { color: string; symbol: string }> = {
  in_progress: { color: 'blue', symbol: '◐' },
  overdue: { color: 'red', symbol: '!' },
  implemented: { color: 'green', symbol: '✓' },
  cancelled: { color: 'gray', symbol: '×' },
  superseded: { color: 'grape', symbol: '↷' },
};

export const ASSIGNMENT_STATUS_STYLE: Record<AssignmentStatus, { color: string; symbol: string }> =
  {
    pending: { color: 'gray', symbol: '○' },
    in_progress: { color: 'blue', symbol: '◐' },
    implemented: { color: 'green', symbol: '✓' },
    not_implemented: { color: 'orange', symbol: '✗' },
    not_applicable: { color: 'teal', symbol: '–' },
  };

export function DecisionStatusBadge({ status }: { status: DecisionStatus }) {
  const { t } = useTranslation();
  const style = DECISION_STATUS_STYLE[status];
  return (
    <Badge color={style.color} variant="light" style={{ flexShrink: 0 }}>
      <span aria-hidden>{style.symbol} </span>
      {t(`enums.decisionStatus.${status}`)}
    </Badge>
  );
}

export function AssignmentStatusBadge({
  status,
  overdue,
}: {
  status: AssignmentStatus;
  overdue?: boolean;
}) {
  const { t } = useTranslation();
  const style = ASSIGNMENT_STATUS_STYLE[status];
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      <Badge color={style.color} variant="light" style={{ flexShrink: 0 }}>
        <span aria-hidden>{style.symbol} </span>
        {t(`enums.assignmentStatus.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>
          <span aria-hidden>! </span>
          {t('implementation.overdue')}
        </Badge>
      )}
    </span>
  );
}
