import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { AnnouncementDraft, Language, Meeting } from '@plenum/shared';
import { IconAlertTriangle, IconSpeakerphone } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifySaved, problemMessage, problemTitle } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { generateAnnouncement, newsKey, saveAnnouncement } from './api.ts';

function DraftView({ draft }: { draft: AnnouncementDraft }) {
  const lang = draft.language;
  return (
    // Bounded and scrollable, so that the actions below stay in view (a focusable region for keys).
    <Paper
      withBorder
      p="md"
      bg="var(--mantine-color-gray-0)"
      lang={lang}
      tabIndex={0}
      role="region"
      aria-label={draft.title[lang]}
      style={{ maxHeight: '52vh', overflowY: 'auto' }}
    >
      <Title order={3} fz="h4" mb="xs">
        {draft.title[lang]}
      </Title>
      {draft.summary[lang] && (
        <Text fw={500} mb="sm">
          {draft.summary[lang]}
        </Text>
      )}
      {/* The Markdown source, as text: the workspace renders no Markdown itself. */}
      <Text
        size="sm"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        data-testid="announcement-body"
      >
        {draft.body[lang]}
      </Text>
    </Paper>
  );
}

/**
 * "Write announcement" on a meeting (secretariat): the generated draft in English or Russian for
 * review, then "Save as draft" creates the news item and opens its editor.
 */
export default function AnnouncementAction({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const [opened, setOpened] = useState(false);
  const [lang, setLang] = useState<Language>(i18n.language === 'ru' ? 'ru' : 'en');
  const [saving, setSaving] = useState(false);
  const draft = useQuery({
    queryKey: ['meetings', meeting.id, 'announcement', lang, meeting.version],
    queryFn: () => generateAnnouncement(meeting.id, lang),
    enabled: opened,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  if (!canWrite(me?.user)) {
    return null;
  }
  const save = async () => {
    setSaving(true);
    try {
      const item = await saveAnnouncement(meeting.id, lang);
      queryClient.setQueryData(newsKey(item.id), item);
      await queryClient.invalidateQueries({ queryKey: ['news', 'list'] });
      notifySaved(t, t('news.draftSaved'));
      setOpened(false);
      await navigate({ to: '/news/$newsId', params: { newsId: item.id } });
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconSpeakerphone size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('news.writeAnnouncement')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('news.announcementTitle')}
        size="xl"
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('news.announcementHint')}
          </Text>
          <SegmentedControl
            aria-label={t('news.announcementLanguage')}
            value={lang}
            onChange={(v) => setLang(v === 'ru' ? 'ru' : 'en')}
            data={[
              { value: 'en', label: 'English' },
              { value: 'ru', label: 'Русский' },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {draft.isPending ? (
            <Group gap="sm" py="lg" justify="center">
              <Loader size="sm" aria-hidden />
              <Text aria-live="polite">{t('news.generating')}</Text>
            </Group>
          ) : draft.isError ? (
            <Alert
              color="red"
              icon={<IconAlertTriangle aria-hidden />}
              title={problemTitle(t, draft.error)}
              role="alert"
            >
              {problemMessage(t, draft.error)}
            </Alert>
          ) : (
            <DraftView draft={draft.data} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={saving} disabled={!draft.data}>
              {t('news.saveDraft')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
