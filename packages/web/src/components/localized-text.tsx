import { Badge, Text, type TextProps } from '@mantine/core';
import { type LocalizedText, pickText } from '@plenum/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../app/i18n.ts';

/** A picker of LocalizedText in the interface language (plain string, for options and titles). */
export function useText() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  return useCallback((text: LocalizedText | null | undefined) => pickText(text, lang).text, [lang]);
}

/** The marker shown beside a text that is only available in the other language. */
export function FallbackMarker({ lang }: { lang: 'en' | 'ru' }) {
  const { t } = useTranslation();
  return (
    <Badge
      component="abbr"
      title={t(`fallback.${lang}`)}
      aria-label={t(`fallback.${lang}`)}
      size="xs"
      variant="light"
      color="orange"
      ml={6}
      style={{ verticalAlign: 'middle', textDecoration: 'none' }}
    >
      {lang.toUpperCase()}
    </Badge>
  );
}

/**
 * Shows a LocalizedText in the interface language; when only the other language is there it shows
 * that one, marked (DESIGN §2).
 */
export function LText({
  value,
  empty = '—',
  ...props
}: { value: LocalizedText | null | undefined; empty?: string } & TextProps) {
  const picked = pickText(value, currentLanguage());
  if (!picked.text) {
    return (
      <Text span c="dimmed" {...props}>
        {empty}
      </Text>
    );
  }
  return (
    <Text span lang={picked.fallback ? picked.lang : undefined} {...props}>
      {picked.text}
      {picked.fallback && <FallbackMarker lang={picked.lang} />}
    </Text>
  );
}
