import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type {
  AssignmentStatus,
  Waiting,
  WaitingAssignment,
  WaitingComment,
  WaitingConsultation,
} from '@plenum/shared';
import { IconCircleCheck } from '@tabler/icons-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useUser } from '../../app/auth.ts';
import { useFormat } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { AssignmentStatusBadge } from '../decisions/status.tsx';
import { useStateName } from '../directory/lookups.ts';
import './waiting.css';

const waitingQuery = queryOptions({
  queryKey: ['waiting'],
  queryFn: ({ signal }) => api.get<Waiting>('/me/waiting', {}, signal),
  staleTime: 0,
});

function Section({
  title,
  total,
  shown,
  children,
}: {
  title: string;
  total: number;
  shown: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section>
      <Title order={2} fz="h4" mb="xs">
        {title}{' '}
        <Text span c="dimmed" fz="inherit" fw={400}>
          ({total})
        </Text>
      </Title>
      <Paper withBorder component="ul" className="plenum-waiting" aria-label={title}>
        {children}
      </Paper>
      {total > shown && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('waiting.firstOf', { shown, total })}
        </Text>
      )}
    </section>
  );
}

/** The date a thing is due, marked when it has passed. */
function Due({ label, date, overdue }: { label: string; date: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined}>
      {date ? `${label}\u00a0${format.date(date)}` : t('waiting.noDue')}
    </Text>
  );
}

function AssignmentRow({ a }: { a: WaitingAssignment }) {
  const { t } = useTranslation();
  return (
    <li className="plenum-waiting-row">
      <div className="plenum-waiting-main">
        <AnchorLink to="/decisions/$decisionId" params={{ decisionId: a.decisionId }} fw={600}>
          {t('waiting.decision', { number: a.number })}
        </AnchorLink>{' '}
        <LText value={a.title} size="sm" />
      </div>
      <div className="plenum-waiting-when">
        <Due label={t('waiting.dueOn')} date={a.dueDate} overdue={a.overdue} />
        <AssignmentStatusBadge status={a.status as AssignmentStatus} overdue={a.overdue} />
      </div>
      <div className="plenum-waiting-action">
        <ButtonLink
          to="/decisions/$decisionId"
          params={{ decisionId: a.decisionId }}
          size="compact-sm"
          variant="light"
          aria-label={t('waiting.reportOn', { number: a.number })}
        >
          {t('waiting.report')}
        </ButtonLink>
      </div>
    </li>
  );
}

function ConsultationRow({ c, delegate }: { c: WaitingConsultation; delegate: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="plenum-waiting-row">
      <div className="plenum-waiting-main">
        <AnchorLink
          to="/consultations/$consultationId"
          params={{ consultationId: c.consultationId }}
          fw={600}
        >
          <LText value={c.title} />
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {t('waiting.round', { round: c.round })}
          {!delegate && c.unanswered > 0 && ` · ${t('waiting.unanswered', { n: c.unanswered })}`}
        </Text>
      </div>
      <div className="plenum-waiting-when">
        <Due label={t('waiting.deadline')} date={c.deadline} overdue={c.overdue} />
        <Group gap={4}>
          {c.overdue && (
            <Badge color="red" variant="filled">
              {t('waiting.deadlinePassed')}
            </Badge>
          )}
          {c.silenceProcedure && (
            <Badge color="gray" variant="light">
              {t('waiting.silence')}
            </Badge>
          )}
        </Group>
      </div>
      <div className="plenum-waiting-action">
        <ButtonLink
          to="/consultations/$consultationId"
          params={{ consultationId: c.consultationId }}
          size="compact-sm"
          variant="light"
        >
          {delegate ? t('waiting.givePosition') : t('waiting.close')}
        </ButtonLink>
      </div>
    </li>
  );
}

function CommentRow({ c }: { c: WaitingComment }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  return (
    <li className="plenum-waiting-row">
      <div className="plenum-waiting-main">
        <AnchorLink
          to="/consultations/$consultationId"
          params={{ consultationId: c.consultationId }}
          fw={600}
        >
          <LText value={c.title} />
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {stateName(c.memberState)}
          {c.clause && ` · ${t('waiting.clause', { clause: c.clause })}`}
        </Text>
      </div>
      <div className="plenum-waiting-when">
        <Due label={t('waiting.deadline')} date={c.deadline} overdue={false} />
      </div>
      <div className="plenum-waiting-action">
        <ButtonLink
          to="/consultations/$consultationId"
          params={{ consultationId: c.consultationId }}
          size="compact-sm"
          variant="light"
        >
          {t('waiting.answer')}
        </ButtonLink>
      </div>
    </li>
  );
}

/** What the user, or its state, must still do: deadlines first. */
export function WaitingPage(): JSX.Element {
  const { t } = useTranslation();
  const user = useUser();
  const stateName = useStateName();
  const waiting = useQuery(waitingQuery);
  const delegate = user.role === 'delegate';

  const body = (w: Waiting) => {
    const nothing =
      w.assignments.total === 0 &&
      w.consultations.total === 0 &&
      w.comments.total === 0 &&
      w.overdueAssignments === 0;
    if (nothing) {
      return (
        <Paper withBorder p="xl" ta="center">
          <IconCircleCheck
            size={40}
            stroke={1.5}
            color="var(--mantine-color-green-7)"
            aria-hidden
          />
          <Text fw={600} mt="xs">
            {t('waiting.nothing')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('waiting.nothingHint')}
          </Text>
        </Paper>
      );
    }
    return (
      <Stack gap="xl">
        {w.overdueAssignments > 0 && (
          <Alert color="red" title={t('waiting.overdueTitle', { n: w.overdueAssignments })}>
            <Group gap="xs">
              <Text size="sm">
                {delegate && user.memberState
                  ? t('waiting.overdueOwn', { state: stateName(user.memberState) })
                  : t('waiting.overdueAll')}
              </Text>
              <AnchorLink
                to="/decisions"
                search={{
                  status: 'overdue',
                  memberState: delegate ? (user.memberState ?? undefined) : undefined,
                }}
                size="sm"
              >
                {t('waiting.overdueLink')}
              </AnchorLink>
            </Group>
          </Alert>
        )}
        {w.assignments.total > 0 && (
          <Section
            title={
              user.memberState
                ? t('waiting.assignmentsOf', { state: stateName(user.memberState) })
                : t('waiting.assignments')
            }
            total={w.assignments.total}
            shown={w.assignments.items.length}
          >
            {w.assignments.items.map((a) => (
              <AssignmentRow key={a.assignmentId} a={a} />
            ))}
          </Section>
        )}
        {w.consultations.total > 0 && (
          <Section
            title={delegate ? t('waiting.positions') : t('waiting.pastDeadline')}
            total={w.consultations.total}
            shown={w.consultations.items.length}
          >
            {w.consultations.items.map((c) => (
              <ConsultationRow key={c.consultationId} c={c} delegate={delegate} />
            ))}
          </Section>
        )}
        {w.comments.total > 0 && (
          <Section
            title={t('waiting.comments')}
            total={w.comments.total}
            shown={w.comments.items.length}
          >
            {w.comments.items.map((c) => (
              <CommentRow key={c.commentId} c={c} />
            ))}
          </Section>
        )}
      </Stack>
    );
  };

  return (
    <>
      <PageHeader title={t('waiting.title')} />
      {waiting.isPending ? (
        <PageLoader />
      ) : waiting.isError ? (
        <LoadError error={waiting.error} retry={() => waiting.refetch()} />
      ) : (
        body(waiting.data)
      )}
    </>
  );
}
