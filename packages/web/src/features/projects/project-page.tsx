import { Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { PROJECT_TRANSITIONS, type Project, type ProjectStatus } from '@plenum/shared';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { DataTable } from '../../components/data-table.tsx';
import { DeleteButton } from '../../components/delete-button.tsx';
import { DetailCard, DetailField, RecordStamps } from '../../components/detail.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { useStateName } from '../directory/lookups.ts';
import { historyQuery, projectKey, projectQuery } from './api.ts';
import { DecisionLinks, ProjectStatusBadge, pickHtml } from './labels.tsx';
import { ProjectForm, useProjectValues } from './project-form.tsx';
import { RegisterHistory } from './register-history.tsx';

const PROJECT_ENUMS = { kind: 'projects.kind', status: 'projects.status' };

/** The lifecycle's next steps as buttons; terminating asks first. */
function StatusActions({ project }: { project: Project }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const [confirm, setConfirm] = useState<ProjectStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const move = async (status: ProjectStatus) => {
    setBusy(true);
    try {
      const updated = await api.patch<Project>(
        `/projects/${project.id}`,
        { status },
        project.version,
      );
      queryClient.setQueryData(projectKey(project.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      notifySaved(t);
    } catch (error) {
      handleError(error, {
        reload: () => queryClient.invalidateQueries({ queryKey: projectKey(project.id) }),
      });
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };
  return (
    <>
      {PROJECT_TRANSITIONS[project.status].map((s) => (
        <Button
          key={s}
          variant={s === 'terminated' ? 'light' : 'filled'}
          color={s === 'terminated' ? 'orange' : undefined}
          loading={busy && confirm === null}
          onClick={() => (s === 'terminated' ? setConfirm(s) : move(s))}
        >
          {t(`projects.moveTo.${s}`)}
        </Button>
      ))}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t('projects.terminateTitle')}
      >
        <Stack>
          <Text>{t('projects.terminateQuestion')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={busy} onClick={() => move('terminated')}>
              {t('projects.moveTo.terminated')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function NewProject() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const values = useProjectValues();
  const [initial] = useState(() => values());
  return (
    <>
      <PageHeader
        title={t('projects.new')}
        crumbs={[{ label: t('projects.title'), to: '/projects' }]}
      />
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <ProjectForm
          mode="create"
          initial={initial}
          onCancel={() => navigate({ to: '/projects/{-$projectId}', params: {} })}
          onSubmit={async (body) => {
            const created = await api.post<Project>('/projects', body);
            queryClient.setQueryData(projectKey(created.id), created);
            await queryClient.invalidateQueries({ queryKey: ['projects'] });
            notifySaved(t);
            await navigate({ to: '/projects/{-$projectId}', params: { projectId: created.id } });
          }}
        />
      </Paper>
    </>
  );
}

export function ProjectPage({ id }: { id: string }): JSX.Element {
  return id === 'new' ? <NewProject /> : <ProjectView id={id} />;
}

function ProjectView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const writer = canWrite(me?.user);
  const text = useText();
  const format = useFormat();
  const stateName = useStateName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const project = useQuery(projectQuery(id));
  const history = useQuery(historyQuery('projects', id));
  const values = useProjectValues();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);

  if (project.isPending) {
    return <PageLoader />;
  }
  if (project.isError) {
    return <LoadError error={project.error} retry={() => project.refetch()} />;
  }
  const p = project.data;
  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: projectKey(p.id), exact: true });
    setFormKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader
        title={<LText value={p.title} inherit />}
        crumbs={[{ label: t('projects.title'), to: '/projects' }]}
        badge={<ProjectStatusBadge status={p.status} />}
        actions={
          writer && (
            <>
              <StatusActions project={p} />
              {!editing && (
                <Button
                  variant="light"
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                >
                  {t('common.edit')}
                </Button>
              )}
              {p.status === 'proposed' && (
                <DeleteButton
                  what={text(p.title)}
                  onDelete={() => api.delete(`/projects/${p.id}`, p.version)}
                  reload={reload}
                  onDeleted={async () => {
                    await queryClient.invalidateQueries({ queryKey: ['projects'] });
                    notifySaved(t, t('common.deleted'));
                    await navigate({ to: '/projects/{-$projectId}', params: {} });
                  }}
                />
              )}
            </>
          )
        }
      />
      <Stack gap="lg">
        {editing ? (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Title order={2} fz="h4" mb="md">
              {t('projects.edit')}
            </Title>
            <ProjectForm
              key={`${formKey}-${p.version}`}
              mode="edit"
              initial={values(p)}
              reload={reload}
              onCancel={() => setEditing(false)}
              onSubmit={async (patch) => {
                const updated = await api.patch<Project>(`/projects/${p.id}`, patch, p.version);
                queryClient.setQueryData(projectKey(p.id), updated);
                await queryClient.invalidateQueries({ queryKey: ['projects'] });
                notifySaved(t);
                setEditing(false);
              }}
            />
          </Paper>
        ) : (
          <DetailCard title={t('projects.details')}>
            <DetailField label={t('projects.kindLabel')}>
              {t(`projects.kind.${p.kind}`)}
            </DetailField>
            <DetailField label={t('projects.statusLabel')}>
              <ProjectStatusBadge status={p.status} />
            </DetailField>
            <DetailField label={t('projects.period')}>
              {p.startDate || p.endDate
                ? `${format.date(p.startDate) || '…'} – ${format.date(p.endDate) || '…'}`
                : t('projects.none')}
            </DetailField>
            <DetailField label={t('projects.memberStates')}>
              {p.memberStates.map((c) => stateName(c)).join(', ')}
            </DetailField>
            <DetailField label={t('projects.measures')}>
              {p.measures.length === 0 ? (
                t('projects.none')
              ) : (
                <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
                  {p.measures.map((m) => (
                    <li key={m.id}>
                      <AnchorLink to="/programs/$programId" params={{ programId: m.programId }}>
                        <LText value={m.title} />
                      </AnchorLink>
                    </li>
                  ))}
                </ul>
              )}
            </DetailField>
            <DetailField label={t('projects.decisions')}>
              <DecisionLinks decisions={p.decisions} />
            </DetailField>
            {p.descriptionHtml && (
              <div style={{ gridColumn: '1 / -1' }}>
                <Text size="sm" c="dimmed" mb={4}>
                  {t('projects.description')}
                </Text>
                <div
                  // Safe HTML rendered by the server from Markdown.
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server
                  dangerouslySetInnerHTML={{
                    __html: pickHtml(p.descriptionHtml, i18n.language),
                  }}
                />
              </div>
            )}
            <div style={{ gridColumn: '1 / -1' }}>
              <RecordStamps createdAt={p.createdAt} updatedAt={p.updatedAt} />
            </div>
          </DetailCard>
        )}

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('projects.participants')}
          </Title>
          <DataTable
            caption={t('projects.participants')}
            minWidth={320}
            head={[
              t('projects.organizationCol'),
              t('projects.memberState'),
              t('projects.roleLabel'),
            ]}
          >
            {p.participants.map((x) => (
              <Table.Tr key={x.organizationId}>
                <Table.Td>
                  <AnchorLink
                    to="/directory/organizations/$organizationId"
                    params={{ organizationId: x.organizationId }}
                  >
                    <LText value={x.organization.name} />
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{stateName(x.organization.memberState)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={x.role === 'lead' ? 600 : 400}>
                    {t(`projects.role.${x.role}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('projects.history')}
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
              label={t('projects.history')}
              enumOf={PROJECT_ENUMS}
            />
          )}
        </Paper>
      </Stack>
    </>
  );
}
