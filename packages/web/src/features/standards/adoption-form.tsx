import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { ADOPTION_STATUSES, type Adoption, type AdoptionStatus } from '@plenum/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { useStateName } from '../directory/lookups.ts';
import { putAdoption, standardKey } from './api.ts';
import { fieldErrors } from './register-ui.tsx';

const text = (en: string, ru: string) => {
  const out: Record<string, string> = {};
  if (en.trim()) {
    out.en = en.trim();
  }
  if (ru.trim()) {
    out.ru = ru.trim();
  }
  return Object.keys(out).length ? out : null;
};

/**
 * Records one member state's adoption of a standard (a delegate its own state's; the secretariat
 * any). The server's 422 messages go on the fields; If-Match is the record's version, 0 before the
 * first record.
 */
export function AdoptionForm({
  adoption,
  designation,
  onClose,
}: {
  adoption: Adoption;
  designation: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const [status, setStatus] = useState<AdoptionStatus>(adoption.status);
  const [resEn, setResEn] = useState(adoption.reservations?.en ?? '');
  const [resRu, setResRu] = useState(adoption.reservations?.ru ?? '');
  const [reference, setReference] = useState(adoption.nationalReference ?? '');
  const [effective, setEffective] = useState<string | null>(adoption.effectiveDate);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const withReservations = status === 'adopted_with_reservations';

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      await putAdoption(
        adoption.standardId,
        adoption.memberState,
        {
          status,
          reservations: withReservations ? text(resEn, resRu) : null,
          nationalReference: reference.trim() || null,
          effectiveDate: effective || null,
        },
        adoption.version,
      );
      await queryClient.invalidateQueries({ queryKey: ['standards'] });
      notifySaved(t);
      onClose();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) {
        handle(error, {
          reload: () =>
            queryClient.invalidateQueries({ queryKey: standardKey(adoption.standardId) }),
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
      title={t('standards.adoptionOf', {
        state: stateName(adoption.memberState),
        designation,
      })}
    >
      <LocalDates>
        <Stack gap="sm">
          <Radio.Group
            label={t('standards.adoptionStatus')}
            value={status}
            onChange={(v) => setStatus(v as AdoptionStatus)}
            error={errors.status}
          >
            <Stack gap={6} mt={4}>
              {ADOPTION_STATUSES.map((s) => (
                <Radio key={s} value={s} label={t(`standards.adoption.${s}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('standards.nationalReference')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={errors.nationalReference}
          />
          <DateField
            label={t('standards.effectiveDate')}
            value={effective}
            onChange={(v) => setEffective(v ? String(v).slice(0, 10) : null)}
            error={errors.effectiveDate}
          />
          {withReservations && (
            <>
              <Textarea
                label={t('fields.inEnglish', { field: t('standards.reservations') })}
                lang="en"
                autosize
                minRows={2}
                value={resEn}
                onChange={(e) => setResEn(e.currentTarget.value)}
                error={errors.reservations}
              />
              <Textarea
                label={t('fields.inRussian', { field: t('standards.reservations') })}
                lang="ru"
                autosize
                minRows={2}
                value={resRu}
                onChange={(e) => setResRu(e.currentTarget.value)}
              />
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={busy}>
              {t('standards.saveAdoption')}
            </Button>
          </Group>
        </Stack>
      </LocalDates>
    </Modal>
  );
}
