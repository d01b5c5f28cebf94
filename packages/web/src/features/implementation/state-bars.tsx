import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface BarParts {
  implemented: number;
  open: number;
  overdue: number;
}

const COLORS = {
  implemented: 'var(--mantine-color-green-6)',
  open: 'var(--mantine-color-blue-4)',
  overdue: 'var(--mantine-color-red-6)',
} as const;

/** A horizontal bar in three parts, drawn with CSS; the numbers are written beside it. */
export function PartsBar({ label, parts }: { label: string; parts: BarParts }) {
  const { t } = useTranslation();
  // Overdue assignments are open ones too: the bar shows open-but-not-overdue as "open".
  const pending = Math.max(parts.open - parts.overdue, 0);
  const total = parts.implemented + pending + parts.overdue || 1;
  const segments = [
    { key: 'implemented', value: parts.implemented, color: COLORS.implemented },
    { key: 'open', value: pending, color: COLORS.open },
    { key: 'overdue', value: parts.overdue, color: COLORS.overdue },
  ];
  const summary = t('dashboard.barSummary', {
    implemented: parts.implemented,
    open: parts.open,
    overdue: parts.overdue,
  });
  return (
    <div style={{ display: 'grid', gap: 2 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {summary}
        </Text>
      </div>
      <div
        role="img"
        aria-label={`${label}: ${summary}`}
        style={{
          display: 'flex',
          height: 10,
          borderRadius: 5,
          overflow: 'hidden',
          background: 'var(--mantine-color-gray-2)',
        }}
      >
        {segments.map((s) =>
          s.value > 0 ? (
            <div
              key={s.key}
              style={{
                width: `${(100 * s.value) / total}%`,
                background: s.color,
                // A pattern on overdue, so it is not told by colour alone.
                backgroundImage:
                  s.key === 'overdue'
                    ? 'repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,.45) 3px 5px)'
                    : undefined,
              }}
            />
          ) : null,
        )}
      </div>
    </div>
  );
}

export function BarLegend() {
  const { t } = useTranslation();
  const item = (color: string, text: string, striped?: boolean) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <span
        aria-hidden
        style={{
          width: 12,
          height: 10,
          borderRadius: 2,
          background: color,
          backgroundImage: striped
            ? 'repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,.45) 3px 5px)'
            : undefined,
        }}
      />
      <Text span size="xs">
        {text}
      </Text>
    </span>
  );
  return (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      {item(COLORS.implemented, t('dashboard.legendImplemented'))}
      {item(COLORS.open, t('dashboard.legendOpen'))}
      {item(COLORS.overdue, t('dashboard.legendOverdue'), true)}
    </div>
  );
}
