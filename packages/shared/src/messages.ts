/**
 * Validation messages that schemas use as keys, in every interface language. The server
 * answers in the caller's language; the web client reads the same table.
 */
export const VALIDATION_MESSAGES = {
  'v.localizedText': {
    en: 'Give the text in at least one language',
    ru: 'Укажите текст хотя бы на одном языке',
  },
  'v.stateCode': {
    en: 'Use a three-letter ISO 3166-1 alpha-3 code in capitals',
    ru: 'Укажите трёхбуквенный код ISO 3166-1 alpha-3 заглавными буквами',
  },
  'v.timeZone': {
    en: 'Use an IANA time zone such as Asia/Dushanbe',
    ru: 'Укажите часовой пояс IANA, например Asia/Dushanbe',
  },
  'v.time': { en: 'Use the 24-hour form HH:MM', ru: 'Укажите время в формате ЧЧ:ММ' },
  'v.slug': {
    en: 'Use lower-case letters, digits and single hyphens',
    ru: 'Используйте строчные латинские буквы, цифры и одиночные дефисы',
  },
  'v.password': { en: 'Use at least 12 characters', ru: 'Не менее 12 символов' },
} as const;
export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(key: string, lang: 'en' | 'ru'): string | undefined {
  return (VALIDATION_MESSAGES as Record<string, { en: string; ru: string }>)[key]?.[lang];
}
