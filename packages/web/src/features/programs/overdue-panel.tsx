import { Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';
import { useStateName } from '../directory/lookups.ts';
import { overdueMeasuresQuery } from './api.ts';

/** The dashboard's list of program measures past their due date (loaded after the first page). */
export default function OverdueMeasuresPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const stateName = useStateName();
  const list = useQuery(overdueMeasuresQuery);
  return (
    <section>
      <Title order={2} fz="h4" mb="xs">
        {t('programs.overdueMeasures')}
      </Title>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('programs.overdueNone')}</Text>
      ) : (
        <Paper
          withBorder
          component="ul"
          className="plenum-rows"
          aria-label={t('programs.overdueMeasures')}
        >
          {list.data.items.map((m) => (
            <li key={m.id} className="plenum-row">
              <div className="plenum-row-main">
                <AnchorLink to="/programs/$programId" params={{ programId: m.program.id }} fw={600}>
                  {m.code}. <LText value={m.title} />
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  <LText value={m.program.title} />
                  {m.responsibleMemberStates.length > 0 &&
                    ` · ${m.responsibleMemberStates.map((c) => stateName(c)).join(', ')}`}
                </Text>
              </div>
              <Text size="sm" className="plenum-row-dates" c="red.8">
                {t('programs.dueOn', { date: format.date(m.dueDate) })} ·{' '}
                {t('programs.daysOverdue', { count: m.daysOverdue })}
              </Text>
              <Text size="sm" className="plenum-row-status">
                {t(`programs.measureStatus.${m.status}`)} · {m.progress}%
              </Text>
            </li>
          ))}
        </Paper>
      )}
    </section>
  );
}
