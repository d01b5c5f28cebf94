import type { TFunction } from 'i18next';
import { isApiError } from './api.ts';
import { currentLanguage } from './i18n.ts';

/** The translated title of a problem, by its code. */
export function problemTitle(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    // A code the interface has no words for keeps the server's title.
    return t(`errors.${error.code}.title`, { defaultValue: error.problem.title });
  }
  return t('errors.internal.title');
}

/**
 * What to tell the user: the server's detail when it is in the interface language (server details
 * are written in English), otherwise the translated explanation of the code.
 */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) {
    return t('errors.internal.text');
  }
  const generic = t(`errors.${error.code}.text`, { defaultValue: '' });
  const detail = error.problem.detail;
  const detailFits = detail && (currentLanguage() === 'en' || /[а-яё]/i.test(detail));
  if (
    error.code === 'in_use' ||
    error.code === 'duplicate' ||
    error.code === 'invalid_transition'
  ) {
    // These explain which record stands in the way: keep the server's words beside ours.
    return detailFits ? `${generic} ${detail}` : generic;
  }
  return detailFits ? detail : generic || (detail ?? '');
}

/**
 * Shows a toast. The notifications package loads on first use (it is not part of the first page);
 * its container in main.tsx loads the same module.
 */
export function toast(options: {
  color: string;
  title?: string;
  message: string;
  autoClose?: number;
}): void {
  void import('@mantine/notifications').then(({ notifications }) => notifications.show(options));
}

export function notifyError(t: TFunction, error: unknown): void {
  toast({
    color: 'red',
    title: problemTitle(t, error),
    message: problemMessage(t, error),
    autoClose: 10_000,
  });
}

export function notifySaved(t: TFunction, message?: string): void {
  toast({ color: 'green', message: message ?? t('common.saved') });
}
