import {
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  PARTICIPANT_ROLES,
  type Participant,
  ZParticipantCreate,
  ZParticipantPatch,
} from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../../app/form-errors.ts';
import { zodValidator } from '../../../app/forms.ts';
import { BodySelect, MemberStateSelect, PersonSelect } from '../../../components/selects.tsx';

interface Values {
  personId: string | null;
  role: Participant['role'];
  represents: 'state' | 'body' | 'none';
  memberState: string | null;
  bodyId: string | null;
  notable: boolean;
}

function bodyOf(values: Values, mode: 'create' | 'edit') {
  const body: Record<string, unknown> = {
    role: values.role,
    memberState: values.represents === 'state' ? values.memberState : null,
    bodyId: values.represents === 'body' ? values.bodyId : null,
    notable: values.notable,
  };
  if (mode === 'create') {
    body.personId = values.personId ?? '';
  }
  return body;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  mode: 'create' | 'edit';
  participant?: Participant;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  reload?: () => Promise<unknown>;
}

export function ParticipantForm(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.mode === 'create' ? t('participants.add') : t('participants.edit')}
    >
      {props.opened && <Form {...props} />}
    </Modal>
  );
}

function Form({ mode, participant, onSubmit, onClose, reload }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const form = useForm<Values>({
    initialValues: {
      personId: participant?.personId ?? null,
      role: participant?.role ?? 'delegate',
      represents: participant?.bodyId
        ? 'body'
        : participant?.memberState
          ? 'state'
          : mode === 'create'
            ? 'state'
            : 'none',
      memberState: participant?.memberState ?? null,
      bodyId: participant?.bodyId ?? null,
      notable: participant?.notable ?? false,
    },
    validate: zodValidator(
      mode === 'create' ? ZParticipantCreate : ZParticipantPatch,
      (v: Values) => bodyOf(v, mode),
      t,
    ),
  });

  const submit = form.onSubmit(async (values) => {
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
          <PersonSelect
            label={t('participants.person')}
            required
            {...form.getInputProps('personId')}
          />
        )}
        <Select
          label={t('participants.role')}
          data={PARTICIPANT_ROLES.map((r) => ({
            value: r,
            label: t(`enums.participantRole.${r}`),
          }))}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="represents-label">
            {t('participants.represents')}
          </Text>
          <SegmentedControl
            aria-labelledby="represents-label"
            fullWidth
            data={[
              { value: 'state', label: t('participants.aState') },
              { value: 'body', label: t('participants.aBody') },
              { value: 'none', label: t('participants.nothing') },
            ]}
            {...form.getInputProps('represents')}
          />
        </div>
        {form.values.represents === 'state' && (
          <MemberStateSelect
            label={t('participants.memberState')}
            {...form.getInputProps('memberState')}
          />
        )}
        {form.values.represents === 'body' && (
          <BodySelect label={t('participants.body')} {...form.getInputProps('bodyId')} />
        )}
        <Checkbox
          label={t('participants.notable')}
          description={t('participants.notableHint')}
          {...form.getInputProps('notable', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {mode === 'create' ? t('participants.addSubmit') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
