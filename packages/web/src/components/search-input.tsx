import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/** A search field that reports its text a moment after typing stops. */
export function SearchInput({
  value,
  onSearch,
  ...props
}: Omit<TextInputProps, 'onChange' | 'value'> & {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const report = useDebouncedCallback((v: string) => onSearch(v.trim() || undefined), 300);
  return (
    <TextInput
      type="search"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
      {...props}
    />
  );
}
