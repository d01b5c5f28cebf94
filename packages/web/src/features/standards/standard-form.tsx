import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { DecisionListItem, Page, Standard } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useText } from '../../components/localized-text.tsx';
import { BodySelect, MemberStateSelect } from '../../components/selects.tsx';
import { standardDocumentsQuery, standardKey } from './api.ts';
import { fieldErrors } from './register-ui.tsx';

/** Decisions to link (the latest 200, and the ones linked already). */
export const decisionOptionsQuery = {
  queryKey: ['decisions', 'list', 'for-register-forms'],
  queryFn: () => api.get<Page<DecisionListItem>>('/decisions', { limit: 200 }),
  staleTime: 60_000,
};

const trimmedText = (en: string, ru: string) => {
  const out: Record<string, string> = {};
  if (en.trim()) {
    out.en = en.trim();
  }
  if (ru.trim()) {
    out.ru = ru.trim();
  }
  return out;
};

/** Registers a standard or edits one (secretariat); status changes go through the lifecycle. */
export function StandardForm({
  standard,
  onClose,
  onSaved,
}: {
  standard?: Standard;
  onClose: () => void;
  onSaved: (s: Standard) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const docs = useQuery(standardDocumentsQuery);
  const decisions = useQuery(decisionOptionsQuery);
  const [v, setV] = useState({
    designation: standard?.designation ?? '',
    titleEn: standard?.title.en ?? '',
    titleRu: standard?.title.ru ?? '',
    descEn: standard?.description?.en ?? '',
    descRu: standard?.description?.ru ?? '',
    leadMemberState: standard?.leadMemberState ?? null,
    bodyId: standard?.bodyId ?? null,
    documentId: standard?.documentId ?? null,
    decisionIds: standard?.decisions.map((d) => d.id) ?? [],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setV((s) => ({ ...s, ...patch }));

  const decisionOptions = new Map<string, string>();
  for (const d of standard?.decisions ?? []) {
    decisionOptions.set(d.id, `${d.number} ${text(d.title)}`);
  }
  for (const d of decisions.data?.items ?? []) {
    decisionOptions.set(d.id, `${d.number} ${text(d.title)}`);
  }

  const save = async () => {
    const description = trimmedText(v.descEn, v.descRu);
    const body = {
      designation: v.designation,
      title: trimmedText(v.titleEn, v.titleRu),
      description: Object.keys(description).length ? description : null,
      leadMemberState: v.leadMemberState,
      bodyId: v.bodyId,
      documentId: v.documentId,
      decisionIds: v.decisionIds,
    };
    setBusy(true);
    setErrors({});
    try {
      const saved = standard
        ? await api.patch<Standard>(`/standards/${standard.id}`, body, standard.version)
        : await api.post<Standard>('/standards', body);
      queryClient.setQueryData(standardKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['standards'] });
      notifySaved(t);
      onSaved(saved);
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) {
        handle(error, {
          reload: standard
            ? () => queryClient.invalidateQueries({ queryKey: standardKey(standard.id) })
            : undefined,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={standard ? t('standards.edit') : t('standards.new')}
      size="lg"
    >
      <Stack gap="sm">
        <TextInput
          label={t('standards.designation')}
          required
          value={v.designation}
          onChange={(e) => set({ designation: e.currentTarget.value })}
          error={errors.designation}
        />
        <TextInput
          label={t('fields.inEnglish', { field: t('standards.titleField') })}
          lang="en"
          value={v.titleEn}
          onChange={(e) => set({ titleEn: e.currentTarget.value })}
          error={errors.title}
        />
        <TextInput
          label={t('fields.inRussian', { field: t('standards.titleField') })}
          lang="ru"
          value={v.titleRu}
          onChange={(e) => set({ titleRu: e.currentTarget.value })}
        />
        <Textarea
          label={t('fields.inEnglish', { field: t('standards.description') })}
          lang="en"
          autosize
          minRows={2}
          value={v.descEn}
          onChange={(e) => set({ descEn: e.currentTarget.value })}
          error={errors.description}
        />
        <Textarea
          label={t('fields.inRussian', { field: t('standards.description') })}
          lang="ru"
          autosize
          minRows={2}
          value={v.descRu}
          onChange={(e) => set({ descRu: e.currentTarget.value })}
        />
        <MemberStateSelect
          label={t('standards.leadState')}
          value={v.leadMemberState}
          onChange={(leadMemberState) => set({ leadMemberState })}
          error={errors.leadMemberState}
        />
        <BodySelect
          label={t('standards.body')}
          value={v.bodyId}
          onChange={(bodyId) => set({ bodyId })}
          error={errors.bodyId}
        />
        <Select
          label={t('standards.document')}
          searchable
          clearable
          data={(docs.data?.items ?? []).map((d) => ({ value: d.id, label: text(d.title) }))}
          value={v.documentId}
          onChange={(documentId) => set({ documentId })}
          error={errors.documentId}
        />
        <MultiSelect
          label={t('standards.decisions')}
          searchable
          data={[...decisionOptions].map(([value, label]) => ({ value, label }))}
          value={v.decisionIds}
          onChange={(decisionIds) => set({ decisionIds })}
          error={errors.decisionIds}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
