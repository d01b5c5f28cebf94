import { Checkbox, MultiSelect, Paper, Radio, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CLASSIFICATIONS, DOCUMENT_KINDS, type Document, ZDocumentCreate } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../app/form-errors.ts';
import { type TextValues, textValues, toRequiredText, zodValidator } from '../../app/forms.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { LocalizedInput } from '../../components/localized-input.tsx';
import { useText } from '../../components/localized-text.tsx';
import { BodySelect } from '../../components/selects.tsx';
import { bodiesQuery, memberStatesQuery } from '../directory/lookups.ts';
import {
  emptyVersion,
  type VersionDraft,
  VersionFields,
  versionIsEmpty,
} from './version-fields.tsx';

export interface DocumentValues {
  title: TextValues;
  kind: string;
  bodyId: string | null;
  classification: string;
  memberStates: string[];
  bodyIds: string[];
}

export const documentValues = (d?: Document): DocumentValues => ({
  title: textValues(d?.title),
  kind: d?.kind ?? 'draft_decision',
  bodyId: d?.bodyId ?? null,
  classification: d?.classification ?? 'internal',
  memberStates: d?.accessList?.memberStates ?? [],
  bodyIds: d?.accessList?.bodyIds ?? [],
});

const toBody = (v: DocumentValues) => ({
  title: toRequiredText(v.title),
  kind: v.kind,
  bodyId: v.bodyId ?? '',
  classification: v.classification,
  accessList:
    v.classification === 'restricted' ? { memberStates: v.memberStates, bodyIds: v.bodyIds } : null,
});

/** Who besides the secretariat may read a restricted document. */
export function AccessListEditor({
  states,
  bodies,
  onStates,
  onBodies,
}: {
  states: string[];
  bodies: string[];
  onStates: (v: string[]) => void;
  onBodies: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const stateList = useQuery(memberStatesQuery);
  const bodyList = useQuery(bodiesQuery);
  const stateOptions = useMemo(
    () =>
      (stateList.data ?? [])
        .map((s) => ({ value: s.code, label: `${text(s.name)} (${s.code})` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [stateList.data, text],
  );
  const bodyOptions = useMemo(
    () =>
      (bodyList.data ?? [])
        .map((b) => ({ value: b.id, label: text(b.name) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [bodyList.data, text],
  );
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <Text size="sm" fw={600} mb={4}>
        {t('documents.accessList')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('documents.accessListHint')}
      </Text>
      <Stack gap="sm">
        <MultiSelect
          label={t('documents.accessStates')}
          data={stateOptions}
          value={states}
          onChange={onStates}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <MultiSelect
          label={t('documents.accessBodies')}
          data={bodyOptions}
          value={bodies}
          onChange={onBodies}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
      </Stack>
    </Paper>
  );
}

/**
 * The fields of a document; when creating, optionally its first version too. `onSubmit` gets the
 * request body and, when creating, the first version's draft (or null).
 */
export function DocumentForm({
  mode,
  initial,
  onSubmit,
  onCancel,
  reload,
  progress,
}: {
  mode: 'create' | 'edit';
  initial: DocumentValues;
  onSubmit: (body: Record<string, unknown>, version: VersionDraft | null) => Promise<unknown>;
  onCancel: () => void;
  reload?: () => Promise<unknown>;
  progress?: number | null;
}) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const form = useForm<DocumentValues>({
    initialValues: initial,
    validate: zodValidator(ZDocumentCreate, toBody, t),
  });
  const [withVersion, setWithVersion] = useState(false);
  const [version, setVersion] = useState<VersionDraft>(emptyVersion);
  const [versionError, setVersionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const values = form.getValues();

  const submit = form.onSubmit(async (v) => {
    if (mode === 'create' && withVersion && versionIsEmpty(version)) {
      setVersionError(t('documents.versionEmpty'));
      return;
    }
    setVersionError(null);
    setBusy(true);
    try {
      await onSubmit(toBody(v), mode === 'create' && withVersion ? version : null);
    } catch (error) {
      handleError(error, { form, reload });
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <LocalizedInput
          form={form}
          path="title"
          label={t('documents.titleField')}
          required
          multiline
        />
        <Select
          label={t('documents.kindLabel')}
          required
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <BodySelect label={t('documents.body')} required {...form.getInputProps('bodyId')} />
        <Radio.Group
          label={t('documents.classificationLabel')}
          {...form.getInputProps('classification')}
        >
          <Stack gap="xs" mt={6}>
            {CLASSIFICATIONS.map((c) => (
              <Radio
                key={c}
                value={c}
                label={t(`documents.classification.${c}`)}
                description={t(`documents.classificationHint.${c}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {values.classification === 'restricted' && (
          <AccessListEditor
            states={values.memberStates}
            bodies={values.bodyIds}
            onStates={(s) => form.setFieldValue('memberStates', s)}
            onBodies={(b) => form.setFieldValue('bodyIds', b)}
          />
        )}
        {mode === 'create' && (
          <>
            <Checkbox
              label={t('documents.addFirstVersion')}
              checked={withVersion}
              onChange={(e) => setWithVersion(e.currentTarget.checked)}
            />
            {withVersion && (
              <Paper withBorder p="sm">
                <VersionFields
                  value={version}
                  onChange={setVersion}
                  progress={progress ?? null}
                  error={versionError}
                />
              </Paper>
            )}
          </>
        )}
        <FormActions
          submitting={busy}
          onCancel={onCancel}
          submitLabel={mode === 'create' ? t('documents.create') : t('common.save')}
        />
      </Stack>
    </form>
  );
}
