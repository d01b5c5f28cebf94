import {
  Button,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { DocumentVersion } from '@plenum/shared';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useMe } from '../../app/auth.ts';
import { type TextValues, toText } from '../../app/forms.ts';
import { formatSize, uploadFile } from './api.ts';

/** What a new version is made of, as the form holds it. */
export interface VersionDraft {
  text: TextValues;
  note: TextValues;
  file: File | null;
}

export const emptyVersion = (): VersionDraft => ({
  text: { en: '', ru: '' },
  note: { en: '', ru: '' },
  file: null,
});

export const versionIsEmpty = (v: VersionDraft) => !toText(v.text) && !v.file;

/**
 * Uploads the file of a version (reporting progress) and creates the version. Returns the new
 * version.
 */
export function useVersionSubmit() {
  const me = useMe();
  const [progress, setProgress] = useState<number | null>(null);
  const submit = async (documentId: string, draft: VersionDraft): Promise<DocumentVersion> => {
    let file: { fileSha256: string; fileName: string } | undefined;
    if (draft.file) {
      setProgress(0);
      try {
        const uploaded = await uploadFile(draft.file, me?.csrfToken ?? null, setProgress);
        file = { fileSha256: uploaded.sha256, fileName: uploaded.name || draft.file.name };
      } finally {
        setProgress(null);
      }
    }
    const body: Record<string, unknown> = { ...file };
    const text = toText(draft.text);
    const note = toText(draft.note);
    if (text) {
      body.text = text;
    }
    if (note) {
      body.note = note;
    }
    return api.post<DocumentVersion>(`/documents/${encodeURIComponent(documentId)}/versions`, body);
  };
  return { submit, progress };
}

/** The fields of a new version: Markdown text in either language, a file, and a change note. */
export function VersionFields({
  value,
  onChange,
  progress,
  error,
}: {
  value: VersionDraft;
  onChange: (v: VersionDraft) => void;
  progress: number | null;
  error?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const setText = (lang: 'en' | 'ru', text: string) =>
    onChange({ ...value, text: { ...value.text, [lang]: text } });
  const setNote = (lang: 'en' | 'ru', text: string) =>
    onChange({ ...value, note: { ...value.note, [lang]: text } });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('documents.versionHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Textarea
          label={t('fields.inEnglish', { field: t('documents.versionText') })}
          lang="en"
          autosize
          minRows={5}
          maxRows={16}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={value.text.en}
          onChange={(e) => setText('en', e.currentTarget.value)}
        />
        <Textarea
          label={t('fields.inRussian', { field: t('documents.versionText') })}
          lang="ru"
          autosize
          minRows={5}
          maxRows={16}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={value.text.ru}
          onChange={(e) => setText('ru', e.currentTarget.value)}
        />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('documents.versionFile')}
        </Text>
        <Group gap="sm">
          <input
            ref={picker}
            type="file"
            hidden
            onChange={(e) => {
              onChange({ ...value, file: e.currentTarget.files?.[0] ?? null });
              e.currentTarget.value = '';
            }}
          />
          <Button
            variant="default"
            leftSection={<IconPaperclip size={16} aria-hidden />}
            onClick={() => picker.current?.click()}
          >
            {value.file ? t('documents.replaceFile') : t('documents.chooseFile')}
          </Button>
          {value.file && (
            <Group gap={4}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {value.file.name} ({formatSize(value.file.size, i18n.language)})
              </Text>
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                leftSection={<IconX size={14} aria-hidden />}
                onClick={() => onChange({ ...value, file: null })}
              >
                {t('documents.removeFile')}
              </Button>
            </Group>
          )}
        </Group>
        {progress !== null && (
          <Stack gap={2} mt="xs">
            <Progress
              value={Math.round(progress * 100)}
              aria-label={t('documents.uploading')}
              animated={progress < 1}
            />
            <Text size="xs" c="dimmed" aria-live="polite">
              {t('documents.uploadProgress', { percent: Math.round(progress * 100) })}
            </Text>
          </Stack>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('fields.inEnglish', { field: t('documents.changeNote') })}
          lang="en"
          value={value.note.en}
          onChange={(e) => setNote('en', e.currentTarget.value)}
        />
        <TextInput
          label={t('fields.inRussian', { field: t('documents.changeNote') })}
          lang="ru"
          value={value.note.ru}
          onChange={(e) => setNote('ru', e.currentTarget.value)}
        />
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
