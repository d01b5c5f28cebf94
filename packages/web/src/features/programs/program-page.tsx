import { ActionIcon, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import {
  type Measure,
  PROGRAM_TRANSITIONS,
  type Program,
  type ProgramStatus,
  type RegisterHistoryEvent,
} from '@plenum/shared';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useUser } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { DetailCard, DetailField, RecordStamps } from '../../components/detail.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { after, changedFields, RegisterHistory, textOf } from '../standards/register-ui.tsx';
import { DecisionLinks } from '../standards/standard-page.tsx';
import { RegisterStyles } from '../standards/styles.tsx';
import {
  measuresQuery,
  programHistoryQuery,
  programKey,
  programQuery,
  reportsQuery,
} from './api.ts';
import { MeasureStatusBadge, ProgramStatusBadge, ProgressBar } from './labels.tsx';
import { MeasureForm, organizationsQuery } from './measure-form.tsx';
import { ProgramForm } from './program-form.tsx';
import { ReportForm } from './report-form.tsx';
import { ProgramTimelineChart } from './timeline.tsx';

function StatusActions({ program }: { program: Program }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const [busy, setBusy] = useState<ProgramStatus | null>(null);
  const move = async (status: ProgramStatus) => {
    setBusy(status);
    try {
      const saved = await api.patch<Program>(
        `/programs/${program.id}`,
        { status },
        program.version,
      );
      queryClient.setQueryData(programKey(program.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['programs'] });
      notifySaved(t);
    } catch (error) {
      handle(error, {
        reload: () => queryClient.invalidateQueries({ queryKey: programKey(program.id) }),
      });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {PROGRAM_TRANSITIONS[program.status].map((s) => (
        <Button
          key={s}
          size="sm"
          variant={s === 'cancelled' ? 'default' : 'light'}
          color={s === 'cancelled' ? 'red' : undefined}
          loading={busy === s}
          onClick={() => move(s)}
        >
          {t(`programs.to.${s}`)}
        </Button>
      ))}
    </>
  );
}

function Reports({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateName = useStateName();
  const reports = useQuery(reportsQuery(measure.programId, measure.id));
  if (reports.isPending) {
    return <PageLoader />;
  }
  if (reports.isError) {
    return <LoadError error={reports.error} retry={() => reports.refetch()} />;
  }
  if (reports.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('programs.noReports')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {reports.data.items.map((r) => (
        <li key={r.id}>
          <Text size="sm" fw={600}>
            {format.date(r.reportedOn)} ·{' '}
            {r.memberState ? stateName(r.memberState) : t('programs.secretariat')} ·{' '}
            {r.reportedBy.name}
            {r.status ? ` · ${t(`programs.measureStatus.${r.status}`)}` : ''}
            {r.progress !== null ? ` · ${r.progress}%` : ''}
          </Text>
          <LText value={r.text} size="sm" style={{ whiteSpace: 'pre-wrap' }} />
        </li>
      ))}
    </Stack>
  );
}

function MeasureTree({ program, measures }: { program: Program; measures: Measure[] }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const text = useText();
  const stateName = useStateName();
  const organizations = useQuery(organizationsQuery);
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const secretariat = canWrite(user);
  const [form, setForm] = useState<{ measure?: Measure; parentId?: string | null } | null>(null);
  const [reporting, setReporting] = useState<Measure | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const orgName = (id: string) => {
    const o = organizations.data?.find((x) => x.id === id);
    return o ? text(o.name) : '…';
  };
  const mayReport = (m: Measure) =>
    secretariat ||
    (user.role === 'delegate' &&
      !!user.memberState &&
      m.responsibleMemberStates.includes(user.memberState));
  const reload = () => queryClient.invalidateQueries({ queryKey: programKey(program.id) });
  const siblings = (m: Measure) => measures.filter((x) => x.parentId === m.parentId);
  const shift = async (m: Measure, by: number) => {
    const index = siblings(m).findIndex((x) => x.id === m.id);
    try {
      await api.patch(
        `/programs/${program.id}/measures/${m.id}`,
        { position: index + 1 + by },
        m.version,
      );
      await reload();
    } catch (error) {
      handle(error, { reload });
    }
  };
  const remove = async (m: Measure) => {
    if (!window.confirm(t('programs.deleteConfirm', { code: m.code }))) {
      return;
    }
    try {
      await api.delete(`/programs/${program.id}/measures/${m.id}`, m.version);
      await reload();
      notifySaved(t, t('common.deleted'));
    } catch (error) {
      handle(error, { reload });
    }
  };
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });

  return (
    <section>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4">
          {t('programs.measures')}
        </Title>
        {secretariat && (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setForm({ parentId: null })}
          >
            {t('programs.addMeasure')}
          </Button>
        )}
      </Group>
      <Paper withBorder>
        {measures.length === 0 && (
          <Text c="dimmed" p="md">
            {t('programs.noMeasures')}
          </Text>
        )}
        <ul
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('programs.measures')}
        >
          {measures.map((m) => {
            const sibs = siblings(m);
            const index = sibs.findIndex((x) => x.id === m.id);
            return (
              <li key={m.id}>
                <div
                  className="plenum-measure-row"
                  style={{ paddingInlineStart: `calc(12px + ${m.depth * 1.5}rem)` }}
                >
                  <div className="plenum-measure-main">
                    <Text fw={600} size="sm">
                      {m.code}. <LText value={m.title} />
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[
                        m.responsibleMemberStates.map((c) => stateName(c)).join(', '),
                        m.responsibleOrganizationIds.map(orgName).join(', '),
                        m.dueDate ? t('programs.dueOn', { date: format.date(m.dueDate) }) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </div>
                  <MeasureStatusBadge status={m.status} overdue={m.overdue} />
                  <div style={{ width: '10rem' }}>
                    <ProgressBar
                      value={m.progress}
                      label={t('programs.progressOf', { code: m.code })}
                    />
                  </div>
                  <Group gap={4}>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => toggle(m.id)}
                      aria-expanded={open.has(m.id)}
                    >
                      {t('programs.reports')}
                    </Button>
                    {mayReport(m) && (
                      <Button size="compact-xs" variant="light" onClick={() => setReporting(m)}>
                        {t('programs.addReport')}
                      </Button>
                    )}
                    {secretariat && (
                      <>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('programs.addSub', { code: m.code })}
                          title={t('programs.addSub', { code: m.code })}
                          onClick={() => setForm({ parentId: m.id })}
                        >
                          <IconPlus size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('programs.editMeasure', { code: m.code })}
                          title={t('programs.editMeasure', { code: m.code })}
                          onClick={() => setForm({ measure: m })}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={index <= 0}
                          aria-label={t('programs.moveUp', { code: m.code })}
                          title={t('programs.moveUp', { code: m.code })}
                          onClick={() => shift(m, -1)}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={index >= sibs.length - 1}
                          aria-label={t('programs.moveDown', { code: m.code })}
                          title={t('programs.moveDown', { code: m.code })}
                          onClick={() => shift(m, 1)}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('programs.deleteMeasure', { code: m.code })}
                          title={t('programs.deleteMeasure', { code: m.code })}
                          onClick={() => remove(m)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </>
                    )}
                  </Group>
                </div>
                {open.has(m.id) && (
                  <div
                    style={{
                      padding: '8px 12px',
                      paddingInlineStart: `calc(24px + ${m.depth * 1.5}rem)`,
                      background: 'var(--mantine-color-gray-0)',
                    }}
                  >
                    <Reports measure={m} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </Paper>
      {form && (
        <MeasureForm
          programId={program.id}
          measures={measures}
          measure={form.measure}
          parentId={form.parentId}
          onClose={() => setForm(null)}
        />
      )}
      {reporting && <ReportForm measure={reporting} onClose={() => setReporting(null)} />}
    </section>
  );
}

function useDescribe() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const label = (f: string) => t(`programs.field.${f}`, { defaultValue: f });
  return (e: RegisterHistoryEvent, change: Record<string, unknown>) => {
    if (e.entityType === 'program_measure') {
      const title = textOf(change.title, lang) || textOf(after(change, 'title'), lang);
      if (e.action === 'create') {
        return t('programs.h.measureAdded', { title });
      }
      if (e.action === 'delete') {
        return t('programs.h.measureRemoved', { title });
      }
      return t('programs.h.measureChanged', { fields: changedFields(change, label) });
    }
    if (e.entityType === 'program_measure_report') {
      return t('programs.h.reported');
    }
    if (e.action === 'create') {
      return t('programs.h.created');
    }
    if (e.action === 'status') {
      return t('programs.h.status', {
        status: t(`programs.status.${String(after(change, 'status'))}`),
      });
    }
    if (e.action === 'update') {
      return t('standards.h.changed', { fields: changedFields(change, label) });
    }
    return t('history.other', { action: e.action });
  };
}

/** A program: period, lifecycle, derived progress, the measures tree, the timeline, history. */
export function ProgramPage(): JSX.Element {
  const { t } = useTranslation();
  const { programId } = useParams({ from: '/app/programs/$programId' });
  const user = useUser();
  const format = useFormat();
  const bodies = useBodiesById();
  const program = useQuery(programQuery(programId));
  const measures = useQuery(measuresQuery(programId));
  const history = useQuery(programHistoryQuery(programId));
  const describe = useDescribe();
  const [editing, setEditing] = useState(false);
  if (program.isPending) {
    return <PageLoader />;
  }
  if (program.isError) {
    return <LoadError error={program.error} retry={() => program.refetch()} />;
  }
  const p = program.data;
  const body = p.bodyId ? bodies.get(p.bodyId) : undefined;
  const secretariat = canWrite(user);
  return (
    <>
      <RegisterStyles />
      <PageHeader
        title={<LText value={p.title} inherit />}
        badge={<ProgramStatusBadge status={p.status} />}
        crumbs={[{ label: t('programs.title'), to: '/programs' }]}
        actions={
          secretariat && (
            <>
              <StatusActions program={p} />
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="xl">
        <div>
          <DetailCard>
            <DetailField label={t('programs.period')}>
              {format.dateRange(p.periodFrom, p.periodTo)}
            </DetailField>
            <DetailField label={t('programs.body')}>
              {body ? <LText value={body.name} /> : null}
            </DetailField>
            <DetailField label={t('programs.progress')} wide>
              <ProgressBar value={p.progress} label={t('programs.progress')} />
              <Text size="xs" c="dimmed">
                {t('programs.progressHint', { count: p.measureCount })}
                {p.overdueMeasures > 0 &&
                  ` · ${t('programs.overdueCount', { count: p.overdueMeasures })}`}
              </Text>
            </DetailField>
            <DetailField label={t('standards.decisions')} wide>
              {p.decisions.length ? <DecisionLinks decisions={p.decisions} /> : null}
            </DetailField>
            {p.description && (
              <DetailField label={t('standards.description')} wide>
                <LText value={p.description} style={{ whiteSpace: 'pre-wrap' }} />
              </DetailField>
            )}
          </DetailCard>
          <RecordStamps createdAt={p.createdAt} updatedAt={p.updatedAt} />
        </div>
        {measures.isPending ? (
          <PageLoader />
        ) : measures.isError ? (
          <LoadError error={measures.error} retry={() => measures.refetch()} />
        ) : (
          <MeasureTree program={p} measures={measures.data} />
        )}
        <section>
          <Title order={2} fz="h4" mb="xs">
            {t('programs.timeline')}
          </Title>
          <ProgramTimelineChart programId={p.id} />
        </section>
        {history.data && <RegisterHistory events={history.data.items} describe={describe} />}
      </Stack>
      {editing && (
        <ProgramForm
          program={p}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </>
  );
}
