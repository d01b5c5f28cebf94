import { Badge, Paper, Select, SimpleGrid, Stack, Table } from '@mantine/core';
import {
  ORGANIZATION_KINDS,
  type Organization,
  ZOrganizationCreate,
  ZOrganizationPatch,
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
import { MemberStateSelect } from '../../../components/selects.tsx';
import { useStateName } from '../lookups.ts';

const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: ['organizations', id],
    queryFn: () => api.get<Organization>(`/organizations/${encodeURIComponent(id)}`),
  });

export function OrganizationsPage(): JSX.Element {
  const { t } = useTranslation();
  const stateName = useStateName();
  const search = useSearch({ from: '/app/directory/organizations' });
  const navigate = useNavigate({ from: '/directory/organizations' });
  const list = useCursorList<Organization>(['organizations'], '/organizations', search);
  return (
    <>
      <ListPageHeader
        title={t('organizations.title')}
        newButton={
          <NewButtonLink to="/directory/organizations/new">{t('organizations.new')}</NewButtonLink>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('organizations.searchHint')}
          value={search.q}
          onSearch={(q) => navigate({ search: (s) => ({ ...s, q }) })}
        />
        <MemberStateSelect
          label={t('organizations.memberState')}
          placeholder={t('common.all')}
          value={search.memberState ?? null}
          onChange={(memberState) =>
            navigate({ search: (s) => ({ ...s, memberState: memberState ?? undefined }) })
          }
        />
        <Select
          label={t('organizations.kind')}
          placeholder={t('common.all')}
          clearable
          data={ORGANIZATION_KINDS.map((k) => ({
            value: k,
            label: t(`enums.organizationKind.${k}`),
          }))}
          value={search.kind ?? null}
          onChange={(kind) => navigate({ search: (s) => ({ ...s, kind: kind ?? undefined }) })}
        />
      </SimpleGrid>
      <Loading query={list}>
        {() => (
          <>
            <DataTable
              caption={t('organizations.title')}
              minWidth={480}
              head={[
                t('organizations.name'),
                t('organizations.memberState'),
                t('organizations.kind'),
              ]}
            >
              {list.items.length === 0 && <EmptyRow cols={3} text={t('common.noResults')} />}
              {list.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/directory/organizations/$organizationId"
                      params={{ organizationId: o.id }}
                    >
                      <LText value={o.name} />
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{stateName(o.memberState)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`enums.organizationKind.${o.kind}`)}
                    </Badge>
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

export function OrganizationPage(): JSX.Element {
  const { t } = useTranslation();
  const { organizationId } = useParams({ from: '/app/directory/organizations/$organizationId' });
  const writer = useWriter();
  const text = useText();
  const stateName = useStateName();
  const navigate = useNavigate();
  const after = useAfterWrite(['organizations']);
  const organization = useQuery(organizationQuery(organizationId));
  return (
    <RecordPage query={organization}>
      {(o) => {
        return (
          <>
            <PageHeader
              title={<LText value={o.name} inherit />}
              crumbs={[{ label: t('organizations.title'), to: '/directory/organizations' }]}
              actions={
                writer && (
                  <RecordActions
                    edit={
                      <EditButtonLink
                        to="/directory/organizations/$organizationId/edit"
                        params={{ organizationId }}
                      />
                    }
                    what={text(o.name)}
                    onDelete={() => api.delete(`/organizations/${o.id}`, o.version)}
                    reload={() => organization.refetch()}
                    onDeleted={() =>
                      after.deleted(() => navigate({ to: '/directory/organizations' }))
                    }
                  />
                )
              }
            />
            <Stack>
              <DetailCard>
                <DetailField label={t('organizations.name')} wide>
                  <BothLanguages value={o.name} />
                </DetailField>
                <DetailField label={t('organizations.memberState')}>
                  <AnchorLink to="/directory/member-states/$code" params={{ code: o.memberState }}>
                    {stateName(o.memberState)}
                  </AnchorLink>
                </DetailField>
                <DetailField label={t('organizations.kind')}>
                  {t(`enums.organizationKind.${o.kind}`)}
                </DetailField>
              </DetailCard>
              <RecordStamps createdAt={o.createdAt} updatedAt={o.updatedAt} />
            </Stack>
          </>
        );
      }}
    </RecordPage>
  );
}

interface Values {
  name: TextValues;
  memberState: string | null;
  kind: Organization['kind'];
}

const bodyOf = (v: Values) => ({
  name: toRequiredText(v.name),
  memberState: v.memberState ?? '',
  kind: v.kind,
});

function OrganizationForm({ mode, initial, onSubmit, onCancel, reload }: RecordFormProps<Values>) {
  const { t } = useTranslation();
  const { form, submit } = useRecordForm({
    initial,
    schema: mode === 'create' ? ZOrganizationCreate : ZOrganizationPatch,
    toBody: bodyOf,
    onSubmit,
    reload,
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <LocalizedInput form={form} path="name" label={t('organizations.name')} required />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MemberStateSelect
              label={t('organizations.memberState')}
              required
              {...form.getInputProps('memberState')}
            />
            <Select
              label={t('organizations.kind')}
              allowDeselect={false}
              data={ORGANIZATION_KINDS.map((k) => ({
                value: k,
                label: t(`enums.organizationKind.${k}`),
              }))}
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
        </Stack>
        <FormActions submitting={form.submitting} onCancel={onCancel} />
      </form>
    </Paper>
  );
}

export function OrganizationNewPage(): JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const after = useAfterWrite(['organizations']);
  return (
    <FormPage
      title={t('organizations.new')}
      crumbs={[{ label: t('organizations.title'), to: '/directory/organizations' }]}
    >
      <OrganizationForm
        mode="create"
        initial={{ name: textValues(null), memberState: null, kind: 'enterprise' }}
        onCancel={() => navigate({ to: '/directory/organizations' })}
        onSubmit={async (payload) => {
          const created = await api.post<Organization>('/organizations', payload);
          await after.created(() =>
            navigate({
              to: '/directory/organizations/$organizationId',
              params: { organizationId: created.id },
            }),
          );
        }}
      />
    </FormPage>
  );
}

export function OrganizationEditPage(): JSX.Element {
  const { t } = useTranslation();
  const { organizationId } = useParams({
    from: '/app/directory/organizations/$organizationId/edit',
  });
  const navigate = useNavigate();
  const after = useAfterWrite(['organizations']);
  const text = useText();
  const { query, reload, formKey } = useRecord(organizationQuery(organizationId));
  return (
    <RecordPage query={query}>
      {(o) => {
        const back = () =>
          navigate({ to: '/directory/organizations/$organizationId', params: { organizationId } });
        return (
          <FormPage
            title={t('organizations.edit')}
            crumbs={[
              { label: t('organizations.title'), to: '/directory/organizations' },
              {
                label: text(o.name),
                to: '/directory/organizations/$organizationId',
                params: { organizationId },
              },
            ]}
          >
            <OrganizationForm
              key={formKey}
              mode="edit"
              initial={{ name: textValues(o.name), memberState: o.memberState, kind: o.kind }}
              onCancel={back}
              reload={reload}
              onSubmit={async (payload) => {
                const updated = await api.patch<Organization>(
                  `/organizations/${o.id}`,
                  payload,
                  o.version,
                );
                await after.updated(organizationQuery(organizationId).queryKey, updated, back);
              }}
            />
          </FormPage>
        );
      }}
    </RecordPage>
  );
}
