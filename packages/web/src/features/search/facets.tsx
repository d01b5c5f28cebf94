import { Button, Group } from '@mantine/core';
import type { SearchResult, SearchType } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { TYPES } from './api.ts';

/** "All" and one button per type, each with its number of hits; the chosen one is pressed. */
export function TypeFilter({
  facets,
  value,
  onChange,
}: {
  facets: SearchResult['facets'] | undefined;
  value: SearchType | undefined;
  onChange: (type: SearchType | undefined) => void;
}) {
  const { t } = useTranslation();
  const count = (type?: SearchType) =>
    facets ? (type ? (facets[type] ?? 0) : TYPES.reduce((n, k) => n + (facets[k] ?? 0), 0)) : null;
  const options: (SearchType | undefined)[] = [undefined, ...TYPES];
  return (
    <Group gap={6} role="group" aria-label={t('search.filterLabel')}>
      {options.map((type) => {
        const n = count(type);
        const pressed = value === type;
        return (
          <Button
            key={type ?? 'all'}
            size="compact-sm"
            radius="xl"
            variant={pressed ? 'filled' : 'default'}
            aria-pressed={pressed}
            disabled={!pressed && n === 0}
            onClick={() => onChange(type)}
          >
            {type ? t(`search.types.${type}`) : t('search.allTypes')}
            {n !== null && <span style={{ marginInlineStart: 6, opacity: 0.75 }}>{n}</span>}
          </Button>
        );
      })}
    </Group>
  );
}
