import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { Meeting, MeetingPack } from '@plenum/shared';
import { IconDownload, IconFileStack } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifyError, notifySaved } from '../../app/errors.ts';
import { useFormat } from '../../app/format.ts';
import { useAction } from '../notifications/use-action.ts';

const packsKey = (meetingId: string) => ['meetings', meetingId, 'packs'] as const;

/**
 * The meeting pack: one PDF for delegates to read offline (cover, agenda, every PDF on the
 * agenda, with bookmarks) and its numbered addenda. The secretariat issues the pack, then an
 * addendum whenever documents were added or changed; everyone who reads the meeting downloads.
 */
export default function PackPanel({ meeting }: { meeting: Meeting }): JSX.Element {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const [lang, setLang] = useState<'en' | 'ru'>(i18n.language === 'ru' ? 'ru' : 'en');
  const packs = useQuery({
    queryKey: packsKey(meeting.id),
    queryFn: () =>
      api.get<{ items: MeetingPack[] }>(`/meetings/${meeting.id}/packs`).then((r) => r.items),
  });
  const issue = useAction(
    () => api.post<MeetingPack>(`/meetings/${meeting.id}/pack?lang=${encodeURIComponent(lang)}`),
    {
      success: async (pack) => {
        notifySaved(
          t,
          pack.sequence === 0
            ? t('pack.issuedPack')
            : t('pack.issuedAddendum', { n: pack.sequence }),
        );
        await queryClient.invalidateQueries({ queryKey: packsKey(meeting.id) });
      },
      error: (error) => notifyError(t, error),
    },
  );
  const items = packs.data ?? [];
  const writer = canWrite(me?.user);

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('pack.title')}
        </Title>
        {writer && (
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              value={lang}
              onChange={(value) => setLang(value === 'ru' ? 'ru' : 'en')}
              data={[
                { value: 'en', label: 'EN' },
                { value: 'ru', label: 'RU' },
              ]}
              aria-label={t('pack.language')}
            />
            <Button
              leftSection={<IconFileStack size={16} aria-hidden />}
              loading={issue.pending !== null}
              onClick={() => issue.start(undefined)}
            >
              {items.length === 0 ? t('pack.issue') : t('pack.issueAddendum')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('pack.explanation')}
      </Text>
      {packs.isError ? (
        <Text c="red">{t('pack.loadError')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{packs.isPending ? '…' : t('pack.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pack.issueColumn')}</Table.Th>
                <Table.Th>{t('pack.issuedAt')}</Table.Th>
                <Table.Th>{t('pack.pages')}</Table.Th>
                <Table.Th>{t('pack.documents')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.sequence === 0 ? t('pack.pack') : t('pack.addendum', { n: p.sequence })}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <span>{format.dateTime(p.issuedAt)}</span>
                      <Text size="xs" c="dimmed">
                        {p.issuedBy} · {p.lang.toUpperCase()}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>{p.pageCount}</Table.Td>
                  <Table.Td>{p.items.filter((i) => i.embedded).length}</Table.Td>
                  <Table.Td>
                    <Anchor href={p.href} download>
                      <Group gap={4} wrap="nowrap">
                        <IconDownload size={16} aria-hidden />
                        PDF
                      </Group>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
