import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { DecisionListItem, Page } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useText } from '../../components/localized-text.tsx';

/**
 * Chooses a decision, searching the register by number or title as one types (20 at a time).
 * `exclude` leaves one decision out (a decision cannot act on itself).
 */
export function DecisionSelect({
  exclude,
  ...props
}: Omit<SelectProps, 'data'> & { exclude?: string }) {
  const { t } = useTranslation();
  const text = useText();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // The chosen decision is kept, so its option stays while other searches run.
  const [chosen, setChosen] = useState<DecisionListItem | null>(null);
  const label = useCallback((d: DecisionListItem) => `${d.number} ${text(d.title)}`, [text]);
  // After a choice the search box shows the chosen label: that is no search.
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
      if (d.id !== exclude) {
        map.set(d.id, d);
      }
    }
    return map;
  }, [chosen, found.data, exclude]);
  const options = useMemo(
    () => [...byId.values()].map((d) => ({ value: d.id, label: label(d) })),
    [byId, label],
  );
  return (
    <Select
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      {...props}
      onChange={(value, option) => {
        setChosen(value ? (byId.get(value) ?? null) : null);
        props.onChange?.(value, option);
      }}
      data={options}
    />
  );
}
