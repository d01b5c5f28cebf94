import type { Language } from '@plenum/shared';
// The global i18next instance that app/i18n.ts sets up (imported directly: no shared chunk split).
import i18n from 'i18next';

// The strings of the pages that never open first (meeting tabs, directory, account, decisions and
// their implementation) are a chunk of their own per language, so the first routes (login, the
// dashboard, the meetings list) do not carry them (DESIGN §6 budget).
const FILES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../i18n/pages.en.json'),
  ru: () => import('../i18n/pages.ru.json'),
};

const loaded: Partial<Record<Language, Record<string, unknown>>> = {};
let pending: Promise<void> | null = null;

function merge(lang: Language): void {
  const strings = loaded[lang];
  // Only into a language whose main strings are in: adding first would make it look loaded.
  if (strings && i18n.hasResourceBundle(lang, 'translation')) {
    i18n.addResourceBundle(lang, 'translation', strings, true, true);
  }
}

/** Loads the pages' strings in both languages (small), so a language switch needs no wait. */
export function loadPageStrings(): Promise<void> {
  pending ??= Promise.all(
    (['en', 'ru'] as const).map(async (lang) => {
      loaded[lang] = (await FILES[lang]()).default;
      merge(lang);
    }),
  ).then(() => {
    i18n.on('languageChanged', (lang) => merge(lang === 'ru' ? 'ru' : 'en'));
  });
  return pending;
}
