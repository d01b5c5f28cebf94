import { Badge, Button, Group } from '@mantine/core';
import type { LinkedDecision, ProjectStatus } from '@plenum/shared';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { exportUrl } from './api.ts';

type Style = { color: string; symbol: string };

// Colour and a symbol beside the words: the status is never told by colour alone.
const PROJECT_STATUS_STYLE: Record<ProjectStatus, Style> = {
  proposed: { color: 'gray', symbol: '✎' },
  approved: { color: 'blue', symbol: '✓' },
  active: { color: 'teal', symbol: '▶' },
  completed: { color: 'green', symbol: '★' },
  terminated: { color: 'dark', symbol: '×' },
};

const PROTECTION_STYLE: Record<string, Style> = {
  filed: { color: 'blue', symbol: '◐' },
  granted: { color: 'green', symbol: '✓' },
  refused: { color: 'red', symbol: '✗' },
  expired: { color: 'gray', symbol: '⌛' },
};

export function Labelled({ style, label }: { style: Style; label: string }) {
  return (
    <Badge
      color={style.color}
      variant="light"
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

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <Labelled style={PROJECT_STATUS_STYLE[status]} label={t(`projects.status.${status}`)} />;
}

export function ProtectionBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Labelled
      style={PROTECTION_STYLE[status] ?? { color: 'gray', symbol: '•' }}
      label={t(`ipResults.protection.${status}`)}
    />
  );
}

/** CSV and XLSX downloads of a register with its current filters. */
export function ExportLinks({ path, query }: { path: string; query: Query }) {
  const { t, i18n } = useTranslation();
  const link = (format: 'csv' | 'xlsx') => (
    <Button
      component="a"
      href={exportUrl(`${path}/export.${format}`, query, i18n.language)}
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
      download
    >
      {t(`projects.export.${format}`)}
    </Button>
  );
  return (
    <Group gap="xs">
      {link('csv')}
      {link('xlsx')}
    </Group>
  );
}

/** Decisions that approved or steer an entry, each linking to its page. */
export function DecisionLinks({ decisions }: { decisions: LinkedDecision[] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) {
    return <>{t('projects.none')}</>;
  }
  return (
    <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
      {decisions.map((d) => (
        <li key={d.id}>
          <AnchorLink to="/decisions/$decisionId" params={{ decisionId: d.id }}>
            {d.number}
          </AnchorLink>{' '}
          <LText value={d.title} />
        </li>
      ))}
    </ul>
  );
}

/** Server-rendered HTML in the interface language, else the other one. */
export const pickHtml = (html: { en?: string; ru?: string }, lang: string): string =>
  (lang === 'ru' ? (html.ru ?? html.en) : (html.en ?? html.ru)) ?? '';
