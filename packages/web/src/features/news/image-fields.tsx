import { Button, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import type { FileUpload } from '@plenum/shared';
import { IconPhoto, IconPhotoPlus, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.ts';
import { problemMessage } from '../../app/errors.ts';
import { uploadFile } from '../documents/api.ts';
import { IMAGE_TYPES } from './api.ts';

const isImage = (file: File) => IMAGE_TYPES.split(',').includes(file.type);

/** Uploads an image with progress; `error` explains a refusal (wrong type, too large). */
export function useImageUpload() {
  const me = useMe();
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File): Promise<FileUpload | null> => {
    setError(null);
    if (!isImage(file)) {
      setError(t('news.notImage'));
      return null;
    }
    setProgress(0);
    try {
      return await uploadFile(file, me?.csrfToken ?? null, setProgress);
    } catch (e) {
      setError(problemMessage(t, e));
      return null;
    } finally {
      setProgress(null);
    }
  };
  return { upload, progress, error };
}

export function UploadProgress({ progress }: { progress: number | null }) {
  const { t } = useTranslation();
  if (progress === null) {
    return null;
  }
  const percent = Math.round(progress * 100);
  return (
    <Stack gap={2} mt="xs">
      <Progress value={percent} aria-label={t('news.uploading')} animated={progress < 1} />
      <Text size="xs" c="dimmed" aria-live="polite">
        {t('news.uploadProgress', { percent })}
      </Text>
    </Stack>
  );
}

/** A hidden file input for images and the button that opens it. */
function ImagePicker({
  label,
  onFile,
  busy,
}: {
  label: string;
  onFile: (file: File) => unknown;
  busy?: boolean;
}) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={picker}
        type="file"
        accept={IMAGE_TYPES}
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) {
            void onFile(file);
          }
        }}
      />
      <Button
        variant="default"
        leftSection={<IconPhoto size={16} aria-hidden />}
        onClick={() => picker.current?.click()}
        loading={busy}
      >
        {label}
      </Button>
    </>
  );
}

/** The lead image: upload, replace or remove; the alt texts are edited beside it. */
export function LeadImageField({
  sha256,
  href,
  onChange,
}: {
  sha256: string | null;
  href: string | null;
  onChange: (sha256: string | null) => void;
}) {
  const { t } = useTranslation();
  const { upload, progress, error } = useImageUpload();
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('news.leadImage')}
      </Text>
      {sha256 ? (
        <img
          src={href ?? `/api/v1/files/${sha256}`}
          alt={t('news.leadImageAlt')}
          style={{
            display: 'block',
            maxWidth: '100%',
            maxHeight: 180,
            borderRadius: 4,
            border: '1px solid var(--mantine-color-gray-3)',
            marginBottom: 8,
          }}
        />
      ) : (
        <Text size="sm" c="dimmed" mb={6}>
          {t('news.leadImageNone')}
        </Text>
      )}
      <Group gap="xs">
        <ImagePicker
          label={sha256 ? t('news.replaceImage') : t('news.chooseImage')}
          busy={progress !== null}
          onFile={async (file) => {
            const done = await upload(file);
            if (done) {
              onChange(done.sha256);
            }
          }}
        />
        {sha256 && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => onChange(null)}
          >
            {t('news.removeImage')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('news.imageTypes')}
      </Text>
      <UploadProgress progress={progress} />
      {error && (
        <Text size="sm" c="red" role="alert" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}

/** Uploads an image and inserts it into a body as Markdown ![alt](/api/v1/files/{sha256}). */
export function InsertImageButton({
  langName,
  onInsert,
}: {
  langName: string;
  onInsert: (markdown: string) => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [alt, setAlt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { upload, progress, error } = useImageUpload();
  const close = () => {
    setOpened(false);
    setFile(null);
    setAlt('');
  };
  const insert = async () => {
    if (!file) {
      return;
    }
    const done = await upload(file);
    if (done) {
      // Brackets would end the alt text early.
      const text = alt.replace(/[[\]]/g, '').trim();
      onInsert(`![${text}](/api/v1/files/${done.sha256})`);
      close();
    }
  };
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconPhotoPlus size={14} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('news.insertImage')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('news.insertImageTitle', { lang: langName })}>
        <Stack gap="sm">
          <Group gap="xs">
            <ImagePicker
              label={file ? t('news.replaceImage') : t('news.chooseImage')}
              onFile={setFile}
            />
            {file && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {file.name}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('news.imageTypes')}
          </Text>
          <TextInput
            label={t('news.altText')}
            description={t('news.altHint')}
            value={alt}
            onChange={(e) => setAlt(e.currentTarget.value)}
            required
          />
          <UploadProgress progress={progress} />
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={insert} disabled={!file || !alt.trim()} loading={progress !== null}>
              {t('news.insert')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
