import { useTranslation } from 'react-i18next';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday", "3 weeks ago" in the interface language. */
export function useRelativeTime() {
  const { i18n } = useTranslation();
  const format = new Intl.RelativeTimeFormat(i18n.language === 'ru' ? 'ru' : 'en', {
    numeric: 'auto',
  });
  return (iso: string, now = Date.now()): string => {
    const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size) {
        return format.format(Math.trunc(seconds / size), unit);
      }
    }
    return format.format(0, 'second');
  };
}
