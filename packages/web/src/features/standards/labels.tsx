import type { AdoptionStatus, StandardStatus } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { Labelled, type Style } from './register-ui.tsx';

export const STANDARD_STATUS_STYLE: Record<StandardStatus, Style> = {
  planned: { color: 'gray', symbol: '○' },
  in_development: { color: 'blue', symbol: '✎' },
  under_consultation: { color: 'violet', symbol: '◐' },
  adopted: { color: 'green', symbol: '★' },
  withdrawn: { color: 'dark', symbol: '×' },
};

/**
 * Adoption colours for the matrix (a heat map from grey to green, red for refusals) with a short
 * mark that carries the meaning without colour.
 */
export const ADOPTION_STYLE: Record<
  AdoptionStatus,
  Style & { bg: string; fg: string; short: string }
> = {
  pending: { color: 'gray', symbol: '…', bg: '#f1f3f5', fg: '#495057', short: '…' },
  adopted: { color: 'green', symbol: '✓', bg: '#2b8a3e', fg: '#ffffff', short: '✓' },
  adopted_with_reservations: {
    color: 'lime',
    symbol: '✓*',
    bg: '#b2f2bb',
    fg: '#1b4d2a',
    short: '✓*',
  },
  not_adopted: { color: 'red', symbol: '✗', bg: '#ffc9c9', fg: '#862e2e', short: '✗' },
};

export function StandardStatusBadge({ status }: { status: StandardStatus }) {
  const { t } = useTranslation();
  return <Labelled style={STANDARD_STATUS_STYLE[status]} label={t(`standards.status.${status}`)} />;
}

export function AdoptionBadge({ status }: { status: AdoptionStatus }) {
  const { t } = useTranslation();
  return <Labelled style={ADOPTION_STYLE[status]} label={t(`standards.adoption.${status}`)} />;
}
