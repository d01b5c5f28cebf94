import { Anchor, Box, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Consultation, Document, DocumentVersionListItem } from '@plenum/shared';
import {
  IconArrowBackUp,
  IconCheck,
  IconDownload,
  IconPencil,
  IconPlus,
  IconSend,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useMe } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { DeleteButton } from '../../components/delete-button.tsx';
import { DetailCard, DetailField, RecordStamps } from '../../components/detail.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { FallbackMarker, LText, useText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { RoundForm } from '../consultations/round-form.tsx';
import { DecisionSelect } from '../decisions/decision-select.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import {
  documentKey,
  documentQuery,
  documentRoundsQuery,
  formatSize,
  mediaTypeName,
  versionQuery,
  versionsQuery,
} from './api.ts';
import { DocumentForm, documentValues } from './document-form.tsx';
import { ClassificationBadge, DocumentStatusBadge, RoundBadge } from './labels.tsx';
import { PageStyles } from './page-styles.tsx';
import { VersionCompare } from './version-compare.tsx';
import {
  emptyVersion,
  useVersionSubmit,
  type VersionDraft,
  VersionFields,
  versionIsEmpty,
} from './version-fields.tsx';

/** The text of a version as the server rendered it (safe HTML), in the interface language. */
function VersionText({ documentId, number }: { documentId: string; number: number }) {
  const { t, i18n } = useTranslation();
  const version = useQuery(versionQuery(documentId, number));
  if (version.isPending) {
    return <PageLoader />;
  }
  if (version.isError) {
    return <LoadError error={version.error} retry={() => version.refetch()} />;
  }
  const html = version.data.textHtml;
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const other = lang === 'ru' ? 'en' : 'ru';
  const shown = html?.[lang] ?? html?.[other];
  if (!shown) {
    return <Text c="dimmed">{t('documents.noText')}</Text>;
  }
  return (
    <div lang={html?.[lang] ? undefined : other}>
      {!html?.[lang] && (
        <Text size="sm" c="dimmed" mb="xs">
          {t(`fallback.${other}`)} <FallbackMarker lang={other} />
        </Text>
      )}
      {/* The server renders the Markdown to safe HTML (no raw HTML passes through). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, sanitized field */}
      <div className="plenum-version-text" dangerouslySetInnerHTML={{ __html: shown }} />
    </div>
  );
}

function VersionsSection({
  doc,
  versions,
  writer,
}: {
  doc: Document;
  versions: DocumentVersionListItem[];
  writer: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const [shown, setShown] = useState<number | null>(null);
  const [opened, { open, close }] = useDisclosure(false);
  const [draft, setDraft] = useState<VersionDraft>(emptyVersion);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = useVersionSubmit();
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  // Agreed, adopted and withdrawn documents take no new versions (the server refuses them).
  const frozen = !['draft', 'under_consultation', 'not_agreed'].includes(doc.status);

  const fileLink = (v: DocumentVersionListItem) =>
    v.file ? (
      <Anchor href={v.file.href} download={v.file.name} style={{ overflowWrap: 'anywhere' }}>
        <IconDownload size={14} aria-hidden /> {v.file.name}
        <Text span size="xs" c="dimmed">
          {' '}
          ({mediaTypeName(v.file.mediaType, v.file.name)}, {formatSize(v.file.size, i18n.language)})
        </Text>
      </Anchor>
    ) : (
      <Text span c="dimmed">
        —
      </Text>
    );
  const textButton = (v: DocumentVersionListItem) =>
    v.hasText ? (
      <Button
        size="compact-sm"
        variant={shown === v.number ? 'filled' : 'light'}
        aria-pressed={shown === v.number}
        onClick={() => setShown(shown === v.number ? null : v.number)}
      >
        {shown === v.number ? t('documents.hideText') : t('documents.showText')}
      </Button>
    ) : (
      <Text span c="dimmed">
        —
      </Text>
    );
  const save = async () => {
    if (versionIsEmpty(draft)) {
      setDraftError(t('documents.versionEmpty'));
      return;
    }
    setDraftError(null);
    setBusy(true);
    try {
      const created = await upload.submit(doc.id, draft);
      await queryClient.invalidateQueries({ queryKey: documentKey(doc.id) });
      notifySaved(t, t('documents.versionAdded', { number: created.number }));
      setDraft(emptyVersion());
      setShown(created.number);
      close();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h4">
          {t('documents.versions')}
        </Title>
        {writer && !frozen && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('documents.newVersion')}
          </Button>
        )}
      </Group>
      {/* On a phone a card per version; the table from a tablet up. */}
      <Stack gap="xs" hiddenFrom="sm">
        {sorted.length === 0 && <Text c="dimmed">{t('documents.noVersions')}</Text>}
        {sorted.map((v) => (
          <Paper key={v.id} withBorder p="sm">
            <Group justify="space-between" gap={6}>
              <Text fw={600}>{t('documents.versionShort', { number: v.number })}</Text>
              <Text size="sm" c="dimmed">
                {format.dateTime(v.createdAt)}
              </Text>
            </Group>
            {v.note && <LText value={v.note} size="sm" />}
            {v.file && <Text size="sm">{fileLink(v)}</Text>}
            {v.hasText && <Group mt="xs">{textButton(v)}</Group>}
          </Paper>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <DataTable
          caption={t('documents.versions')}
          minWidth={560}
          head={[
            t('documents.versionNo'),
            t('documents.versionDate'),
            t('documents.changeNote'),
            t('documents.versionFile'),
            t('documents.versionText'),
          ]}
        >
          {sorted.length === 0 && <EmptyRow cols={5} text={t('documents.noVersions')} />}
          {sorted.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td fw={600}>{v.number}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(v.createdAt)}</Table.Td>
              <Table.Td>
                <LText value={v.note} />
              </Table.Td>
              <Table.Td>{fileLink(v)}</Table.Td>
              <Table.Td>{textButton(v)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Box>
      {shown !== null && (
        <Paper withBorder p="md" mt="md" bg="var(--mantine-color-gray-0)">
          <Title order={3} fz="h5" mb="sm">
            {t('documents.textOfVersion', { number: shown })}
          </Title>
          <VersionText documentId={doc.id} number={shown} />
        </Paper>
      )}
      <Modal opened={opened} onClose={close} title={t('documents.newVersion')} size="xl">
        <Stack>
          <VersionFields
            value={draft}
            onChange={setDraft}
            progress={upload.progress}
            error={draftError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={busy}>
              {t('documents.saveVersion')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function RoundsSection({
  doc,
  versions,
  rounds,
  writer,
}: {
  doc: Document;
  versions: DocumentVersionListItem[];
  rounds: Consultation[];
  writer: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const sorted = [...rounds].sort((a, b) => b.round - a.round);
  const anyOpen = rounds.some((r) => r.status === 'open');
  const lastConsulted = Math.max(0, ...rounds.map((r) => r.versionNumber));
  // A round goes out on a draft or on a document that was not agreed (DESIGN §2).
  const canOpen =
    writer && !anyOpen && doc.latestVersion > 0 && ['draft', 'not_agreed'].includes(doc.status);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" mb="md">
        <Title order={2} fz="h4">
          {t('documents.rounds')}
        </Title>
        {canOpen && (
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={open}>
            {t('consultations.newRound')}
          </Button>
        )}
      </Group>
      <DataTable
        caption={t('documents.rounds')}
        minWidth={560}
        head={[
          t('consultations.round'),
          t('consultations.version'),
          t('consultations.deadline'),
          t('consultations.answers'),
          t('consultations.outcomeLabel'),
        ]}
      >
        {sorted.length === 0 && <EmptyRow cols={5} text={t('documents.noRounds')} />}
        {sorted.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <AnchorLink
                to="/consultations/$consultationId"
                params={{ consultationId: r.id }}
                fw={600}
              >
                {t('consultations.roundN', { round: r.round })}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{t('documents.versionShort', { number: r.versionNumber })}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.shortDate(r.deadline)}</Table.Td>
            <Table.Td>
              {t('consultations.answeredOf', {
                answered: r.answers.answered,
                total: r.memberStates.length,
              })}
            </Table.Td>
            <Table.Td>
              <RoundBadge status={r.status} outcome={r.outcome} />
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Modal opened={opened} onClose={close} title={t('consultations.newRound')} size="lg">
        <RoundForm
          documentId={doc.id}
          versions={versions}
          lastConsulted={lastConsulted}
          allowedStates={
            doc.classification === 'restricted' ? (doc.accessList?.memberStates ?? []) : null
          }
          onCancel={close}
          onDone={async (round) => {
            await queryClient.invalidateQueries({ queryKey: ['consultations'] });
            await queryClient.invalidateQueries({ queryKey: documentKey(doc.id) });
            close();
            notifySaved(t, t('consultations.roundOpened', { round: round.round }));
            await navigate({
              to: '/consultations/$consultationId',
              params: { consultationId: round.id },
            });
          }}
        />
      </Modal>
    </Paper>
  );
}

/** Withdraw (with a confirmation) and adopt (choosing the adopting decision). */
function StatusActions({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const [withdrawing, withdraw] = useDisclosure(false);
  const [adopting, adopt] = useDisclosure(false);
  const [decisionId, setDecisionId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => queryClient.invalidateQueries({ queryKey: documentKey(doc.id) });
  const run = async (path: string, body: unknown, done: () => void) => {
    setBusy(true);
    try {
      const updated = await api.post<Document>(path, body, doc.version);
      queryClient.setQueryData(documentKey(doc.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
      notifySaved(t);
      done();
    } catch (error) {
      done();
      handleError(error, { reload });
    } finally {
      setBusy(false);
    }
  };
  const canAdopt = doc.status === 'agreed';
  // Under consultation the round must be closed first (the server refuses otherwise).
  const canWithdraw = ['draft', 'agreed', 'not_agreed'].includes(doc.status);
  return (
    <>
      {canAdopt && (
        <Button
          color="green"
          leftSection={<IconCheck size={16} aria-hidden />}
          onClick={adopt.open}
        >
          {t('documents.adopt')}
        </Button>
      )}
      {canWithdraw && (
        <Button
          variant="light"
          color="orange"
          leftSection={<IconArrowBackUp size={16} aria-hidden />}
          onClick={withdraw.open}
        >
          {t('documents.withdraw')}
        </Button>
      )}
      <Modal opened={withdrawing} onClose={withdraw.close} title={t('documents.withdrawTitle')}>
        <Stack>
          <Text>{t('documents.withdrawQuestion')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={withdraw.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={busy}
              onClick={() => run(`/documents/${doc.id}/withdraw`, {}, withdraw.close)}
            >
              {t('documents.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={adopting} onClose={adopt.close} title={t('documents.adoptTitle')}>
        <Stack>
          <Text size="sm">{t('documents.adoptHint')}</Text>
          <DecisionSelect
            label={t('documents.adoptingDecision')}
            placeholder={t('documents.decisionSearch')}
            value={decisionId}
            onChange={setDecisionId}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={adopt.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="green"
              loading={busy}
              disabled={!decisionId}
              onClick={() => run(`/documents/${doc.id}/adopt`, { decisionId }, adopt.close)}
            >
              {t('documents.adopt')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function DocumentPage(): JSX.Element {
  const { t } = useTranslation();
  const { documentId } = useParams({ from: '/app/documents/$documentId' });
  const me = useMe();
  const writer = canWrite(me?.user);
  const text = useText();
  const bodies = useBodiesById();
  const stateName = useStateName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const doc = useQuery(documentQuery(documentId));
  const versions = useQuery(versionsQuery(documentId));
  const rounds = useQuery(documentRoundsQuery(documentId));
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);

  if (doc.isPending) {
    return <PageLoader />;
  }
  if (doc.isError) {
    return <LoadError error={doc.error} retry={() => doc.refetch()} />;
  }
  const d = doc.data;
  const body = bodies.get(d.bodyId);
  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: documentKey(d.id), exact: true });
    setFormKey((k) => k + 1);
  };

  return (
    <>
      <PageStyles />
      <PageHeader
        title={<LText value={d.title} inherit />}
        crumbs={[{ label: t('documents.title'), to: '/documents' }]}
        badge={
          <Group gap={6}>
            <DocumentStatusBadge status={d.status} />
            <ClassificationBadge classification={d.classification} />
          </Group>
        }
        actions={
          writer && (
            <>
              <StatusActions doc={d} />
              {!editing && (
                <Button
                  variant="light"
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                >
                  {t('common.edit')}
                </Button>
              )}
              {d.status === 'draft' && (
                <DeleteButton
                  what={text(d.title)}
                  onDelete={() => api.delete(`/documents/${d.id}`, d.version)}
                  reload={reload}
                  onDeleted={async () => {
                    await queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
                    notifySaved(t, t('common.deleted'));
                    await navigate({ to: '/documents' });
                  }}
                />
              )}
            </>
          )
        }
      />
      <Stack gap="lg">
        {editing ? (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Title order={2} fz="h4" mb="md">
              {t('documents.edit')}
            </Title>
            <DocumentForm
              key={`${formKey}-${d.version}`}
              mode="edit"
              initial={documentValues(d)}
              reload={reload}
              onCancel={() => setEditing(false)}
              onSubmit={async (patch) => {
                const updated = await api.patch<Document>(`/documents/${d.id}`, patch, d.version);
                queryClient.setQueryData(documentKey(d.id), updated);
                await queryClient.invalidateQueries({ queryKey: ['documents', 'list'] });
                notifySaved(t);
                setEditing(false);
              }}
            />
          </Paper>
        ) : (
          <DetailCard title={t('documents.details')}>
            <DetailField label={t('documents.kindLabel')}>
              {t(`documents.kind.${d.kind}`)}
            </DetailField>
            <DetailField label={t('documents.body')}>
              {body ? (
                <AnchorLink to="/directory/bodies/$bodyId" params={{ bodyId: body.id }}>
                  <LText value={body.name} />
                </AnchorLink>
              ) : (
                '…'
              )}
            </DetailField>
            <DetailField label={t('documents.statusLabel')}>
              <DocumentStatusBadge status={d.status} />
            </DetailField>
            <DetailField label={t('documents.latestVersion')}>
              {d.latestVersion > 0
                ? t('documents.versionShort', { number: d.latestVersion })
                : t('documents.noVersions')}
            </DetailField>
            <DetailField label={t('documents.classificationLabel')}>
              <ClassificationBadge classification={d.classification} />
              {d.classification === 'restricted' && d.accessList && (
                <Text size="sm" mt={4}>
                  {t('documents.readBy')}{' '}
                  {[
                    ...d.accessList.memberStates.map((c) => stateName(c)),
                    ...d.accessList.bodyIds.map((id) => text(bodies.get(id)?.name) || id),
                  ].join(', ') || t('documents.secretariatOnly')}
                </Text>
              )}
            </DetailField>
            {d.adoptedByDecisionId && (
              <DetailField label={t('documents.adoptedBy')}>
                <AnchorLink
                  to="/decisions/$decisionId"
                  params={{ decisionId: d.adoptedByDecisionId }}
                >
                  {t('documents.openDecision')}
                </AnchorLink>
              </DetailField>
            )}
            <div style={{ gridColumn: '1 / -1' }}>
              <RecordStamps createdAt={d.createdAt} updatedAt={d.updatedAt} />
            </div>
          </DetailCard>
        )}
        {versions.isError ? (
          <LoadError error={versions.error} retry={() => versions.refetch()} />
        ) : versions.data ? (
          <VersionsSection doc={d} versions={versions.data} writer={writer} />
        ) : (
          <PageLoader />
        )}
        {versions.data && versions.data.filter((v) => v.hasText).length >= 2 && (
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
            <Title order={2} fz="h4" mb="md">
              {t('documents.compare')}
            </Title>
            <VersionCompare documentId={d.id} versions={versions.data} />
          </Paper>
        )}
        {rounds.isError ? (
          <LoadError error={rounds.error} retry={() => rounds.refetch()} />
        ) : rounds.data && versions.data ? (
          <RoundsSection doc={d} versions={versions.data} rounds={rounds.data} writer={writer} />
        ) : (
          <PageLoader />
        )}
      </Stack>
    </>
  );
}
