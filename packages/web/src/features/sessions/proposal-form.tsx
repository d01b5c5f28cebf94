import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type AgendaItem, DECISION_KINDS, type Document, type Proposal } from '@plenum/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, getAll } from '../../app/api.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { emptyText, type TextValues, toText } from '../../app/forms.ts';
import { useText } from '../../components/localized-text.tsx';
import { BodySelect } from '../../components/selects.tsx';

type DecisionKind = (typeof DECISION_KINDS)[number];

/** Where the draft decision goes: a meeting in session (under an agenda item), or circulation. */
export type ProposalTarget =
  | {
      procedure: 'session';
      meetingId: string;
      agendaItems: AgendaItem[];
      currentItemId: string | null;
    }
  | { procedure: 'written' };

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date and time as a datetime-local field holds it, `days` from now at 18:00. */
function localInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:00`;
}

function TwoLanguages({
  label,
  value,
  onChange,
  error,
  multiline,
}: {
  label: string;
  value: TextValues;
  onChange: (v: TextValues) => void;
  error?: string;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const Field = multiline ? Textarea : TextInput;
  const extra = multiline ? { autosize: true, minRows: 4, maxRows: 14 } : {};
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Field
        label={t('fields.inEnglish', { field: label })}
        lang="en"
        {...extra}
        value={value.en}
        onChange={(e) => onChange({ ...value, en: e.currentTarget.value })}
        error={error}
      />
      <Field
        label={t('fields.inRussian', { field: label })}
        lang="ru"
        {...extra}
        value={value.ru}
        onChange={(e) => onChange({ ...value, ru: e.currentTarget.value })}
        error={error ? ' ' : undefined}
      />
    </SimpleGrid>
  );
}

/**
 * A draft decision put to adoption: its title and text in both languages, its kind, optionally the
 * draft_decision document it comes from; in session under an agenda item (the current one by
 * default), by written procedure for a body with a deadline.
 */
export function ProposalForm({
  target,
  onDone,
  onCancel,
}: {
  target: ProposalTarget;
  onDone: (proposal: Proposal) => unknown;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const handleError = useErrorHandler();
  const session = target.procedure === 'session' ? target : null;
  const [agendaItemId, setAgendaItemId] = useState<string | null>(session?.currentItemId ?? null);
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [deadline, setDeadline] = useState(localInDays(14));
  const [kind, setKind] = useState<DecisionKind>('decision');
  const [title, setTitle] = useState<TextValues>(emptyText());
  const [body, setBody] = useState<TextValues>(emptyText());
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const drafts = useQuery({
    queryKey: ['documents', 'list', 'draft-decisions'],
    queryFn: () => getAll<Document>('/documents', { kind: 'draft_decision' }),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    const required = t('validation.required');
    if (session && !agendaItemId) {
      next.agendaItemId = required;
    }
    if (!session && !bodyId) {
      next.bodyId = required;
    }
    if (!session && (!deadline || new Date(deadline).getTime() <= Date.now())) {
      next.deadline = t('sessions.deadlineFuture');
    }
    if (!toText(title)) {
      next.title = t('fields.oneLanguage', { field: t('sessions.draftTitle') });
    }
    if (!toText(body)) {
      next.text = t('fields.oneLanguage', { field: t('sessions.draftText') });
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      return;
    }
    const content = { kind, title: toText(title), text: toText(body), documentId };
    setBusy(true);
    try {
      const proposal = await api.post<Proposal>(
        '/proposals',
        session
          ? { procedure: 'session', meetingId: session.meetingId, agendaItemId, ...content }
          : {
              procedure: 'written',
              bodyId,
              deadline: new Date(deadline).toISOString(),
              ...content,
            },
      );
      await onDone(proposal);
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {session ? (
          <Select
            label={t('sessions.agendaItem')}
            data={session.agendaItems.map((i) => ({
              value: i.id,
              label: `${i.position}. ${text(i.title)}`,
            }))}
            value={agendaItemId}
            onChange={setAgendaItemId}
            allowDeselect={false}
            error={errors.agendaItemId}
            required
          />
        ) : (
          <>
            <BodySelect
              label={t('sessions.body')}
              value={bodyId}
              onChange={setBodyId}
              error={errors.bodyId}
              required
            />
            <TextInput
              type="datetime-local"
              label={t('sessions.deadline')}
              description={t('sessions.deadlineHint')}
              value={deadline}
              onChange={(e) => setDeadline(e.currentTarget.value)}
              error={errors.deadline}
              required
            />
          </>
        )}
        <Select
          label={t('sessions.kind')}
          data={DECISION_KINDS.map((k) => ({ value: k, label: t(`enums.decisionKind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind((v as DecisionKind | null) ?? 'decision')}
          allowDeselect={false}
        />
        <TwoLanguages
          label={t('sessions.draftTitle')}
          value={title}
          onChange={setTitle}
          error={errors.title}
        />
        <TwoLanguages
          label={t('sessions.draftText')}
          value={body}
          onChange={setBody}
          error={errors.text}
          multiline
        />
        <Select
          label={t('sessions.draftDocument')}
          description={t('sessions.draftDocumentHint')}
          data={(drafts.data ?? []).map((d) => ({ value: d.id, label: text(d.title) }))}
          value={documentId}
          onChange={setDocumentId}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {session ? t('sessions.putToMeeting') : t('sessions.circulate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
