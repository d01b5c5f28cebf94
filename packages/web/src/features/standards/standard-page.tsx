import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  type Adoption,
  type RegisterHistoryEvent,
  STANDARD_TRANSITIONS,
  type Standard,
  type StandardStatus,
} from '@plenum/shared';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { canWrite, useUser } from '../../app/auth.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { useFormat } from '../../app/format.ts';
import { DataTable, EmptyRow } from '../../components/data-table.tsx';
import { DetailCard, DetailField, RecordStamps } from '../../components/detail.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { LText } from '../../components/localized-text.tsx';
import { LoadError, PageHeader, PageLoader } from '../../components/page.tsx';
import { useBodiesById, useStateName } from '../directory/lookups.ts';
import { RoundBadge } from '../documents/labels.tsx';
import { AdoptionForm } from './adoption-form.tsx';
import { adoptionsQuery, standardHistoryQuery, standardKey, standardQuery } from './api.ts';
import { AdoptionBadge, StandardStatusBadge } from './labels.tsx';
import { AdoptionMatrixPage } from './matrix-page.tsx';
import { after, changedFields, RegisterHistory, textOf } from './register-ui.tsx';
import { StandardForm } from './standard-form.tsx';
import { RegisterStyles } from './styles.tsx';

/** The decisions an entry names, as links (each decision's page links back). */
export function DecisionLinks({ decisions }: { decisions: Standard['decisions'] }) {
  if (decisions.length === 0) {
    return null;
  }
  return (
    <Stack gap={2} component="span">
      {decisions.map((d) => (
        <span key={d.id}>
          <AnchorLink to="/decisions/$decisionId" params={{ decisionId: d.id }}>
            {d.number}
          </AnchorLink>{' '}
          <LText value={d.title} size="sm" />
        </span>
      ))}
    </Stack>
  );
}

function StatusActions({ standard }: { standard: Standard }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handle = useErrorHandler();
  const [busy, setBusy] = useState<StandardStatus | null>(null);
  const next = STANDARD_TRANSITIONS[standard.status];
  const move = async (status: StandardStatus) => {
    setBusy(status);
    try {
      const saved = await api.patch<Standard>(
        `/standards/${standard.id}`,
        { status },
        standard.version,
      );
      queryClient.setQueryData(standardKey(standard.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['standards'] });
      notifySaved(t);
    } catch (error) {
      handle(error, {
        reload: () => queryClient.invalidateQueries({ queryKey: standardKey(standard.id) }),
      });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {next.map((s) => (
        <Button
          key={s}
          size="sm"
          variant={s === 'withdrawn' ? 'default' : 'light'}
          color={s === 'withdrawn' ? 'red' : undefined}
          loading={busy === s}
          onClick={() => move(s)}
        >
          {t(`standards.to.${s}`)}
        </Button>
      ))}
    </>
  );
}

function AdoptionsTable({
  standard,
  adoptions,
  onEdit,
}: {
  standard: Standard;
  adoptions: Adoption[];
  onEdit: (a: Adoption) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const stateName = useStateName();
  const mayEdit = (a: Adoption) =>
    standard.status !== 'withdrawn' &&
    (canWrite(user) || (user.role === 'delegate' && user.memberState === a.memberState));
  return (
    <DataTable
      caption={t('standards.adoptions')}
      minWidth={720}
      head={[
        t('standards.state'),
        t('standards.adoptionStatus'),
        t('standards.nationalReference'),
        t('standards.effectiveDate'),
        t('standards.reservations'),
        '',
      ]}
    >
      {adoptions.length === 0 && <EmptyRow cols={6} text={t('standards.noAdoptions')} />}
      {adoptions.map((a) => (
        <Table.Tr key={a.memberState}>
          <Table.Td>
            {stateName(a.memberState)} ({a.memberState})
          </Table.Td>
          <Table.Td>
            <AdoptionBadge status={a.status} />
          </Table.Td>
          <Table.Td>{a.nationalReference ?? '—'}</Table.Td>
          <Table.Td>{a.effectiveDate ? format.date(a.effectiveDate) : '—'}</Table.Td>
          <Table.Td>
            <LText value={a.reservations} size="sm" />
          </Table.Td>
          <Table.Td>
            {mayEdit(a) && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => onEdit(a)}
                aria-label={t('standards.editAdoptionOf', { state: stateName(a.memberState) })}
              >
                {t('common.edit')}
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** One history event of a standard as a sentence. */
function useDescribe() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const stateName = useStateName();
  const label = (f: string) => t(`standards.field.${f}`, { defaultValue: f });
  return (e: RegisterHistoryEvent, change: Record<string, unknown>) => {
    if (e.entityType === 'standard_adoption') {
      const state = stateName(String(change.memberState ?? e.entityId.split('/')[1] ?? ''));
      const status = after(change, 'status');
      return typeof status === 'string'
        ? t('standards.h.adoption', { state, status: t(`standards.adoption.${status}`) })
        : t('standards.h.adoptionChanged', { state, fields: changedFields(change, label) });
    }
    if (e.action === 'create') {
      return t('standards.h.created', { designation: textOf(change.designation, lang) });
    }
    if (e.action === 'status') {
      const s = after(change, 'status');
      const rest = changedFields({ ...change, status: undefined }, label);
      return (
        t('standards.h.status', { status: t(`standards.status.${String(s)}`) }) +
        (rest ? ` · ${t('standards.h.changed', { fields: rest })}` : '')
      );
    }
    if (e.action === 'update') {
      return t('standards.h.changed', { fields: changedFields(change, label) });
    }
    return t('history.other', { action: e.action });
  };
}

/** The route /standards/$standardId: "matrix" is the adoption matrix, anything else a standard. */
export function StandardOrMatrixPage(): JSX.Element {
  const { standardId } = useParams({ from: '/app/standards/$standardId' });
  return (
    <>
      <RegisterStyles />
      {standardId === 'matrix' ? <AdoptionMatrixPage /> : <StandardPage />}
    </>
  );
}

/** A standard: its record, lifecycle, document and consultation, adoptions by state, history. */
export function StandardPage(): JSX.Element {
  const { t } = useTranslation();
  const { standardId } = useParams({ from: '/app/standards/$standardId' });
  const user = useUser();
  const stateName = useStateName();
  const bodies = useBodiesById();
  const standard = useQuery(standardQuery(standardId));
  const adoptions = useQuery(adoptionsQuery(standardId));
  const history = useQuery(standardHistoryQuery(standardId));
  const describe = useDescribe();
  const [editing, setEditing] = useState(false);
  const [adoption, setAdoption] = useState<Adoption | null>(null);

  if (standard.isPending) {
    return <PageLoader />;
  }
  if (standard.isError) {
    return <LoadError error={standard.error} retry={() => standard.refetch()} />;
  }
  const s = standard.data;
  const body = s.bodyId ? bodies.get(s.bodyId) : undefined;
  const round = s.document?.latestConsultation;
  const secretariat = canWrite(user);
  const own =
    user.role === 'delegate' && user.memberState
      ? adoptions.data?.items.find((a) => a.memberState === user.memberState)
      : undefined;

  return (
    <>
      <PageHeader
        title={s.designation}
        badge={<StandardStatusBadge status={s.status} />}
        crumbs={[{ label: t('standards.title'), to: '/standards' }]}
        actions={
          <>
            {own && s.status === 'adopted' && (
              <Button onClick={() => setAdoption(own)}>
                {t('standards.recordOwn', { state: stateName(own.memberState) })}
              </Button>
            )}
            {secretariat && <StatusActions standard={s} />}
            {secretariat && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="xl">
        <div>
          <DetailCard>
            <DetailField label={t('standards.titleField')} wide>
              <LText value={s.title} />
            </DetailField>
            <DetailField label={t('standards.leadState')}>
              {s.leadMemberState ? stateName(s.leadMemberState) : null}
            </DetailField>
            <DetailField label={t('standards.body')}>
              {body ? <LText value={body.name} /> : null}
            </DetailField>
            <DetailField label={t('standards.document')}>
              {s.document ? (
                <AnchorLink to="/documents/$documentId" params={{ documentId: s.document.id }}>
                  <LText value={s.document.title} />
                </AnchorLink>
              ) : null}
            </DetailField>
            <DetailField label={t('standards.consultation')}>
              {round ? (
                <Group gap="xs" component="span">
                  <AnchorLink
                    to="/consultations/$consultationId"
                    params={{ consultationId: round.id }}
                  >
                    {t('standards.round', { number: round.round })}
                  </AnchorLink>
                  <RoundBadge
                    status={round.status as 'open' | 'closed'}
                    outcome={round.outcome as 'agreed' | 'not_agreed' | null}
                  />
                </Group>
              ) : null}
            </DetailField>
            <DetailField label={t('standards.decisions')} wide>
              {s.decisions.length ? <DecisionLinks decisions={s.decisions} /> : null}
            </DetailField>
            {s.description && (
              <DetailField label={t('standards.description')} wide>
                <LText value={s.description} style={{ whiteSpace: 'pre-wrap' }} />
              </DetailField>
            )}
          </DetailCard>
          <RecordStamps createdAt={s.createdAt} updatedAt={s.updatedAt} />
        </div>

        <section>
          <Group justify="space-between" mb="xs">
            <Title order={2} fz="h4">
              {t('standards.adoptions')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('standards.countsShort', {
                adopted: s.adoptionCounts.adopted + s.adoptionCounts.adoptedWithReservations,
                total:
                  s.adoptionCounts.adopted +
                  s.adoptionCounts.adoptedWithReservations +
                  s.adoptionCounts.pending +
                  s.adoptionCounts.notAdopted,
              })}
            </Text>
          </Group>
          {s.status !== 'adopted' && s.status !== 'withdrawn' && (
            <Text size="sm" c="dimmed" mb="xs">
              {t('standards.adoptionAfter')}
            </Text>
          )}
          <Paper withBorder>
            {adoptions.isPending ? (
              <PageLoader />
            ) : adoptions.isError ? (
              <LoadError error={adoptions.error} retry={() => adoptions.refetch()} />
            ) : (
              <AdoptionsTable standard={s} adoptions={adoptions.data.items} onEdit={setAdoption} />
            )}
          </Paper>
        </section>

        {history.data && <RegisterHistory events={history.data.items} describe={describe} />}
      </Stack>
      {editing && (
        <StandardForm
          standard={s}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {adoption && (
        <AdoptionForm
          adoption={adoption}
          designation={s.designation}
          onClose={() => setAdoption(null)}
        />
      )}
    </>
  );
}
