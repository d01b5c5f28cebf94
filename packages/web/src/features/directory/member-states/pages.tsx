import { Badge, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  MEMBER_STATE_STATUSES,
  type MemberState,
  ZMemberStateCreate,
  ZMemberStatePatch,
} from '@plenum/shared';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { canWrite, useMe } from '../../../app/auth.ts';
import { notifySaved, useErrorHandler } from '../../../app/errors.ts';
import { type TextValues, textValues, toRequiredText, zodValidator } from '../../../app/forms.ts';
import { useRecord } from '../../../app/use-record.ts';
import { LoadMore, useCursorList } from '../../../components/cursor-list.tsx';
import { DataTable, EmptyRow } from '../../../components/data-table.tsx';
import { DeleteButton } from '../../../components/delete-button.tsx';
import {
  BothLanguages,
  DetailCard,
  DetailField,
  RecordStamps,
} from '../../../components/detail.tsx';
import { FormActions } from '../../../components/form-actions.tsx';
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
import { LocalizedInput } from '../../../components/localized-input.tsx';
import { LText, useText } from '../../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../../components/page.tsx';
import { SearchInput } from '../../../components/search-input.tsx';

const memberStateQuery = (code: string) =>
  queryOptions({
    queryKey: ['member-states', code],
    queryFn: () => api.get<MemberState>(`/member-states/${encodeURIComponent(code)}`),
  });

const STATUS_COLORS = { member: 'indigo', observer: 'cyan', former: 'gray' } as const;

function StatusBadge({ status }: { status: MemberState['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {t(`enums.memberStateStatus.${status}`)}
    </Badge>
  );
}

export function MemberStatesPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearch({ from: '/app/directory/member-states' });
  const navigate = useNavigate({ from: '/directory/member-states' });
  const list = useCursorList<MemberState>(['member-states'], '/member-states', search);
  return (
    <>
      <PageHeader
        title={t('memberStates.title')}
        crumbs={[{ label: t('nav.directory'), to: '/directory/member-states' }]}
        actions={
          canWrite(me?.user) && (
            <ButtonLink
              to="/directory/member-states/new"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('memberStates.new')}
            </ButtonLink>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md" maw={640}>
        <SearchInput
          label={t('common.search')}
          placeholder={t('memberStates.searchHint')}
          value={search.q}
          onSearch={(q) => navigate({ search: (s) => ({ ...s, q }) })}
        />
        <Select
          label={t('memberStates.status')}
          placeholder={t('common.all')}
          clearable
          data={MEMBER_STATE_STATUSES.map((s) => ({
            value: s,
            label: t(`enums.memberStateStatus.${s}`),
          }))}
          value={search.status ?? null}
          onChange={(status) =>
            navigate({ search: (s) => ({ ...s, status: status ?? undefined }) })
          }
        />
      </SimpleGrid>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : (
        <>
          <DataTable
            caption={t('memberStates.title')}
            minWidth={320}
            head={[t('memberStates.code'), t('memberStates.name'), t('memberStates.status')]}
          >
            {list.items.length === 0 && <EmptyRow cols={3} text={t('common.noResults')} />}
            {list.items.map((s) => (
              <Table.Tr key={s.code}>
                <Table.Td ff="monospace">{s.code}</Table.Td>
                <Table.Td>
                  <AnchorLink to="/directory/member-states/$code" params={{ code: s.code }}>
                    <LText value={s.name} />
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={s.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <LoadMore {...list} />
        </>
      )}
    </>
  );
}

export function MemberStatePage(): JSX.Element {
  const { t } = useTranslation();
  const { code } = useParams({ from: '/app/directory/member-states/$code' });
  const me = useMe();
  const text = useText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = useQuery(memberStateQuery(code));
  if (state.isPending) {
    return <PageLoader />;
  }
  if (state.isError) {
    return <LoadError error={state.error} retry={() => state.refetch()} />;
  }
  const s = state.data;
  const writer = canWrite(me?.user);
  return (
    <>
      <PageHeader
        title={<LText value={s.name} inherit />}
        badge={<StatusBadge status={s.status} />}
        crumbs={[{ label: t('memberStates.title'), to: '/directory/member-states' }]}
        actions={
          writer && (
            <>
              <ButtonLink
                to="/directory/member-states/$code/edit"
                params={{ code }}
                variant="light"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
              <DeleteButton
                what={text(s.name)}
                onDelete={() => api.delete(`/member-states/${code}`, s.version)}
                reload={() => state.refetch()}
                onDeleted={async () => {
                  await queryClient.invalidateQueries({ queryKey: ['member-states'] });
                  notifySaved(t, t('common.deleted'));
                  await navigate({ to: '/directory/member-states' });
                }}
              />
            </>
          )
        }
      />
      <Stack>
        <DetailCard>
          <DetailField label={t('memberStates.code')}>{s.code}</DetailField>
          <DetailField label={t('memberStates.status')}>
            {t(`enums.memberStateStatus.${s.status}`)}
          </DetailField>
          <DetailField label={t('memberStates.name')} wide>
            <BothLanguages value={s.name} />
          </DetailField>
        </DetailCard>
        <Paper withBorder p="md">
          <Group gap="md">
            <AnchorLink to="/directory/persons" search={{ memberState: code }}>
              {t('memberStates.persons')}
            </AnchorLink>
            <AnchorLink to="/directory/organizations" search={{ memberState: code }}>
              {t('memberStates.organizations')}
            </AnchorLink>
            <AnchorLink to="/directory/memberships" search={{ memberState: code }}>
              {t('memberStates.memberships')}
            </AnchorLink>
          </Group>
        </Paper>
        <RecordStamps createdAt={s.createdAt} updatedAt={s.updatedAt} />
      </Stack>
    </>
  );
}

interface Values {
  code: string;
  name: TextValues;
  status: MemberState['status'];
}

function MemberStateForm({
  mode,
  initial,
  onSubmit,
  onCancel,
  reload,
}: {
  mode: 'create' | 'edit';
  initial: Values;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onCancel: () => void;
  reload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const toBody = (v: Values) =>
    mode === 'create'
      ? { code: v.code.trim().toUpperCase(), name: toRequiredText(v.name), status: v.status }
      : { name: toRequiredText(v.name), status: v.status };
  const form = useForm<Values>({
    initialValues: initial,
    validate: zodValidator(mode === 'create' ? ZMemberStateCreate : ZMemberStatePatch, toBody, t),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(toBody(values));
    } catch (error) {
      handleError(error, { form, reload });
    }
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('memberStates.code')}
              description={t('memberStates.codeHint')}
              required
              disabled={mode === 'edit'}
              maxLength={3}
              {...form.getInputProps('code')}
            />
            <Select
              label={t('memberStates.status')}
              allowDeselect={false}
              data={MEMBER_STATE_STATUSES.map((s) => ({
                value: s,
                label: t(`enums.memberStateStatus.${s}`),
              }))}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <LocalizedInput form={form} path="name" label={t('memberStates.name')} required />
        </Stack>
        <FormActions submitting={form.submitting} onCancel={onCancel} />
      </form>
    </Paper>
  );
}

export function MemberStateNewPage(): JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader
        title={t('memberStates.new')}
        crumbs={[{ label: t('memberStates.title'), to: '/directory/member-states' }]}
      />
      <MemberStateForm
        mode="create"
        initial={{ code: '', name: textValues(null), status: 'member' }}
        onCancel={() => navigate({ to: '/directory/member-states' })}
        onSubmit={async (body) => {
          const created = await api.post<MemberState>('/member-states', body);
          await queryClient.invalidateQueries({ queryKey: ['member-states'] });
          notifySaved(t);
          await navigate({ to: '/directory/member-states/$code', params: { code: created.code } });
        }}
      />
    </>
  );
}

export function MemberStateEditPage(): JSX.Element {
  const { t } = useTranslation();
  const { code } = useParams({ from: '/app/directory/member-states/$code/edit' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { query, reload, formKey } = useRecord(memberStateQuery(code));
  if (query.isPending) {
    return <PageLoader />;
  }
  if (query.isError) {
    return <LoadError error={query.error} retry={() => query.refetch()} />;
  }
  const s = query.data;
  const back = () => navigate({ to: '/directory/member-states/$code', params: { code } });
  return (
    <>
      <PageHeader
        title={t('memberStates.edit')}
        crumbs={[
          { label: t('memberStates.title'), to: '/directory/member-states' },
          { label: s.code, to: '/directory/member-states/$code', params: { code } },
        ]}
      />
      <MemberStateForm
        key={formKey}
        mode="edit"
        initial={{ code: s.code, name: textValues(s.name), status: s.status }}
        onCancel={back}
        reload={reload}
        onSubmit={async (body) => {
          const updated = await api.patch<MemberState>(`/member-states/${code}`, body, s.version);
          queryClient.setQueryData(memberStateQuery(code).queryKey, updated);
          await queryClient.invalidateQueries({ queryKey: ['member-states'] });
          notifySaved(t);
          await back();
        }}
      />
    </>
  );
}
