import { Badge } from '@mantine/core';
import type {
  CommentResolution,
  ConsultationOutcome,
  ConsultationPosition,
  ConsultationStatus,
  DocumentStatus,
} from '@plenum/shared';
import { useTranslation } from 'react-i18next';

type Style = { color: string; symbol: string };

// Colour and, for readers who cannot tell colours apart, a symbol beside the words.
export const DOCUMENT_STATUS_STYLE: Record<DocumentStatus, Style> = {
  draft: { color: 'gray', symbol: '✎' },
  under_consultation: { color: 'blue', symbol: '◐' },
  agreed: { color: 'teal', symbol: '✓' },
  not_agreed: { color: 'orange', symbol: '✗' },
  adopted: { color: 'green', symbol: '★' },
  withdrawn: { color: 'dark', symbol: '×' },
};

const CLASSIFICATION_STYLE: Record<string, Style> = {
  public: { color: 'green', symbol: '◯' },
  internal: { color: 'gray', symbol: '◑' },
  restricted: { color: 'red', symbol: '●' },
};

const POSITION_STYLE: Record<ConsultationPosition | 'none', Style> = {
  concur: { color: 'green', symbol: '✓' },
  concur_with_comments: { color: 'teal', symbol: '✓✎' },
  object: { color: 'red', symbol: '✗' },
  abstain: { color: 'gray', symbol: '–' },
  none: { color: 'gray', symbol: '…' },
};

const RESOLUTION_STYLE: Record<CommentResolution | 'none', Style> = {
  accepted: { color: 'green', symbol: '✓' },
  partially_accepted: { color: 'yellow', symbol: '◐' },
  rejected: { color: 'red', symbol: '✗' },
  none: { color: 'gray', symbol: '…' },
};

function Labelled({ style, label, filled }: { style: Style; label: string; filled?: boolean }) {
  return (
    <Badge
      color={style.color}
      variant={filled ? 'filled' : 'light'}
      // Never cut short (in a table cell too): the words carry the meaning, not the colour.
      styles={{
        root: { flexShrink: 0, textTransform: 'none', maxWidth: 'none', display: 'inline-flex' },
        label: { overflow: 'visible' },
      }}
    >
      <span aria-hidden>{style.symbol} </span>
      {label}
    </Badge>
  );
}

export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  return <Labelled style={DOCUMENT_STATUS_STYLE[status]} label={t(`documents.status.${status}`)} />;
}

export function ClassificationBadge({ classification }: { classification: string }) {
  const { t } = useTranslation();
  return (
    <Labelled
      style={CLASSIFICATION_STYLE[classification] ?? { color: 'gray', symbol: '' }}
      label={t(`documents.classification.${classification}`)}
    />
  );
}

export function PositionBadge({ position }: { position: ConsultationPosition | null }) {
  const { t } = useTranslation();
  const key = position ?? 'none';
  return <Labelled style={POSITION_STYLE[key]} label={t(`consultations.position.${key}`)} />;
}

export function ResolutionBadge({ resolution }: { resolution: CommentResolution | null }) {
  const { t } = useTranslation();
  const key = resolution ?? 'none';
  return <Labelled style={RESOLUTION_STYLE[key]} label={t(`consultations.resolution.${key}`)} />;
}

/** The state of a round: open, or closed with its outcome. */
export function RoundBadge({
  status,
  outcome,
}: {
  status: ConsultationStatus;
  outcome: ConsultationOutcome | null;
}) {
  const { t } = useTranslation();
  if (status === 'open') {
    return (
      <Labelled
        style={{ color: 'blue', symbol: '◐' }}
        label={t('consultations.roundStatus.open')}
      />
    );
  }
  if (outcome === 'agreed') {
    return (
      <Labelled
        style={{ color: 'teal', symbol: '✓' }}
        label={t('consultations.outcome.agreed')}
        filled
      />
    );
  }
  return (
    <Labelled
      style={{ color: 'orange', symbol: '✗' }}
      label={t('consultations.outcome.not_agreed')}
      filled
    />
  );
}
