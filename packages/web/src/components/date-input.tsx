import '@mantine/dates/styles.css';
import {
  DateInput,
  type DateInputProps,
  DatesProvider,
  TimeInput,
  type TimeInputProps,
} from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/ru';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

const FORMATS = { en: 'D MMM YYYY', ru: 'DD.MM.YYYY' } as const;

/** Calendars and date fields in the interface language. */
export function LocalDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

/**
 * A date field holding YYYY-MM-DD. It shows the date the way the language writes it, and accepts
 * typing in that form or as YYYY-MM-DD.
 */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  return (
    <DateInput
      clearable
      valueFormat={FORMATS[lang]}
      dateParser={(input) => {
        const text = input.trim();
        for (const format of ['YYYY-MM-DD', FORMATS[lang], 'D.M.YYYY', 'D MMMM YYYY']) {
          const parsed = dayjs(text, format, lang, true);
          if (parsed.isValid()) {
            return parsed.format('YYYY-MM-DD');
          }
        }
        return null;
      }}
      {...props}
    />
  );
}

export function TimeField(props: TimeInputProps) {
  return <TimeInput {...props} />;
}
