import { Badge, Paper, Select, SimpleGrid, Stack, Table } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  ORGANIZATION_KINDS,
  type Organization,
  ZOrganizationCreate,
  ZOrganizationPatch,
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
import { MemberStateSelect } from '../../../components/selects.tsx';
import { useStateName } from '../lookups.ts';

const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: ['organizations', id],
    queryFn: () => api.get<Organization>(`/organizations/${encodeURIComponent(id)}`),
  });

export function OrganizationsPage(): JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const stateName = useStateName();
  const search = useSearch({ from: '/app/directory/organizations' });
  const navigate = useNavigate({ from: '/directory/organizations' });
  const list = useCursorList<Organization>(['organizations'], '/organizations', search);
  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        crumbs={[{ label: t('nav.directory'), to: '/directory/member-states' }]}
        actions={
          canWrite(me?.user) && (
            <ButtonLink
              to="/directory/organizations/new"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('organizations.new')}
            </ButtonLink>
          )
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
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : (
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
    </>
  );
}

export function OrganizationPage(): JSX.Element {
  const { t } = useTranslation();
  const { organizationId } = useParams({ from: '/app/directory/organizations/$organizationId' });
  const me = useMe();
  const text = useText();
  const stateName = useStateName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organization = useQuery(organizationQuery(organizationId));
  if (organization.isPending) {
    return <PageLoader />;
  }
  if (organization.isError) {
    return <LoadError error={organization.error} retry={() => organization.refetch()} />;
  }
  const o = organization.data;
  return (
    <>
      <PageHeader
        title={<LText value={o.name} inherit />}
        crumbs={[{ label: t('organizations.title'), to: '/directory/organizations' }]}
        actions={
          canWrite(me?.user) && (
            <>
              <ButtonLink
                to="/directory/organizations/$organizationId/edit"
                params={{ organizationId }}
                variant="light"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
              <DeleteButton
                what={text(o.name)}
                onDelete={() => api.delete(`/organizations/${o.id}`, o.version)}
                reload={() => organization.refetch()}
                onDeleted={async () => {
                  await queryClient.invalidateQueries({ queryKey: ['organizations'] });
                  notifySaved(t, t('common.deleted'));
                  await navigate({ to: '/directory/organizations' });
                }}
              />
            </>
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

function OrganizationForm({
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
  const form = useForm<Values>({
    initialValues: initial,
    validate: zodValidator(mode === 'create' ? ZOrganizationCreate : ZOrganizationPatch, bodyOf, t),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(bodyOf(values));
    } catch (error) {
      handleError(error, { form, reload });
    }
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
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader
        title={t('organizations.new')}
        crumbs={[{ label: t('organizations.title'), to: '/directory/organizations' }]}
      />
      <OrganizationForm
        mode="create"
        initial={{ name: textValues(null), memberState: null, kind: 'enterprise' }}
        onCancel={() => navigate({ to: '/directory/organizations' })}
        onSubmit={async (payload) => {
          const created = await api.post<Organization>('/organizations', payload);
          await queryClient.invalidateQueries({ queryKey: ['organizations'] });
          notifySaved(t);
          await navigate({
            to: '/directory/organizations/$organizationId',
            params: { organizationId: created.id },
          });
        }}
      />
    </>
  );
}

export function OrganizationEditPage(): JSX.Element {
  const { t } = useTranslation();
  const { organizationId } = useParams({
    from: '/app/directory/organizations/$organizationId/edit',
  });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const text = useText();
  const { query, reload, formKey } = useRecord(organizationQuery(organizationId));
  if (query.isPending) {
    return <PageLoader />;
  }
  if (query.isError) {
    return <LoadError error={query.error} retry={() => query.refetch()} />;
  }
  const o = query.data;
  const back = () =>
    navigate({ to: '/directory/organizations/$organizationId', params: { organizationId } });
  return (
    <>
      <PageHeader
        title={t('organizations.edit')}
        crumbs={[
          { label: t('organizations.title'), to: '/directory/organizations' },
          {
            label: text(o.name),
            to: '/directory/organizations/$organizationId',
            params: { organizationId },
          },
        ]}
      />
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
          queryClient.setQueryData(organizationQuery(organizationId).queryKey, updated);
          await queryClient.invalidateQueries({ queryKey: ['organizations'] });
          notifySaved(t);
          await back();
        }}
      />
    </>
  );
}
