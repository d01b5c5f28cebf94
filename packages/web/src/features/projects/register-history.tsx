import { Text } from '@mantine/core';
import type { RegisterHistoryEvent } from '@plenum/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { useText } from '../../components/localized-text.tsx';

// The audit trail records `change` as free JSON; these read it without trusting its shape.
type Change = Record<string, unknown>;
const record = (value: unknown): Change =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Change) : {};
const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const pair = (value: unknown): [unknown, unknown] | null =>
  Array.isArray(value) && value.length === 2 ? [value[0], value[1]] : null;

/**
 * A register entry's history as sentences in the interface language, newest first. `enumOf` names
 * the translation prefix of a field whose values are codes (kind, status…).
 */
export function RegisterHistory({
  events,
  label,
  enumOf,
}: {
  events: RegisterHistoryEvent[];
  label: string;
  enumOf: Record<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useText();
  const field = (name: string) => t(`registerHistory.field.${name}`, { defaultValue: name });
  const value = (name: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') {
      return t('registerHistory.none');
    }
    const prefix = enumOf[name];
    if (prefix && typeof v === 'string') {
      return t(`${prefix}.${v}`);
    }
    if (/date$/i.test(name) && typeof v === 'string') {
      return format.date(v);
    }
    if (name === 'title') {
      return `«${text(record(v) as never)}»`;
    }
    return '';
  };
  const describe = (e: RegisterHistoryEvent): ReactNode[] => {
    const c = record(e.change);
    switch (e.action) {
      case 'create':
        return [t('registerHistory.created')];
      case 'delete':
        return [t('registerHistory.deleted')];
      case 'update':
      case 'status': {
        const lines: ReactNode[] = [];
        for (const [name, raw] of Object.entries(c)) {
          const p = pair(raw);
          if (!p) {
            continue;
          }
          const before = value(name, p[0]);
          const after = value(name, p[1]);
          lines.push(
            before || after
              ? `${field(name)}: ${before} → ${after}`
              : t('registerHistory.changed', { field: field(name) }),
          );
        }
        return lines.length > 0 ? lines : [t('registerHistory.updated')];
      }
      default:
        return [t('registerHistory.other', { action: str(e.action) ?? '' })];
    }
  };
  return (
    <ol aria-label={label} style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {events.map((e) => (
        <li key={e.seq} style={{ marginBottom: 8 }}>
          {describe(e).map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one event never move
            <Text key={i} size="sm" component="div" style={{ overflowWrap: 'break-word' }}>
              {line}
            </Text>
          ))}
          <Text size="xs" c="dimmed" mt={2}>
            {e.actor?.name ?? t('registerHistory.system')} ·{' '}
            <time dateTime={e.at}>{format.dateTime(e.at)}</time>
          </Text>
        </li>
      ))}
    </ol>
  );
}
