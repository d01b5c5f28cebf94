import type { FormErrors } from '@mantine/form';
import { type LocalizedText, validationMessage } from '@plenum/shared';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { currentLanguage } from './i18n.ts';

/** A LocalizedText as a form holds it: both languages, empty when absent. */
export type TextValues = { en: string; ru: string };

export const emptyText = (): TextValues => ({ en: '', ru: '' });
export const textValues = (text: LocalizedText | null | undefined): TextValues => ({
  en: text?.en ?? '',
  ru: text?.ru ?? '',
});

/** Form text → LocalizedText, or null when both languages are empty. */
export function toText(values: TextValues): LocalizedText | null {
  const out: LocalizedText = {};
  const en = values.en.trim();
  const ru = values.ru.trim();
  if (en) {
    out.en = en;
  }
  if (ru) {
    out.ru = ru;
  }
  return en || ru ? out : null;
}

/** Like toText, but an empty text stays an (invalid) empty object so the schema reports it. */
export const toRequiredText = (values: TextValues): LocalizedText => toText(values) ?? {};

export const orNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

type Issue = z.core.$ZodIssue;

/** A Zod issue in the interface language: the shared message keys first, then by issue code. */
export function issueMessage(t: TFunction, issue: Issue): string {
  const own = validationMessage(issue.message, currentLanguage());
  if (own) {
    return own;
  }
  switch (issue.code) {
    case 'invalid_type':
      return t('validation.required');
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) {
        return t('validation.required');
      }
      if (issue.origin === 'string') {
        return t('validation.minLength', { count: Number(issue.minimum) });
      }
      return t('validation.minNumber', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') {
        return t('validation.maxLength', { count: Number(issue.maximum) });
      }
      return t('validation.maxNumber', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') {
        return t('validation.email');
      }
      if (issue.format === 'date') {
        return t('validation.date');
      }
      return t('validation.format');
    case 'invalid_value':
      return t('validation.choice');
    default:
      return t('validation.invalid');
  }
}

/**
 * A Mantine form validator from a shared Zod schema: the form values are turned into the request
 * body first, so the paths of the errors are the paths of the body ("name.en", "location.city").
 */
export function zodValidator<V, S extends z.ZodType>(
  schema: S,
  toBody: (values: V) => unknown,
  t: TFunction,
): (values: V) => FormErrors {
  return (values) => {
    const result = schema.safeParse(toBody(values));
    if (result.success) {
      return {};
    }
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!(path in errors)) {
        errors[path] = issueMessage(t, issue);
      }
    }
    return errors;
  };
}
