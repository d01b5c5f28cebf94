import {
  Badge,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { BODY_KINDS, type Body, ZBodyCreate, ZBodyPatch } from '@plenum/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type JSX, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useFormat } from '../../../app/format.ts';
import {
  emptyText,
  type TextValues,
  textValues,
  toRequiredText,
  toText,
} from '../../../app/forms.ts';
import { useRecord } from '../../../app/use-record.ts';
import { LoadMore, useCursorList } from '../../../components/cursor-list.tsx';
import { DataTable, EmptyRow } from '../../../components/data-table.tsx';
import { DateField, LocalDates } from '../../../components/date-input.tsx';
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
import { BodySelect } from '../../../components/selects.tsx';
import { bodiesQuery } from '../lookups.ts';

const bodyQuery = (id: string) =>
  queryOptions({
    queryKey: ['bodies', id],
    queryFn: () => api.get<Body>(`/bodies/${encodeURIComponent(id)}`),
  });

function KindBadge({ kind }: { kind: Body['kind'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="gray" size="sm">
      {t(`enums.bodyKind.${kind}`)}
    </Badge>
  );
}

/** Bodies nested under their parents: statutory bodies, the commission, its councils. */
function BodyTree({ bodies }: { bodies: Body[] }) {
  const text = useText();
  const children = useMemo(() => {
    const ids = new Set(bodies.map((b) => b.id));
    const map = new Map<string | null, Body[]>();
    for (const b of bodies) {
      // A body whose parent is not listed is shown at the top.
      const parent = b.parentId && ids.has(b.parentId) ? b.parentId : null;
      map.set(parent, [...(map.get(parent) ?? []), b]);
    }
    for (const list of map.values()) {
      list.sort((a, b) => text(a.name).localeCompare(text(b.name)));
    }
    return map;
  }, [bodies, text]);

  const level = (parent: string | null, depth: number) => (
    <ul className="plenum-tree">
      {(children.get(parent) ?? []).map((b) => (
        <li key={b.id}>
          <Group gap="xs" py={6} wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <AnchorLink
                to="/directory/bodies/$bodyId"
                params={{ bodyId: b.id }}
                fw={depth === 0 ? 600 : 400}
              >
                <LText value={b.name} />
              </AnchorLink>
              {b.shortName && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  (<LText value={b.shortName} />)
                </Text>
              )}
            </div>
            <KindBadge kind={b.kind} />
          </Group>
          {children.has(b.id) && level(b.id, depth + 1)}
        </li>
      ))}
    </ul>
  );
  return level(null, 0);
}

export function BodiesPage(): JSX.Element {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/directory/bodies' });
  const navigate = useNavigate({ from: '/directory/bodies' });
  const filtered = !!(search.q || search.kind);
  const all = useQuery({ ...bodiesQuery, enabled: !filtered });
  const list = useCursorList<Body>(['bodies'], '/bodies', search, filtered);
  return (
    <>
      <ListPageHeader
        title={t('bodies.title')}
        newButton={<NewButtonLink to="/directory/bodies/new">{t('bodies.new')}</NewButtonLink>}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md" maw={640}>
        <SearchInput
          label={t('common.search')}
          placeholder={t('bodies.searchHint')}
          value={search.q}
          onSearch={(q) => navigate({ search: (s) => ({ ...s, q }) })}
        />
        <Select
          label={t('bodies.kind')}
          placeholder={t('common.all')}
          clearable
          data={BODY_KINDS.map((k) => ({ value: k, label: t(`enums.bodyKind.${k}`) }))}
          value={search.kind ?? null}
          onChange={(kind) => navigate({ search: (s) => ({ ...s, kind: kind ?? undefined }) })}
        />
      </SimpleGrid>
      {!filtered ? (
        <RecordPage query={all}>
          {(bodies) =>
            bodies.length === 0 ? (
              <Text c="dimmed">{t('bodies.empty')}</Text>
            ) : (
              <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
                <BodyTree bodies={bodies} />
              </Paper>
            )
          }
        </RecordPage>
      ) : (
        <Loading query={list}>
          {() => (
            <>
              <DataTable
                caption={t('bodies.title')}
                minWidth={360}
                head={[t('bodies.name'), t('bodies.kind')]}
              >
                {list.items.length === 0 && <EmptyRow cols={2} text={t('common.noResults')} />}
                {list.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <AnchorLink to="/directory/bodies/$bodyId" params={{ bodyId: b.id }}>
                        <LText value={b.name} />
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <KindBadge kind={b.kind} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              <LoadMore {...list} />
            </>
          )}
        </Loading>
      )}
    </>
  );
}

export function BodyPage(): JSX.Element {
  const { t } = useTranslation();
  const { bodyId } = useParams({ from: '/app/directory/bodies/$bodyId' });
  const writer = useWriter();
  const text = useText();
  const format = useFormat();
  const navigate = useNavigate();
  const after = useAfterWrite(['bodies']);
  const body = useQuery(bodyQuery(bodyId));
  const all = useQuery(bodiesQuery);
  return (
    <RecordPage query={body}>
      {(b) => {
        const parent = all.data?.find((x) => x.id === b.parentId);
        const subBodies = (all.data ?? []).filter((x) => x.parentId === b.id);
        return (
          <>
            <PageHeader
              title={<LText value={b.name} inherit />}
              badge={<KindBadge kind={b.kind} />}
              crumbs={[{ label: t('bodies.title'), to: '/directory/bodies' }]}
              actions={
                writer && (
                  <RecordActions
                    edit={
                      <EditButtonLink
                        to="/directory/bodies/$bodyId/edit"
                        params={{ bodyId: b.id }}
                      />
                    }
                    what={text(b.name)}
                    onDelete={() => api.delete(`/bodies/${b.id}`, b.version)}
                    reload={() => body.refetch()}
                    onDeleted={() => after.deleted(() => navigate({ to: '/directory/bodies' }))}
                  />
                )
              }
            />
            <Stack>
              <DetailCard>
                <DetailField label={t('bodies.name')} wide>
                  <BothLanguages value={b.name} />
                </DetailField>
                {b.nameGenitive && (
                  <DetailField label={t('bodies.nameGenitive')} wide>
                    <BothLanguages value={b.nameGenitive} />
                  </DetailField>
                )}
                <DetailField label={t('bodies.shortName')}>
                  <BothLanguages value={b.shortName} />
                </DetailField>
                <DetailField label={t('bodies.slug')}>
                  <Text span ff="monospace">
                    {b.slug}
                  </Text>
                </DetailField>
                <DetailField label={t('bodies.parent')}>
                  {parent ? (
                    <AnchorLink to="/directory/bodies/$bodyId" params={{ bodyId: parent.id }}>
                      <LText value={parent.name} />
                    </AnchorLink>
                  ) : (
                    '—'
                  )}
                </DetailField>
                <DetailField label={t('bodies.established')}>
                  {b.established ? format.date(b.established) : '—'}
                </DetailField>
                <DetailField label={t('bodies.establishedBy')} wide>
                  <BothLanguages value={b.establishedBy} />
                </DetailField>
                <DetailField label={t('bodies.mandate')} wide>
                  <BothLanguages value={b.mandate} pre />
                </DetailField>
                <DetailField label={t('bodies.quorum')}>
                  {b.quorum ?? t('bodies.quorumAll')}
                </DetailField>
              </DetailCard>
              {subBodies.length > 0 && (
                <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
                  <Text fw={600} mb="xs" component="h2" fz="h4" mt={0}>
                    {t('bodies.subBodies')}
                  </Text>
                  <BodyTree bodies={subBodies} />
                </Paper>
              )}
              <Paper withBorder p="md">
                <Group gap="md">
                  <AnchorLink to="/meetings" search={{ when: 'upcoming', bodyId: b.id }}>
                    {t('bodies.meetings')}
                  </AnchorLink>
                  <AnchorLink to="/directory/memberships" search={{ bodyId: b.id, current: true }}>
                    {t('bodies.members')}
                  </AnchorLink>
                  {writer && (
                    <AnchorLink to="/directory/bodies/new" search={{ parentId: b.id }}>
                      {t('bodies.addSub')}
                    </AnchorLink>
                  )}
                </Group>
              </Paper>
              <RecordStamps createdAt={b.createdAt} updatedAt={b.updatedAt} />
            </Stack>
          </>
        );
      }}
    </RecordPage>
  );
}

interface Values {
  slug: string;
  name: TextValues;
  nameGenitive: TextValues;
  shortName: TextValues;
  kind: Body['kind'];
  parentId: string | null;
  established: string | null;
  establishedBy: TextValues;
  mandate: TextValues;
  /** Empty (NumberInput's cleared value): no rule, all member states. */
  quorum: number | '';
}

const valuesOf = (b?: Body, parentId?: string): Values => ({
  slug: b?.slug ?? '',
  name: textValues(b?.name),
  nameGenitive: textValues(b?.nameGenitive),
  shortName: textValues(b?.shortName),
  kind: b?.kind ?? 'council',
  parentId: b?.parentId ?? parentId ?? null,
  established: b?.established ?? null,
  establishedBy: b ? textValues(b.establishedBy) : emptyText(),
  mandate: b ? textValues(b.mandate) : emptyText(),
  quorum: b?.quorum ?? '',
});

const bodyOf = (v: Values) => ({
  slug: v.slug.trim(),
  name: toRequiredText(v.name),
  nameGenitive: toText(v.nameGenitive),
  shortName: toText(v.shortName),
  kind: v.kind,
  parentId: v.parentId,
  established: v.established || null,
  establishedBy: toText(v.establishedBy),
  mandate: toText(v.mandate),
  quorum: v.quorum === '' ? null : v.quorum,
});

function BodyForm({
  mode,
  initial,
  selfId,
  onSubmit,
  onCancel,
  reload,
}: RecordFormProps<Values> & {
  selfId?: string;
}) {
  const { t } = useTranslation();
  const { form, submit } = useRecordForm({
    initial,
    schema: mode === 'create' ? ZBodyCreate : ZBodyPatch,
    toBody: bodyOf,
    onSubmit,
    reload,
  });
  return (
    <LocalDates>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <LocalizedInput form={form} path="name" label={t('bodies.name')} required />
            <LocalizedInput
              form={form}
              path="nameGenitive"
              label={t('bodies.nameGenitive')}
              description={t('bodies.nameGenitiveHint')}
            />
            <LocalizedInput form={form} path="shortName" label={t('bodies.shortName')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('bodies.slug')}
                description={t('bodies.slugHint')}
                required
                {...form.getInputProps('slug')}
              />
              <Select
                label={t('bodies.kind')}
                allowDeselect={false}
                data={BODY_KINDS.map((k) => ({ value: k, label: t(`enums.bodyKind.${k}`) }))}
                {...form.getInputProps('kind')}
              />
              <BodySelect
                label={t('bodies.parent')}
                exclude={selfId}
                {...form.getInputProps('parentId')}
              />
              <DateField label={t('bodies.established')} {...form.getInputProps('established')} />
              <NumberInput
                label={t('bodies.quorum')}
                description={t('bodies.quorumHint')}
                min={1}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('quorum')}
              />
            </SimpleGrid>
            <LocalizedInput form={form} path="establishedBy" label={t('bodies.establishedBy')} />
            <LocalizedInput form={form} path="mandate" label={t('bodies.mandate')} multiline />
          </Stack>
          <FormActions submitting={form.submitting} onCancel={onCancel} />
        </form>
      </Paper>
    </LocalDates>
  );
}

export function BodyNewPage(): JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const after = useAfterWrite(['bodies']);
  const { parentId } = useSearch({ from: '/app/directory/bodies/new' });
  return (
    <FormPage
      title={t('bodies.new')}
      crumbs={[{ label: t('bodies.title'), to: '/directory/bodies' }]}
    >
      <BodyForm
        mode="create"
        initial={valuesOf(undefined, parentId)}
        onCancel={() => navigate({ to: '/directory/bodies' })}
        onSubmit={async (payload) => {
          const created = await api.post<Body>('/bodies', payload);
          await after.created(() =>
            navigate({ to: '/directory/bodies/$bodyId', params: { bodyId: created.id } }),
          );
        }}
      />
    </FormPage>
  );
}

export function BodyEditPage(): JSX.Element {
  const { t } = useTranslation();
  const { bodyId } = useParams({ from: '/app/directory/bodies/$bodyId/edit' });
  const navigate = useNavigate();
  const after = useAfterWrite(['bodies']);
  const text = useText();
  const { query, reload, formKey } = useRecord(bodyQuery(bodyId));
  const back = () => navigate({ to: '/directory/bodies/$bodyId', params: { bodyId } });
  return (
    <RecordPage query={query}>
      {(b) => (
        <FormPage
          title={t('bodies.edit')}
          crumbs={[
            { label: t('bodies.title'), to: '/directory/bodies' },
            { label: text(b.name), to: '/directory/bodies/$bodyId', params: { bodyId } },
          ]}
        >
          <BodyForm
            key={formKey}
            mode="edit"
            selfId={b.id}
            initial={valuesOf(b)}
            onCancel={back}
            reload={reload}
            onSubmit={async (payload) => {
              const updated = await api.patch<Body>(`/bodies/${b.id}`, payload, b.version);
              await after.updated(bodyQuery(bodyId).queryKey, updated, back);
            }}
          />
        </FormPage>
      )}
    </RecordPage>
  );
}
