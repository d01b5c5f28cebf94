import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  DECISION_KINDS,
  type Decision,
  type Meeting,
  type Page,
  RELATION_KINDS,
  ZDecisionCreate,
} from '@plenum/shared';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type JSX, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import {
  emptyText,
  orNull,
  type TextValues,
  toRequiredText,
  zodValidator,
} from '../../app/forms.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { LocalizedInput } from '../../components/localized-input.tsx';
import { useText } from '../../components/localized-text.tsx';
import { PageHeader } from '../../components/page.tsx';
import { BodySelect } from '../../components/selects.tsx';
import { agendaQuery, meetingQuery } from '../meetings/api.ts';
import { decisionQuery } from './api.ts';
import { DecisionSelect } from './decision-select.tsx';

interface Relation {
  kind: (typeof RELATION_KINDS)[number];
  decisionId: string | null;
}

interface Values {
  bodyId: string | null;
  meetingId: string | null;
  agendaItemId: string | null;
  number: string;
  kind: Decision['kind'];
  title: TextValues;
  text: TextValues;
  adoptedOn: string | null;
  relations: Relation[];
}

const bodyOf = (v: Values) => ({
  bodyId: v.bodyId ?? '',
  meetingId: v.meetingId,
  agendaItemId: v.meetingId ? v.agendaItemId : null,
  ...(orNull(v.number) ? { number: v.number.trim() } : {}),
  kind: v.kind,
  title: toRequiredText(v.title),
  text: toRequiredText(v.text),
  ...(v.adoptedOn ? { adoptedOn: v.adoptedOn } : {}),
  relations: v.relations
    .filter((r) => r.decisionId)
    .map((r) => ({ kind: r.kind, decisionId: r.decisionId as string })),
});

export function DecisionNewPage(): JSX.Element {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const { meetingId } = useSearch({ from: '/app/decisions/new' });
  const preset = useQuery({ ...meetingQuery(meetingId ?? ''), enabled: !!meetingId });
  const form = useForm<Values>({
    initialValues: {
      bodyId: null,
      meetingId: meetingId ?? null,
      agendaItemId: null,
      number: '',
      kind: 'decision',
      title: emptyText(),
      text: emptyText(),
      adoptedOn: null,
      relations: [],
    },
    validate: zodValidator(ZDecisionCreate, bodyOf, t),
  });
  const bodyId = form.values.bodyId ?? preset.data?.bodyId ?? null;
  const meetings = useQuery({
    queryKey: ['meetings', 'list', 'for-decision', bodyId],
    queryFn: () => api.get<Page<Meeting>>('/meetings', { bodyId, when: 'past', limit: 100 }),
    enabled: !!bodyId,
  });
  const agenda = useQuery({
    ...agendaQuery(form.values.meetingId ?? ''),
    enabled: !!form.values.meetingId,
  });
  const meetingOptions = useMemo(() => {
    const list = [...(meetings.data?.items ?? [])];
    if (preset.data && !list.some((m) => m.id === preset.data.id)) {
      list.unshift(preset.data);
    }
    return list.map((m) => ({ value: m.id, label: text(m.name) }));
  }, [meetings.data, preset.data, text]);

  const submit = form.onSubmit(async (values) => {
    try {
      const created = await api.post<Decision>('/decisions', bodyOf({ ...values, bodyId }));
      queryClient.setQueryData(decisionQuery(created.id).queryKey, created);
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
      notifySaved(t, t('decisions.created'));
      await navigate({ to: '/decisions/$decisionId', params: { decisionId: created.id } });
    } catch (error) {
      handleError(error, { form });
    }
  });

  return (
    <>
      <PageHeader
        title={t('decisions.new')}
        crumbs={[{ label: t('decisions.title'), to: '/decisions' }]}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <LocalDates>
          <form onSubmit={submit} noValidate>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <BodySelect
                  label={t('decisions.body')}
                  required
                  {...form.getInputProps('bodyId')}
                  value={bodyId}
                />
                <Select
                  label={t('decisions.meeting')}
                  clearable
                  searchable
                  data={meetingOptions}
                  disabled={!bodyId}
                  {...form.getInputProps('meetingId')}
                />
                <Select
                  label={t('decisions.agendaItem')}
                  clearable
                  disabled={!form.values.meetingId}
                  data={(agenda.data ?? []).map((i) => ({
                    value: i.id,
                    label: `${i.position} ${text(i.title)}`,
                  }))}
                  {...form.getInputProps('agendaItemId')}
                />
                <TextInput
                  label={t('decisions.number')}
                  description={t('decisions.numberHint')}
                  {...form.getInputProps('number')}
                />
                <Select
                  label={t('decisions.kind')}
                  allowDeselect={false}
                  data={DECISION_KINDS.map((k) => ({
                    value: k,
                    label: t(`enums.decisionKind.${k}`),
                  }))}
                  {...form.getInputProps('kind')}
                />
                <DateField
                  label={t('decisions.adoptedOn')}
                  description={t('decisions.adoptedOnHint')}
                  {...form.getInputProps('adoptedOn')}
                />
              </SimpleGrid>
              <LocalizedInput form={form} path="title" label={t('decisions.titleField')} required />
              <LocalizedInput
                form={form}
                path="text"
                label={t('decisions.text')}
                required
                multiline
                description={t('decisions.markdownHint')}
              />
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('decisions.relations')}
                </Text>
                <Stack gap="xs">
                  {form.values.relations.map((_r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                    <Group key={i} gap="xs" align="flex-end" wrap="wrap">
                      <Select
                        label={t('decisions.relationKind')}
                        allowDeselect={false}
                        w={180}
                        data={RELATION_KINDS.map((k) => ({
                          value: k,
                          label: t(`relations.${k}.outgoing`),
                        }))}
                        {...form.getInputProps(`relations.${i}.kind`)}
                      />
                      <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
                        <DecisionSelect
                          label={t('decisions.relationTarget')}
                          {...form.getInputProps(`relations.${i}.decisionId`)}
                        />
                      </div>
                      <ActionIcon
                        color="red"
                        variant="subtle"
                        size="lg"
                        aria-label={t('decisions.removeRelation')}
                        onClick={() => form.removeListItem('relations', i)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                  <div>
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() =>
                        form.insertListItem('relations', { kind: 'amends', decisionId: null })
                      }
                    >
                      {t('decisions.addRelation')}
                    </Button>
                  </div>
                </Stack>
              </div>
              <FormActions
                submitting={form.submitting}
                submitLabel={t('decisions.create')}
                onCancel={() => navigate({ to: '/decisions' })}
              />
            </Stack>
          </form>
        </LocalDates>
      </Paper>
    </>
  );
}
