import { ActionIcon, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type Assignment, type LocalizedText, pickText } from '@plenum/shared';
import { IconHistory, IconLink, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useUser } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useFormat } from '../../app/format.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { DeleteButton } from '../../components/delete-button.tsx';
import { DetailCard, DetailField } from '../../components/detail.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { FallbackMarker, LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { meetingQuery } from '../meetings/api.ts';
import { assignmentsQuery, decisionHistoryQuery, decisionKey, decisionQuery } from './api.ts';
import { AssignmentForm } from './assignment-form.tsx';
import { DecisionEditForm } from './decision-edit-form.tsx';
import { DecisionHistory } from './decision-history.tsx';
import { RegisterEntries } from './register-entries.tsx';
import { RelationForm } from './relation-form.tsx';
import ReportForm, { type ReportTarget } from './report-form.tsx';
import { type HistoryTarget, ReportHistoryModal } from './report-history.tsx';
import { AssignmentStatusBadge, DecisionStatusBadge } from './status.tsx';

/** The first words of a report, for the table. */
function excerpt(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

function DecisionText({ html }: { html: { en?: string; ru?: string } }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const other = lang === 'ru' ? 'en' : 'ru';
  const own = html[lang];
  const shown = own ?? html[other];
  if (!shown) {
    return <Text c="dimmed">{t('decisions.noText')}</Text>;
  }
  return (
    <div lang={own ? undefined : other}>
      {!own && (
        <Text size="sm" c="dimmed" mb="xs">
          {t(`fallback.${other}`)} <FallbackMarker lang={other} />
        </Text>
      )}
      {/* The server renders the Markdown to safe HTML (no raw HTML passes through). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, sanitized field */}
      <div className="plenum-decision-text" dangerouslySetInnerHTML={{ __html: shown }} />
    </div>
  );
}

export function DecisionPage(): JSX.Element {
  const { t } = useTranslation();
  const { decisionId } = useParams({ from: '/app/decisions/$decisionId' });
  const user = useUser();
  const format = useFormat();
  const text = useText();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const queryClient = useQueryClient();
  const decision = useQuery(decisionQuery(decisionId));
  const assignments = useQuery(assignmentsQuery(decisionId));
  const writer = canWrite(user);
  const history = useQuery({ ...decisionHistoryQuery(decisionId), enabled: writer });
  const meetingId = decision.data?.meetingId ?? '';
  const meeting = useQuery({ ...meetingQuery(meetingId), enabled: !!meetingId });
  const [report, setReport] = useState<ReportTarget | null>(null);
  const [drill, setDrill] = useState<HistoryTarget | null>(null);
  const [form, setForm] = useState<{ mode: 'create' | 'edit'; assignment?: Assignment } | null>(
    null,
  );
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: decisionKey(decisionId) });

  if (decision.isPending) {
    return <PageLoader />;
  }
  if (decision.isError) {
    return <LoadError error={decision.error} retry={() => decision.refetch()} />;
  }
  const d = decision.data;
  const assignee = (a: Assignment) =>
    a.memberState ? stateName(a.memberState) : text(bodies.get(a.bodyId ?? '')?.name);
  const label = (a: Assignment) => `${d.number} · ${assignee(a)}`;
  const mayReport = (a: Assignment) =>
    writer || (user.role === 'delegate' && !!a.memberState && a.memberState === user.memberState);
  const reportText = (value: LocalizedText | null) => pickText(value, currentLanguage()).text;

  return (
    <>
      <PageHeader
        title={
          <>
            {d.number} <LText value={d.title} inherit />
          </>
        }
        crumbs={[{ label: t('decisions.title'), to: '/decisions' }]}
        badge={<DecisionStatusBadge status={d.status} />}
        actions={
          writer && (
            <Button
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <DetailCard title={t('decisions.details')}>
          <DetailField label={t('decisions.number')}>{d.number}</DetailField>
          <DetailField label={t('decisions.kind')}>{t(`enums.decisionKind.${d.kind}`)}</DetailField>
          <DetailField label={t('decisions.body')}>
            <AnchorLink to="/directory/bodies/$bodyId" params={{ bodyId: d.bodyId }}>
              {text(bodies.get(d.bodyId)?.name) || d.bodyId}
            </AnchorLink>
          </DetailField>
          <DetailField label={t('decisions.meeting')}>
            {d.meetingId ? (
              <AnchorLink to="/meetings/$meetingId" params={{ meetingId: d.meetingId }}>
                {meeting.data ? <LText value={meeting.data.name} /> : t('decisions.openMeeting')}
              </AnchorLink>
            ) : (
              '—'
            )}
          </DetailField>
          <DetailField label={t('decisions.adoptedOn')}>{format.date(d.adoptedOn)}</DetailField>
          <DetailField label={t('decisions.status')}>
            <DecisionStatusBadge status={d.status} />
          </DetailField>
          {(d.relations.length > 0 || writer) && (
            <DetailField label={t('decisions.relations')} wide>
              <Stack gap={4} component="span" align="flex-start">
                {d.relations.length === 0 && (
                  <Text span c="dimmed">
                    {t('relationForm.none')}
                  </Text>
                )}
                {d.relations.map((r) => (
                  <span key={`${r.kind}-${r.direction}-${r.decisionId}`}>
                    {t(`relations.${r.kind}.${r.direction}`)}{' '}
                    <AnchorLink to="/decisions/$decisionId" params={{ decisionId: r.decisionId }}>
                      {r.number}
                    </AnchorLink>{' '}
                    <Text span size="sm" c="dimmed">
                      <LText value={r.title} inherit />
                    </Text>
                  </span>
                ))}
                {writer && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconLink size={14} aria-hidden />}
                    onClick={() => setLinking(true)}
                  >
                    {t('relationForm.add')}
                  </Button>
                )}
              </Stack>
            </DetailField>
          )}
        </DetailCard>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="sm">
            {t('decisions.text')}
          </Title>
          <DecisionText html={d.textHtml} />
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Group justify="space-between" mb="md">
            <Title order={2} fz="h4">
              {t('assignments.title')}
            </Title>
            {writer && (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setForm({ mode: 'create' })}
              >
                {t('assignments.add')}
              </Button>
            )}
          </Group>
          {assignments.isPending ? (
            <PageLoader />
          ) : assignments.isError ? (
            <LoadError error={assignments.error} retry={() => assignments.refetch()} />
          ) : (
            <DataTable
              caption={t('assignments.title')}
              minWidth={900}
              head={[
                t('assignments.assignee'),
                t('assignments.dueDate'),
                t('assignments.status'),
                t('assignments.latestReport'),
                t('common.actions'),
              ]}
            >
              {assignments.data.items.length === 0 && (
                <EmptyRow cols={5} text={t('assignments.empty')} />
              )}
              {assignments.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{assignee(a)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {a.dueDate ? format.shortDate(a.dueDate) : '—'}
                  </Table.Td>
                  <Table.Td style={{ minWidth: 170 }}>
                    <AssignmentStatusBadge status={a.status} overdue={a.overdue} />
                  </Table.Td>
                  <Table.Td>
                    {a.latestReport ? (
                      <>
                        <Text size="sm" fw={500}>
                          {format.shortDate(a.latestReport.reportedOn)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {excerpt(reportText(a.latestReport.text) ?? '')}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('reports.none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('reports.historyOf', { what: assignee(a) })}
                        title={t('reports.historyOf', { what: assignee(a) })}
                        onClick={() =>
                          setDrill({ decisionId, assignmentId: a.id, label: label(a) })
                        }
                      >
                        <IconHistory size={18} aria-hidden />
                      </ActionIcon>
                      {mayReport(a) && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          aria-label={t('reports.reportFor', { what: assignee(a) })}
                          onClick={() =>
                            setReport({ decisionId, assignmentId: a.id, label: label(a) })
                          }
                        >
                          {t('reports.report')}
                        </Button>
                      )}
                      {writer && (
                        <>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('assignments.editOne', { what: assignee(a) })}
                            onClick={() => setForm({ mode: 'edit', assignment: a })}
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                          <DeleteButton
                            compact
                            what={assignee(a)}
                            reload={refresh}
                            onDelete={() =>
                              api.delete(`/decisions/${decisionId}/assignments/${a.id}`, a.version)
                            }
                            onDeleted={async () => {
                              await refresh();
                              notifySaved(t, t('assignments.removed'));
                            }}
                          />
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </Paper>

        <RegisterEntries decisionId={decisionId} />
        {writer && (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Title order={2} fz="h4" mb="sm">
              {t('decisions.history')}
            </Title>
            {history.isPending ? (
              <PageLoader />
            ) : history.isError ? (
              <LoadError error={history.error} retry={() => history.refetch()} />
            ) : history.data.items.length === 0 ? (
              <Text c="dimmed">{t('decisions.noHistory')}</Text>
            ) : (
              <DecisionHistory decision={d} events={history.data.items} />
            )}
          </Paper>
        )}
      </Stack>
      {writer && (
        <>
          <DecisionEditForm decision={d} opened={editing} onClose={() => setEditing(false)} />
          <RelationForm decision={d} opened={linking} onClose={() => setLinking(false)} />
        </>
      )}
      <ReportForm target={report} onClose={() => setReport(null)} />
      <ReportHistoryModal target={drill} onClose={() => setDrill(null)} />
      <AssignmentForm
        opened={form !== null}
        mode={form?.mode ?? 'create'}
        assignment={form?.assignment}
        onClose={() => setForm(null)}
        reload={refresh}
        onSubmit={async (body) => {
          if (form?.mode === 'edit' && form.assignment) {
            await api.patch(
              `/decisions/${decisionId}/assignments/${form.assignment.id}`,
              body,
              form.assignment.version,
            );
          } else {
            await api.post(`/decisions/${decisionId}/assignments`, body);
          }
          await refresh();
          await queryClient.invalidateQueries({ queryKey: ['assignments'] });
          notifySaved(t);
        }}
      />
    </>
  );
}
