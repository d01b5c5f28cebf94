import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CLASSIFICATIONS,
  IP_KINDS,
  type IpResult,
  PROTECTION_STATUSES,
  ZIpResultCreate,
} from '@plenum/shared';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
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
import { MemberStateSelect } from '../../components/selects.tsx';
import { AccessListEditor } from '../documents/document-form.tsx';
import { allProjectsQuery } from '../projects/api.ts';
import { DecisionsEditor, type LinkedRef, OrganizationSelect } from '../projects/pickers.tsx';
import { FormStyles } from './form-styles.tsx';

interface HolderValues {
  key: string;
  type: 'organization' | 'state';
  organizationId: string | null;
  memberState: string | null;
  share: number | string;
}
interface ProtectionValues {
  key: string;
  memberState: string | null;
  status: string;
  number: string;
  date: string | null;
}

export interface IpResultValues {
  title: TextValues;
  description: TextValues;
  kind: string;
  projectId: string | null;
  classification: string;
  memberStates: string[];
  bodyIds: string[];
  holders: HolderValues[];
  protections: ProtectionValues[];
  decisions: LinkedRef[];
}

let counter = 0;
const rowKey = () => `r${++counter}`;

export function useIpResultValues() {
  const text = useText();
  return (r?: IpResult): IpResultValues => ({
    title: textValues(r?.title),
    description: textValues(r?.description),
    kind: r?.kind ?? 'invention',
    projectId: r?.projectId ?? null,
    classification: r?.classification ?? 'internal',
    memberStates: r?.accessList?.memberStates ?? [],
    bodyIds: r?.accessList?.bodyIds ?? [],
    holders: r
      ? r.rightsHolders.map((h) => ({
          key: rowKey(),
          type: h.organizationId ? 'organization' : 'state',
          organizationId: h.organizationId,
          memberState: h.organizationId ? null : h.memberState,
          share: h.share,
        }))
      : [
          {
            key: rowKey(),
            type: 'organization',
            organizationId: null,
            memberState: null,
            share: 100,
          },
        ],
    protections: (r?.protections ?? []).map((p) => ({
      key: rowKey(),
      memberState: p.memberState,
      status: p.status,
      number: p.number ?? '',
      date: p.date,
    })),
    decisions: (r?.decisions ?? []).map((d) => ({
      id: d.id,
      label: `${d.number} ${text(d.title)}`,
    })),
  });
}

const num = (v: number | string) => (typeof v === 'number' ? v : Number.parseFloat(v));
/** The total in hundredths of a percent, so 33.33 + 33.33 + 33.34 is exactly 100. */
export const sharesTotal = (holders: { share: number | string }[]) =>
  holders.reduce(
    (sum, h) => sum + (Number.isFinite(num(h.share)) ? Math.round(num(h.share) * 100) : 0),
    0,
  ) / 100;

const toBody = (v: IpResultValues) => ({
  title: toRequiredText(v.title),
  description: toText(v.description),
  kind: v.kind,
  projectId: v.projectId || null,
  classification: v.classification,
  accessList:
    v.classification === 'restricted' ? { memberStates: v.memberStates, bodyIds: v.bodyIds } : null,
  rightsHolders: v.holders.map((h) =>
    h.type === 'organization'
      ? { organizationId: h.organizationId ?? '', share: num(h.share) }
      : { memberState: h.memberState ?? '', share: num(h.share) },
  ),
  protections: v.protections.map((p) => ({
    memberState: p.memberState ?? '',
    status: p.status,
    number: p.number.trim() || null,
    date: p.date || null,
  })),
  decisionIds: v.decisions.map((d) => d.id),
});

/** An IP result: rights holders with a running total, protections per state, classification. */
export function IpResultForm({
  mode,
  initial,
  onSubmit,
  onCancel,
  reload,
}: {
  mode: 'create' | 'edit';
  initial: IpResultValues;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
  reload?: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const text = useText();
  const handleError = useErrorHandler();
  const projects = useQuery(allProjectsQuery);
  const [refusal, setRefusal] = useState<{ title: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<IpResultValues>({
    initialValues: initial,
    validate: zodValidator(ZIpResultCreate, toBody, t),
  });
  const values = form.getValues();
  const total = sharesTotal(values.holders);
  const pct = (n: number) =>
    n.toLocaleString(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 2 });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setRefusal(null);
    try {
      await onSubmit(toBody(v));
    } catch (error) {
      if (isApiError(error) && error.status === 422) {
        const path = error.problem.errors?.[0]?.path ?? '';
        setRefusal({
          title: problemTitle(t, error),
          message:
            path === 'rightsHolders'
              ? t('ipResults.sharesRefused', { total: pct(sharesTotal(v.holders)) })
              : path === 'accessList'
                ? t('ipResults.accessRefused')
                : /^protections\.\d+\.number$/.test(path)
                  ? t('ipResults.numberRefused')
                  : problemMessage(t, error),
        });
      } else {
        handleError(error, { form, reload });
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <LocalDates>
      <FormStyles />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <LocalizedInput
            form={form}
            path="title"
            label={t('ipResults.titleField')}
            required
            multiline
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('ipResults.kindLabel')}
              required
              allowDeselect={false}
              data={IP_KINDS.map((k) => ({ value: k, label: t(`ipResults.kind.${k}`) }))}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('ipResults.project')}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              data={(projects.data ?? []).map((p) => ({ value: p.id, label: text(p.title) }))}
              {...form.getInputProps('projectId')}
            />
          </SimpleGrid>
          <LocalizedInput
            form={form}
            path="description"
            label={t('ipResults.description')}
            multiline
          />

          <Paper withBorder p="sm">
            <Text fw={600} size="sm" mb={4}>
              {t('ipResults.holders')}
            </Text>
            <Text size="xs" c="dimmed" mb="sm">
              {t('ipResults.holdersHint')}
            </Text>
            <Stack gap="sm">
              {values.holders.map((h, i) => (
                <Group key={h.key} gap="xs" align="flex-end" wrap="wrap">
                  <SegmentedControl
                    size="xs"
                    mb={4}
                    aria-label={t('ipResults.holderType', { n: i + 1 })}
                    data={[
                      { value: 'organization', label: t('ipResults.holderOrganization') },
                      { value: 'state', label: t('ipResults.holderState') },
                    ]}
                    {...form.getInputProps(`holders.${i}.type`)}
                  />
                  {h.type === 'organization' ? (
                    <OrganizationSelect
                      label={t('ipResults.holder', { n: i + 1 })}
                      required
                      style={{ flex: '1 1 14rem', minWidth: 0 }}
                      {...form.getInputProps(`holders.${i}.organizationId`)}
                      error={form.errors[`rightsHolders.${i}.organizationId`]}
                    />
                  ) : (
                    <MemberStateSelect
                      label={t('ipResults.holder', { n: i + 1 })}
                      required
                      style={{ flex: '1 1 14rem', minWidth: 0 }}
                      {...form.getInputProps(`holders.${i}.memberState`)}
                      error={form.errors[`rightsHolders.${i}.memberState`]}
                    />
                  )}
                  <NumberInput
                    label={t('ipResults.share', { n: i + 1 })}
                    w={110}
                    min={0}
                    max={100}
                    decimalScale={2}
                    suffix=" %"
                    {...form.getInputProps(`holders.${i}.share`)}
                    error={form.errors[`rightsHolders.${i}.share`]}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    disabled={values.holders.length === 1}
                    aria-label={t('ipResults.removeHolder', { n: i + 1 })}
                    onClick={() => form.removeListItem('holders', i)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between" wrap="wrap">
                <Button
                  variant="light"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() =>
                    form.insertListItem('holders', {
                      key: rowKey(),
                      type: 'organization',
                      organizationId: null,
                      memberState: null,
                      share: Math.max(0, Math.round((100 - total) * 100) / 100),
                    })
                  }
                >
                  {t('ipResults.addHolder')}
                </Button>
                <Text
                  size="sm"
                  fw={600}
                  c={total === 100 ? 'green.8' : 'red.8'}
                  aria-live="polite"
                  data-testid="shares-total"
                >
                  {total === 100 ? '✓ ' : '✗ '}
                  {t('ipResults.total', { total: pct(total) })}
                </Text>
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="sm">
            <Text fw={600} size="sm" mb="sm">
              {t('ipResults.protections')}
            </Text>
            <Stack gap="sm">
              {values.protections.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('ipResults.noProtection')}
                </Text>
              )}
              {values.protections.map((p, i) => (
                <Group key={p.key} gap="xs" align="flex-end" wrap="wrap">
                  <MemberStateSelect
                    label={t('ipResults.protectionState', { n: i + 1 })}
                    required
                    style={{ flex: '1 1 12rem', minWidth: 0 }}
                    {...form.getInputProps(`protections.${i}.memberState`)}
                  />
                  <Select
                    label={t('ipResults.protectionLabel')}
                    style={{ flex: '1 1 10rem' }}
                    allowDeselect={false}
                    data={PROTECTION_STATUSES.map((s) => ({
                      value: s,
                      label: t(`ipResults.protection.${s}`),
                    }))}
                    {...form.getInputProps(`protections.${i}.status`)}
                  />
                  <TextInput
                    label={t('ipResults.number')}
                    style={{ flex: '1 1 8rem' }}
                    {...form.getInputProps(`protections.${i}.number`)}
                  />
                  <DateField
                    label={t('ipResults.date')}
                    style={{ flex: '1 1 9rem' }}
                    {...form.getInputProps(`protections.${i}.date`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('ipResults.removeProtection', { n: i + 1 })}
                    onClick={() => form.removeListItem('protections', i)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() =>
                    form.insertListItem('protections', {
                      key: rowKey(),
                      memberState: null,
                      status: 'filed',
                      number: '',
                      date: null,
                    })
                  }
                >
                  {t('ipResults.addProtection')}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <Radio.Group
            label={t('ipResults.classificationLabel')}
            {...form.getInputProps('classification')}
          >
            <Stack gap="xs" mt={6}>
              {CLASSIFICATIONS.map((c) => (
                <Radio
                  key={c}
                  value={c}
                  label={t(`documents.classification.${c}`)}
                  description={c === 'restricted' ? t('ipResults.restrictedHint') : undefined}
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
            submitLabel={mode === 'create' ? t('ipResults.create') : t('common.save')}
          />
        </Stack>
      </form>
    </LocalDates>
  );
}
