import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { IpResult } from '@plenum/shared';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useFormat } from '../../app/format.ts';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { DeleteButton } from '../../components/delete-button.tsx';
import { DetailCard, DetailField, RecordStamps } from '../../components/detail.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { ClassificationBadge } from '../documents/labels.tsx';
import { historyQuery, ipResultKey, ipResultQuery } from '../projects/api.ts';
import { DecisionLinks, ProtectionBadge, pickHtml } from '../projects/labels.tsx';
import { RegisterHistory } from '../projects/register-history.tsx';
import { IpResultForm, useIpResultValues } from './ip-result-form.tsx';

const IP_ENUMS = { kind: 'ipResults.kind', classification: 'documents.classification' };

function NewIpResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const values = useIpResultValues();
  const [initial] = useState(() => values());
  return (
    <>
      <PageHeader
        title={t('ipResults.new')}
        crumbs={[{ label: t('ipResults.title'), to: '/ip-results' }]}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <IpResultForm
          mode="create"
          initial={initial}
          onCancel={() => navigate({ to: '/ip-results/{-$ipResultId}', params: {} })}
          onSubmit={async (body) => {
            const created = await api.post<IpResult>('/ip-results', body);
            queryClient.setQueryData(ipResultKey(created.id), created);
            await queryClient.invalidateQueries({ queryKey: ['ip-results'] });
            notifySaved(t);
            await navigate({
              to: '/ip-results/{-$ipResultId}',
              params: { ipResultId: created.id },
            });
          }}
        />
      </Paper>
    </>
  );
}

export function IpResultPage({ id }: { id: string }): JSX.Element {
  return id === 'new' ? <NewIpResult /> : <IpResultView id={id} />;
}

function IpResultView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const writer = canWrite(me?.user);
  const text = useText();
  const format = useFormat();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const result = useQuery(ipResultQuery(id));
  const history = useQuery(historyQuery('ip-results', id));
  const values = useIpResultValues();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);

  if (result.isPending) {
    return <PageLoader />;
  }
  if (result.isError) {
    return <LoadError error={result.error} retry={() => result.refetch()} />;
  }
  const r = result.data;
  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: ipResultKey(r.id), exact: true });
    setFormKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader
        title={<LText value={r.title} inherit />}
        crumbs={[{ label: t('ipResults.title'), to: '/ip-results' }]}
        badge={<ClassificationBadge classification={r.classification} />}
        actions={
          writer && (
            <>
              {!editing && (
                <Button
                  variant="light"
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                >
                  {t('common.edit')}
                </Button>
              )}
              <DeleteButton
                what={text(r.title)}
                onDelete={() => api.delete(`/ip-results/${r.id}`, r.version)}
                reload={reload}
                onDeleted={async () => {
                  await queryClient.invalidateQueries({ queryKey: ['ip-results'] });
                  notifySaved(t, t('common.deleted'));
                  await navigate({ to: '/ip-results/{-$ipResultId}', params: {} });
                }}
              />
            </>
          )
        }
      />
      <Stack gap="lg">
        {editing ? (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Title order={2} fz="h4" mb="md">
              {t('ipResults.edit')}
            </Title>
            <IpResultForm
              key={`${formKey}-${r.version}`}
              mode="edit"
              initial={values(r)}
              reload={reload}
              onCancel={() => setEditing(false)}
              onSubmit={async (patch) => {
                const updated = await api.patch<IpResult>(`/ip-results/${r.id}`, patch, r.version);
                queryClient.setQueryData(ipResultKey(r.id), updated);
                await queryClient.invalidateQueries({ queryKey: ['ip-results'] });
                notifySaved(t);
                setEditing(false);
              }}
            />
          </Paper>
        ) : (
          <DetailCard title={t('ipResults.details')}>
            <DetailField label={t('ipResults.kindLabel')}>
              {t(`ipResults.kind.${r.kind}`)}
            </DetailField>
            <DetailField label={t('ipResults.project')}>
              {r.project ? (
                <AnchorLink to="/projects/{-$projectId}" params={{ projectId: r.project.id }}>
                  <LText value={r.project.title} />
                </AnchorLink>
              ) : (
                t('projects.none')
              )}
            </DetailField>
            <DetailField label={t('ipResults.classificationLabel')}>
              <ClassificationBadge classification={r.classification} />
              {r.classification === 'restricted' && r.accessList && (
                <Text size="sm" mt={4}>
                  {t('documents.readBy')}{' '}
                  {[
                    ...r.accessList.memberStates.map((c) => stateName(c)),
                    ...r.accessList.bodyIds.map((b) => text(bodies.get(b)?.name) || b),
                  ].join(', ')}
                </Text>
              )}
            </DetailField>
            <DetailField label={t('projects.decisions')}>
              <DecisionLinks decisions={r.decisions} />
            </DetailField>
            {r.descriptionHtml && (
              <div style={{ gridColumn: '1 / -1' }}>
                <Text size="sm" c="dimmed" mb={4}>
                  {t('ipResults.description')}
                </Text>
                <div
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server
                  dangerouslySetInnerHTML={{ __html: pickHtml(r.descriptionHtml, i18n.language) }}
                />
              </div>
            )}
            <div style={{ gridColumn: '1 / -1' }}>
              <RecordStamps createdAt={r.createdAt} updatedAt={r.updatedAt} />
            </div>
          </DetailCard>
        )}

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('ipResults.holders')}
          </Title>
          <DataTable
            caption={t('ipResults.holders')}
            minWidth={320}
            head={[t('ipResults.holderCol'), t('projects.memberState'), t('ipResults.shareCol')]}
          >
            {r.rightsHolders.map((h) => (
              <Table.Tr key={`${h.organizationId ?? ''}-${h.memberState ?? ''}`}>
                <Table.Td>
                  {h.organizationId && h.organizationName ? (
                    <AnchorLink
                      to="/directory/organizations/$organizationId"
                      params={{ organizationId: h.organizationId }}
                    >
                      <LText value={h.organizationName} />
                    </AnchorLink>
                  ) : (
                    t('ipResults.theState', { state: stateName(h.memberState) })
                  )}
                </Table.Td>
                <Table.Td>{stateName(h.memberState)}</Table.Td>
                <Table.Td>{h.share} %</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('ipResults.protections')}
          </Title>
          <DataTable
            caption={t('ipResults.protections')}
            minWidth={420}
            head={[
              t('projects.memberState'),
              t('ipResults.protectionLabel'),
              t('ipResults.number'),
              t('ipResults.date'),
            ]}
          >
            {r.protections.length === 0 && <EmptyRow cols={4} text={t('ipResults.noProtection')} />}
            {r.protections.map((p) => (
              <Table.Tr key={p.memberState}>
                <Table.Td>{stateName(p.memberState)}</Table.Td>
                <Table.Td>
                  <ProtectionBadge status={p.status} />
                </Table.Td>
                <Table.Td>{p.number ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {p.date ? format.shortDate(p.date) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('ipResults.history')}
          </Title>
          {history.isPending ? (
            <PageLoader />
          ) : history.isError ? (
            <LoadError error={history.error} retry={() => history.refetch()} />
          ) : history.data.items.length === 0 ? (
            <Text c="dimmed">{t('projects.noHistory')}</Text>
          ) : (
            <RegisterHistory
              events={history.data.items}
              label={t('ipResults.history')}
              enumOf={IP_ENUMS}
            />
          )}
        </Paper>
      </Stack>
    </>
  );
}
