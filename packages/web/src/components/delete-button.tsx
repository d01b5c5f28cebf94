import { ActionIcon, Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api.ts';
import { problemMessage, problemTitle } from '../app/errors.ts';
import { useErrorHandler } from '../app/form-errors.ts';

interface Props {
  /** What is deleted, for the question ("Delete member state ARM?"). */
  what: string;
  onDelete: () => Promise<unknown>;
  onDeleted: () => unknown;
  /** Loads the latest version after an edit conflict. */
  reload?: () => Promise<unknown>;
  compact?: boolean;
}

/**
 * Deletes after a confirmation. When other records depend on this one (409 in_use) the dialog
 * says so and stays open, rather than failing silently.
 */
export function DeleteButton({ what, onDelete, onDeleted, reload, compact }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState<unknown>(null);

  const start = () => {
    setBlocked(null);
    open();
  };

  const onConfirm = async () => {
    setBusy(true);
    setBlocked(null);
    try {
      await onDelete();
      close();
      await onDeleted();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setBlocked(error);
      } else {
        close();
        handleError(error, { reload });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {compact ? (
        <ActionIcon
          color="red"
          variant="subtle"
          aria-label={t('delete.one', { what })}
          title={t('delete.one', { what })}
          onClick={start}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      ) : (
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={start}
        >
          {t('common.delete')}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={t('delete.title')}>
        <Stack>
          <Text>{t('delete.question', { what })}</Text>
          {blocked !== null && (
            <Alert color="orange" title={problemTitle(t, blocked)} role="alert">
              {problemMessage(t, blocked)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={onConfirm} loading={busy} disabled={blocked !== null}>
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
