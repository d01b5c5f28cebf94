import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Meeting, MinutesInfo, MinutesLanguage, MinutesRevision, Page } from '@plenum/shared';
import { IconCircleCheck, IconDownload, IconFileDescription } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE, api } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifyError, notifySaved } from '../../app/errors.ts';
import { useFormat } from '../../app/format.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useText } from '../../components/localized-text.tsx';
import { useAction } from '../notifications/use-action.ts';

const minutesKey = (meetingId: string) => ['meetings', meetingId, 'minutes'] as const;

/** "approved on … at the XXII meeting", or the revision's draft status. */
function useRevisionStatus() {
  const { t } = useTranslation();
  const format = useFormat();
  return (r: {
    status: string;
    approvedOn: string | null;
    approvedAtNumeral: string | null;
  }): string =>
    r.status === 'approved' && r.approvedOn
      ? t('minutes.approvedAt', { date: format.date(r.approvedOn), numeral: r.approvedAtNumeral })
      : t('minutes.draft');
}

/** The approval form: a later meeting of the same body that sits or sat, and the day. */
function ApproveModal({
  meeting,
  revision,
  onClose,
}: {
  meeting: Meeting;
  revision: MinutesRevision;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const text = useText();
  const queryClient = useQueryClient();
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [approvedOn, setApprovedOn] = useState('');
  const later = useQuery({
    queryKey: ['meetings', { bodyId: meeting.bodyId, status: 'in_session,held' }],
    queryFn: () =>
      api.get<Page<Meeting>>('/meetings', {
        bodyId: meeting.bodyId,
        status: 'in_session,held',
        limit: 200,
      }),
  });
  const options = (later.data?.items ?? [])
    .filter((m) => m.number > meeting.number)
    .sort((a, b) => a.number - b.number)
    .map((m) => ({ value: m.id, label: text(m.name) }));
  const approve = useAction(
    () =>
      api.post<MinutesRevision>(
        `/meetings/${meeting.id}/minutes/revisions/${revision.number}/approve`,
        { meetingId, ...(approvedOn ? { approvedOn } : {}) },
        revision.version,
      ),
    {
      success: async () => {
        notifySaved(t, t('minutes.approved', { n: revision.number }));
        await queryClient.invalidateQueries({ queryKey: minutesKey(meeting.id) });
        onClose();
      },
      error: (error) => notifyError(t, error),
    },
  );
  return (
    <Modal opened onClose={onClose} title={t('minutes.approveTitle', { n: revision.number })}>
      <Stack>
        <Select
          label={t('minutes.approvedAtMeeting')}
          description={t('minutes.approvedAtHint')}
          data={options}
          value={meetingId}
          onChange={setMeetingId}
          nothingFoundMessage={t('minutes.noLaterMeeting')}
          required
        />
        <TextInput
          type="date"
          label={t('minutes.approvedOn')}
          description={t('minutes.approvedOnHint')}
          value={approvedOn}
          onChange={(e) => setApprovedOn(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('minutes.cancel')}
          </Button>
          <Button
            disabled={!meetingId}
            loading={approve.pending !== null}
            onClick={() => approve.start(undefined)}
          >
            {t('minutes.approve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The minutes of a meeting: their revisions with status, issuing and approving them (secretariat),
 * and the downloads — the minutes and the list of decisions as PDF and DOCX in English, Russian
 * or both side by side, of any revision or the live draft.
 */
export default function MinutesPanel({ meeting }: { meeting: Meeting }): JSX.Element | null {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const text = useText();
  const me = useMe();
  const queryClient = useQueryClient();
  const statusOf = useRevisionStatus();
  const [lang, setLang] = useState<MinutesLanguage>(i18n.language === 'ru' ? 'ru' : 'en');
  const [revision, setRevision] = useState<string>('latest');
  const [approving, setApproving] = useState<MinutesRevision | null>(null);
  const sits = meeting.status === 'in_session' || meeting.status === 'held';
  const info = useQuery({
    queryKey: minutesKey(meeting.id),
    queryFn: () => api.get<MinutesInfo>(`/meetings/${meeting.id}/minutes`),
    enabled: sits,
  });
  const issue = useAction(
    () => api.post<MinutesRevision>(`/meetings/${meeting.id}/minutes/revisions`),
    {
      success: async (r) => {
        notifySaved(t, t('minutes.issued', { n: r.number }));
        setRevision('latest');
        await queryClient.invalidateQueries({ queryKey: minutesKey(meeting.id) });
      },
      error: (error) => notifyError(t, error),
    },
  );
  if (!sits) {
    return null;
  }
  const writer = canWrite(me?.user);
  const revisions = info.data?.revisions ?? [];
  const latest = revisions.at(-1);
  const previous = info.data?.previousMeeting ?? null;
  const href = (kind: 'minutes' | 'decisions', ext: 'pdf' | 'docx') => {
    const query = new URLSearchParams({ lang });
    if (revision !== 'latest') {
      query.set('revision', revision);
    }
    return `${API_BASE}/meetings/${meeting.id}/${kind}.${ext}?${query.toString()}`;
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('minutes.title')}
        </Title>
        {writer && info.data?.canIssue && (
          <Button
            leftSection={<IconFileDescription size={16} aria-hidden />}
            loading={issue.pending !== null}
            onClick={() => issue.start(undefined)}
          >
            {t('minutes.issue')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {meeting.status === 'held' ? t('minutes.explanation') : t('minutes.inSession')}
      </Text>
      {previous && (
        <Text size="sm" mb="sm">
          <AnchorLink to="/meetings/$meetingId" params={{ meetingId: previous.meetingId }}>
            {t('minutes.previous', { numeral: previous.numeral })}
          </AnchorLink>
          {': '}
          {!previous.revision
            ? t('minutes.previousNone')
            : previous.revision.status === 'approved' && previous.revision.approvedOn
              ? t('minutes.previousApproved', {
                  n: previous.revision.number,
                  date: format.date(previous.revision.approvedOn),
                  numeral: previous.revision.approvedAtNumeral,
                })
              : t('minutes.previousDraft', { n: previous.revision.number })}
        </Text>
      )}
      {info.isError ? (
        <Text c="red">{t('minutes.loadError')}</Text>
      ) : revisions.length === 0 ? (
        <Text c="dimmed" mb="sm">
          {info.isPending ? '…' : t('minutes.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520} mb="sm">
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('minutes.revision')}</Table.Th>
                <Table.Th>{t('minutes.status')}</Table.Th>
                <Table.Th>{t('minutes.issuedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {revisions.map((r) => (
                <Table.Tr key={r.number}>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>
                    <Badge color={r.status === 'approved' ? 'green' : 'gray'} variant="light">
                      {r.status === 'approved' ? t('minutes.statusApproved') : t('minutes.draft')}
                    </Badge>
                    {r.status === 'approved' && (
                      <Text size="xs" c="dimmed" title={text(r.approvedAtName)}>
                        {statusOf(r)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <span>{format.dateTime(r.issuedAt)}</span>
                      <Text size="xs" c="dimmed">
                        {r.issuedBy}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {writer && r.status === 'draft' && r.number === latest?.number && (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconCircleCheck size={14} aria-hidden />}
                        onClick={() => setApproving(r)}
                      >
                        {t('minutes.approve')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          size="xs"
          label={t('minutes.edition')}
          value={revision}
          onChange={(value) => setRevision(value ?? 'latest')}
          allowDeselect={false}
          data={[
            {
              value: 'latest',
              label: latest ? t('minutes.latest', { n: latest.number }) : t('minutes.liveDraft'),
            },
            ...revisions.map((r) => ({
              value: String(r.number),
              label: t('minutes.revisionN', { n: r.number }),
            })),
          ]}
        />
        <SegmentedControl
          size="xs"
          value={lang}
          onChange={(value) => setLang(value as MinutesLanguage)}
          data={[
            { value: 'en', label: 'EN' },
            { value: 'ru', label: 'RU' },
            { value: 'bilingual', label: 'EN | RU' },
          ]}
          aria-label={t('minutes.language')}
        />
      </Group>
      <Group gap="lg" mt="sm" wrap="wrap">
        {(['minutes', 'decisions'] as const).map((kind) => (
          <Group key={kind} gap="xs">
            <Text size="sm">
              {kind === 'minutes' ? t('minutes.minutesFile') : t('minutes.decisionsFile')}
            </Text>
            {(['pdf', 'docx'] as const).map((ext) => (
              <Anchor key={ext} href={href(kind, ext)} download size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconDownload size={16} aria-hidden />
                  {ext.toUpperCase()}
                </Group>
              </Anchor>
            ))}
          </Group>
        ))}
      </Group>
      {approving && (
        <ApproveModal meeting={meeting} revision={approving} onClose={() => setApproving(null)} />
      )}
    </Paper>
  );
}
