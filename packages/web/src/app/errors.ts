import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useConflictDialog } from '../components/conflict-dialog.tsx';
import { type ApiError, isApiError } from './api.ts';
import { currentLanguage } from './i18n.ts';

const KNOWN_CODES = new Set([
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'method_not_allowed',
  'duplicate',
  'invalid_transition',
  'in_use',
  'conflict',
  'idempotency_conflict',
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
  'range_not_satisfiable',
  'unprocessable',
  'rate_limited',
  'locked',
  'internal',
  'unavailable',
  'network',
]);

/** The translated title of a problem, by its code. */
export function problemTitle(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    return KNOWN_CODES.has(error.code) ? t(`errors.${error.code}.title`) : error.problem.title;
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
  const generic = KNOWN_CODES.has(error.code) ? t(`errors.${error.code}.text`) : '';
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

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in (node as object))) {
      return false;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/** Puts the server's `errors[]` on the form fields they name; returns those that fit no field. */
export function applyServerErrors<V>(form: UseFormReturnType<V>, error: ApiError): string[] {
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of error.problem.errors ?? []) {
    if (e.path && hasPath(form.getValues(), e.path)) {
      fieldErrors[e.path] = e.message;
    } else {
      rest.push(e.path ? `${e.path}: ${e.message}` : e.message);
    }
  }
  form.setErrors(fieldErrors);
  return rest;
}

interface HandleOptions<V> {
  form?: UseFormReturnType<V>;
  /** Loads the latest version of the record after an edit conflict (412). */
  reload?: () => Promise<unknown> | undefined;
}

/** One place that turns a failed write into the right feedback. */
export function useErrorHandler() {
  const { t } = useTranslation();
  const showConflict = useConflictDialog();
  return useCallback(
    <V>(error: unknown, opts: HandleOptions<V> = {}) => {
      if (isApiError(error) && error.status === 412 && opts.reload) {
        showConflict(opts.reload);
        return;
      }
      if (isApiError(error) && error.code === 'validation_failed' && opts.form) {
        const rest = applyServerErrors(opts.form, error);
        if (rest.length === 0) {
          return;
        }
        toast({
          color: 'red',
          title: problemTitle(t, error),
          message: rest.join('\n'),
          autoClose: 10_000,
        });
        return;
      }
      notifyError(t, error);
    },
    [t, showConflict],
  );
}
