import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReviewAssignment, ReviewEntry } from '@plenum/shared';
import { IconDownload, IconInfoCircle, IconListCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';
import { exportUrl, reviewQuery } from '../decisions/api.ts';
import { type HistoryTarget, ReportHistoryModal } from '../decisions/report-history.tsx';
import { ASSIGNMENT_STATUS_STYLE, DecisionStatusBadge } from '../decisions/status.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { meetingKey } from '../meetings/api.ts';

const STATUSES = [
  'pending',
  'in_progress',
  'implemented',
  'not_implemented',
  'not_applicable',
] as const;

/** One column of the matrix: a member state or a body. */
interface Column {
  key: string;
  label: string;
  short: string;
}

const colKey = (a: ReviewAssignment) => (a.memberState ? `s:${a.memberState}` : `b:${a.bodyId}`);

function Cell({
  assignment,
  label,
  onOpen,
}: {
  assignment: ReviewAssignment | undefined;
  label: string;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  if (!assignment) {
    return (
      <Text span c="dimmed" aria-label={t('review.notAssigned')}>
        ·
      </Text>
    );
  }
  const style = ASSIGNMENT_STATUS_STYLE[assignment.status];
  const name = `${label}: ${t(`enums.assignmentStatus.${assignment.status}`)}${assignment.overdue ? `, ${t('implementation.overdue')}` : ''}`;
  return (
    <Button
      size="compact-sm"
      variant={assignment.overdue ? 'outline' : 'light'}
      color={assignment.overdue ? 'red' : style.color}
      onClick={onOpen}
      aria-label={name}
      title={name}
      style={{ minWidth: 44, fontWeight: 700 }}
    >
      <span aria-hidden>
        {style.symbol}
        {assignment.overdue ? ' !' : ''}
      </span>
    </Button>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap" aria-label={t('review.legend')} role="list">
      {STATUSES.map((s) => (
        <Group key={s} gap={4} wrap="nowrap" role="listitem">
          <Button
            component="span"
            size="compact-xs"
            variant="light"
            color={ASSIGNMENT_STATUS_STYLE[s].color}
            aria-hidden
            style={{ fontWeight: 700 }}
          >
            {ASSIGNMENT_STATUS_STYLE[s].symbol}
          </Button>
          <Text size="xs">{t(`enums.assignmentStatus.${s}`)}</Text>
        </Group>
      ))}
      <Group gap={4} wrap="nowrap" role="listitem">
        <Button component="span" size="compact-xs" variant="outline" color="red" aria-hidden>
          !
        </Button>
        <Text size="xs">{t('implementation.overdue')}</Text>
      </Group>
    </Group>
  );
}

function Matrix({
  entries,
  columns,
  title,
  onOpen,
}: {
  entries: ReviewEntry[];
  columns: Column[];
  title: string;
  onOpen: (target: HistoryTarget) => void;
}) {
  const { t } = useTranslation();
  return (
    <section>
      <Title order={3} fz="h5" mb="xs">
        {title}
      </Title>
      <div style={{ overflowX: 'auto' }}>
        <Table
          withTableBorder
          withColumnBorders
          miw={320 + columns.length * 60}
          verticalSpacing={6}
        >
          <caption style={{ position: 'absolute', left: -10000 }}>{title}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('review.decision')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} ta="center" title={c.label}>
                  <abbr title={c.label} style={{ textDecoration: 'none' }}>
                    {c.short}
                  </abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => {
              const byCol = new Map(e.assignments.map((a) => [colKey(a), a]));
              return (
                <Table.Tr key={e.decision.id}>
                  <Table.Td style={{ minWidth: 200 }}>
                    <AnchorLink
                      to="/decisions/$decisionId"
                      params={{ decisionId: e.decision.id }}
                      fw={600}
                    >
                      {e.decision.number}
                    </AnchorLink>{' '}
                    <LText value={e.decision.title} size="sm" />
                    <div style={{ marginTop: 4 }}>
                      <DecisionStatusBadge status={e.statusAtReview ?? e.decision.status} />
                    </div>
                  </Table.Td>
                  {columns.map((c) => {
                    const a = byCol.get(c.key);
                    const label = `${e.decision.number} · ${c.label}`;
                    return (
                      <Table.Td key={c.key} ta="center">
                        <Cell
                          assignment={a}
                          label={label}
                          onOpen={() =>
                            a && onOpen({ decisionId: e.decision.id, assignmentId: a.id, label })
                          }
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} c={value > 0 ? color : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/** The implementation review of a meeting: decisions × assignees, with the summary. */
export function ReviewTab(): JSX.Element {
  const { t } = useTranslation();
  const { meetingId } = useParams({ from: '/app/meetings/$meetingId' });
  const me = useMe();
  const text = useText();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const format = useFormat();
  const review = useQuery(reviewQuery(meetingId));
  const [drill, setDrill] = useState<HistoryTarget | null>(null);
  const [busy, setBusy] = useState(false);
  const [exists, setExists] = useState(false);

  const columns = useMemo(() => {
    const cols = new Map<string, Column>();
    for (const e of review.data?.entries ?? []) {
      for (const a of e.assignments) {
        const key = colKey(a);
        if (!cols.has(key)) {
          if (a.memberState) {
            cols.set(key, { key, label: stateName(a.memberState), short: a.memberState });
          } else {
            const body = bodies.get(a.bodyId ?? '');
            cols.set(key, {
              key,
              label: text(body?.name) || (a.bodyId ?? ''),
              short: text(body?.shortName) || text(body?.name) || (a.bodyId ?? ''),
            });
          }
        }
      }
    }
    // Member states first (by code), then bodies.
    return [...cols.values()].sort((a, b) =>
      a.key[0] === b.key[0] ? a.short.localeCompare(b.short) : a.key[0] === 's' ? -1 : 1,
    );
  }, [review.data, stateName, bodies, text]);

  if (review.isPending) {
    return <PageLoader />;
  }
  if (review.isError) {
    return <LoadError error={review.error} retry={() => review.refetch()} />;
  }
  const r = review.data;
  const own = r.entries.filter((e) => e.source === 'own');
  const statutory = r.entries.filter((e) => e.source === 'statutory');
  const lang = currentLanguage();

  const putOnAgenda = async () => {
    setBusy(true);
    try {
      await api.post(
        `/meetings/${encodeURIComponent(meetingId)}/implementation-review/agenda-item`,
      );
      await queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) });
      notifySaved(t, t('review.onAgenda'));
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setExists(true);
      } else {
        handleError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4">
            {t('review.title')}
          </Title>
          <Group gap="xs">
            <Button
              component="a"
              href={exportUrl(`/meetings/${meetingId}/implementation-review/export.csv`, { lang })}
              variant="default"
              size="sm"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              CSV
            </Button>
            <Button
              component="a"
              href={exportUrl(`/meetings/${meetingId}/implementation-review/export.xlsx`, {
                lang,
              })}
              variant="default"
              size="sm"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              XLSX
            </Button>
            {canWrite(me?.user) && (
              <Button
                size="sm"
                leftSection={<IconListCheck size={16} aria-hidden />}
                loading={busy}
                onClick={putOnAgenda}
              >
                {t('review.putOnAgenda')}
              </Button>
            )}
          </Group>
        </Group>
        {exists && (
          <Alert color="orange" role="alert" withCloseButton onClose={() => setExists(false)}>
            {t('review.alreadyOnAgenda')}
          </Alert>
        )}
        {r.recorded ? (
          <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
            {t('review.recorded', { date: format.date(r.asOf) })}
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {t('review.live')}
          </Text>
        )}
        {r.previousReviewMeetingId && (
          <Text size="sm">
            <AnchorLink
              to="/meetings/$meetingId/implementation"
              params={{ meetingId: r.previousReviewMeetingId }}
            >
              {t('review.previous')}
            </AnchorLink>
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="xs">
          <Figure label={t('review.total')} value={r.summary.total} />
          <Figure
            label={t('enums.decisionStatus.implemented')}
            value={r.summary.implemented}
            color="green.8"
          />
          <Figure
            label={t('enums.decisionStatus.in_progress')}
            value={r.summary.inProgress}
            color="blue.8"
          />
          <Figure
            label={t('enums.decisionStatus.overdue')}
            value={r.summary.overdue}
            color="red.7"
          />
          <Figure
            label={t('enums.assignmentStatus.not_implemented')}
            value={r.summary.notImplemented}
            color="orange.8"
          />
          <Figure label={t('review.closed')} value={r.summary.closed} />
        </SimpleGrid>
        <Legend />
        {r.entries.length === 0 ? (
          <Text c="dimmed" ta="center" py="md">
            {t('review.empty')}
          </Text>
        ) : (
          <>
            {own.length > 0 && (
              <Matrix entries={own} columns={columns} title={t('review.own')} onOpen={setDrill} />
            )}
            {statutory.length > 0 && (
              <Matrix
                entries={statutory}
                columns={columns}
                title={t('review.statutory')}
                onOpen={setDrill}
              />
            )}
          </>
        )}
      </Stack>
      <ReportHistoryModal target={drill} onClose={() => setDrill(null)} />
    </Paper>
  );
}
