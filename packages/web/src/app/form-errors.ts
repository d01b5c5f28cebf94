import type { UseFormReturnType } from '@mantine/form';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useConflictDialog } from '../components/conflict-dialog.tsx';
import { type ApiError, isApiError } from './api.ts';
import { notifyError, problemTitle, toast } from './errors.ts';

// Kept apart from errors.ts: the conflict dialog (a Modal) stays out of pages that only notify.

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
