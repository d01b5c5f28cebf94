import {
  Button,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  COMMENT_RESOLUTIONS,
  CONSULTATION_POSITIONS,
  type ConsultationComment,
  type ConsultationPosition,
  type StatePosition,
} from '@plenum/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { type TextValues, textValues, toText } from '../../app/forms.ts';

function TwoLanguages({
  label,
  value,
  onChange,
  error,
  rows = 3,
}: {
  label: string;
  value: TextValues;
  onChange: (v: TextValues) => void;
  error?: string;
  rows?: number;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Textarea
        label={t('fields.inEnglish', { field: label })}
        lang="en"
        autosize
        minRows={rows}
        maxRows={12}
        value={value.en}
        onChange={(e) => onChange({ ...value, en: e.currentTarget.value })}
        error={error}
      />
      <Textarea
        label={t('fields.inRussian', { field: label })}
        lang="ru"
        autosize
        minRows={rows}
        maxRows={12}
        value={value.ru}
        onChange={(e) => onChange({ ...value, ru: e.currentTarget.value })}
        error={error ? ' ' : undefined}
      />
    </SimpleGrid>
  );
}

function Actions({
  busy,
  onCancel,
  label,
}: {
  busy: boolean;
  onCancel: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
    </Group>
  );
}

/** A state's position in a round, with an optional note. */
export function PositionForm({
  consultationId,
  position,
  onDone,
  onCancel,
  reload,
}: {
  consultationId: string;
  position: StatePosition;
  onDone: () => unknown;
  onCancel: () => void;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [value, setValue] = useState<ConsultationPosition | null>(position.position);
  const [note, setNote] = useState<TextValues>(textValues(position.note));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value) {
      setError(t('consultations.choosePosition'));
      return;
    }
    setBusy(true);
    try {
      await api.put(
        `/consultations/${consultationId}/positions/${position.memberState}`,
        { position: value, note: toText(note) },
        position.version,
      );
      await onDone();
    } catch (err) {
      handleError(err, { reload });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Radio.Group
          label={t('consultations.positionLabel')}
          value={value ?? ''}
          onChange={(v) => setValue(v as ConsultationPosition)}
          error={error}
          required
        >
          <Stack gap="xs" mt="xs">
            {CONSULTATION_POSITIONS.map((p) => (
              <Radio key={p} value={p} label={t(`consultations.position.${p}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <TwoLanguages label={t('consultations.positionNote')} value={note} onChange={setNote} />
        <Actions busy={busy} onCancel={onCancel} label={t('consultations.givePosition')} />
      </Stack>
    </form>
  );
}

/** A clause-referenced comment with the wording the state proposes. */
export function CommentForm({
  consultationId,
  states,
  onDone,
  onCancel,
}: {
  consultationId: string;
  /** The states the user may comment for (one for a delegate). */
  states: { value: string; label: string }[];
  onDone: () => unknown;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [memberState, setMemberState] = useState<string | null>(states[0]?.value ?? null);
  const [clause, setClause] = useState('');
  const [comment, setComment] = useState<TextValues>({ en: '', ru: '' });
  const [proposed, setProposed] = useState<TextValues>({ en: '', ru: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!memberState) {
      next.memberState = t('validation.required');
    }
    if (!clause.trim()) {
      next.clause = t('validation.required');
    }
    if (!toText(comment)) {
      next.comment = t('fields.oneLanguage', { field: t('consultations.comment') });
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      return;
    }
    setBusy(true);
    try {
      await api.post<ConsultationComment>(`/consultations/${consultationId}/comments`, {
        memberState,
        clause: clause.trim(),
        comment: toText(comment),
        proposedText: toText(proposed),
      });
      await onDone();
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {states.length > 1 ? (
          <Select
            label={t('consultations.state')}
            data={states}
            value={memberState}
            onChange={setMemberState}
            allowDeselect={false}
            searchable
            error={errors.memberState}
            required
          />
        ) : (
          <TextInput label={t('consultations.state')} value={states[0]?.label ?? ''} readOnly />
        )}
        <TextInput
          label={t('consultations.clause')}
          description={t('consultations.clauseHint')}
          value={clause}
          onChange={(e) => setClause(e.currentTarget.value)}
          error={errors.clause}
          required
          maxLength={200}
        />
        <TwoLanguages
          label={t('consultations.comment')}
          value={comment}
          onChange={setComment}
          error={errors.comment}
        />
        <TwoLanguages
          label={t('consultations.proposedText')}
          value={proposed}
          onChange={setProposed}
        />
        <Actions busy={busy} onCancel={onCancel} label={t('consultations.addComment')} />
      </Stack>
    </form>
  );
}

/** The secretariat's resolution of a comment and its response. */
export function ResolutionForm({
  comment,
  onDone,
  onCancel,
  reload,
}: {
  comment: ConsultationComment;
  onDone: () => unknown;
  onCancel: () => void;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [resolution, setResolution] = useState<string | null>(comment.resolution);
  const [response, setResponse] = useState<TextValues>(textValues(comment.response));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!resolution) {
      next.resolution = t('validation.required');
    }
    if (!toText(response)) {
      next.response = t('fields.oneLanguage', { field: t('consultations.response') });
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      return;
    }
    setBusy(true);
    try {
      await api.post(
        `/consultations/${comment.consultationId}/comments/${comment.id}/resolution`,
        { resolution, response: toText(response) },
        comment.version,
      );
      await onDone();
    } catch (err) {
      handleError(err, { reload });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('consultations.resolutionLabel')}
          data={COMMENT_RESOLUTIONS.map((r) => ({
            value: r,
            label: t(`consultations.resolution.${r}`),
          }))}
          value={resolution}
          onChange={setResolution}
          allowDeselect={false}
          error={errors.resolution}
          required
        />
        <TwoLanguages
          label={t('consultations.response')}
          value={response}
          onChange={setResponse}
          error={errors.response}
        />
        <Actions busy={busy} onCancel={onCancel} label={t('consultations.resolve')} />
      </Stack>
    </form>
  );
}
