import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A native select for list filters (light, and the same look as BodyFilter). */
export function NativeFilter({
  label,
  value,
  onChange,
  options,
  allLabel,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
  allLabel?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
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
        <option value="">{allLabel ?? t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
