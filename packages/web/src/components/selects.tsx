import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Body, Page, Person } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api.ts';
import { bodiesQuery, memberStatesQuery, personQuery } from '../features/directory/lookups.ts';
import { useText } from './localized-text.tsx';

type Props = Omit<SelectProps, 'data'>;

/** Chooses a member state by code; the options show the name and the code. */
export function MemberStateSelect(props: Props) {
  const { t } = useTranslation();
  const text = useText();
  const { data, isLoading } = useQuery(memberStatesQuery);
  const options = useMemo(
    () =>
      (data ?? [])
        .map((s) => ({ value: s.code, label: `${text(s.name)} (${s.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data, text],
  );
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      placeholder={isLoading ? t('common.loading') : undefined}
      {...props}
      data={options}
    />
  );
}

/** Chooses a body; optionally only bodies of some kinds. */
export function BodySelect({
  kinds,
  exclude,
  ...props
}: Props & { kinds?: Body['kind'][]; exclude?: string }) {
  const { t } = useTranslation();
  const text = useText();
  const { data, isLoading } = useQuery(bodiesQuery);
  const options = useMemo(
    () =>
      (data ?? [])
        .filter((b) => (!kinds || kinds.includes(b.kind)) && b.id !== exclude)
        .map((b) => ({ value: b.id, label: text(b.name) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [data, text, kinds, exclude],
  );
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      placeholder={isLoading ? t('common.loading') : undefined}
      {...props}
      data={options}
    />
  );
}

/** Chooses a person, searching the directory as one types. */
export function PersonSelect(props: Props) {
  const { t } = useTranslation();
  const text = useText();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const value = typeof props.value === 'string' ? props.value : null;
  const selected = useQuery({ ...personQuery(value ?? ''), enabled: value !== null });
  const personLabel = useCallback(
    (p: Person) => (p.memberState ? `${text(p.name)} (${p.memberState})` : text(p.name)),
    [text],
  );
  // After a choice the search box shows the chosen label: that is no search.
  const q = selected.data && debounced === personLabel(selected.data) ? '' : debounced.trim();
  const found = useQuery({
    queryKey: ['persons', 'search', q],
    queryFn: () => api.get<Page<Person>>('/persons', { q: q || undefined, limit: 20 }),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const persons = new Map<string, Person>();
    if (selected.data) {
      persons.set(selected.data.id, selected.data);
    }
    for (const p of found.data?.items ?? []) {
      persons.set(p.id, p);
    }
    return [...persons.values()].map((p) => ({ value: p.id, label: personLabel(p) }));
  }, [selected.data, found.data, personLabel]);
  return (
    <Select
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      {...props}
      data={options}
    />
  );
}
