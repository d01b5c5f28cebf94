import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  PROJECT_KINDS,
  PROJECT_PARTICIPANT_ROLES,
  PROJECT_STATUSES,
  type Project,
  ZProjectCreate,
} from '@plenum/shared';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { problemMessage, problemTitle } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import {
  type TextValues,
  textValues,
  toRequiredText,
  toText,
  zodValidator,
} from '../../app/forms.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { LocalizedInput } from '../../components/localized-input.tsx';
import { useText } from '../../components/localized-text.tsx';
import { useStateName } from '../directory/lookups.ts';
import {
  DecisionsEditor,
  type LinkedRef,
  MeasuresEditor,
  OrganizationSelect,
  useOrganizationState,
} from './pickers.tsx';

interface ParticipantValues {
  key: string;
  organizationId: string | null;
  role: string;
}

export interface ProjectValues {
  title: TextValues;
  description: TextValues;
  kind: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  participants: ParticipantValues[];
  measures: LinkedRef[];
  decisions: LinkedRef[];
}

let counter = 0;
const rowKey = () => `p${++counter}`;

export function useProjectValues() {
  const text = useText();
  return (p?: Project): ProjectValues => ({
    title: textValues(p?.title),
    description: textValues(p?.description),
    kind: p?.kind ?? 'joint_rnd',
    status: p?.status ?? 'proposed',
    startDate: p?.startDate ?? null,
    endDate: p?.endDate ?? null,
    participants: p
      ? p.participants.map((x) => ({
          key: rowKey(),
          organizationId: x.organizationId,
          role: x.role,
        }))
      : [{ key: rowKey(), organizationId: null, role: 'lead' }],
    measures: (p?.measures ?? []).map((m) => ({ id: m.id, label: text(m.title) })),
    decisions: (p?.decisions ?? []).map((d) => ({
      id: d.id,
      label: `${d.number} ${text(d.title)}`,
    })),
  });
}

const toBody = (v: ProjectValues, mode: 'create' | 'edit') => ({
  title: toRequiredText(v.title),
  description: toText(v.description),
  kind: v.kind,
  ...(mode === 'create' ? { status: v.status } : {}),
  startDate: v.startDate || null,
  endDate: v.endDate || null,
  participants: v.participants.map((p) => ({
    organizationId: p.organizationId ?? '',
    role: p.role,
  })),
  measureIds: v.measures.map((m) => m.id),
  decisionIds: v.decisions.map((d) => d.id),
});

/** A project's fields, participants and links; a refusal of the register's rules shows in place. */
export function ProjectForm({
  mode,
  initial,
  onSubmit,
  onCancel,
  reload,
}: {
  mode: 'create' | 'edit';
  initial: ProjectValues;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
  reload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const stateOf = useOrganizationState();
  const stateName = useStateName();
  const [refusal, setRefusal] = useState<{ title: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<ProjectValues>({
    initialValues: initial,
    validate: zodValidator(ZProjectCreate, (v: ProjectValues) => toBody(v, 'create'), t),
  });
  const values = form.getValues();
  const states = [
    ...new Set(values.participants.map((p) => stateOf(p.organizationId)).filter(Boolean)),
  ] as string[];
  const leads = values.participants.filter((p) => p.role === 'lead').length;

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setRefusal(null);
    try {
      await onSubmit(toBody(v, mode));
    } catch (error) {
      if (isApiError(error) && error.status === 422) {
        // The register's own rules (one lead; a joint venture spans two states): say which.
        const jv = v.kind === 'joint_venture' && states.length < 2 && leads === 1;
        setRefusal({
          title: problemTitle(t, error),
          message: jv
            ? t('projects.jvRefused', { states: states.map((s) => stateName(s)).join(', ') })
            : leads !== 1
              ? t('projects.leadRefused', { count: leads })
              : problemMessage(t, error),
        });
      } else {
        handleError(error, { form, reload });
      }
    } finally {
      setBusy(false);
    }
  });

  const setRole = (index: number, role: string) => {
    // Exactly one lead: choosing a new lead makes the former lead a partner.
    form.setFieldValue(
      'participants',
      values.participants.map((p, i) =>
        i === index
          ? { ...p, role }
          : role === 'lead' && p.role === 'lead'
            ? { ...p, role: 'partner' }
            : p,
      ),
    );
  };

  return (
    <LocalDates>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <LocalizedInput
            form={form}
            path="title"
            label={t('projects.titleField')}
            required
            multiline
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('projects.kindLabel')}
              required
              allowDeselect={false}
              data={PROJECT_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))}
              {...form.getInputProps('kind')}
            />
            {mode === 'create' && (
              <Select
                label={t('projects.statusLabel')}
                allowDeselect={false}
                data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
                {...form.getInputProps('status')}
              />
            )}
            <DateField label={t('projects.startDate')} {...form.getInputProps('startDate')} />
            <DateField label={t('projects.endDate')} {...form.getInputProps('endDate')} />
          </SimpleGrid>
          <LocalizedInput
            form={form}
            path="description"
            label={t('projects.description')}
            multiline
          />

          <Paper withBorder p="sm">
            <Text fw={600} size="sm" mb={4}>
              {t('projects.participants')}
            </Text>
            <Text size="xs" c="dimmed" mb="sm">
              {values.kind === 'joint_venture'
                ? t('projects.jvHint')
                : t('projects.participantsHint')}{' '}
              {states.length > 0 &&
                t('projects.statesNow', { states: states.map((s) => stateName(s)).join(', ') })}
            </Text>
            <Stack gap="xs">
              {values.participants.map((p, i) => (
                <Group key={p.key} gap="xs" align="flex-end" wrap="wrap">
                  <OrganizationSelect
                    label={t('projects.organization', { n: i + 1 })}
                    required
                    style={{ flex: '1 1 16rem', minWidth: 0 }}
                    {...form.getInputProps(`participants.${i}.organizationId`)}
                  />
                  <Select
                    label={t('projects.roleLabel')}
                    allowDeselect={false}
                    w={150}
                    data={PROJECT_PARTICIPANT_ROLES.map((r) => ({
                      value: r,
                      label: t(`projects.role.${r}`),
                    }))}
                    value={p.role}
                    onChange={(role) => role && setRole(i, role)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    disabled={values.participants.length === 1}
                    aria-label={t('projects.removeParticipant', { n: i + 1 })}
                    onClick={() => form.removeListItem('participants', i)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              {typeof form.errors.participants === 'string' && (
                <Text c="red" size="sm">
                  {form.errors.participants}
                </Text>
              )}
              <Group>
                <Button
                  variant="light"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() =>
                    form.insertListItem('participants', {
                      key: rowKey(),
                      organizationId: null,
                      role: leads === 0 ? 'lead' : 'partner',
                    })
                  }
                >
                  {t('projects.addParticipant')}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <MeasuresEditor
            value={values.measures}
            onChange={(m) => form.setFieldValue('measures', m)}
          />
          <DecisionsEditor
            value={values.decisions}
            onChange={(d) => form.setFieldValue('decisions', d)}
          />

          {refusal && (
            <Alert
              color="red"
              role="alert"
              title={refusal.title}
              icon={<IconAlertTriangle aria-hidden />}
            >
              {refusal.message}
            </Alert>
          )}
          <FormActions
            submitting={busy}
            onCancel={onCancel}
            submitLabel={mode === 'create' ? t('projects.create') : t('common.save')}
          />
        </Stack>
      </form>
    </LocalDates>
  );
}
