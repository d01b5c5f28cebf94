import { Badge, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import {
  MEMBER_STATE_STATUSES,
  type MemberState,
  ZMemberStateCreate,
  ZMemberStatePatch,
} from '@plenum/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { type TextValues, textValues, toRequiredText } from '../../../app/forms.ts';
import { useRecord } from '../../../app/use-record.ts';
import { LoadMore, useCursorList } from '../../../components/cursor-list.tsx';
import { DataTable, EmptyRow } from '../../../components/data-table.tsx';
import {
  BothLanguages,
  DetailCard,
  DetailField,
  RecordStamps,
} from '../../../components/detail.tsx';
import { FormActions } from '../../../components/form-actions.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { LocalizedInput } from '../../../components/localized-input.tsx';
import { LText, useText } from '../../../components/localized-text.tsx';
import { PageHeader } from '../../../components/page.tsx';
import { type RecordFormProps, useRecordForm } from '../../../components/record-form.tsx';
import {
  EditButtonLink,
  FormPage,
  ListPageHeader,
  Loading,
  NewButtonLink,
  RecordActions,
  RecordPage,
  useAfterWrite,
  useWriter,
} from '../../../components/record-page.tsx';
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
  const search = useSearch({ from: '/app/directory/member-states' });
  const navigate = useNavigate({ from: '/directory/member-states' });
  const list = useCursorList<MemberState>(['member-states'], '/member-states', search);
  return (
    <>
      <ListPageHeader
        title={t('memberStates.title')}
        newButton={
          <NewButtonLink to="/directory/member-states/new">{t('memberStates.new')}</NewButtonLink>
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
      <Loading query={list}>
        {() => (
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
      </Loading>
    </>
  );
}

export function MemberStatePage(): JSX.Element {
  const { t } = useTranslation();
  const { code } = useParams({ from: '/app/directory/member-states/$code' });
  const writer = useWriter();
  const text = useText();
  const navigate = useNavigate();
  const after = useAfterWrite(['member-states']);
  const state = useQuery(memberStateQuery(code));
  return (
    <RecordPage query={state}>
      {(s) => (
        <>
          <PageHeader
            title={<LText value={s.name} inherit />}
            badge={<StatusBadge status={s.status} />}
            crumbs={[{ label: t('memberStates.title'), to: '/directory/member-states' }]}
            actions={
              writer && (
                <RecordActions
                  edit={
                    <EditButtonLink to="/directory/member-states/$code/edit" params={{ code }} />
                  }
                  what={text(s.name)}
                  onDelete={() => api.delete(`/member-states/${code}`, s.version)}
                  reload={() => state.refetch()}
                  onDeleted={() =>
                    after.deleted(() => navigate({ to: '/directory/member-states' }))
                  }
                />
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
      )}
    </RecordPage>
  );
}

interface Values {
  code: string;
  name: TextValues;
  status: MemberState['status'];
}

function MemberStateForm({ mode, initial, onSubmit, onCancel, reload }: RecordFormProps<Values>) {
  const { t } = useTranslation();
  const toBody = (v: Values) =>
    mode === 'create'
      ? { code: v.code.trim().toUpperCase(), name: toRequiredText(v.name), status: v.status }
      : { name: toRequiredText(v.name), status: v.status };
  const { form, submit } = useRecordForm({
    initial,
    schema: mode === 'create' ? ZMemberStateCreate : ZMemberStatePatch,
    toBody: toBody,
    onSubmit,
    reload,
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
  const after = useAfterWrite(['member-states']);
  return (
    <FormPage
      title={t('memberStates.new')}
      crumbs={[{ label: t('memberStates.title'), to: '/directory/member-states' }]}
    >
      <MemberStateForm
        mode="create"
        initial={{ code: '', name: textValues(null), status: 'member' }}
        onCancel={() => navigate({ to: '/directory/member-states' })}
        onSubmit={async (body) => {
          const created = await api.post<MemberState>('/member-states', body);
          await after.created(() =>
            navigate({ to: '/directory/member-states/$code', params: { code: created.code } }),
          );
        }}
      />
    </FormPage>
  );
}

export function MemberStateEditPage(): JSX.Element {
  const { t } = useTranslation();
  const { code } = useParams({ from: '/app/directory/member-states/$code/edit' });
  const navigate = useNavigate();
  const after = useAfterWrite(['member-states']);
  const { query, reload, formKey } = useRecord(memberStateQuery(code));
  const back = () => navigate({ to: '/directory/member-states/$code', params: { code } });
  return (
    <RecordPage query={query}>
      {(s) => (
        <FormPage
          title={t('memberStates.edit')}
          crumbs={[
            { label: t('memberStates.title'), to: '/directory/member-states' },
            { label: s.code, to: '/directory/member-states/$code', params: { code } },
          ]}
        >
          <MemberStateForm
            key={formKey}
            mode="edit"
            initial={{ code: s.code, name: textValues(s.name), status: s.status }}
            onCancel={back}
            reload={reload}
            onSubmit={async (body) => {
              const updated = await api.patch<MemberState>(
                `/member-states/${code}`,
                body,
                s.version,
              );
              await after.updated(memberStateQuery(code).queryKey, updated, back);
            }}
          />
        </FormPage>
      )}
    </RecordPage>
  );
}
