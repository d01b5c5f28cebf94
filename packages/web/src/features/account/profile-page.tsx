import {
  Button,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Language, type Me, ZPassword } from '@plenum/shared';
import { useQueryClient } from '@tanstack/react-query';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { changeLanguage, meQuery, useUser } from '../../app/auth.ts';
import { notifyError, notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { issueMessage } from '../../app/forms.ts';
import { DetailCard, DetailField } from '../../components/detail.tsx';
import { PageHeader } from '../../components/page.tsx';
import { CalendarFeedCard } from './calendar-feed.tsx';
import { SecuritySettingsCard, TwoFactorCard } from './two-factor-card.tsx';

function NameForm() {
  const { t } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  const handleError = useErrorHandler();
  const form = useForm({
    initialValues: { name: user.name },
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const submit = form.onSubmit(async ({ name }) => {
    try {
      const me = await api.patch<Me>('/auth/me', { name: name.trim() });
      const current = queryClient.getQueryData(meQuery.queryKey);
      const next: Me = { ...me, csrfToken: current?.csrfToken ?? me.csrfToken };
      queryClient.setQueryData(meQuery.queryKey, next);
      notifySaved(t);
    } catch (error) {
      handleError(error, { form });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('profile.name')}
          required
          style={{ flex: '1 1 16rem' }}
          {...form.getInputProps('name')}
        />
        <Button type="submit" loading={form.submitting}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      newPassword: (v) => {
        const result = ZPassword.safeParse(v);
        return result.success ? null : issueMessage(t, result.error.issues[0]!);
      },
      repeat: (v, values) => (v === values.newPassword ? null : t('profile.passwordsDiffer')),
    },
  });
  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await api.patch<Me>('/auth/me', { currentPassword, newPassword });
      form.reset();
      notifySaved(t, t('profile.passwordChanged'));
    } catch (error) {
      handleError(error, { form });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        <PasswordInput
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('profile.newPassword')}
          description={t('profile.passwordHint')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('profile.repeatPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('repeat')}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ProfilePage(): JSX.Element {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader
        title={t('profile.title')}
        crumbs={[{ label: t('nav.account'), to: '/account' }]}
      />
      <Stack gap="lg">
        <DetailCard>
          <DetailField label={t('profile.email')}>{user.email}</DetailField>
          <DetailField label={t('profile.role')}>
            {t(`enums.role.${user.role}`)}
            {user.memberState ? ` · ${user.memberState}` : ''}
          </DetailField>
        </DetailCard>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="md">
            {t('profile.nameTitle')}
          </Title>
          <NameForm />
        </Paper>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="xs">
            {t('profile.languageTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm" id="language-hint">
            {t('profile.languageHint')}
          </Text>
          <SegmentedControl
            aria-label={t('language.label')}
            aria-describedby="language-hint"
            value={i18n.language}
            onChange={(value) =>
              changeLanguage(queryClient, value as Language)
                .then(() => notifySaved(t))
                .catch((error: unknown) => notifyError(t, error))
            }
            data={[
              { value: 'en', label: 'English' },
              { value: 'ru', label: 'Русский' },
            ]}
          />
        </Paper>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Title order={2} fz="h4" mb="md">
            {t('profile.passwordTitle')}
          </Title>
          <PasswordForm />
        </Paper>
        <TwoFactorCard />
        {user.role === 'admin' && <SecuritySettingsCard />}
        <CalendarFeedCard />
      </Stack>
    </>
  );
}
