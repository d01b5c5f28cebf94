import { Group, Paper, Text, Title } from '@mantine/core';
import type { Meeting } from '@plenum/shared';
import { IconPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { LoadError, PageLoader } from '../../components/page.tsx';
import { MeetingRows } from './meeting-rows.tsx';

/** The council meetings held on the eve of, and in preparation of, this meeting. */
export function CouncilsTab(): JSX.Element {
  const { t } = useTranslation();
  const { meetingId } = useParams({ from: '/app/meetings/$meetingId' });
  const me = useMe();
  const list = useCursorList<Meeting>(['meetings'], '/meetings', { parentMeetingId: meetingId });

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4">
          {t('councils.title')}
        </Title>
        {canWrite(me?.user) && (
          <ButtonLink
            to="/meetings/new"
            search={{ parentMeetingId: meetingId }}
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('councils.new')}
          </ButtonLink>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('councils.hint')}
      </Text>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : (
        <>
          <MeetingRows meetings={list.items} empty={t('councils.empty')} />
          <LoadMore {...list} />
        </>
      )}
    </Paper>
  );
}
