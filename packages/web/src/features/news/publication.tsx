import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { NewsItem } from '@plenum/shared';
import { IconAlertTriangle, IconCalendarTime, IconEyeOff, IconWorld } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { notifySaved, problemMessage, problemTitle } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { isDue, newsKey, publishNews, scheduleNews, unpublishNews } from './api.ts';

/** "2026-05-14T10:30" in the user's zone, an hour from now (the field's starting value). */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The user's zone and its offset now, e.g. "Europe/Berlin", "UTC+1". */
function userZone(): { zone: string; offset: string } {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '−';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return { zone, offset: `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}` };
}

/**
 * Publish now, schedule, unpublish. The server's refusals (422: nothing to publish in either
 * language, a time in the past; 409: already published or a draft) are shown here, in place.
 */
export function PublicationPanel({ item, dirty }: { item: NewsItem; dirty: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [scheduling, setScheduling] = useState(false);
  const [unpublishing, setUnpublishing] = useState(false);
  const [at, setAt] = useState('');
  const [atError, setAtError] = useState<string | null>(null);
  const due = isDue(item);
  const published = item.status === 'published' || due;

  const run = async (step: string, action: () => Promise<NewsItem>, done: string) => {
    setBusy(step);
    setFailure(null);
    try {
      const updated = await action();
      queryClient.setQueryData(newsKey(item.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['news', 'list'] });
      notifySaved(t, done);
      setScheduling(false);
      setUnpublishing(false);
      return true;
    } catch (error) {
      setScheduling(false);
      setUnpublishing(false);
      if (isApiError(error) && error.status === 412) {
        handleError(error, {
          reload: () => queryClient.refetchQueries({ queryKey: newsKey(item.id), exact: true }),
        });
      } else {
        setFailure(error);
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  const openSchedule = () => {
    setAt(
      item.status === 'scheduled' && item.publishAt
        ? localInputValue(new Date(item.publishAt))
        : localInputValue(new Date(Date.now() + 60 * 60_000)),
    );
    setAtError(null);
    setScheduling(true);
  };
  const confirmSchedule = () => {
    const when = at ? new Date(at) : null;
    if (!when || Number.isNaN(when.getTime()) || when.getTime() <= Date.now()) {
      setAtError(t('news.scheduleFuture'));
      return;
    }
    const iso = when.toISOString();
    void run(
      'schedule',
      () => scheduleNews(item, iso),
      t('news.scheduled', { time: format.dateTime(iso) }),
    );
  };

  const state =
    item.status === 'published'
      ? t('news.statePublished', { time: format.dateTime(item.publishedAt) })
      : item.status === 'scheduled'
        ? due
          ? t('news.stateDue', { time: format.dateTime(item.publishAt) })
          : t('news.stateScheduled', { time: format.dateTime(item.publishAt) })
        : t('news.stateDraft');
  const zone = userZone();
  const fieldErrors = isApiError(failure) ? (failure.problem.errors ?? []) : [];

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('news.publication')}
        </Title>
        <Text>{state}</Text>
        <Group gap="xs">
          {!published && (
            <Button
              color="green"
              leftSection={<IconWorld size={16} aria-hidden />}
              disabled={dirty}
              loading={busy === 'publish'}
              onClick={() => run('publish', () => publishNews(item), t('news.published'))}
            >
              {t('news.publishNow')}
            </Button>
          )}
          {!published && (
            <Button
              variant="light"
              leftSection={<IconCalendarTime size={16} aria-hidden />}
              disabled={dirty}
              onClick={openSchedule}
            >
              {item.status === 'scheduled' ? t('news.reschedule') : t('news.schedule')}
            </Button>
          )}
          {item.status !== 'draft' && (
            <Button
              variant="light"
              color="orange"
              leftSection={<IconEyeOff size={16} aria-hidden />}
              disabled={dirty}
              onClick={() => setUnpublishing(true)}
            >
              {t('news.unpublish')}
            </Button>
          )}
        </Group>
        {dirty && (
          <Text size="sm" c="orange.9">
            {t('news.saveFirst')}
          </Text>
        )}
        {failure !== null && (
          <Alert
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            title={`${t('news.publishFailed')}: ${problemTitle(t, failure)}`}
            role="alert"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setFailure(null)}
          >
            <Text size="sm">{problemMessage(t, failure)}</Text>
            {fieldErrors.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingLeft: '1.25rem' }}>
                {fieldErrors.map((e) => (
                  <li key={`${e.path}:${e.message}`}>
                    <Text size="sm" span>
                      {e.path ? `${e.path}: ` : ''}
                      {e.message}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </Stack>

      <Modal
        opened={scheduling}
        onClose={() => setScheduling(false)}
        title={t('news.scheduleTitle')}
      >
        <Stack gap="sm">
          <TextInput
            type="datetime-local"
            label={t('news.scheduleAt')}
            description={t('news.scheduleZone', zone)}
            value={at}
            min={localInputValue(new Date())}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={atError}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setScheduling(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy === 'schedule'} onClick={confirmSchedule}>
              {t('news.schedule')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={unpublishing}
        onClose={() => setUnpublishing(false)}
        title={t('news.unpublishTitle')}
      >
        <Stack gap="sm">
          <Text>{t('news.unpublishQuestion')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUnpublishing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={busy === 'unpublish'}
              onClick={() => run('unpublish', () => unpublishNews(item), t('news.unpublished'))}
            >
              {t('news.unpublish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
