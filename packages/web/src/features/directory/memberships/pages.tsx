import { Badge, Paper, Select, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import {
  MEMBERSHIP_ROLES,
  type Membership,
  ZMembershipCreate,
  ZMembershipPatch,
} from '@plenum/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useFormat } from '../../../app/format.ts';
import { useRecord } from '../../../app/use-record.ts';
import { LoadMore, useCursorList } from '../../../components/cursor-list.tsx';
import { DataTable, EmptyRow } from '../../../components/data-table.tsx';
import { DateField, LocalDates } from '../../../components/date-input.tsx';
import { DetailCard, DetailField, RecordStamps } from '../../../components/detail.tsx';
import { FormActions } from '../../../components/form-actions.tsx';
import { AnchorLink } from '../../../components/links.tsx';
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
import { BodySelect, MemberStateSelect, PersonSelect } from '../../../components/selects.tsx';
import { personQuery, useBodiesById, usePersonNames, useStateName } from '../lookups.ts';

const membershipQuery = (id: string) =>
  queryOptions({
    queryKey: ['memberships', id],
    queryFn: () => api.get<Membership>(`/memberships/${encodeURIComponent(id)}`),
  });

function usePeriod() {
  const { t } = useTranslation();
  const format = useFormat();
  return (m: Membership) =>
    !m.from && !m.to
      ? t('memberships.always')
      : t('memberships.periodValue', {
          from: m.from ? format.date(m.from) : '…',
          to: m.to ? format.date(m.to) : '…',
        });
}

export function MembershipsPage(): JSX.Element {
  const { t } = useTranslation();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const period = usePeriod();
  const search = useSearch({ from: '/app/directory/memberships' });
  const navigate = useNavigate({ from: '/directory/memberships' });
  const list = useCursorList<Membership>(['memberships'], '/memberships', {
    ...search,
    current: search.current ? 'true' : undefined,
  });
  const persons = usePersonNames(list.items.map((m) => m.personId));
  return (
    <>
      <ListPageHeader
        title={t('memberships.title')}
        newButton={
          <NewButtonLink
            to="/directory/memberships/new"
            search={{ bodyId: search.bodyId, personId: search.personId }}
          >
            {t('memberships.new')}
          </NewButtonLink>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="sm">
        <PersonSelect
          label={t('memberships.person')}
          placeholder={t('common.all')}
          value={search.personId ?? null}
          onChange={(personId) =>
            navigate({ search: (s) => ({ ...s, personId: personId ?? undefined }) })
          }
        />
        <BodySelect
          label={t('memberships.body')}
          placeholder={t('common.all')}
          value={search.bodyId ?? null}
          onChange={(bodyId) =>
            navigate({ search: (s) => ({ ...s, bodyId: bodyId ?? undefined }) })
          }
        />
        <MemberStateSelect
          label={t('memberships.memberState')}
          placeholder={t('common.all')}
          value={search.memberState ?? null}
          onChange={(memberState) =>
            navigate({ search: (s) => ({ ...s, memberState: memberState ?? undefined }) })
          }
        />
        <Select
          label={t('memberships.role')}
          placeholder={t('common.all')}
          clearable
          data={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`enums.membershipRole.${r}`) }))}
          value={search.role ?? null}
          onChange={(role) => navigate({ search: (s) => ({ ...s, role: role ?? undefined }) })}
        />
      </SimpleGrid>
      <Switch
        mb="md"
        label={t('memberships.currentOnly')}
        checked={!!search.current}
        onChange={(e) => {
          const current = e.currentTarget.checked ? true : undefined;
          void navigate({ search: (s) => ({ ...s, current }) });
        }}
      />
      <Loading query={list}>
        {() => (
          <>
            <DataTable
              caption={t('memberships.title')}
              minWidth={720}
              head={[
                t('memberships.person'),
                t('memberships.body'),
                t('memberships.role'),
                t('memberships.memberState'),
                t('memberships.period'),
              ]}
            >
              {list.items.length === 0 && <EmptyRow cols={5} text={t('common.noResults')} />}
              {list.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/directory/memberships/$membershipId"
                      params={{ membershipId: m.id }}
                    >
                      <LText value={persons.get(m.personId)?.name} empty="…" />
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <LText value={bodies.get(m.bodyId)?.name} empty="…" />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`enums.membershipRole.${m.role}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.memberState ? stateName(m.memberState) : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{period(m)}</Text>
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

export function MembershipPage(): JSX.Element {
  const { t } = useTranslation();
  const { membershipId } = useParams({ from: '/app/directory/memberships/$membershipId' });
  const writer = useWriter();
  const text = useText();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const period = usePeriod();
  const navigate = useNavigate();
  const after = useAfterWrite(['memberships']);
  const membership = useQuery(membershipQuery(membershipId));
  const person = useQuery({
    ...personQuery(membership.data?.personId ?? ''),
    enabled: !!membership.data,
  });
  return (
    <RecordPage query={membership}>
      {(m) => {
        const body = bodies.get(m.bodyId);
        const title = `${text(person.data?.name)} — ${text(body?.name)}`;
        return (
          <>
            <PageHeader
              title={t('memberships.one')}
              crumbs={[{ label: t('memberships.title'), to: '/directory/memberships' }]}
              actions={
                writer && (
                  <RecordActions
                    edit={
                      <EditButtonLink
                        to="/directory/memberships/$membershipId/edit"
                        params={{ membershipId }}
                      />
                    }
                    what={title}
                    onDelete={() => api.delete(`/memberships/${m.id}`, m.version)}
                    reload={() => membership.refetch()}
                    onDeleted={() =>
                      after.deleted(() => navigate({ to: '/directory/memberships' }))
                    }
                  />
                )
              }
            />
            <Stack>
              <DetailCard>
                <DetailField label={t('memberships.person')}>
                  <AnchorLink to="/directory/persons/$personId" params={{ personId: m.personId }}>
                    <LText value={person.data?.name} empty="…" />
                  </AnchorLink>
                </DetailField>
                <DetailField label={t('memberships.body')}>
                  <AnchorLink to="/directory/bodies/$bodyId" params={{ bodyId: m.bodyId }}>
                    <LText value={body?.name} empty="…" />
                  </AnchorLink>
                </DetailField>
                <DetailField label={t('memberships.role')}>
                  {t(`enums.membershipRole.${m.role}`)}
                </DetailField>
                <DetailField label={t('memberships.memberState')}>
                  {m.memberState ? stateName(m.memberState) : '—'}
                </DetailField>
                <DetailField label={t('memberships.period')}>{period(m)}</DetailField>
              </DetailCard>
              <RecordStamps createdAt={m.createdAt} updatedAt={m.updatedAt} />
            </Stack>
          </>
        );
      }}
    </RecordPage>
  );
}

interface Values {
  personId: string | null;
  bodyId: string | null;
  role: Membership['role'];
  memberState: string | null;
  from: string | null;
  to: string | null;
}

function bodyOf(v: Values, mode: 'create' | 'edit') {
  const common = {
    role: v.role,
    memberState: v.memberState,
    from: v.from || null,
    to: v.to || null,
  };
  return mode === 'create'
    ? { personId: v.personId ?? '', bodyId: v.bodyId ?? '', ...common }
    : common;
}

function MembershipForm({ mode, initial, onSubmit, onCancel, reload }: RecordFormProps<Values>) {
  const { t } = useTranslation();
  const { form, submit } = useRecordForm({
    initial,
    schema: mode === 'create' ? ZMembershipCreate : ZMembershipPatch,
    toBody: (v: Values) => bodyOf(v, mode),
    onSubmit,
    reload,
  });
  return (
    <LocalDates>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <form onSubmit={submit} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PersonSelect
              label={t('memberships.person')}
              required
              disabled={mode === 'edit'}
              {...form.getInputProps('personId')}
            />
            <BodySelect
              label={t('memberships.body')}
              required
              disabled={mode === 'edit'}
              {...form.getInputProps('bodyId')}
            />
            <Select
              label={t('memberships.role')}
              allowDeselect={false}
              data={MEMBERSHIP_ROLES.map((r) => ({
                value: r,
                label: t(`enums.membershipRole.${r}`),
              }))}
              {...form.getInputProps('role')}
            />
            <MemberStateSelect
              label={t('memberships.memberState')}
              {...form.getInputProps('memberState')}
            />
            <DateField label={t('memberships.from')} {...form.getInputProps('from')} />
            <DateField label={t('memberships.to')} {...form.getInputProps('to')} />
          </SimpleGrid>
          <FormActions submitting={form.submitting} onCancel={onCancel} />
        </form>
      </Paper>
    </LocalDates>
  );
}

export function MembershipNewPage(): JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const after = useAfterWrite(['memberships']);
  const { personId, bodyId } = useSearch({ from: '/app/directory/memberships/new' });
  return (
    <FormPage
      title={t('memberships.new')}
      crumbs={[{ label: t('memberships.title'), to: '/directory/memberships' }]}
    >
      <MembershipForm
        mode="create"
        initial={{
          personId: personId ?? null,
          bodyId: bodyId ?? null,
          role: 'member',
          memberState: null,
          from: null,
          to: null,
        }}
        onCancel={() => navigate({ to: '/directory/memberships' })}
        onSubmit={async (payload) => {
          const created = await api.post<Membership>('/memberships', payload);
          await after.created(() =>
            navigate({
              to: '/directory/memberships/$membershipId',
              params: { membershipId: created.id },
            }),
          );
        }}
      />
    </FormPage>
  );
}

export function MembershipEditPage(): JSX.Element {
  const { t } = useTranslation();
  const { membershipId } = useParams({ from: '/app/directory/memberships/$membershipId/edit' });
  const navigate = useNavigate();
  const after = useAfterWrite(['memberships']);
  const { query, reload, formKey } = useRecord(membershipQuery(membershipId));
  return (
    <RecordPage query={query}>
      {(m) => {
        const back = () =>
          navigate({ to: '/directory/memberships/$membershipId', params: { membershipId } });
        return (
          <FormPage
            title={t('memberships.edit')}
            crumbs={[
              { label: t('memberships.title'), to: '/directory/memberships' },
              {
                label: t('memberships.one'),
                to: '/directory/memberships/$membershipId',
                params: { membershipId },
              },
            ]}
          >
            <MembershipForm
              key={formKey}
              mode="edit"
              initial={{
                personId: m.personId,
                bodyId: m.bodyId,
                role: m.role,
                memberState: m.memberState,
                from: m.from,
                to: m.to,
              }}
              onCancel={back}
              reload={reload}
              onSubmit={async (payload) => {
                const updated = await api.patch<Membership>(
                  `/memberships/${m.id}`,
                  payload,
                  m.version,
                );
                await after.updated(membershipQuery(membershipId).queryKey, updated, back);
              }}
            />
          </FormPage>
        );
      }}
    </RecordPage>
  );
}
