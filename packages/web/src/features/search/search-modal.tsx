import '@mantine/core/styles/Kbd.css';
import { Anchor, Group, Kbd, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { SearchHit, SearchType } from '@plenum/shared';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../app/errors.ts';
import { facetCount, fetchSearch, formatFacet, QUERY_MAX, routerPath, searchKey } from './api.ts';
import { TypeFilter } from './facets.tsx';
import { HitView } from './hit.tsx';

const LIMIT = 8;

/** Search as you type: the best hits by type, opened by keyboard or pointer. */
export default function SearchModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const id = useId();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim().slice(0, QUERY_MAX), 200);
  const [type, setType] = useState<SearchType>();
  const [active, setActive] = useState(0);
  const params = { q, type, lang: i18n.language, limit: LIMIT };
  const result = useQuery({
    queryKey: searchKey(params),
    queryFn: ({ signal }) => fetchSearch(params, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
  const hits = q && result.data ? result.data.items : [];
  // A new query or filter starts again at the best hit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the query or type changes
  useEffect(() => setActive(0), [q, type]);

  const open = (hit: SearchHit) => {
    onClose();
    void navigate({ href: routerPath(hit.url) });
  };
  const showAll = () => {
    onClose();
    void navigate({ to: '/search', search: { q, type } });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.min(Math.max(a + step, 0), Math.max(hits.length - 1, 0)));
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      const hit = hits[active];
      if (hit) {
        open(hit);
      } else if (q) {
        showAll();
      }
    }
  };
  const listId = `${id}-hits`;
  const optionId = (i: number) => `${id}-hit-${i}`;
  const total = formatFacet(
    result.data ? facetCount(result.data, type) : { n: 0, capped: false },
    i18n.language,
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('search.dialogTitle')}
      size="lg"
      fullScreen={phone}
      yOffset="8vh"
      returnFocus
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          type="search"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits[active] ? optionId(active) : undefined}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={result.isFetching ? <Loader size="xs" /> : null}
          value={text}
          maxLength={QUERY_MAX}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        {q && result.data && <TypeFilter facets={result.data} value={type} onChange={setType} />}
        {!q ? (
          <Text size="sm" c="dimmed">
            {t('search.hint')}
          </Text>
        ) : result.isError ? (
          <Text size="sm" c="red.7" role="alert">
            {problemMessage(t, result.error)}
          </Text>
        ) : result.data && hits.length === 0 ? (
          <Text size="sm" c="dimmed" role="status">
            {t('search.none', { q })}
          </Text>
        ) : null}
        <div
          id={listId}
          role="listbox"
          tabIndex={-1}
          aria-label={t('search.results')}
          className="plenum-hits"
          hidden={hits.length === 0}
        >
          {hits.map((hit, i) => (
            // The input keeps the focus (aria-activedescendant) and handles the keys.
            // biome-ignore lint/a11y/useKeyWithClickEvents: arrows and Enter work in the input
            <div
              key={`${hit.type}-${hit.id}`}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              aria-labelledby={`${optionId(i)}-title`}
              onMouseMove={() => setActive(i)}
              onClick={() => open(hit)}
            >
              <HitView hit={hit} titleId={`${optionId(i)}-title`} />
            </div>
          ))}
        </div>
        {q && result.data && hits.length > 0 && (
          <Group justify="space-between" gap="xs">
            <Anchor component="button" type="button" size="sm" onClick={showAll}>
              {t('search.showAll', { n: total })}
            </Anchor>
            <Text size="xs" c="dimmed" visibleFrom="sm">
              <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('search.keysMove')} ·{' '}
              <Kbd size="xs">Enter</Kbd> {t('search.keysOpen')} · <Kbd size="xs">Esc</Kbd>{' '}
              {t('search.keysClose')}
            </Text>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
