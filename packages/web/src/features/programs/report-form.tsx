import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
} from '@mantine/core';
import { MEASURE_STATUSES, type Measure, type MeasureStatus } from '@plenum/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useUser } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { useStateName } from '../directory/lookups.ts';
import { fieldErrors } from '../standards/register-ui.tsx';
import { programKey } from './api.ts';
import { localized } from './program-form.tsx';

/** Reports on a measure: the secretariat, or a delegate of a responsible state (for it). */
export function ReportForm({ measure, onClose }: { measure: Measure; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const stateName = useStateName();
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const secretariat = canWrite(user);
  const [v, setV] = useState({
    memberState: secretariat ? null : user.memberState,
    reportedOn: null as string | null,
    en: '',
    ru: '',
    status: null as MeasureStatus | null,
    progress: null as number | null,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setV((s) => ({ ...s, ...patch }));

  const save = async () => {
    const body: Record<string, unknown> = { text: localized(v.en, v.ru) };
    if (secretariat) {
      body.memberState = v.memberState;
    }
    if (v.reportedOn) {
      body.reportedOn = v.reportedOn;
    }
    if (v.status) {
      body.status = v.status;
    }
    if (v.progress !== null) {
      body.progress = v.progress;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.post(`/programs/${measure.programId}/measures/${measure.id}/reports`, body);
      await queryClient.invalidateQueries({ queryKey: programKey(measure.programId) });
      notifySaved(t);
      onClose();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) {
        handle(error);
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
      title={t('programs.reportOn', { code: measure.code })}
    >
      <LocalDates>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {secretariat ? (
              <Select
                label={t('programs.reportFor')}
                placeholder={t('programs.secretariat')}
                clearable
                data={measure.responsibleMemberStates.map((c) => ({
                  value: c,
                  label: stateName(c),
                }))}
                value={v.memberState}
                onChange={(memberState) => set({ memberState })}
                error={errors.memberState}
              />
            ) : (
              <Select
                label={t('programs.reportFor')}
                data={[{ value: user.memberState ?? '', label: stateName(user.memberState) }]}
                value={user.memberState}
                readOnly
              />
            )}
            <DateField
              label={t('programs.reportedOn')}
              value={v.reportedOn}
              onChange={(d) => set({ reportedOn: d ? String(d).slice(0, 10) : null })}
              error={errors.reportedOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('fields.inEnglish', { field: t('programs.reportText') })}
            lang="en"
            autosize
            minRows={3}
            value={v.en}
            onChange={(e) => set({ en: e.currentTarget.value })}
            error={errors.text}
          />
          <Textarea
            label={t('fields.inRussian', { field: t('programs.reportText') })}
            lang="ru"
            autosize
            minRows={3}
            value={v.ru}
            onChange={(e) => set({ ru: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('programs.newStatus')}
              clearable
              placeholder={t('programs.unchanged')}
              data={MEASURE_STATUSES.map((s) => ({
                value: s,
                label: t(`programs.measureStatus.${s}`),
              }))}
              value={v.status}
              onChange={(s) => set({ status: (s as MeasureStatus | null) ?? null })}
              error={errors.status}
            />
            <NumberInput
              label={t('programs.newProgress')}
              placeholder={t('programs.unchanged')}
              min={0}
              max={100}
              value={v.progress ?? ''}
              onChange={(n) => set({ progress: typeof n === 'number' ? n : null })}
              error={errors.progress}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={busy}>
              {t('programs.addReport')}
            </Button>
          </Group>
        </Stack>
      </LocalDates>
    </Modal>
  );
}
