import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export default function ConflictModal({
  reload,
  onClose,
}: {
  reload: () => Promise<unknown> | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const onReload = async () => {
    setBusy(true);
    try {
      await reload();
    } finally {
      setBusy(false);
      onClose();
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('conflict.title')}>
      <Text mb="md">{t('conflict.body')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button onClick={onReload} loading={busy} data-autofocus>
          {t('conflict.reload')}
        </Button>
      </Group>
    </Modal>
  );
}
