import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AgendaItem, Meeting, Page } from '@plenum/shared';
import { IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../../app/api.ts';
import { canWrite, useMe } from '../../../app/auth.ts';
import { notifySaved } from '../../../app/errors.ts';
import { useErrorHandler } from '../../../app/form-errors.ts';
import { useFormat } from '../../../app/format.ts';
import { useText } from '../../../components/localized-text.tsx';
import { LoadError, PageLoader } from '../../../components/page.tsx';
import { agendaQuery, amendmentsQuery, meetingKey, meetingQuery } from '../api.ts';
import { AgendaList } from './agenda-list.tsx';
import { AmendmentsLog } from './amendments.tsx';
import { AgendaItemForm } from './item-form.tsx';
import { flatten, type Node, orderOf, sameOrder, treeOf } from './tree.ts';

export function AgendaTab(): JSX.Element {
  const { t } = useTranslation();
  const { meetingId } = useParams({ from: '/app/meetings/$meetingId' });
  const me = useMe();
  const text = useText();
  const format = useFormat();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const meeting = useQuery(meetingQuery(meetingId));
  const agenda = useQuery(agendaQuery(meetingId));
  const [draft, setDraft] = useState<Node[] | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [approving, setApproving] = useState(false);
  const [approveOpen, approveModal] = useDisclosure(false);
  const [form, setForm] = useState<{ mode: 'create' | 'edit'; item?: AgendaItem } | null>(null);
  const [deleting, setDeleting] = useState<AgendaItem | null>(null);
  const [deleteReason, setDeleteReason] = useState('');
  const [deleteBusy, setDeleteBusy] = useState(false);

  const items = useMemo(() => new Map((agenda.data ?? []).map((i) => [i.id, i])), [agenda.data]);
  const saved = useMemo(() => treeOf(agenda.data ?? []), [agenda.data]);
  const tree = draft ?? saved;
  const dirty = draft !== null && !sameOrder(draft, saved);

  if (meeting.isPending || agenda.isPending) {
    return <PageLoader />;
  }
  if (meeting.isError || agenda.isError) {
    const error = meeting.error ?? agenda.error;
    return (
      <LoadError
        error={error}
        retry={() => {
          void meeting.refetch();
          void agenda.refetch();
        }}
      />
    );
  }
  const m = meeting.data;
  const approved = m.agendaStatus === 'approved';
  const writer = canWrite(me?.user);
  const agendaKey = agendaQuery(meetingId).queryKey;
  const refreshAgenda = async () => {
    await queryClient.invalidateQueries({ queryKey: agendaKey });
    if (approved) {
      await queryClient.invalidateQueries({ queryKey: amendmentsQuery(meetingId).queryKey });
    }
  };
  const reload = async () => {
    setDraft(null);
    await queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) });
  };

  const saveOrder = async () => {
    if (!draft) {
      return;
    }
    setSaving(true);
    try {
      const body: { items: ReturnType<typeof orderOf>; reason?: string } = {
        items: orderOf(draft),
      };
      if (approved && reason.trim()) {
        body.reason = reason.trim();
      }
      const page = await api.put<Page<AgendaItem>>(
        `/meetings/${meetingId}/agenda-items/order`,
        body,
      );
      queryClient.setQueryData(agendaKey, page.items);
      setDraft(null);
      setReason('');
      if (approved) {
        await queryClient.invalidateQueries({ queryKey: amendmentsQuery(meetingId).queryKey });
      }
      notifySaved(t, t('agenda.orderSaved'));
    } catch (error) {
      handleError(error, { reload });
    } finally {
      setSaving(false);
    }
  };

  const approve = async () => {
    setApproving(true);
    try {
      const updated = await api.post<Meeting>(
        `/meetings/${meetingId}/agenda/approve`,
        {},
        m.version,
      );
      queryClient.setQueryData(meetingQuery(meetingId).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
      notifySaved(t, t('agenda.approvedNotice'));
      approveModal.close();
    } catch (error) {
      approveModal.close();
      handleError(error, { reload });
    } finally {
      setApproving(false);
    }
  };

  const removeItem = async () => {
    if (!deleting) {
      return;
    }
    setDeleteBusy(true);
    try {
      await api.delete(
        withQuery(`/meetings/${meetingId}/agenda-items/${deleting.id}`, {
          reason: approved ? deleteReason.trim() || undefined : undefined,
        }),
        deleting.version,
      );
      setDeleting(null);
      await refreshAgenda();
      notifySaved(t, t('agenda.deleted'));
    } catch (error) {
      setDeleting(null);
      handleError(error, { reload: refreshAgenda });
    } finally {
      setDeleteBusy(false);
    }
  };

  const parents = flatten(tree)
    .filter((r) => r.depth < 2)
    .map((r) => ({ value: r.id, label: `${r.position}. ${text(items.get(r.id)?.title)}` }));

  return (
    <Stack gap="lg">
      {approved ? (
        <Alert
          color="green"
          icon={<IconCircleCheck aria-hidden />}
          title={t('agenda.approvedTitle')}
        >
          {m.agendaApprovedAt
            ? t('agenda.approvedOn', { when: format.dateTime(m.agendaApprovedAt) })
            : t('agenda.approvedText')}{' '}
          {t('agenda.approvedAmendments')}
        </Alert>
      ) : (
        <Text c="dimmed" size="sm">
          {t('agenda.draftText')}
        </Text>
      )}

      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Group justify="space-between" mb="md" gap="sm">
          <Text fw={600} component="h2" fz="h4" m={0}>
            {t('agenda.title')}
          </Text>
          {writer && (
            <Group gap="xs">
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setForm({ mode: 'create' })}
                disabled={dirty}
              >
                {t('agenda.add')}
              </Button>
              {!approved && (
                <Button
                  color="green"
                  leftSection={<IconCircleCheck size={16} aria-hidden />}
                  onClick={approveModal.open}
                  disabled={dirty || items.size === 0}
                >
                  {t('agenda.approve')}
                </Button>
              )}
            </Group>
          )}
        </Group>

        {dirty && (
          <Alert color="yellow" mb="md" title={t('agenda.unsavedTitle')} role="status">
            <Stack gap="sm">
              <Text size="sm">{t('agenda.unsavedText')}</Text>
              {approved && (
                <TextInput
                  label={t('agenda.reason')}
                  description={t('agenda.reasonHint')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
              )}
              <Group gap="xs">
                <Button onClick={saveOrder} loading={saving}>
                  {t('agenda.saveOrder')}
                </Button>
                <Button variant="default" onClick={() => setDraft(null)} disabled={saving}>
                  {t('agenda.discardOrder')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}

        {items.size === 0 ? (
          <Text c="dimmed" ta="center" py="lg">
            {t('agenda.empty')}
          </Text>
        ) : (
          <AgendaList
            tree={tree}
            items={items}
            editable={writer}
            itemActions={!dirty}
            onChange={setDraft}
            onEdit={(item) => setForm({ mode: 'edit', item })}
            onDelete={(item) => {
              setDeleteReason('');
              setDeleting(item);
            }}
          />
        )}
        {writer && items.size > 0 && (
          <Text size="xs" c="dimmed" mt="sm">
            {t('agenda.howToMove')}
          </Text>
        )}
      </Paper>

      {approved && <AmendmentsLog meetingId={meetingId} />}

      <AgendaItemForm
        opened={form !== null}
        onClose={() => setForm(null)}
        mode={form?.mode ?? 'create'}
        item={form?.item}
        parents={parents}
        approved={approved}
        reload={refreshAgenda}
        onSubmit={async (body) => {
          if (form?.mode === 'edit' && form.item) {
            await api.patch(
              `/meetings/${meetingId}/agenda-items/${form.item.id}`,
              body,
              form.item.version,
            );
          } else {
            await api.post(`/meetings/${meetingId}/agenda-items`, body);
          }
          await refreshAgenda();
          notifySaved(t);
        }}
      />

      <Modal opened={approveOpen} onClose={approveModal.close} title={t('agenda.approveTitle')}>
        <Text mb="md">{t('agenda.approveQuestion')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={approveModal.close}>
            {t('common.cancel')}
          </Button>
          <Button color="green" onClick={approve} loading={approving}>
            {t('agenda.approve')}
          </Button>
        </Group>
      </Modal>

      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('agenda.deleteTitle')}
      >
        <Stack>
          <Text>{t('agenda.deleteQuestion', { title: deleting ? text(deleting.title) : '' })}</Text>
          {approved && (
            <TextInput
              label={t('agenda.reason')}
              description={t('agenda.reasonHint')}
              value={deleteReason}
              onChange={(e) => setDeleteReason(e.currentTarget.value)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={removeItem} loading={deleteBusy}>
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
