import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Me, SecuritySettings } from '@plenum/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { meQuery, useMe } from '../../app/auth.ts';
import { notifyError, notifySaved } from '../../app/errors.ts';
import { useErrorHandler } from '../../app/form-errors.ts';
import { TotpEnrolment } from '../auth/totp-enrolment.tsx';

const settingsKey = ['settings', 'security'];

function DisableForm(props: { onDone: () => void }): JSX.Element {
  const { t } = useTranslation();
  const handleError = useErrorHandler();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!password && !code.trim()) {
      return;
    }
    setBusy(true);
    try {
      await api.delete('/auth/totp', undefined, code.trim() ? { code: code.trim() } : { password });
      props.onDone();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420} gap="sm">
        <Text fw={600}>{t('twofactor.disableTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('twofactor.disableHint')}
        </Text>
        <PasswordInput
          label={t('twofactor.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <TextInput
          label={t('twofactor.code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" color="red" variant="outline" loading={busy}>
            {t('twofactor.disable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One's own two-factor sign-in: turn on (enrol) or off. */
export function TwoFactorCard(): JSX.Element {
  const { t } = useTranslation();
  const { t: tc } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const enabled = me?.totpEnabled === true;
  const setEnabled = (value: boolean) => {
    const current = queryClient.getQueryData(meQuery.queryKey);
    if (current) {
      const next: Me = { ...current, totpEnabled: value };
      queryClient.setQueryData(meQuery.queryKey, next);
    }
  };
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb="xs">
        {t('twofactor.cardTitle')}
      </Title>
      <Text size="sm" mb="md">
        {enabled && !enrolling ? t('twofactor.cardOn') : t('twofactor.cardOff')}
      </Text>
      {enabled && !enrolling ? (
        <DisableForm
          onDone={() => {
            setEnabled(false);
            notifySaved(tc, t('twofactor.disabled'));
          }}
        />
      ) : (
        <TotpEnrolment
          onDone={() => {
            setEnrolling(false);
            notifySaved(tc, t('twofactor.enabled'));
          }}
          onStarted={() => setEnrolling(true)}
        />
      )}
    </Paper>
  );
}

/** The administrator's switch: two-factor sign-in for everyone. */
export function SecuritySettingsCard(): JSX.Element {
  const { t } = useTranslation();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: () => api.get<SecuritySettings>('/settings/security'),
  });
  const [busy, setBusy] = useState(false);
  const change = async (requireTotp: boolean) => {
    if (!settings.data) {
      return;
    }
    setBusy(true);
    try {
      const next = await api.patch<SecuritySettings>(
        '/settings/security',
        { requireTotp },
        settings.data.version,
      );
      queryClient.setQueryData(settingsKey, next);
      notifySaved(tc);
    } catch (error) {
      notifyError(tc, error);
      await settings.refetch();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} fz="h4" mb="md">
        {t('twofactor.adminTitle')}
      </Title>
      {settings.isError ? (
        <Alert color="red">{tc('errors.internal.text')}</Alert>
      ) : (
        <Switch
          label={t('twofactor.requireAll')}
          description={t('twofactor.requireAllHint')}
          checked={settings.data?.requireTotp ?? false}
          disabled={!settings.data || busy}
          onChange={(e) => void change(e.currentTarget.checked)}
        />
      )}
    </Paper>
  );
}
