import { ActionIcon } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Only this button and the key listener are in the first page (DESIGN §6 budget); the dialog with
// its strings loads on first use.
const SearchModal = lazy(() =>
  Promise.all([
    import('./search-modal.tsx'),
    import('../../app/page-strings.ts').then((m) => m.loadPageStrings()),
  ]).then(([m]) => m),
);

/** The header's search button; Ctrl+K / Cmd+K anywhere, and "/" outside a field, open it too. */
export function SearchTrigger() {
  const { t } = useTranslation();
  // undefined: never opened (nothing loaded yet); then kept mounted so the query survives a close.
  const [opened, setOpened] = useState<boolean>();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      const inField = el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
      // By the key's position, so a Russian keyboard layout's Ctrl+Л works as well.
      if ((e.code === 'KeyK' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !inField)) {
        e.preventDefault();
        setOpened(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const label = t('search.open');
  return (
    <>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => setOpened(true)}
        aria-label={label}
        title={`${label} (Ctrl+K)`}
        aria-keyshortcuts="Control+K Meta+K /"
      >
        <IconSearch size={18} aria-hidden />
      </ActionIcon>
      {opened !== undefined && (
        <Suspense fallback={null}>
          <SearchModal opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
