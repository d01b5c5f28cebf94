import { Button, Group } from '@mantine/core';
import type { SearchResult, SearchType } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { facetCount, formatFacet, TYPES } from './api.ts';

/** "All" and one button per type, each with its number of hits; the chosen one is pressed. */
export function TypeFilter({
  facets,
  value,
  onChange,
}: {
  facets: Pick<SearchResult, 'facets' | 'facetsCapped'> | undefined;
  value: SearchType | undefined;
  onChange: (type: SearchType | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const count = (type?: SearchType) => (facets ? facetCount(facets, type) : null);
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
            disabled={!pressed && n?.n === 0}
            onClick={() => onChange(type)}
          >
            {type ? t(`search.types.${type}`) : t('search.allTypes')}
            {n !== null && (
              <span style={{ marginInlineStart: 6, opacity: 0.75 }}>
                {formatFacet(n, i18n.language)}
              </span>
            )}
          </Button>
        );
      })}
    </Group>
  );
}
