import { Badge, Paper, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format.ts';
import { LoadError, PageLoader } from '../../../components/page.tsx';
import { amendmentsQuery } from '../api.ts';

const COLORS = { added: 'green', changed: 'blue', removed: 'red', reordered: 'grape' } as const;

/** What changed in the agenda after its approval: who, when, what and why. */
export function AmendmentsLog({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const amendments = useQuery(amendmentsQuery(meetingId));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb="md">
        {t('agenda.amendments')}
      </Title>
      {amendments.isPending ? (
        <PageLoader />
      ) : amendments.isError ? (
        <LoadError error={amendments.error} retry={() => amendments.refetch()} />
      ) : amendments.data.length === 0 ? (
        <Text c="dimmed">{t('agenda.noAmendments')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={amendments.data.length}>
          {amendments.data.map((a) => (
            <Timeline.Item
              key={a.id}
              color={COLORS[a.kind]}
              title={
                <>
                  <Badge size="sm" variant="light" color={COLORS[a.kind]} mr={6}>
                    {t(`enums.amendmentKind.${a.kind}`)}
                  </Badge>
                  {a.summary}
                </>
              }
            >
              {a.reason && (
                <Text size="sm">
                  {t('agenda.reasonLabel')}: {a.reason}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('agenda.byWhom', {
                  who: a.actorName ?? t('agenda.unknownActor'),
                  when: format.dateTime(a.at),
                })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
