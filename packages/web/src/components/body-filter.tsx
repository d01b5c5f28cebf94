import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { bodiesQuery } from '../features/directory/lookups.ts';
import { useText } from './localized-text.tsx';

/**
 * A select of bodies for list filters: the browser's own control with Mantine's look (see
 * app.css), light enough for the first page (DESIGN §6 budget).
 */
export function BodyFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const id = useId();
  const { data } = useQuery(bodiesQuery);
  const options = useMemo(
    () =>
      (data ?? [])
        .map((b) => ({ value: b.id, label: text(b.name) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data, text],
  );
  return (
    <div className="plenum-field">
      <label htmlFor={id} className="plenum-label">
        {label}
      </label>
      <select
        id={id}
        className="plenum-select"
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
      >
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
