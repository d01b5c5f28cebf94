import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  type LocalizedText,
  type Problem,
  pickText,
  type RegisterHistoryEvent,
} from '@plenum/shared';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api.ts';
import { isApiError } from '../../app/api.ts';
import { useFormat } from '../../app/format.ts';
import { exportUrl } from './api.ts';

export type Style = { color: string; symbol: string };

/** A status as a badge: colour, a symbol and the words (never colour alone). */
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

/** A grid of list filters that wraps on a phone. */
export function FilterGrid({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        display: 'grid',
        gap: 'var(--mantine-spacing-sm)',
        gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
      }}
    >
      {children}
    </div>
  );
}

/** CSV and XLSX download links with the list's filters and the interface language. */
export function ExportLinks({ path, query }: { path: string; query: Query }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  return (
    <Group gap="sm">
      {(['xlsx', 'csv'] as const).map((f) => (
        <Anchor key={f} href={exportUrl(`${path}/export.${f}`, query, lang)} download size="sm">
          <IconDownload size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
          {t('standards.export', { format: f.toUpperCase() })}
        </Anchor>
      ))}
    </Group>
  );
}

/** The server's field errors (422) by path, for the fields of a small form. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) {
    return {};
  }
  const problem: Problem = error.problem;
  const out: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    const key = (e.path ?? '').split('.')[0] ?? '';
    out[key] ??= e.message;
  }
  return out;
}

type Change = Record<string, unknown>;
const asRecord = (v: unknown): Change =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Change) : {};

/**
 * A register entry's history from the audit trail, as sentences (newest first). `describe` turns
 * one event into its sentence; the fields that changed are named by `fieldLabel`.
 */
export function RegisterHistory({
  events,
  describe,
}: {
  events: RegisterHistoryEvent[];
  describe: (event: RegisterHistoryEvent, change: Change) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section>
      <Title order={2} fz="h4" mb="xs">
        {t('standards.history')}
      </Title>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        {events.length === 0 ? (
          <Text c="dimmed">{t('standards.noHistory')}</Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {events.map((e) => (
              <li key={e.seq}>
                <Text size="sm">{describe(e, asRecord(e.change))}</Text>
                <Text size="xs" c="dimmed">
                  {e.actor?.name ?? t('history.system')} · {format.dateTime(e.at)}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Paper>
    </section>
  );
}

/** The changed fields of an update, named: "Title, lead state". */
export function changedFields(change: Change, label: (field: string) => string): string {
  return Object.keys(change)
    .filter((k) => Array.isArray(change[k]))
    .map(label)
    .join(', ');
}

/** A value of a change pair: [before, after]. */
export const after = (change: Change, key: string): unknown => {
  const v = change[key];
  return Array.isArray(v) && v.length === 2 ? v[1] : undefined;
};
export const before = (change: Change, key: string): unknown => {
  const v = change[key];
  return Array.isArray(v) && v.length === 2 ? v[0] : undefined;
};

export const textOf = (v: unknown, lang: 'en' | 'ru'): string => {
  if (typeof v === 'string') {
    return v;
  }
  const r = asRecord(v);
  return pickText(r as LocalizedText, lang).text;
};
