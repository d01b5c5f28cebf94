import { Button, Group, Radio, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { Proposal, ProposalPosition, ProposalStatePosition } from '@plenum/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { type TextValues, textValues, toText } from '../../app/forms.ts';
import { POSITIONS } from './marks.ts';

/**
 * A member state's position on a proposal; concurring with a reservation asks for the reservation
 * (the "special opinion", kept in the record).
 */
export function PositionForm({
  proposal,
  memberState,
  current,
  onDone,
  onCancel,
}: {
  proposal: Proposal;
  memberState: string;
  current: ProposalStatePosition | undefined;
  onDone: () => unknown;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [value, setValue] = useState<ProposalPosition | null>(current?.position ?? null);
  const [reservation, setReservation] = useState<TextValues>(textValues(current?.reservation));
  const [errors, setErrors] = useState<{ position?: string; reservation?: string }>({});
  const [busy, setBusy] = useState(false);
  const withReservation = value === 'concur_with_reservation';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = withReservation ? toText(reservation) : null;
    if (!value || (withReservation && !text)) {
      setErrors({
        position: value ? undefined : t('sessions.choosePosition'),
        reservation: value ? t('sessions.reservationRequired') : undefined,
      });
      return;
    }
    setBusy(true);
    try {
      // No If-Match: each state's position is its own record, and positions of several states are
      // recorded one after another while the proposal's version moves with each of them.
      await api.put(`/proposals/${proposal.id}/positions/${memberState}`, {
        position: value,
        reservation: text,
      });
      await onDone();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Radio.Group
          label={t('sessions.positionLabel')}
          value={value ?? ''}
          onChange={(v) => {
            setValue(v as ProposalPosition);
            setErrors({});
          }}
          error={errors.position}
          required
        >
          <Stack gap="xs" mt="xs">
            {POSITIONS.map((p) => (
              <Radio key={p} value={p} label={t(`sessions.position.${p}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {withReservation && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Textarea
              label={t('fields.inEnglish', { field: t('sessions.reservation') })}
              lang="en"
              autosize
              minRows={3}
              maxRows={10}
              value={reservation.en}
              onChange={(e) => setReservation({ ...reservation, en: e.currentTarget.value })}
              error={errors.reservation}
            />
            <Textarea
              label={t('fields.inRussian', { field: t('sessions.reservation') })}
              lang="ru"
              autosize
              minRows={3}
              maxRows={10}
              value={reservation.ru}
              onChange={(e) => setReservation({ ...reservation, ru: e.currentTarget.value })}
              error={errors.reservation ? ' ' : undefined}
            />
          </SimpleGrid>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('sessions.recordPosition')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
