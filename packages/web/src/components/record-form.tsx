import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useErrorHandler } from '../app/form-errors.ts';
import { zodValidator } from '../app/forms.ts';

/** What a record's form is given by its new and edit pages. */
export interface RecordFormProps<V> {
  mode: 'create' | 'edit';
  initial: V;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
  /** Fetches the stored record again after an edit conflict. */
  reload?: () => Promise<unknown>;
}

/**
 * The form of one record: validated with `schema` against the request body `toBody` makes of its
 * values; a failed submit is reported on the form (or as an edit conflict, with `reload`).
 */
// biome-ignore lint/suspicious/noExplicitAny: the constraint of Mantine's useForm, which interfaces meet
export function useRecordForm<V extends Record<string, any>>({
  initial,
  schema,
  toBody,
  onSubmit,
  reload,
}: Pick<RecordFormProps<V>, 'initial' | 'onSubmit' | 'reload'> & {
  schema: z.ZodType;
  toBody: (values: V) => Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const form = useForm<V>({
    initialValues: initial,
    validate: zodValidator(schema, toBody, t),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(toBody(values));
    } catch (error) {
      handleError(error, { form, reload });
    }
  });
  return { form, submit };
}
