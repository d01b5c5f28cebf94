import { ActionIcon, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import type { AgendaItem, AgendaItemDocument, Document, Page } from '@plenum/shared';
import { IconFilePlus, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LText, useText } from '../../components/localized-text.tsx';
import { DocumentStatusBadge, RoundBadge } from '../documents/labels.tsx';

const path = (item: AgendaItem) =>
  `/meetings/${encodeURIComponent(item.meetingId)}/agenda-items/${encodeURIComponent(item.id)}/documents`;

/** Chooses a document, searching the register by title as one types. */
function DocumentPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['documents', 'search', q],
    queryFn: () => api.get<Page<Document>>('/documents', { q: q || undefined, limit: 20 }),
    staleTime: 30_000,
  });
  return (
    <Select
      label={t('consultations.agendaDocument')}
      placeholder={t('documents.searchHint')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      data={(found.data?.items ?? []).map((d) => ({ value: d.id, label: text(d.title) }))}
      value={value}
      onChange={onChange}
      data-autofocus
    />
  );
}

/**
 * The documents linked to an agenda item, with their status and latest round; the secretariat
 * links and unlinks them while the agenda is a draft.
 */
export function AgendaItemDocuments({
  item,
  editable,
}: {
  item: AgendaItem;
  editable: boolean;
}): JSX.Element | null {
  const { t } = useTranslation();
  const text = useText();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const [opened, { open, close }] = useDisclosure(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = ['meetings', item.meetingId, 'agenda', item.id, 'documents'];
  const links = useQuery({
    queryKey: key,
    queryFn: () => api.get<Page<AgendaItemDocument>>(path(item)),
  });
  const items = links.data?.items ?? [];
  if (items.length === 0 && !editable) {
    return null;
  }
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const link = async () => {
    if (!chosen) {
      return;
    }
    setBusy(true);
    try {
      await api.post(path(item), { documentId: chosen });
      await refresh();
      notifySaved(t);
      setChosen(null);
      close();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  const unlink = async (documentId: string) => {
    try {
      await api.delete(`${path(item)}/${encodeURIComponent(documentId)}`);
      await refresh();
      notifySaved(t);
    } catch (error) {
      handleError(error);
    }
  };
  return (
    <Stack gap={4} mt={6}>
      {items.map((d) => (
        <Group key={d.documentId} gap={6} wrap="wrap">
          <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <AnchorLink to="/documents/$documentId" params={{ documentId: d.documentId }}>
              <LText value={d.document.title} />
            </AnchorLink>
          </Text>
          <DocumentStatusBadge status={d.document.status as never} />
          {d.latestRound && (
            <>
              <Text size="xs" c="dimmed">
                {t('consultations.roundN', { round: d.latestRound.round })}:
              </Text>
              <RoundBadge status={d.latestRound.status} outcome={d.latestRound.outcome} />
            </>
          )}
          {editable && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={() => unlink(d.documentId)}
              aria-label={t('consultations.unlinkDocument', { title: text(d.document.title) })}
              title={t('consultations.unlinkDocument', { title: text(d.document.title) })}
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {editable && (
        <Group>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconFilePlus size={14} aria-hidden />}
            onClick={open}
          >
            {t('consultations.linkDocument')}
          </Button>
        </Group>
      )}
      <Modal opened={opened} onClose={close} title={t('consultations.linkDocumentTitle')}>
        <Stack>
          <Text size="sm">
            <LText value={item.title} />
          </Text>
          <DocumentPicker value={chosen} onChange={setChosen} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={link} loading={busy} disabled={!chosen}>
              {t('consultations.linkDocument')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
