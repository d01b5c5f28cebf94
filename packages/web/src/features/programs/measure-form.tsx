import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  MEASURE_STATUSES,
  type Measure,
  type MeasureStatus,
  type Organization,
} from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, getAll } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { useText } from '../../components/localized-text.tsx';
import { memberStatesQuery } from '../directory/lookups.ts';
import { fieldErrors } from '../standards/register-ui.tsx';
import { programKey } from './api.ts';
import { localized, localizedOrNull } from './program-form.tsx';

export const organizationsQuery = {
  queryKey: ['organizations', 'all'],
  queryFn: () => getAll<Organization>('/organizations'),
  staleTime: 5 * 60_000,
};

const day = (d: unknown) => (d ? String(d).slice(0, 10) : null);

/** Adds a measure (under a parent) or edits and moves one (secretariat). */
export function MeasureForm({
  programId,
  measures,
  measure,
  parentId,
  onClose,
}: {
  programId: string;
  measures: Measure[];
  measure?: Measure;
  parentId?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const states = useQuery(memberStatesQuery);
  const organizations = useQuery(organizationsQuery);
  const [v, setV] = useState({
    parentId: measure ? measure.parentId : (parentId ?? null),
    position: null as number | null,
    titleEn: measure?.title.en ?? '',
    titleRu: measure?.title.ru ?? '',
    descEn: measure?.description?.en ?? '',
    descRu: measure?.description?.ru ?? '',
    responsibleMemberStates: measure?.responsibleMemberStates ?? [],
    responsibleOrganizationIds: measure?.responsibleOrganizationIds ?? [],
    startDate: measure?.startDate ?? null,
    dueDate: measure?.dueDate ?? null,
    status: (measure?.status ?? 'planned') as MeasureStatus,
    progress: measure?.progress ?? 0,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setV((s) => ({ ...s, ...patch }));

  // A measure cannot move under itself or its own sub-measures.
  const excluded = new Set<string>();
  if (measure) {
    excluded.add(measure.id);
    for (const m of measures) {
      if (m.parentId && excluded.has(m.parentId)) {
        excluded.add(m.id);
      }
    }
  }
  const parents = measures
    .filter((m) => !excluded.has(m.id))
    .map((m) => ({ value: m.id, label: `${m.code} ${text(m.title)}` }));

  const save = async () => {
    const body: Record<string, unknown> = {
      parentId: v.parentId,
      title: localized(v.titleEn, v.titleRu),
      description: localizedOrNull(v.descEn, v.descRu),
      responsibleMemberStates: v.responsibleMemberStates,
      responsibleOrganizationIds: v.responsibleOrganizationIds,
      startDate: v.startDate,
      dueDate: v.dueDate,
      progress: v.progress,
    };
    if (v.position) {
      body.position = v.position;
    }
    if (!measure || measure.status !== v.status) {
      body.status = v.status;
    }
    setBusy(true);
    setErrors({});
    try {
      if (measure) {
        await api.patch(`/programs/${programId}/measures/${measure.id}`, body, measure.version);
      } else {
        await api.post(`/programs/${programId}/measures`, body);
      }
      await queryClient.invalidateQueries({ queryKey: programKey(programId) });
      notifySaved(t);
      onClose();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) {
        handle(error, {
          reload: () => queryClient.invalidateQueries({ queryKey: programKey(programId) }),
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
      title={measure ? t('programs.editMeasure', { code: measure.code }) : t('programs.addMeasure')}
    >
      <LocalDates>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('programs.parent')}
              placeholder={t('programs.topLevel')}
              clearable
              searchable
              data={parents}
              value={v.parentId}
              onChange={(parentId) => set({ parentId })}
              error={errors.parentId}
            />
            <NumberInput
              label={t('programs.position')}
              description={t('programs.positionHint')}
              min={1}
              value={v.position ?? ''}
              onChange={(n) => set({ position: typeof n === 'number' ? n : null })}
              error={errors.position}
            />
          </SimpleGrid>
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
          <MultiSelect
            label={t('programs.responsibleStates')}
            searchable
            data={(states.data ?? []).map((s) => ({
              value: s.code,
              label: `${text(s.name)} (${s.code})`,
            }))}
            value={v.responsibleMemberStates}
            onChange={(responsibleMemberStates) => set({ responsibleMemberStates })}
            error={errors.responsibleMemberStates}
          />
          <MultiSelect
            label={t('programs.responsibleOrganizations')}
            searchable
            data={(organizations.data ?? []).map((o) => ({ value: o.id, label: text(o.name) }))}
            value={v.responsibleOrganizationIds}
            onChange={(responsibleOrganizationIds) => set({ responsibleOrganizationIds })}
            error={errors.responsibleOrganizationIds}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('programs.startDate')}
              value={v.startDate}
              onChange={(d) => set({ startDate: day(d) })}
              error={errors.startDate}
            />
            <DateField
              label={t('programs.dueDate')}
              value={v.dueDate}
              onChange={(d) => set({ dueDate: day(d) })}
              error={errors.dueDate}
            />
            <Select
              label={t('programs.statusLabel')}
              data={MEASURE_STATUSES.map((s) => ({
                value: s,
                label: t(`programs.measureStatus.${s}`),
              }))}
              value={v.status}
              onChange={(s) => s && set({ status: s as MeasureStatus })}
              allowDeselect={false}
              error={errors.status}
            />
            <NumberInput
              label={t('programs.progressPercent')}
              min={0}
              max={100}
              value={v.progress}
              onChange={(n) => set({ progress: typeof n === 'number' ? n : 0 })}
              error={errors.progress}
            />
          </SimpleGrid>
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
