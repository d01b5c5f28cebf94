import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AssignmentListItem } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { type JSX, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useUser } from '../../app/auth.ts';
import { useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { assignmentListQuery, summaryQuery } from '../decisions/api.ts';
import type { ReportTarget } from '../decisions/report-form.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { AssignmentRows } from './assignment-rows.tsx';

// The report dialog (and its form library) loads when first opened: the dashboard is the first page.
// The charts by state and by body sit below the lists: they load after them.
// (With the overdue program measures above the charts: programs/dashboard-extras.tsx.)
const SummaryCharts = lazy(() => import('../programs/dashboard-extras.tsx'));
const ReportForm = lazy(() =>
  Promise.all([
    import('../decisions/report-form.tsx'),
    import('../../app/page-strings.ts').then((m) => m.loadPageStrings()),
  ]).then(([m]) => m),
);

const iso = (d: Date) => d.toISOString().slice(0, 10);

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} c={value > 0 ? color : undefined} lh={1.2}>
        {value}
      </Text>
    </Paper>
  );
}

function Section({
  title,
  children,
  action,
}: {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <section>
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} fz="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </section>
  );
}

function AssignmentList({
  query,
  title,
  empty,
  onReport,
  canReport,
}: {
  query: Record<string, string>;
  title: string;
  empty: string;
  onReport?: (a: AssignmentListItem) => void;
  canReport?: (a: AssignmentListItem) => boolean;
}) {
  const list = useQuery(assignmentListQuery({ ...query, limit: 20 }));
  return (
    <Section title={title}>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : (
        <AssignmentRows
          items={list.data.items}
          empty={empty}
          label={title}
          onReport={onReport}
          canReport={canReport}
        />
      )}
    </Section>
  );
}

/** The home page after sign-in: what is overdue or due soon, and progress by state and by body. */
export function DashboardPage(): JSX.Element {
  const { t } = useTranslation();
  const user = useUser();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const text = useText();
  const summary = useQuery(summaryQuery);
  const [target, setTarget] = useState<ReportTarget | null>(null);
  const own = user.role === 'delegate' ? user.memberState : null;
  const mayReport = (a: AssignmentListItem) =>
    canWrite(user) || (own !== null && a.memberState === own);
  const report = (a: AssignmentListItem) =>
    setTarget({
      decisionId: a.decision.id,
      assignmentId: a.id,
      label: `${a.decision.number} · ${a.memberState ? stateName(a.memberState) : text(bodies.get(a.bodyId ?? '')?.name)}`,
    });
  const today = new Date();
  const in30 = new Date(today.getTime() + 30 * 86_400_000);

  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <Stack gap="xl">
        {own && (
          <AssignmentList
            query={{ memberState: own, open: 'true' }}
            title={t('dashboard.ownOpen', { state: stateName(own) })}
            empty={t('dashboard.ownNone')}
            onReport={report}
          />
        )}
        {summary.isPending ? (
          <PageLoader />
        ) : summary.isError ? (
          <LoadError error={summary.error} retry={() => summary.refetch()} />
        ) : (
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: '1fr 1fr',
              gap: 'var(--mantine-spacing-sm)',
            }}
          >
            <Figure
              label={t('dashboard.overdue')}
              value={summary.data.overdueAssignments}
              color="red.7"
            />
            <Figure label={t('dashboard.due30')} value={summary.data.dueWithin30Days} />
          </div>
        )}
        <AssignmentList
          query={{ overdue: 'true' }}
          title={t('dashboard.overdueList')}
          empty={t('dashboard.overdueNone')}
          onReport={report}
          canReport={mayReport}
        />
        <AssignmentList
          query={{ open: 'true', dueFrom: iso(today), dueTo: iso(in30) }}
          title={t('dashboard.dueList')}
          empty={t('dashboard.dueNone')}
        />
        {summary.data && (
          <Suspense fallback={<PageLoader />}>
            <SummaryCharts summary={summary.data} />
          </Suspense>
        )}
      </Stack>
      {target && (
        <Suspense fallback={null}>
          <ReportForm target={target} onClose={() => setTarget(null)} />
        </Suspense>
      )}
    </>
  );
}
