import { Badge } from '@mantine/core';
import type { ProposalPosition, ProposalStatus } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { type Mark, POSITION_MARK, STATUS_MARK } from './marks.ts';

function Labelled({ mark, label }: { mark: Mark; label: string }) {
  return (
    <Badge
      color={mark.color}
      variant="light"
      // The words carry the meaning, not the colour: never cut short.
      styles={{
        root: { flexShrink: 0, textTransform: 'none', maxWidth: 'none', display: 'inline-flex' },
        label: { overflow: 'visible' },
      }}
    >
      <span aria-hidden>{mark.symbol} </span>
      {label}
    </Badge>
  );
}

export function ProposalPositionBadge({ position }: { position: ProposalPosition | null }) {
  const { t } = useTranslation();
  const key = position ?? 'none';
  return <Labelled mark={POSITION_MARK[key]} label={t(`sessions.position.${key}`)} />;
}

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Labelled mark={STATUS_MARK[status]} label={t(`sessions.status.${status}`)} />;
}
