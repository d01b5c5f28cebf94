import {
  Button,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Program } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { useText } from '../../components/localized-text.tsx';
import { BodySelect } from '../../components/selects.tsx';
import { fieldErrors } from '../standards/register-ui.tsx';
import { decisionOptionsQuery } from '../standards/standard-form.tsx';
import { programKey } from './api.ts';

export const localized = (en: string, ru: string) => {
  const out: Record<string, string> = {};
  if (en.trim()) {
    out.en = en.trim();
  }
  if (ru.trim()) {
    out.ru = ru.trim();
  }
  return out;
};
export const localizedOrNull = (en: string, ru: string) => {
  const out = localized(en, ru);
  return Object.keys(out).length ? out : null;
};

/** Creates a program or edits one (secretariat); status goes through the lifecycle actions. */
export function ProgramForm({
  program,
  onClose,
  onSaved,
}: {
  program?: Program;
  onClose: () => void;
  onSaved: (p: Program) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const decisions = useQuery(decisionOptionsQuery);
  const [v, setV] = useState({
    titleEn: program?.title.en ?? '',
    titleRu: program?.title.ru ?? '',
    descEn: program?.description?.en ?? '',
    descRu: program?.description?.ru ?? '',
    bodyId: program?.bodyId ?? null,
    periodFrom: program?.periodFrom ?? null,
    periodTo: program?.periodTo ?? null,
    decisionIds: program?.decisions.map((d) => d.id) ?? [],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setV((s) => ({ ...s, ...patch }));
  const options = new Map<string, string>();
  for (const d of [...(program?.decisions ?? []), ...(decisions.data?.items ?? [])]) {
    options.set(d.id, `${d.number} ${text(d.title)}`);
  }

  const save = async () => {
    const body = {
      title: localized(v.titleEn, v.titleRu),
      description: localizedOrNull(v.descEn, v.descRu),
      bodyId: v.bodyId,
      periodFrom: v.periodFrom ?? '',
      periodTo: v.periodTo ?? '',
      decisionIds: v.decisionIds,
    };
    setBusy(true);
    setErrors({});
    try {
      const saved = program
        ? await api.patch<Program>(`/programs/${program.id}`, body, program.version)
        : await api.post<Program>('/programs', body);
      queryClient.setQueryData(programKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
      notifySaved(t);
      onSaved(saved);
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) {
        handle(error, {
          reload: program
            ? () => queryClient.invalidateQueries({ queryKey: programKey(program.id) })
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
      size="lg"
      title={program ? t('programs.edit') : t('programs.new')}
    >
      <LocalDates>
        <Stack gap="sm">
          <TextInput
            label={t('fields.inEnglish', { field: t('programs.titleField') })}
            lang="en"
            value={v.titleEn}
            onChange={(e) => set({ titleEn: e.currentTarget.value })}
            error={errors.title}
          />
          <TextInput
            label={t('fields.inRussian', { field: t('programs.titleField') })}
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
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('programs.periodFrom')}
              required
              value={v.periodFrom}
              onChange={(d) => set({ periodFrom: d ? String(d).slice(0, 10) : null })}
              error={errors.periodFrom}
            />
            <DateField
              label={t('programs.periodTo')}
              required
              value={v.periodTo}
              onChange={(d) => set({ periodTo: d ? String(d).slice(0, 10) : null })}
              error={errors.periodTo}
            />
          </SimpleGrid>
          <BodySelect
            label={t('programs.body')}
            value={v.bodyId}
            onChange={(bodyId) => set({ bodyId })}
            error={errors.bodyId}
          />
          <MultiSelect
            label={t('standards.decisions')}
            searchable
            data={[...options].map(([value, label]) => ({ value, label }))}
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
      </LocalDates>
    </Modal>
  );
}
