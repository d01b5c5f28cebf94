import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { Consultation, DocumentVersionListItem } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { useText } from '../../components/localized-text.tsx';
import { bodiesQuery, memberStatesQuery } from '../directory/lookups.ts';
import { councilMeetingsQuery } from '../documents/api.ts';

const isoDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Opens the next round on a document: a version newer than the last one consulted, the invited
 * states (all members by default), the deadline, the council meeting it prepares, silence.
 */
export function RoundForm({
  documentId,
  versions,
  lastConsulted,
  allowedStates,
  onDone,
  onCancel,
}: {
  documentId: string;
  /** A restricted document goes only to the states on its access list. */
  allowedStates: string[] | null;
  versions: DocumentVersionListItem[];
  lastConsulted: number;
  onDone: (round: Consultation) => unknown;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const format = useFormat();
  const handleError = useErrorHandler();
  const states = useQuery(memberStatesQuery);
  const bodies = useQuery(bodiesQuery);
  const meetings = useQuery(councilMeetingsQuery);
  const eligible = versions
    .filter((v) => v.number > lastConsulted)
    .sort((a, b) => b.number - a.number);
  const members = useMemo(
    () =>
      (states.data ?? []).filter(
        (s) => s.status === 'member' && (!allowedStates || allowedStates.includes(s.code)),
      ),
    [states.data, allowedStates],
  );
  const [versionId, setVersionId] = useState<string | null>(eligible[0]?.id ?? null);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const memberStates = chosen ?? members.map((s) => s.code);
  const [deadline, setDeadline] = useState(isoDay(14));
  const [councilMeetingId, setCouncilMeetingId] = useState<string | null>(null);
  const [silence, setSilence] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const councilIds = new Set(
    (bodies.data ?? []).filter((b) => b.kind === 'council').map((b) => b.id),
  );
  const meetingOptions = (meetings.data ?? [])
    .filter((m) => councilIds.has(m.bodyId) && m.status !== 'held' && m.status !== 'cancelled')
    .map((m) => ({ value: m.id, label: `${text(m.name)} · ${format.shortDate(m.startDate)}` }));
  const stateOptions = members
    .map((s) => ({ value: s.code, label: `${text(s.name)} (${s.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  if (eligible.length === 0) {
    return (
      <Stack>
        <Text>{t('consultations.noNewVersion')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!versionId) {
      next.versionId = t('validation.required');
    }
    if (memberStates.length === 0) {
      next.memberStates = t('consultations.statesRequired');
    }
    if (!deadline) {
      next.deadline = t('validation.required');
    } else if (deadline < isoDay(0)) {
      next.deadline = t('consultations.deadlinePast');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      return;
    }
    setBusy(true);
    try {
      const round = await api.post<Consultation>('/consultations', {
        documentId,
        versionId,
        memberStates,
        deadline,
        councilMeetingId,
        silenceProcedure: silence,
      });
      await onDone(round);
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('consultations.version')}
          description={
            lastConsulted > 0
              ? t('consultations.versionHint', { number: lastConsulted })
              : undefined
          }
          data={eligible.map((v) => ({
            value: v.id,
            label: t('documents.versionShort', { number: v.number }),
          }))}
          value={versionId}
          onChange={setVersionId}
          allowDeselect={false}
          error={errors.versionId}
          required
        />
        <MultiSelect
          label={t('consultations.invitedStates')}
          description={
            allowedStates ? t('consultations.invitedRestricted') : t('consultations.invitedHint')
          }
          data={stateOptions}
          value={memberStates}
          onChange={setChosen}
          searchable
          clearable
          error={errors.memberStates}
          required
        />
        <TextInput
          type="date"
          label={t('consultations.deadline')}
          value={deadline}
          min={isoDay(0)}
          onChange={(e) => setDeadline(e.currentTarget.value)}
          error={errors.deadline}
          required
        />
        <Select
          label={t('consultations.councilMeeting')}
          description={t('consultations.councilMeetingHint')}
          data={meetingOptions}
          value={councilMeetingId}
          onChange={setCouncilMeetingId}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Checkbox
          label={t('consultations.silenceProcedure')}
          description={t('consultations.silenceHint')}
          checked={silence}
          onChange={(e) => setSilence(e.currentTarget.checked)}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('consultations.openRound')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
