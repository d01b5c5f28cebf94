import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { REPORT_STATUSES, type Report, ZReportCreate } from '@plenum/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { emptyText, type TextValues, toText, zodValidator } from '../../app/forms.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { LocalizedInput } from '../../components/localized-input.tsx';

interface Values {
  status: Report['status'];
  text: TextValues;
  reportedOn: string | null;
}

export interface ReportTarget {
  decisionId: string;
  assignmentId: string;
  /** "21/3 · Armenia", for the dialog's title. */
  label: string;
}

const bodyOf = (assignmentId: string, v: Values) => ({
  assignmentId,
  status: v.status,
  text: toText(v.text),
  ...(v.reportedOn ? { reportedOn: v.reportedOn } : {}),
});

/** Reports on one assignment: status, an account in either language, and the date. */
export default function ReportForm({
  target,
  onClose,
}: {
  target: ReportTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={t('reports.formTitle', { what: target?.label ?? '' })}
      size="lg"
    >
      {target && (
        <LocalDates>
          <Form target={target} onClose={onClose} />
        </LocalDates>
      )}
    </Modal>
  );
}

function Form({ target, onClose }: { target: ReportTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { status: 'in_progress', text: emptyText(), reportedOn: null },
    validate: zodValidator(ZReportCreate, (v: Values) => bodyOf(target.assignmentId, v), t),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await api.post(
        `/decisions/${encodeURIComponent(target.decisionId)}/reports`,
        bodyOf(target.assignmentId, values),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['decisions'] }),
        queryClient.invalidateQueries({ queryKey: ['assignments'] }),
        queryClient.invalidateQueries({ queryKey: ['implementation'] }),
        queryClient.invalidateQueries({ queryKey: ['meetings'] }),
      ]);
      notifySaved(t, t('reports.saved'));
      onClose();
    } catch (error) {
      handleError(error, { form });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('reports.status')}
          required
          allowDeselect={false}
          data={REPORT_STATUSES.map((s) => ({ value: s, label: t(`enums.assignmentStatus.${s}`) }))}
          {...form.getInputProps('status')}
        />
        <LocalizedInput form={form} path="text" label={t('reports.text')} multiline />
        <DateField
          label={t('reports.reportedOn')}
          description={t('reports.reportedOnHint')}
          {...form.getInputProps('reportedOn')}
        />
        {form.errors.assignmentId && (
          <Text c="red" size="sm" role="alert">
            {form.errors.assignmentId}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('reports.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
