import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CalendarFeed, CalendarFeedCreated } from '@plenum/shared';
import { IconCalendarShare, IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifyError, notifySaved } from '../../app/errors.ts';
import { useFormat } from '../../app/format.ts';
import { DeleteButton } from '../../components/delete-button.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';

const feedKey = ['auth', 'calendar-feed'];

/**
 * The personal calendar feed: a secret iCalendar URL to subscribe to in a calendar program. The
 * URL is shown once, when created or replaced; revoking it makes it answer "not found".
 */
export function CalendarFeedCard(): JSX.Element {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const feed = useQuery({
    queryKey: feedKey,
    queryFn: () => api.get<CalendarFeed>('/auth/calendar-feed'),
  });

  const issue = async () => {
    setBusy(true);
    try {
      setCreated(await api.post<CalendarFeedCreated>('/auth/calendar-feed'));
      await queryClient.invalidateQueries({ queryKey: feedKey });
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb="xs">
        {t('calendarFeed.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('calendarFeed.intro')}
      </Text>
      {feed.isPending ? (
        <PageLoader />
      ) : feed.isError ? (
        <LoadError error={feed.error} retry={() => feed.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {feed.data.exists && feed.data.createdAt
              ? t('calendarFeed.active', {
                  created: format.dateTime(feed.data.createdAt),
                  used: feed.data.lastUsedAt
                    ? format.dateTime(feed.data.lastUsedAt)
                    : t('calendarFeed.never'),
                })
              : t('calendarFeed.none')}
          </Text>
          <Group gap="sm">
            <Button
              loading={busy}
              onClick={issue}
              leftSection={
                feed.data.exists ? (
                  <IconRefresh size={16} aria-hidden />
                ) : (
                  <IconCalendarShare size={16} aria-hidden />
                )
              }
            >
              {feed.data.exists ? t('calendarFeed.rotate') : t('calendarFeed.create')}
            </Button>
            {feed.data.exists && (
              <DeleteButton
                what={t('calendarFeed.what')}
                onDelete={() => api.delete('/auth/calendar-feed')}
                onDeleted={async () => {
                  setCreated(null);
                  await queryClient.invalidateQueries({ queryKey: feedKey });
                  notifySaved(t, t('calendarFeed.revoked'));
                }}
              />
            )}
          </Group>
          {feed.data.exists && !created && (
            <Text size="xs" c="dimmed">
              {t('calendarFeed.rotateHint')}
            </Text>
          )}
          {created && (
            <Alert color="yellow" title={t('calendarFeed.createdTitle')} role="status">
              <Text size="sm" mb="xs">
                {t('calendarFeed.createdText')}
              </Text>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Code block style={{ flex: 1, overflowWrap: 'break-word', whiteSpace: 'pre-wrap' }}>
                  {created.url}
                </Code>
                <CopyButton value={created.url}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('calendarFeed.copied') : t('calendarFeed.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
