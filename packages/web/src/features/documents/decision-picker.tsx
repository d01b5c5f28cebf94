import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { DecisionListItem, Page } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useText } from '../../components/localized-text.tsx';

/** Chooses the adopting decision, searching the register (/decisions?q=) as one types. */
export function DecisionPicker(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const text = useText();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<DecisionListItem | null>(null);
  const label = (d: DecisionListItem) => `${d.number} ${text(d.title)}`;
  // After a choice the box shows the chosen label: that is no search.
  const q = chosen && debounced === label(chosen) ? '' : debounced.trim();
  const found = useQuery({
    queryKey: ['decisions', 'search', q],
    queryFn: () => api.get<Page<DecisionListItem>>('/decisions', { q: q || undefined, limit: 20 }),
    staleTime: 30_000,
  });
  const byId = useMemo(() => {
    const map = new Map<string, DecisionListItem>();
    if (chosen) {
      map.set(chosen.id, chosen);
    }
    for (const d of found.data?.items ?? []) {
      map.set(d.id, d);
    }
    return map;
  }, [chosen, found.data]);
  return (
    <Select
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      {...props}
      onChange={(value, option) => {
        setChosen(value ? (byId.get(value) ?? null) : null);
        props.onChange?.(value, option);
      }}
      data={[...byId.values()].map((d) => ({ value: d.id, label: label(d) }))}
    />
  );
}
