import { Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import {
  type Membership,
  type Page,
  type Person,
  ZPersonCreate,
  ZPersonPatch,
} from '@plenum/shared';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useFormat } from '../../../app/format.ts';
import { type TextValues, textValues, toRequiredText, toText } from '../../../app/forms.ts';
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
import { AnchorLink, ButtonLink } from '../../../components/links.tsx';
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
import { BodySelect, MemberStateSelect } from '../../../components/selects.tsx';
import { personQuery, useBodiesById, useStateName } from '../lookups.ts';

export function PersonsPage(): JSX.Element {
  const { t } = useTranslation();
  const stateName = useStateName();
  const search = useSearch({ from: '/app/directory/persons' });
  const navigate = useNavigate({ from: '/directory/persons' });
  const list = useCursorList<Person>(['persons'], '/persons', search);
  return (
    <>
      <ListPageHeader
        title={t('persons.title')}
        newButton={<NewButtonLink to="/directory/persons/new">{t('persons.new')}</NewButtonLink>}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('persons.searchHint')}
          value={search.q}
          onSearch={(q) => navigate({ search: (s) => ({ ...s, q }) })}
        />
        <MemberStateSelect
          label={t('persons.memberState')}
          placeholder={t('common.all')}
          value={search.memberState ?? null}
          onChange={(memberState) =>
            navigate({ search: (s) => ({ ...s, memberState: memberState ?? undefined }) })
          }
        />
        <BodySelect
          label={t('persons.body')}
          placeholder={t('common.all')}
          value={search.bodyId ?? null}
          onChange={(bodyId) =>
            navigate({ search: (s) => ({ ...s, bodyId: bodyId ?? undefined }) })
          }
        />
      </SimpleGrid>
      <Loading query={list}>
        {() => (
          <>
            <DataTable
              caption={t('persons.title')}
              minWidth={480}
              head={[t('persons.name'), t('persons.memberState'), t('persons.position')]}
            >
              {list.items.length === 0 && <EmptyRow cols={3} text={t('common.noResults')} />}
              {list.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <AnchorLink to="/directory/persons/$personId" params={{ personId: p.id }}>
                      <LText value={p.name} />
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{p.memberState ? stateName(p.memberState) : '—'}</Table.Td>
                  <Table.Td>
                    <LText value={p.position} size="sm" />
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

function PersonMemberships({ personId, writer }: { personId: string; writer: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bodies = useBodiesById();
  const list = useQuery({
    queryKey: ['memberships', 'list', { personId }],
    queryFn: () => api.get<Page<Membership>>('/memberships', { personId, limit: 200 }),
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Text component="h2" fz="h4" fw={600} mt={0} mb="sm">
        {t('persons.memberships')}
      </Text>
      <RecordPage query={list}>
        {(page) => (
          <DataTable
            caption={t('persons.memberships')}
            minWidth={480}
            head={[t('memberships.body'), t('memberships.role'), t('memberships.period')]}
          >
            {page.items.length === 0 && <EmptyRow cols={3} text={t('persons.noMemberships')} />}
            {page.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <AnchorLink
                    to="/directory/memberships/$membershipId"
                    params={{ membershipId: m.id }}
                  >
                    <LText value={bodies.get(m.bodyId)?.name} empty="…" />
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{t(`enums.membershipRole.${m.role}`)}</Table.Td>
                <Table.Td>
                  {t('memberships.periodValue', {
                    from: m.from ? format.date(m.from) : '…',
                    to: m.to ? format.date(m.to) : '…',
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </RecordPage>
      {writer && (
        <ButtonLink
          to="/directory/memberships/new"
          search={{ personId }}
          variant="subtle"
          mt="sm"
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          {t('memberships.new')}
        </ButtonLink>
      )}
    </Paper>
  );
}

export function PersonPage(): JSX.Element {
  const { t } = useTranslation();
  const { personId } = useParams({ from: '/app/directory/persons/$personId' });
  const writer = useWriter();
  const text = useText();
  const stateName = useStateName();
  const navigate = useNavigate();
  const after = useAfterWrite(['persons']);
  const person = useQuery(personQuery(personId));
  return (
    <RecordPage query={person}>
      {(p) => {
        return (
          <>
            <PageHeader
              title={<LText value={p.name} inherit />}
              crumbs={[{ label: t('persons.title'), to: '/directory/persons' }]}
              actions={
                writer && (
                  <RecordActions
                    edit={
                      <EditButtonLink
                        to="/directory/persons/$personId/edit"
                        params={{ personId }}
                      />
                    }
                    what={text(p.name)}
                    onDelete={() => api.delete(`/persons/${p.id}`, p.version)}
                    reload={() => person.refetch()}
                    onDeleted={() => after.deleted(() => navigate({ to: '/directory/persons' }))}
                  />
                )
              }
            />
            <Stack>
              <DetailCard>
                <DetailField label={t('persons.name')} wide>
                  <BothLanguages value={p.name} />
                </DetailField>
                <DetailField label={t('persons.memberState')}>
                  {p.memberState ? (
                    <AnchorLink
                      to="/directory/member-states/$code"
                      params={{ code: p.memberState }}
                    >
                      {stateName(p.memberState)}
                    </AnchorLink>
                  ) : (
                    '—'
                  )}
                </DetailField>
                <DetailField label={t('persons.position')} wide>
                  <BothLanguages value={p.position} />
                </DetailField>
              </DetailCard>
              <PersonMemberships personId={p.id} writer={writer} />
              <RecordStamps createdAt={p.createdAt} updatedAt={p.updatedAt} />
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
  position: TextValues;
}

const bodyOf = (v: Values) => ({
  name: toRequiredText(v.name),
  memberState: v.memberState,
  position: toText(v.position),
});

function PersonForm({ mode, initial, onSubmit, onCancel, reload }: RecordFormProps<Values>) {
  const { t } = useTranslation();
  const { form, submit } = useRecordForm({
    initial,
    schema: mode === 'create' ? ZPersonCreate : ZPersonPatch,
    toBody: bodyOf,
    onSubmit,
    reload,
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <LocalizedInput form={form} path="name" label={t('persons.name')} required />
          <MemberStateSelect
            label={t('persons.memberState')}
            {...form.getInputProps('memberState')}
          />
          <LocalizedInput form={form} path="position" label={t('persons.position')} multiline />
        </Stack>
        <FormActions submitting={form.submitting} onCancel={onCancel} />
      </form>
    </Paper>
  );
}

export function PersonNewPage(): JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const after = useAfterWrite(['persons']);
  return (
    <FormPage
      title={t('persons.new')}
      crumbs={[{ label: t('persons.title'), to: '/directory/persons' }]}
    >
      <PersonForm
        mode="create"
        initial={{ name: textValues(null), memberState: null, position: textValues(null) }}
        onCancel={() => navigate({ to: '/directory/persons' })}
        onSubmit={async (payload) => {
          const created = await api.post<Person>('/persons', payload);
          await after.created(() =>
            navigate({ to: '/directory/persons/$personId', params: { personId: created.id } }),
          );
        }}
      />
    </FormPage>
  );
}

export function PersonEditPage(): JSX.Element {
  const { t } = useTranslation();
  const { personId } = useParams({ from: '/app/directory/persons/$personId/edit' });
  const navigate = useNavigate();
  const after = useAfterWrite(['persons']);
  const text = useText();
  const { query, reload, formKey } = useRecord(personQuery(personId));
  return (
    <RecordPage query={query}>
      {(p) => {
        const back = () => navigate({ to: '/directory/persons/$personId', params: { personId } });
        return (
          <FormPage
            title={t('persons.edit')}
            crumbs={[
              { label: t('persons.title'), to: '/directory/persons' },
              { label: text(p.name), to: '/directory/persons/$personId', params: { personId } },
            ]}
          >
            <PersonForm
              key={formKey}
              mode="edit"
              initial={{
                name: textValues(p.name),
                memberState: p.memberState,
                position: textValues(p.position),
              }}
              onCancel={back}
              reload={reload}
              onSubmit={async (payload) => {
                const updated = await api.patch<Person>(`/persons/${p.id}`, payload, p.version);
                await after.updated(personQuery(personId).queryKey, updated, back);
              }}
            />
          </FormPage>
        );
      }}
    </RecordPage>
  );
}
