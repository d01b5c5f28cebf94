import { Alert, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Decision, RELATION_KINDS } from '@plenum/shared';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api.ts';
import { notifySaved, problemMessage, problemTitle } from '../../app/errors.ts';
import { FormActions } from '../../components/form-actions.tsx';
import { decisionQuery } from './api.ts';
import { DecisionSelect } from './decision-select.tsx';

type Kind = (typeof RELATION_KINDS)[number];

interface Values {
  kind: Kind;
  decisionId: string | null;
}

/** Records that this decision amends, extends, supersedes or cancels another one. */
export function RelationForm({
  decision,
  opened,
  onClose,
}: {
  decision: Decision;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('relationForm.title', { number: decision.number })}
      size="lg"
    >
      {opened && <Form decision={decision} onClose={onClose} />}
    </Modal>
  );
}

function Form({ decision, onClose }: { decision: Decision; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // A refusal that names no field (409: the link exists; 422: the other is closed already).
  const [problem, setProblem] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: { kind: 'amends', decisionId: null },
    validate: {
      decisionId: (value) => (value ? null : t('validation.required')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const updated = await api.post<Decision>(
        `/decisions/${encodeURIComponent(decision.id)}/relations`,
        { kind: values.kind, decisionId: values.decisionId },
      );
      queryClient.setQueryData(decisionQuery(decision.id).queryKey, updated);
      // The other decision (closed by supersedes or cancels), the lists and the history.
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
      notifySaved(t, t('relationForm.saved'));
      onClose();
    } catch (error) {
      // The server names the field of a list ("relations.0.decisionId"): put it on ours.
      const fieldError = isApiError(error)
        ? error.problem.errors?.find((e) => /(^|\.)(decisionId|kind)$/.test(e.path ?? ''))
        : undefined;
      if (fieldError?.path) {
        form.setFieldError(
          fieldError.path.endsWith('kind') ? 'kind' : 'decisionId',
          fieldError.message,
        );
      } else {
        setProblem(error);
      }
    }
  });
  const closes = form.values.kind === 'supersedes' || form.values.kind === 'cancels';
  // The two refusals of this form, said plainly; anything else as the server explains it.
  const refusal = (error: unknown) =>
    isApiError(error) && error.code === 'duplicate'
      ? t('relationForm.duplicate')
      : isApiError(error) && error.code === 'invalid_transition'
        ? t('relationForm.closed')
        : problemMessage(t, error);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('decisions.relationKind')}
          allowDeselect={false}
          data={RELATION_KINDS.map((k) => ({ value: k, label: t(`relations.${k}.outgoing`) }))}
          {...form.getInputProps('kind')}
        />
        <DecisionSelect
          label={t('relationForm.other')}
          description={t('relationForm.otherHint')}
          placeholder={t('relationForm.otherPlaceholder')}
          required
          exclude={decision.id}
          {...form.getInputProps('decisionId')}
        />
        {closes && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="note">
            {t(`relationForm.closes.${form.values.kind}`)}
          </Alert>
        )}
        {problem !== null && (
          <Alert color="red" title={problemTitle(t, problem)} role="alert">
            {refusal(problem)}
          </Alert>
        )}
        <FormActions
          submitting={form.submitting}
          onCancel={onClose}
          submitLabel={t('relationForm.submit')}
        />
      </Stack>
    </form>
  );
}
