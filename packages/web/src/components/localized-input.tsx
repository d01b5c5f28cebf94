import { Fieldset, SimpleGrid, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  form: UseFormReturnType<V>;
  /** Path of the text in the form values, e.g. "name" or "location.city". */
  path: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  description?: string;
}

/** Edits a LocalizedText: one field per language, under one legend. */
export function LocalizedInput<V>({
  form,
  path,
  label,
  required,
  multiline,
  description,
}: Props<V>) {
  const { t } = useTranslation();
  const groupError = form.errors[path];
  const Field = multiline ? Textarea : TextInput;
  const extra = multiline ? { autosize: true, minRows: 3, maxRows: 12 } : {};
  return (
    <Fieldset
      // The fields' own labels name the text and the language; the legend groups them for
      // assistive technology only.
      legend={<VisuallyHidden>{label}</VisuallyHidden>}
      variant="unstyled"
      p={0}
      m={0}
      aria-describedby={groupError ? `${path}-error` : undefined}
    >
      {description && (
        <Text size="xs" c="dimmed" mb={4}>
          {description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Field
          label={t('fields.inEnglish', { field: label })}
          lang="en"
          {...extra}
          {...form.getInputProps(`${path}.en`)}
        />
        <Field
          label={t('fields.inRussian', { field: label })}
          lang="ru"
          {...extra}
          {...form.getInputProps(`${path}.ru`)}
        />
      </SimpleGrid>
      {groupError ? (
        <Text id={`${path}-error`} c="red" size="sm" mt={4} role="alert">
          {groupError}
        </Text>
      ) : (
        required && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('fields.oneLanguage', { field: label })}
          </Text>
        )
      )}
    </Fieldset>
  );
}
