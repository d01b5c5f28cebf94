import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ImplementationSummary } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { useText } from '../../components/localized-text.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { BarLegend, PartsBar } from './state-bars.tsx';

/** Progress by member state and by adopting body, as bars with their numbers. */
export default function SummaryCharts({ summary }: { summary: ImplementationSummary }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const text = useText();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <section>
        <Title order={2} fz="h4" mb="xs">
          {t('dashboard.byState')}
        </Title>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <BarLegend />
            {summary.byState.length === 0 && <Text c="dimmed">{t('dashboard.noData')}</Text>}
            {summary.byState.map((s) => (
              <PartsBar key={s.memberState} label={stateName(s.memberState)} parts={s} />
            ))}
          </Stack>
        </Paper>
      </section>
      <section>
        <Title order={2} fz="h4" mb="xs">
          {t('dashboard.byBody')}
        </Title>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <BarLegend />
            {summary.byBody.length === 0 && <Text c="dimmed">{t('dashboard.noData')}</Text>}
            {summary.byBody.map((b) => (
              <div key={b.bodyId}>
                <PartsBar
                  label={text(bodies.get(b.bodyId)?.name) || b.bodyId}
                  parts={{
                    implemented: b.implemented,
                    open: b.inProgress + b.overdue,
                    overdue: b.overdue,
                  }}
                />
                <Text size="xs" c="dimmed">
                  {t('dashboard.bodyDecisions', { total: b.total, closed: b.closed })}
                </Text>
              </div>
            ))}
          </Stack>
        </Paper>
      </section>
    </SimpleGrid>
  );
}
