import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const locale = (lang: string) => (lang === 'ru' ? 'ru-RU' : 'en-GB');

/** A calendar date (YYYY-MM-DD) as a Date at UTC midnight, so no time zone moves its day. */
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Date and time formatting in the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale(lang), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const short = new Intl.DateTimeFormat(locale(lang), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const stamp = new Intl.DateTimeFormat(locale(lang), {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return {
      date: (iso: string | null | undefined) => (iso ? day.format(utcDate(iso)) : ''),
      shortDate: (iso: string | null | undefined) => (iso ? short.format(utcDate(iso)) : ''),
      /** "12–13 March 2026", or one date when both are the same day. */
      dateRange: (start: string, end: string | null | undefined) =>
        !end || end === start
          ? day.format(utcDate(start))
          : day.formatRange(utcDate(start), utcDate(end)),
      dateTime: (iso: string | null | undefined) => (iso ? stamp.format(new Date(iso)) : ''),
      /** The offset of a time zone on a date, e.g. "UTC+5". */
      utcOffset: (timeZone: string, isoDate: string) => {
        try {
          const parts = new Intl.DateTimeFormat('en-US', {
            timeZone,
            timeZoneName: 'shortOffset',
          }).formatToParts(new Date(`${isoDate}T12:00:00Z`));
          return (parts.find((p) => p.type === 'timeZoneName')?.value ?? '').replace('GMT', 'UTC');
        } catch {
          return '';
        }
      },
    };
  }, [lang]);
}
