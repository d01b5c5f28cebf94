import { useQuery } from '@tanstack/react-query';
import { useText } from '../../components/localized-text.tsx';
import { memberStatesQuery } from '../directory/lookups.ts';
import { NativeFilter } from '../documents/native-filter.tsx';

/** A member-state filter (native select, like the other list filters). */
export function StateFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const text = useText();
  const { data } = useQuery(memberStatesQuery);
  return (
    <NativeFilter
      label={label}
      value={value}
      onChange={onChange}
      options={(data ?? [])
        .map((s) => ({ value: s.code, label: `${text(s.name)} (${s.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label))}
    />
  );
}
