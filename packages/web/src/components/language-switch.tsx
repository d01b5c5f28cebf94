import { Button, Group } from '@mantine/core';
import type { Language } from '@plenum/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../app/auth.ts';
import { notifyError } from '../app/errors.ts';

const NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };
const LANGUAGES = Object.keys(NAMES) as Language[];

/** English / Russian switch; remembered on this device and, when signed in, on the account. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <Group gap={0} role="group" aria-label={t('language.label')} wrap="nowrap">
      {LANGUAGES.map((lang, i) => {
        const active = i18n.language === lang;
        return (
          <Button
            key={lang}
            size="compact-sm"
            variant={active ? 'filled' : 'default'}
            aria-pressed={active}
            lang={lang}
            title={NAMES[lang]}
            // The visible code begins the accessible name (WCAG 2.5.3: label in name).
            aria-label={`${lang.toUpperCase()} — ${NAMES[lang]}`}
            style={
              i === 0
                ? { borderStartEndRadius: 0, borderEndEndRadius: 0 }
                : { borderStartStartRadius: 0, borderEndStartRadius: 0 }
            }
            onClick={() => {
              changeLanguage(queryClient, lang).catch((error: unknown) => notifyError(t, error));
            }}
          >
            {lang.toUpperCase()}
          </Button>
        );
      })}
    </Group>
  );
}
