import { Alert, Modal, Select, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import {
  DECISION_KINDS,
  type Decision,
  type DecisionPatch,
  type LocalizedText,
  ZDecisionPatch,
} from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved, toast } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { type TextValues, textValues, toRequiredText, zodValidator } from '../../app/forms.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { LocalizedInput } from '../../components/localized-input.tsx';
import { useText } from '../../components/localized-text.tsx';
import { agendaQuery } from '../meetings/api.ts';
import { decisionQuery } from './api.ts';

interface Values {
  kind: Decision['kind'];
  title: TextValues;
  text: TextValues;
  adoptedOn: string | null;
  agendaItemId: string | null;
}

const valuesOf = (d: Decision): Values => ({
  kind: d.kind,
  title: textValues(d.title),
  text: textValues(d.text),
  adoptedOn: d.adoptedOn,
  agendaItemId: d.agendaItemId,
});

const sameText = (a: LocalizedText, b: LocalizedText) =>
  (a.en ?? '') === (b.en ?? '') && (a.ru ?? '') === (b.ru ?? '');

/** The PATCH body: only what differs from the decision as it was read. */
export function changesOf(d: Decision, v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v.kind !== d.kind) {
    out.kind = v.kind;
  }
  const title = toRequiredText(v.title);
  if (!sameText(title, d.title)) {
    out.title = title;
  }
  const text = toRequiredText(v.text);
  if (!sameText(text, d.text)) {
    out.text = text;
  }
  if (v.adoptedOn !== d.adoptedOn) {
    // null (a cleared field) goes to the validator, which asks for a date.
    out.adoptedOn = v.adoptedOn;
  }
  if (v.agendaItemId !== d.agendaItemId) {
    out.agendaItemId = v.agendaItemId;
  }
  return out;
}

/** Corrects a decision's record: kind, title and text in both languages, date, agenda item. */
export function DecisionEditForm({
  decision,
  opened,
  onClose,
}: {
  decision: Decision;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('decisionEdit.title', { number: decision.number })}
      size="xl"
      fullScreen={phone}
    >
      {opened && (
        <LocalDates>
          <Editor initial={decision} onClose={onClose} />
        </LocalDates>
      )}
    </Modal>
  );
}

function Editor({ initial, onClose }: { initial: Decision; onClose: () => void }) {
  // The form edits the version it was opened with; after an edit conflict it starts again from
  // the stored one (a new key resets the form).
  const [base, setBase] = useState(initial);
  const [generation, setGeneration] = useState(0);
  const queryClient = useQueryClient();
  const reload = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({ ...decisionQuery(initial.id), staleTime: 0 });
    setBase(fresh);
    setGeneration((g) => g + 1);
  }, [queryClient, initial.id]);
  return (
    <Fields
      key={generation}
      base={base}
      reloaded={generation > 0}
      reload={reload}
      onClose={onClose}
    />
  );
}

function Fields({
  base,
  reloaded,
  reload,
  onClose,
}: {
  base: Decision;
  reloaded: boolean;
  reload: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const form = useForm<Values>({
    initialValues: valuesOf(base),
    validate: zodValidator(ZDecisionPatch, (v: Values) => changesOf(base, v), t),
  });
  const agenda = useQuery({ ...agendaQuery(base.meetingId ?? ''), enabled: !!base.meetingId });
  // After a reload the notice is brought into view (the form may have been scrolled to Save).
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reloaded) {
      notice.current?.scrollIntoView({ block: 'center' });
    }
  }, [reloaded]);

  const submit = form.onSubmit(async (values) => {
    const patch = changesOf(base, values) as DecisionPatch;
    if (Object.keys(patch).length === 0) {
      toast({ color: 'gray', message: t('decisionEdit.noChanges') });
      onClose();
      return;
    }
    try {
      const updated = await api.patch<Decision>(
        `/decisions/${encodeURIComponent(base.id)}`,
        patch,
        base.version,
      );
      queryClient.setQueryData(decisionQuery(base.id).queryKey, updated);
      // Lists, counts and the history (under the same key) show the change.
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
      notifySaved(t, t('decisionEdit.saved'));
      onClose();
    } catch (error) {
      handleError(error, { form, reload });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {reloaded && (
          <Alert color="blue" role="status" ref={notice}>
            {t('decisionEdit.reloaded')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('decisions.kind')}
            allowDeselect={false}
            data={DECISION_KINDS.map((k) => ({ value: k, label: t(`enums.decisionKind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <DateField
            label={t('decisions.adoptedOn')}
            required
            {...form.getInputProps('adoptedOn')}
          />
          {base.meetingId && (
            <Select
              label={t('decisions.agendaItem')}
              clearable
              searchable
              placeholder={agenda.isPending ? t('common.loading') : t('decisionEdit.noAgendaItem')}
              nothingFoundMessage={t('common.nothingFound')}
              data={(agenda.data ?? []).map((i) => ({
                value: i.id,
                label: `${i.position} ${text(i.title)}`,
              }))}
              style={{ gridColumn: '1 / -1' }}
              {...form.getInputProps('agendaItemId')}
            />
          )}
        </SimpleGrid>
        <LocalizedInput form={form} path="title" label={t('decisions.titleField')} required />
        <LocalizedInput
          form={form}
          path="text"
          label={t('decisions.text')}
          required
          multiline
          description={t('decisions.markdownHint')}
        />
        <FormActions submitting={form.submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}
