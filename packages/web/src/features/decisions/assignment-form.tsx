import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Assignment, ZAssignmentCreate, ZAssignmentPatch } from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../app/form-errors.ts';
import { zodValidator } from '../../app/forms.ts';
import { DateField, LocalDates } from '../../components/date-input.tsx';
import { BodySelect, MemberStateSelect } from '../../components/selects.tsx';

interface Values {
  assignee: 'state' | 'body';
  memberState: string | null;
  bodyId: string | null;
  dueDate: string | null;
}

const bodyOf = (v: Values, mode: 'create' | 'edit') =>
  mode === 'edit'
    ? { dueDate: v.dueDate }
    : {
        memberState: v.assignee === 'state' ? v.memberState : null,
        bodyId: v.assignee === 'body' ? v.bodyId : null,
        dueDate: v.dueDate,
      };

interface Props {
  opened: boolean;
  mode: 'create' | 'edit';
  assignment?: Assignment;
  onClose: () => void;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  reload?: () => Promise<unknown>;
}

export function AssignmentForm(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.mode === 'create' ? t('assignments.add') : t('assignments.edit')}
    >
      {props.opened && (
        <LocalDates>
          <Form {...props} />
        </LocalDates>
      )}
    </Modal>
  );
}

function Form({ mode, assignment, onClose, onSubmit, reload }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const form = useForm<Values>({
    initialValues: {
      assignee: assignment?.bodyId ? 'body' : 'state',
      memberState: assignment?.memberState ?? null,
      bodyId: assignment?.bodyId ?? null,
      dueDate: assignment?.dueDate ?? null,
    },
    validate: zodValidator(
      mode === 'create' ? ZAssignmentCreate : ZAssignmentPatch,
      (v: Values) => bodyOf(v, mode),
      t,
    ),
  });
  const submit = form.onSubmit(async (values) => {
    if (mode === 'create' && !(values.assignee === 'state' ? values.memberState : values.bodyId)) {
      form.setFieldError(
        values.assignee === 'state' ? 'memberState' : 'bodyId',
        t('validation.required'),
      );
      return;
    }
    try {
      await onSubmit(bodyOf(values, mode));
      onClose();
    } catch (error) {
      handleError(error, { form, reload });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mode === 'create' && (
          <>
            <div>
              <Text size="sm" fw={500} mb={4} id="assignee-label">
                {t('assignments.assignee')}
              </Text>
              <SegmentedControl
                aria-labelledby="assignee-label"
                fullWidth
                data={[
                  { value: 'state', label: t('assignments.aState') },
                  { value: 'body', label: t('assignments.aBody') },
                ]}
                {...form.getInputProps('assignee')}
              />
            </div>
            {form.values.assignee === 'state' ? (
              <MemberStateSelect
                label={t('assignments.memberState')}
                required
                {...form.getInputProps('memberState')}
              />
            ) : (
              <BodySelect
                label={t('assignments.body')}
                required
                {...form.getInputProps('bodyId')}
              />
            )}
          </>
        )}
        <DateField label={t('assignments.dueDate')} {...form.getInputProps('dueDate')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {mode === 'create' ? t('assignments.addSubmit') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
