import type { Language } from '@plenum/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from './api.ts';

const STORAGE_KEY = 'plenum.language';

// Each language's strings are a chunk of their own: only the one in use is loaded.
const RESOURCES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../i18n/en.json'),
  ru: () => import('../i18n/ru.json'),
};

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ru') {
    return stored;
  }
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

function applyLanguage(lang: Language): void {
  setApiLanguage(lang);
  document.documentElement.lang = lang;
}

async function ensureLoaded(lang: Language): Promise<void> {
  if (!i18n.hasResourceBundle(lang, 'translation')) {
    const { default: strings } = await RESOURCES[lang]();
    i18n.addResourceBundle(lang, 'translation', strings);
  }
}

/** Starts i18next with the remembered (or the browser's) language; resolves once its strings are in. */
export async function initI18n(): Promise<void> {
  const first = initialLanguage();
  applyLanguage(first);
  await i18n.use(initReactI18next).init({
    resources: {},
    lng: first,
    fallbackLng: false,
    supportedLngs: ['en', 'ru'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureLoaded(first);
}

/** The current interface language. */
export const currentLanguage = (): Language => (i18n.language === 'ru' ? 'ru' : 'en');

/** Switches the interface language and remembers it on this device. */
export async function setLanguage(lang: Language): Promise<void> {
  await ensureLoaded(lang);
  localStorage.setItem(STORAGE_KEY, lang);
  applyLanguage(lang);
  await i18n.changeLanguage(lang);
}

export { i18n };
