import { Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  MEETING_KINDS,
  type Meeting,
  type MeetingCreate,
  type MeetingPatch,
  ZMeetingCreate,
  ZMeetingPatch,
} from '@plenum/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import {
  emptyText,
  orNull,
  type TextValues,
  textValues,
  toRequiredText,
  toText,
  zodValidator,
} from '../../app/forms.ts';
import { DateField, LocalDates, TimeField } from '../../components/date-input.tsx';
import { LocalizedInput } from '../../components/localized-input.tsx';
import { BodySelect, MemberStateSelect, PersonSelect } from '../../components/selects.tsx';

export interface MeetingFormValues {
  bodyId: string | null;
  number: number | string;
  kind: (typeof MEETING_KINDS)[number];
  status: 'planned' | 'announced';
  startDate: string | null;
  endDate: string | null;
  startTime: string;
  timeZone: string | null;
  location: { city: TextValues; country: string | null; venue: TextValues };
  chairPersonId: string | null;
  parentMeetingId: string | null;
  notes: TextValues;
}

export function meetingFormValues(meeting?: Partial<Meeting>): MeetingFormValues {
  return {
    bodyId: meeting?.bodyId ?? null,
    number: meeting?.number ?? '',
    kind: meeting?.kind ?? 'regular',
    status: 'planned',
    startDate: meeting?.startDate ?? null,
    endDate: meeting?.endDate ?? null,
    startTime: meeting?.startTime ?? '',
    timeZone: meeting?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    location: {
      city: textValues(meeting?.location?.city),
      country: meeting?.location?.country ?? null,
      venue: textValues(meeting?.location?.venue),
    },
    chairPersonId: meeting?.chairPersonId ?? null,
    parentMeetingId: meeting?.parentMeetingId ?? null,
    notes: meeting?.notes ? textValues(meeting.notes) : emptyText(),
  };
}

function location(values: MeetingFormValues): MeetingCreate['location'] {
  const l = values.location;
  if (!toText(l.city) && !l.country && !toText(l.venue)) {
    return null;
  }
  // An incomplete location is sent as it is, so the schema names the missing part.
  return { city: toRequiredText(l.city), country: l.country ?? '', venue: toText(l.venue) };
}

export function createBody(values: MeetingFormValues): unknown {
  const body: Record<string, unknown> = {
    bodyId: values.bodyId ?? '',
    kind: values.kind,
    status: values.status,
    startDate: values.startDate ?? '',
    endDate: values.endDate || null,
    startTime: orNull(values.startTime),
    timeZone: values.timeZone ?? '',
    location: location(values),
    chairPersonId: values.chairPersonId,
    parentMeetingId: values.parentMeetingId,
    notes: toText(values.notes),
  };
  if (values.number !== '') {
    body.number = Number(values.number);
  }
  return body;
}

export function patchBody(values: MeetingFormValues): unknown {
  return {
    number: values.number === '' ? undefined : Number(values.number),
    kind: values.kind,
    startDate: values.startDate ?? '',
    endDate: values.endDate || values.startDate || '',
    startTime: orNull(values.startTime),
    timeZone: values.timeZone ?? '',
    location: location(values),
    chairPersonId: values.chairPersonId,
    notes: toText(values.notes),
  };
}

const timeZones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

interface Props {
  mode: 'create' | 'edit';
  initial: MeetingFormValues;
  /** Council meetings are held by councils and working groups only. */
  councilOnly?: boolean;
  submitLabel: string;
  onSubmit: (body: MeetingCreate | MeetingPatch) => Promise<unknown>;
  onCancel?: () => void;
  /** Loads the latest version after an edit conflict. */
  reload?: () => Promise<unknown>;
}

/** Create or edit a meeting, checked with the shared schema before it is sent. */
export function MeetingForm({
  mode,
  initial,
  councilOnly,
  submitLabel,
  onSubmit,
  onCancel,
  reload,
}: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const form = useForm<MeetingFormValues>({
    initialValues: initial,
    validate: zodValidator(
      mode === 'create' ? ZMeetingCreate : ZMeetingPatch,
      mode === 'create' ? createBody : patchBody,
      t,
    ),
  });
  const zoneOptions = useMemo(() => {
    const zone = form.values.timeZone;
    return zone && !timeZones.includes(zone) ? [zone, ...timeZones] : timeZones;
  }, [form.values.timeZone]);

  const submit = form.onSubmit(async (values) => {
    const body = mode === 'create' ? createBody(values) : patchBody(values);
    try {
      await onSubmit(body as MeetingCreate | MeetingPatch);
    } catch (error) {
      handleError(error as ApiError, { form, reload });
    }
  });

  return (
    <LocalDates>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {mode === 'create' ? (
              <BodySelect
                label={t('meetings.body')}
                required
                kinds={councilOnly ? ['council', 'working_group'] : undefined}
                {...form.getInputProps('bodyId')}
              />
            ) : null}
            <NumberInput
              label={t('meetings.number')}
              description={mode === 'create' ? t('meetings.numberHint') : undefined}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('number')}
            />
            <Select
              label={t('meetings.kind')}
              data={MEETING_KINDS.map((k) => ({ value: k, label: t(`enums.meetingKind.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            {mode === 'create' && (
              <Select
                label={t('meetings.status')}
                data={(['planned', 'announced'] as const).map((s) => ({
                  value: s,
                  label: t(`enums.meetingStatus.${s}`),
                }))}
                allowDeselect={false}
                {...form.getInputProps('status')}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <DateField
              label={t('meetings.startDate')}
              required
              {...form.getInputProps('startDate')}
            />
            <DateField
              label={t('meetings.endDate')}
              description={t('meetings.endDateHint')}
              {...form.getInputProps('endDate')}
            />
            <TimeField label={t('meetings.startTime')} {...form.getInputProps('startTime')} />
            <Select
              label={t('meetings.timeZone')}
              required
              searchable
              data={zoneOptions}
              limit={100}
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
          <Fieldset legend={t('meetings.location')}>
            <Stack gap="sm">
              <LocalizedInput form={form} path="location.city" label={t('meetings.city')} />
              <MemberStateSelect
                label={t('meetings.country')}
                {...form.getInputProps('location.country')}
              />
              <LocalizedInput form={form} path="location.venue" label={t('meetings.venue')} />
            </Stack>
          </Fieldset>
          <PersonSelect label={t('meetings.chair')} {...form.getInputProps('chairPersonId')} />
          <LocalizedInput form={form} path="notes" label={t('meetings.notes')} multiline />
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={form.submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </LocalDates>
  );
}
