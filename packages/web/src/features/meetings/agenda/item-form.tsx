import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  AGENDA_ITEM_KINDS,
  type AgendaItem,
  ZAgendaItemCreate,
  ZAgendaItemPatch,
} from '@plenum/shared';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../../app/form-errors.ts';
import {
  orNull,
  type TextValues,
  textValues,
  toRequiredText,
  toText,
  zodValidator,
} from '../../../app/forms.ts';
import { LocalizedInput } from '../../../components/localized-input.tsx';
import { PersonSelect } from '../../../components/selects.tsx';

interface Values {
  parentId: string | null;
  title: TextValues;
  kind: AgendaItem['kind'];
  description: TextValues;
  rapporteurPersonId: string | null;
  public: boolean;
  reason: string;
}

function bodyOf(values: Values, mode: 'create' | 'edit', approved: boolean) {
  const body: Record<string, unknown> = {
    title: toRequiredText(values.title),
    kind: values.kind,
    description: toText(values.description),
    rapporteurPersonId: values.rapporteurPersonId,
    public: values.public,
  };
  if (mode === 'create') {
    body.parentId = values.parentId;
  }
  const reason = orNull(values.reason);
  if (approved && reason) {
    body.reason = reason;
  }
  return body;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  mode: 'create' | 'edit';
  item?: AgendaItem;
  /** Items under which a new item may go (label: position and title). */
  parents: { value: string; label: string }[];
  approved: boolean;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  reload?: () => Promise<unknown>;
}

export function AgendaItemForm(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={props.mode === 'create' ? <AddTitle /> : <EditTitle />}
    >
      {props.opened && <ItemForm {...props} />}
    </Modal>
  );
}

function AddTitle() {
  const { t } = useTranslation();
  return <>{t('agenda.add')}</>;
}
function EditTitle() {
  const { t } = useTranslation();
  return <>{t('agenda.edit')}</>;
}

function ItemForm({ mode, item, parents, approved, onSubmit, onClose, reload }: Props) {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const form = useForm<Values>({
    initialValues: {
      parentId: item?.parentId ?? null,
      title: textValues(item?.title),
      kind: item?.kind ?? 'other',
      description: textValues(item?.description),
      rapporteurPersonId: item?.rapporteurPersonId ?? null,
      public: item?.public ?? true,
      reason: '',
    },
    validate: zodValidator(
      mode === 'create' ? ZAgendaItemCreate : ZAgendaItemPatch,
      (v: Values) => bodyOf(v, mode, approved),
      t,
    ),
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(bodyOf(values, mode, approved));
      onClose();
    } catch (error) {
      handleError(error, { form, reload });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mode === 'create' && (
          <Select
            label={t('agenda.parent')}
            placeholder={t('agenda.topLevel')}
            data={parents}
            clearable
            searchable
            {...form.getInputProps('parentId')}
          />
        )}
        <LocalizedInput form={form} path="title" label={t('agenda.itemTitle')} required />
        <Select
          label={t('agenda.kind')}
          data={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`enums.agendaItemKind.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <LocalizedInput form={form} path="description" label={t('agenda.description')} multiline />
        <PersonSelect
          label={t('agenda.rapporteur')}
          {...form.getInputProps('rapporteurPersonId')}
        />
        <Checkbox
          label={t('agenda.public')}
          description={t('agenda.publicHint')}
          {...form.getInputProps('public', { type: 'checkbox' })}
        />
        {approved && (
          <TextInput
            label={t('agenda.reason')}
            description={t('agenda.reasonHint')}
            {...form.getInputProps('reason')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {mode === 'create' ? t('agenda.addSubmit') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
